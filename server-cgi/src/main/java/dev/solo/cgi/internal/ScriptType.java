package dev.solo.cgi.internal;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code cgi EXT [INTERPRETER];} directive, resolved.
 *
 * @param extension the file extension with its dot, e.g. {@code .py}; matched case-sensitively, as file names are
 * @param interpreter the interpreter's absolute path, or null to execute the script itself
 */
public record ScriptType(String extension, Path interpreter) {

    /**
     * Checks the components.
     *
     * @param extension the file extension with its dot
     * @param interpreter the interpreter's absolute path, or null to execute the script itself
     * @throws NullPointerException if {@code extension} is null
     */
    public ScriptType {
        Objects.requireNonNull(extension, "extension");
    }

    /** @return the interpreter, or empty when the script is executed itself */
    public Optional<Path> interpreterPath() {
        return Optional.ofNullable(interpreter);
    }

    /**
     * @param segment one decoded path segment
     * @return true when the segment is a file name with this extension (not the bare extension, e.g. {@code .py})
     */
    public boolean matches(String segment) {
        return segment.length() > extension.length() && segment.endsWith(extension);
    }
}
