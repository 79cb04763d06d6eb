package dev.solo.cgi.internal;

import dev.solo.config.spi.ArgumentCheck;

/** Argument checks of the CGI directives, run when the configuration is validated. */
public final class CgiConfigChecks {

    /** The largest {@code cgi_max_processes}: far above what one machine can fork, low enough to catch typos. */
    public static final int MAX_PROCESSES_LIMIT = 100_000;

    private CgiConfigChecks() {
    }

    /**
     * The argument is a file extension: a dot followed by at least one character, without slashes.
     *
     * @param index 0-based argument index
     * @return the check
     */
    public static ArgumentCheck extension(int index) {
        return d -> {
            if (index < d.argCount() && !isExtension(d.arg(index))) {
                throw d.argError(index, "'" + d.name() + "' expects an extension such as .py, got '"
                        + d.arg(index) + "'");
            }
        };
    }

    /**
     * The argument, when present, names an executable interpreter (see {@link InterpreterLookup}).
     *
     * @param index 0-based argument index
     * @return the check
     */
    public static ArgumentCheck interpreter(int index) {
        return d -> {
            if (index < d.argCount()) {
                InterpreterLookup.find(d, index, System.getenv("PATH"));
            }
        };
    }

    /**
     * The argument is a duration above zero (a zero timeout would kill every script at once).
     *
     * @param index 0-based argument index
     * @return the check
     */
    public static ArgumentCheck positiveDuration(int index) {
        return d -> {
            if (index < d.argCount() && d.durationArg(index).isZero()) {
                throw d.argError(index, "'" + d.name() + "' must be more than 0");
            }
        };
    }

    /**
     * The argument is an environment variable name: a letter or underscore, then letters, digits or underscores.
     *
     * @param index 0-based argument index
     * @return the check
     */
    public static ArgumentCheck environmentName(int index) {
        return d -> {
            if (index < d.argCount() && !isEnvironmentName(d.arg(index))) {
                throw d.argError(index, "'" + d.name() + "' expects a variable name such as APP_MODE, got '"
                        + d.arg(index) + "'");
            }
        };
    }

    static boolean isExtension(String text) {
        return text.length() >= 2 && text.charAt(0) == '.' && text.indexOf('/') < 0 && text.indexOf('\0') < 0;
    }

    static boolean isEnvironmentName(String text) {
        if (text.isEmpty() || Character.isDigit(text.charAt(0))) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
