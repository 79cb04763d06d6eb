package dev.solo.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Config texts for tests: {@code {name}} placeholders replaced by values, written to a file.
 *
 * <p>A {@link Path} value becomes its absolute path in double quotes (so a temp directory with odd characters still
 * reads as one word); any other value is inserted as written, e.g. a port number. Only names present in the map are
 * replaced, so block braces such as <code>server {</code> or <code>{ return 200 ok; }</code> are never mistaken for
 * placeholders, and a placeholder with no value is left alone for the config parser to reject.
 */
public final class ConfigText {

    /** The file name {@link #write} uses. */
    public static final String FILE_NAME = "solo.conf";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_-]*)}");

    private ConfigText() {
    }

    /**
     * @param template config text with {@code {name}} placeholders
     * @param values placeholder values, by name
     * @return the text with every known placeholder replaced
     */
    public static String render(String template, Map<String, ?> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (matcher.find()) {
            Object value = values.get(matcher.group(1));
            String replacement = value == null ? matcher.group() : format(value);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * Renders the template and writes it as {@value #FILE_NAME} in a directory.
     *
     * @param directory where to write; relative paths in the config resolve against it
     * @param template config text with placeholders
     * @param values placeholder values
     * @return the written file
     * @throws IOException when the file cannot be written
     */
    public static Path write(Path directory, String template, Map<String, ?> values) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE_NAME);
        Files.writeString(file, render(template, values), StandardCharsets.UTF_8);
        return file;
    }

    private static String format(Object value) {
        if (value instanceof Path) {
            String path = ((Path) value).toAbsolutePath().toString();
            return '"' + path.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return String.valueOf(value);
    }
}
