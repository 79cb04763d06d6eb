package dev.solo.it.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a test reaches the server: plain TCP, or TLS on the same sockets. Test classes that speak HTTP/1.1 byte by
 * byte run once per transport (a JUnit {@code @ParameterizedClass} over this enum), so every request-parsing,
 * framing, pipelining and timeout case holds over HTTPS too, not only over plain HTTP.
 *
 * <p>Over TLS, {@link TestServer} rewrites the config: every {@code listen} gets {@code ssl}, and the main context
 * gets the certificate of {@link TestTls} (valid for {@code localhost} and 127.0.0.1 to 127.0.0.9). Raw clients send
 * no SNI unless asked (as a client dialling an IP address), so any {@code Host} may follow without a 421.
 */
public enum Transport {

    /** Plain TCP: {@code http://}. */
    PLAIN,

    /** TLS (the JDK's client, trusting the test CA only): {@code https://}. */
    TLS;

    private static final Pattern LISTEN = Pattern.compile("(?m)(^|[\\s{;])(listen\\s+[^;{}\"]*?)\\s*;");

    /** @return the URI scheme, {@code http} or {@code https} */
    public String scheme() {
        return this == TLS ? "https" : "http";
    }

    /**
     * @param config a config text, placeholders already replaced
     * @return the text to run over this transport: unchanged for {@link #PLAIN}; for {@link #TLS} every listen with
     *         {@code ssl} added (unless it has it) and the test certificate declared in the main context
     */
    public String config(String config) {
        if (this == PLAIN) {
            return config;
        }
        Matcher matcher = LISTEN.matcher(config);
        StringBuilder out = new StringBuilder(config.length() + 256);
        while (matcher.find()) {
            String listen = matcher.group(2);
            String replacement = matcher.group(1) + listen + (listen.matches(".*\\sssl(\\s.*)?") ? ";" : " ssl;");
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        // Appended, not prepended, so that the positions of config errors stay those of the test's text.
        return out + "\n" + TestTls.get().mainContextDirectives();
    }
}
