package dev.solo.config.internal;

import dev.solo.config.ConfigException;
import dev.solo.config.SourcePosition;

import java.nio.file.Path;

/**
 * Splits configuration text into {@link Token}s, tracking 1-based lines and columns.
 *
 * <p>Rules, after nginx: {@code #} at the start of a token starts a comment to the end of the line;
 * inside an unquoted word it is an ordinary character ({@code a#b} is one word). Unquoted words end at
 * whitespace, {@code ;}, <code>&#123;</code> and <code>&#125;</code>. Quoted words use {@code "} or {@code '} and may hold
 * anything; inside quotes {@code \" \' \\ \n \t \r} are escapes and any other backslash is kept
 * as is, so regular expressions such as {@code "\.php$"} need no doubling.
 */
final class Lexer {

    private final String text;
    private final Path file;
    private int index;
    private int line = 1;
    private int column = 1;

    Lexer(String text, Path file) {
        this.text = text;
        this.file = file;
    }

    /**
     * Reads the next token.
     *
     * @return the token; {@link Token.Kind#END} at the end, repeatedly
     * @throws ConfigException for an unterminated quoted word or text glued to a closing quote
     */
    Token next() throws ConfigException {
        skipBlanksAndComments();
        SourcePosition start = position();
        if (index >= text.length()) {
            return new Token(Token.Kind.END, "", false, start, start);
        }
        char c = text.charAt(index);
        switch (c) {
            case ';':
                return single(Token.Kind.SEMICOLON, start);
            case '{':
                return single(Token.Kind.OPEN_BRACE, start);
            case '}':
                return single(Token.Kind.CLOSE_BRACE, start);
            case '"':
            case '\'':
                return quoted(c, start);
            default:
                return word(start);
        }
    }

    private Token single(Token.Kind kind, SourcePosition start) {
        advance();
        return new Token(kind, "", false, start, position());
    }

    private Token word(SourcePosition start) {
        int from = index;
        while (index < text.length() && !endsWord(text.charAt(index))) {
            advance();
        }
        return new Token(Token.Kind.WORD, text.substring(from, index), false, start, position());
    }

    private Token quoted(char quote, SourcePosition start) throws ConfigException {
        advance();
        StringBuilder value = new StringBuilder();
        while (true) {
            if (index >= text.length()) {
                throw new ConfigException(start, "unterminated string: missing closing " + quote);
            }
            char c = text.charAt(index);
            if (c == quote) {
                advance();
                break;
            }
            if (c == '\\' && index + 1 < text.length()) {
                value.append(unescape(text.charAt(index + 1)));
                advance();
                advance();
            } else {
                value.append(c);
                advance();
            }
        }
        if (index < text.length() && !endsWord(text.charAt(index)) && text.charAt(index) != '#') {
            throw new ConfigException(position(), "unexpected '" + text.charAt(index)
                    + "' after closing " + quote + "; separate arguments with spaces");
        }
        return new Token(Token.Kind.WORD, value.toString(), true, start, position());
    }

    private static String unescape(char escaped) {
        switch (escaped) {
            case '"':
            case '\'':
            case '\\':
                return String.valueOf(escaped);
            case 'n':
                return "\n";
            case 't':
                return "\t";
            case 'r':
                return "\r";
            default:
                // Like nginx: unknown escapes stay, so "\.php$" or "\d" reach a regex intact.
                return "\\" + escaped;
        }
    }

    private void skipBlanksAndComments() {
        while (index < text.length()) {
            char c = text.charAt(index);
            if (isBlank(c)) {
                advance();
            } else if (c == '#') {
                while (index < text.length() && text.charAt(index) != '\n') {
                    advance();
                }
            } else {
                return;
            }
        }
    }

    private void advance() {
        if (text.charAt(index) == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
        index++;
    }

    private SourcePosition position() {
        return new SourcePosition(file, line, column);
    }

    private static boolean endsWord(char c) {
        return isBlank(c) || c == ';' || c == '{' || c == '}';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
