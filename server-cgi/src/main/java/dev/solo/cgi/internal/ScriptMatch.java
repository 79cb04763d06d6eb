package dev.solo.cgi.internal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A request path split into the script and what follows it (RFC 3875 §4.1.5, §4.1.13).
 *
 * @param script the script file, absolute
 * @param type the script type whose extension matched
 * @param scriptName the decoded URL path up to and including the script's segment, e.g. {@code /cgi-bin/app.py}
 * @param pathInfo the decoded rest of the path, e.g. {@code /users/7}, or empty
 */
record ScriptMatch(Path script, ScriptType type, String scriptName, String pathInfo) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public ScriptMatch {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(scriptName, "scriptName");
        Objects.requireNonNull(pathInfo, "pathInfo");
    }
}
