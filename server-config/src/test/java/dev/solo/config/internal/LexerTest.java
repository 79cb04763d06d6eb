package dev.solo.config.internal;

import dev.solo.config.ConfigException;
import dev.solo.config.SourcePosition;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LexerTest {

    private static final Path FILE = Path.of("t.conf");

    private static List<Token> tokens(String text) throws ConfigException {
        Lexer lexer = new Lexer(text, FILE);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (token.kind() != Token.Kind.END);
        return tokens;
    }

    private static SourcePosition at(int line, int column) {
        return new SourcePosition(FILE, line, column);
    }

    @Test
    void splitsWordsAndPunctuationWithStartAndEndPositions() throws ConfigException {
        List<Token> tokens = tokens("ab {\n cd;}");

        assertEquals(List.of(Token.Kind.WORD, Token.Kind.OPEN_BRACE, Token.Kind.WORD, Token.Kind.SEMICOLON,
                Token.Kind.CLOSE_BRACE, Token.Kind.END), tokens.stream().map(Token::kind).toList());
        assertEquals(at(1, 1), tokens.get(0).start());
        assertEquals(at(1, 3), tokens.get(0).end());
        assertEquals(at(2, 2), tokens.get(2).start());
        assertEquals(at(2, 4), tokens.get(3).start());
        assertEquals(at(2, 6), tokens.get(5).start());
    }

    @Test
    void quotedWordEndsAfterItsClosingQuote() throws ConfigException {
        Token word = tokens("  'a b'").get(0);

        assertTrue(word.quoted());
        assertEquals("a b", word.value());
        assertEquals(at(1, 3), word.start());
        assertEquals(at(1, 8), word.end());
    }

    @Test
    void unquotedWordsStopAtBracesWithoutSpaces() throws ConfigException {
        List<Token> tokens = tokens("a{b}c;");

        assertEquals(List.of("a", "", "b", "", "c", "", ""), tokens.stream().map(Token::value).toList());
        assertFalse(tokens.get(0).quoted());
    }

    @Test
    void endTokenRepeatsAtTheEnd() throws ConfigException {
        Lexer lexer = new Lexer("x # c", FILE);
        lexer.next();

        assertEquals(Token.Kind.END, lexer.next().kind());
        assertEquals(Token.Kind.END, lexer.next().kind());
    }

    @Test
    void describesTokensForMessages() throws ConfigException {
        assertEquals(List.of("'w'", "';'", "'{'", "'}'", "end of file"),
                tokens("w;{}").stream().map(Token::describe).toList());
    }
}
