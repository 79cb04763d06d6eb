package dev.solo.http.internal.upload;

import dev.solo.http.internal.routing.FileMapping;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which file names a client may create. A name from a client is a request, never a path: only its last
 * component is used, and it is rewritten until it is one harmless, portable file name.
 *
 * <p>{@link #sanitize(String)} applies, in order:
 * <ol>
 *   <li>only the base name: everything up to the last {@code /} or {@code \} goes (browsers on Windows used to send
 *       {@code C:\Users\me\a.txt});</li>
 *   <li>Unicode NFC, so the same name typed on macOS (NFD) and elsewhere is the same file;</li>
 *   <li>control and format characters (including the bidirectional overrides that disguise {@code exe.txt} as
 *       {@code txt.exe}), line separators, unpaired surrogates and the characters Windows forbids
 *       ({@code < > : " | ? *}) each become {@code _}, so a stored file can be copied to any system;</li>
 *   <li>leading dots and spaces go: no hidden files, no {@code .} or {@code ..}, no {@code .htaccess}, and no clash
 *       with the {@code .upload-*.part} files uploads are staged in; trailing dots and spaces go too, since
 *       Windows drops them silently;</li>
 *   <li>a Windows device name ({@code CON}, {@code NUL}, {@code COM1}, {@code LPT1}..., with or without an
 *       extension, in any case) gets a {@code _} prefix;</li>
 *   <li>a name over {@value #MAX_NAME_BYTES} bytes of UTF-8 (the limit of common file systems) is shortened before
 *       its extension, at a code point boundary.</li>
 * </ol>
 * A name that ends up empty is refused.
 *
 * <p>An existing file is never overwritten by an upload. A multipart POST, or a POST to {@code /prefix/NAME}, that
 * names an existing file stores the new one under the first free {@link #numbered(String, int)} name,
 * {@code name (1).ext}, {@code name (2).ext} and so on, as browsers do for downloads. A PUT names the resource it
 * creates, so renaming it silently would answer a question nobody asked: PUT to an existing name is refused with
 * 409 Conflict (RFC 9110 §9.3.4 lets a server refuse a PUT that conflicts with the target's state). Delete the file
 * first to replace it.
 */
final class FileNames {

    /** The longest name, in bytes of UTF-8, that ext4, XFS, APFS and NTFS all accept. */
    static final int MAX_NAME_BYTES = 255;

    /** Device names Windows reserves in every directory, whatever the extension (compared in upper case). */
    private static final Set<String> WINDOWS_DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "COM\u00b9", "COM\u00b2", "COM\u00b3",
            "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
            "LPT\u00b9", "LPT\u00b2", "LPT\u00b3");

    private static final String WINDOWS_FORBIDDEN = "<>:\"|?*";

    private FileNames() {
    }

    /**
     * Turns what a client sent into a file name that is safe to create in the target directory.
     *
     * @param sent the name from {@code filename} or the request path; may hold a path
     * @return the sanitised name, or empty when nothing usable is left
     */
    static Optional<String> sanitize(String sent) {
        if (sent == null) {
            return Optional.empty();
        }
        String base = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
        String name = trimDotsAndSpaces(replaceUnsafe(Normalizer.normalize(base, Normalizer.Form.NFC)));
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (isWindowsDevice(name)) {
            name = "_" + name;
        }
        if (!FileMapping.representable(name)) {
            // Under a non-UTF-8 locale (LANG=C) Java writes file names in ASCII: keep the name, less what cannot be.
            name = name.codePoints().collect(StringBuilder::new, (b, c) -> b.appendCodePoint(c < 0x80 ? c : '_'),
                    StringBuilder::append).toString();
            if (!FileMapping.representable(name)) {
                return Optional.empty();
            }
        }
        return Optional.of(fit(name, ""));
    }

    /**
     * The n-th alternative to a name that is taken: {@code report.pdf} becomes {@code report (1).pdf}.
     *
     * @param name a sanitised name
     * @param n the number, 1 or more
     * @return the numbered name, shortened before the suffix if needed to stay within {@value #MAX_NAME_BYTES}
     *         bytes
     */
    static String numbered(String name, int n) {
        return fit(name, " (" + n + ")");
    }

    /**
     * @param name a file name
     * @return true for names a listing hides and a client can neither create nor delete: those starting with a dot
     */
    static boolean isHidden(String name) {
        return name.startsWith(".");
    }

    private static String replaceUnsafe(String name) {
        StringBuilder safe = new StringBuilder(name.length());
        name.codePoints().forEach(c -> safe.appendCodePoint(isUnsafe(c) ? '_' : c));
        return safe.toString();
    }

    private static boolean isUnsafe(int c) {
        switch (Character.getType(c)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SURROGATE:
                return true;
            default:
                return WINDOWS_FORBIDDEN.indexOf(c) >= 0;
        }
    }

    private static String trimDotsAndSpaces(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && isDotOrSpace(name.charAt(start))) {
            start++;
        }
        while (end > start && isDotOrSpace(name.charAt(end - 1))) {
            end--;
        }
        return name.substring(start, end);
    }

    private static boolean isDotOrSpace(char c) {
        return c == '.' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Windows reserves device names before the first dot: {@code nul.tar.gz} is the device too. */
    private static boolean isWindowsDevice(String name) {
        int dot = name.indexOf('.');
        String stem = (dot < 0 ? name : name.substring(0, dot)).stripTrailing();
        return WINDOWS_DEVICES.contains(stem.toUpperCase(Locale.ROOT));
    }

    /**
     * Inserts a suffix before the extension and shortens the stem until the whole name fits. An extension that is
     * itself too long to leave room is treated as part of the stem.
     */
    private static String fit(String name, String suffix) {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        int fixedBytes = utf8Length(suffix) + utf8Length(extension);
        if (fixedBytes > MAX_NAME_BYTES / 2) {
            stem = name;
            extension = "";
            fixedBytes = utf8Length(suffix);
        }
        int room = MAX_NAME_BYTES - fixedBytes;
        if (utf8Length(stem) > room) {
            stem = trimDotsAndSpaces(truncate(stem, room));
        }
        return stem + suffix + extension;
    }

    /** The longest prefix of whole code points that fits in a number of UTF-8 bytes. */
    private static String truncate(String text, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int c = text.codePointAt(end);
            int size = utf8Length(new String(Character.toChars(c)));
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(c);
        }
        return text.substring(0, end);
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
