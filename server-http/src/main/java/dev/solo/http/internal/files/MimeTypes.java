package dev.solo.http.internal.files;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Media types by file extension, read once from the {@code mime.types} resource beside this class. */
public final class MimeTypes {

    /** Sent for files whose extension is unknown (RFC 9110 §8.3: a recipient may then sniff or treat as bytes). */
    public static final String DEFAULT = "application/octet-stream";

    private final Map<String, String> byExtension;

    private MimeTypes(Map<String, String> byExtension) {
        this.byExtension = byExtension;
    }

    /** @return the built-in table */
    public static MimeTypes load() {
        Map<String, String> map = new HashMap<>();
        try (InputStream in = MimeTypes.class.getResourceAsStream("mime.types")) {
            if (in == null) {
                throw new IllegalStateException("mime.types resource is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int space = line.indexOf(' ');
                map.put(line.substring(0, space).toLowerCase(Locale.ROOT), line.substring(space + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MimeTypes(Map.copyOf(map));
    }

    /**
     * @param fileName a file name
     * @return its media type, or {@link #DEFAULT}
     */
    public String forName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return DEFAULT;
        }
        String type = byExtension.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
        return type != null ? type : DEFAULT;
    }
}
