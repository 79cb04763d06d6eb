package dev.solo.config.internal;

import dev.solo.config.ConfigError;
import dev.solo.config.ConfigException;
import dev.solo.config.SourcePosition;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads configuration files as strict UTF-8 and turns I/O failures into {@link ConfigException}s. */
final class SourceFiles {

    private SourceFiles() {
    }

    /**
     * Reads a whole file.
     *
     * @param file the file
     * @param at where to report a failure
     * @param description what the file is, for the message ("included file 'x.conf'")
     * @return the text, without a leading byte order mark
     */
    static String read(Path file, SourcePosition at, String description) throws ConfigException {
        if (Files.isDirectory(file)) {
            throw new ConfigException(at, "cannot read " + description + ": it is a directory");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException(new ConfigError(at, "cannot read " + description + ": " + reason(e)), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(new ConfigError(at, "cannot read " + description + ": not valid UTF-8"), e);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** A short, user-facing reason for an I/O failure; the JDK's messages for these are just the path. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
