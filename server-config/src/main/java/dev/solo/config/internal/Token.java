package dev.solo.config.internal;

import dev.solo.config.SourcePosition;

/**
 * One lexical token of a configuration file.
 *
 * @param kind what the token is
 * @param value the text of a {@link Kind#WORD} with quotes and escapes removed; empty otherwise
 * @param quoted whether a word was written in quotes
 * @param start where the token starts (the opening quote of a quoted word)
 * @param end the position just after the token's last character, where a missing {@code ;} belongs
 */
record Token(Kind kind, String value, boolean quoted, SourcePosition start, SourcePosition end) {

    /** Token kinds. */
    enum Kind {
        /** A directive name or argument, quoted or not. */
        WORD,
        /** {@code ;} ending a simple directive. */
        SEMICOLON,
        /** <code>&#123;</code> opening a block. */
        OPEN_BRACE,
        /** <code>&#125;</code> closing a block. */
        CLOSE_BRACE,
        /** The end of the text. */
        END
    }

    /**
     * Describes the token for messages such as "found '}'".
     *
     * @return a short description
     */
    String describe() {
        switch (kind) {
            case SEMICOLON:
                return "';'";
            case OPEN_BRACE:
                return "'{'";
            case CLOSE_BRACE:
                return "'}'";
            case END:
                return "end of file";
            default:
                return "'" + value + "'";
        }
    }
}
