package dev.solo.http.internal.config;

import dev.solo.config.ConfigException;
import dev.solo.config.Directive;

/** Reads a status code argument with its range check, reporting the argument's position. */
public final class StatusCodes {

    private StatusCodes() {
    }

    /**
     * @param directive the directive
     * @param index the argument
     * @param min lowest accepted code
     * @param max highest accepted code
     * @return the code
     * @throws ConfigException when it is not a number in range
     */
    public static int parse(Directive directive, int index, int min, int max) throws ConfigException {
        String text = directive.arg(index);
        if (text.length() != 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw directive.argError(index, "invalid status code '" + text + "'");
        }
        int code = Integer.parseInt(text);
        if (code < min || code > max) {
            throw directive.argError(index, "status code " + code + " is not allowed here (" + min + "-" + max + ")");
        }
        return code;
    }
}
