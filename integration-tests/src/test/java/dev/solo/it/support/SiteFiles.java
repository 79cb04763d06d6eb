package dev.solo.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the files of a test site, creating parent directories as needed. */
public final class SiteFiles {

    private SiteFiles() {
    }

    /**
     * @param root the site directory
     * @param relative a path under it, with {@code /} separators
     * @param content the file's text, written as UTF-8
     * @return the written file
     * @throws IOException when it cannot be written
     */
    public static Path write(Path root, String relative, String content) throws IOException {
        return write(root, relative, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param root the site directory
     * @param relative a path under it, with {@code /} separators
     * @param content the file's bytes
     * @return the written file
     * @throws IOException when it cannot be written
     */
    public static Path write(Path root, String relative, byte[] content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    /**
     * @param root the site directory
     * @param relative a directory path under it
     * @return the directory, created with its parents
     * @throws IOException when it cannot be created
     */
    public static Path directory(Path root, String relative) throws IOException {
        return Files.createDirectories(root.resolve(relative));
    }

    /**
     * @param length how many bytes
     * @return bytes 0, 1, ... 255, 0, 1, ...: every byte value, so a body mangled by a charset conversion shows
     */
    public static byte[] everyByte(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }
}
