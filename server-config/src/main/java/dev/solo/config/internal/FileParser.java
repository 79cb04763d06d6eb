package dev.solo.config.internal;

import dev.solo.config.Argument;
import dev.solo.config.ConfigException;
import dev.solo.config.Directive;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for the tokens of one file: directives, blocks, and {@code include}s,
 * which it hands to the {@link ConfigReader}. Stops at the first syntax error.
 */
final class FileParser {

    /** Deeper nesting is surely a mistake, and the limit keeps recursion far from the stack's end. */
    static final int MAX_NESTING = 100;

    private final ConfigReader reader;
    private final Path file;
    private final Lexer lexer;
    private int depth;

    FileParser(ConfigReader reader, String text, Path file) {
        this.reader = reader;
        this.file = file;
        this.lexer = new Lexer(text, file);
    }

    List<Directive> parseAll() throws ConfigException {
        return body(null, null);
    }

    /**
     * Parses directives up to the closing brace of {@code open}, or to the end for the top level.
     */
    private List<Directive> body(Token open, String blockName) throws ConfigException {
        List<Directive> directives = new ArrayList<>();
        while (true) {
            Token token = lexer.next();
            switch (token.kind()) {
                case END:
                    if (open != null) {
                        throw new ConfigException(open.start(), "unexpected end of file, expecting '}' to close the '"
                                + blockName + "' block opened here");
                    }
                    return directives;
                case CLOSE_BRACE:
                    if (open == null) {
                        throw new ConfigException(token.start(), "unexpected '}': no block is open");
                    }
                    return directives;
                case SEMICOLON:
                    throw new ConfigException(token.start(), "unexpected ';': empty directive name");
                case OPEN_BRACE:
                    throw new ConfigException(token.start(), "unexpected '{': block without a directive name");
                default:
                    directive(token, directives);
            }
        }
    }

    private void directive(Token name, List<Directive> into) throws ConfigException {
        if (name.value().isEmpty()) {
            throw new ConfigException(name.start(), "empty directive name");
        }
        List<Token> args = new ArrayList<>();
        Token last = name;
        while (true) {
            Token token = lexer.next();
            switch (token.kind()) {
                case WORD:
                    args.add(token);
                    last = token;
                    break;
                case SEMICOLON:
                    finish(name, args, null, into);
                    return;
                case OPEN_BRACE:
                    if (++depth > MAX_NESTING) {
                        throw new ConfigException(token.start(), "blocks nested more than " + MAX_NESTING + " deep");
                    }
                    List<Directive> children = body(token, name.value());
                    depth--;
                    finish(name, args, children, into);
                    return;
                default:
                    throw new ConfigException(last.end(), "expected ';' to end directive '" + name.value()
                            + "', found " + token.describe());
            }
        }
    }

    private void finish(Token name, List<Token> argTokens, List<Directive> children, List<Directive> into)
            throws ConfigException {
        if (BuiltinDirectives.INCLUDE.equals(name.value())) {
            if (children != null) {
                throw new ConfigException(name.start(), "'include' cannot open a block");
            }
            if (argTokens.size() != 1) {
                throw new ConfigException(name.start(), "'include' takes 1 argument, got " + argTokens.size());
            }
            into.addAll(reader.include(argTokens.get(0), file));
            return;
        }
        List<Argument> args = new ArrayList<>(argTokens.size());
        for (Token token : argTokens) {
            args.add(new Argument(token.value(), token.start(), token.quoted()));
        }
        into.add(children == null
                ? Directive.simple(name.value(), name.start(), args)
                : Directive.block(name.value(), name.start(), args, children));
    }
}
