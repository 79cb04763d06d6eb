package dev.solo.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigParserTest {

    private static final Path FILE = Path.of("test.conf");

    private static List<Directive> parse(String text) throws ConfigException {
        return ConfigParser.parse(text, FILE).directives();
    }

    private static ConfigError parseError(String text) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigParser.parse(text, FILE));
        assertEquals(1, e.errors().size(), "a syntax error stops parsing");
        return e.errors().get(0);
    }

    private static SourcePosition at(int line, int column) {
        return new SourcePosition(FILE, line, column);
    }

    @Test
    void parsesSimpleDirectiveWithArguments() throws ConfigException {
        Directive listen = parse("listen 127.0.0.1 8080;").get(0);

        assertEquals("listen", listen.name());
        assertEquals(at(1, 1), listen.position());
        assertEquals(List.of(new Argument("127.0.0.1", at(1, 8), false), new Argument("8080", at(1, 18), false)),
                listen.args());
        assertFalse(listen.isBlock());
        assertTrue(listen.children().isEmpty());
        assertEquals(FILE, listen.sourceFile());
    }

    @Test
    void parsesDirectiveWithoutArguments() throws ConfigException {
        Directive gzip = parse("gzip;").get(0);

        assertEquals("gzip", gzip.name());
        assertEquals(0, gzip.argCount());
    }

    @Test
    void parsesNestedBlocksWithPositions() throws ConfigException {
        List<Directive> top = parse("server {\n"
                + "    listen 80;\n"
                + "    location /img {\n"
                + "        root /srv;\n"
                + "    }\n"
                + "}\n");

        Directive server = top.get(0);
        assertTrue(server.isBlock());
        assertEquals(0, server.argCount());
        assertEquals(2, server.children().size());
        assertEquals(at(2, 5), server.children().get(0).position());
        Directive location = server.children().get(1);
        assertEquals("location", location.name());
        assertEquals("/img", location.arg(0));
        assertEquals(at(3, 5), location.position());
        assertEquals(at(4, 9), location.children().get(0).position());
        assertEquals("/srv", location.children().get(0).arg(0));
    }

    @Test
    void parsesEmptyBlockAsBlock() throws ConfigException {
        Directive events = parse("events {}").get(0);

        assertTrue(events.isBlock());
        assertTrue(events.children().isEmpty());
    }

    @Test
    void parsesSeveralDirectivesOnOneLineAndOneDirectiveOverSeveralLines() throws ConfigException {
        List<Directive> directives = parse("a 1; b 2;\nc\n  3\n  4;");

        assertEquals(List.of("a", "b", "c"), directives.stream().map(Directive::name).toList());
        assertEquals(at(1, 6), directives.get(1).position());
        assertEquals(at(4, 3), directives.get(2).args().get(1).position());
    }

    @Test
    void countsCrlfAsOneLineBreak() throws ConfigException {
        List<Directive> directives = parse("a 1;\r\nb 2;\r\n");

        assertEquals(at(2, 1), directives.get(1).position());
    }

    @Test
    void ignoresCommentsOnTheirOwnLinesAndAfterDirectives() throws ConfigException {
        List<Directive> directives = parse("# leading comment\nlisten 80; # trailing; { }\n#last");

        assertEquals(1, directives.size());
        assertEquals(at(2, 1), directives.get(0).position());
    }

    @Test
    void keepsHashInsideUnquotedWord() throws ConfigException {
        assertEquals("a#b", parse("root a#b;").get(0).arg(0));
    }

    @Test
    void treatsHashAtStartOfWordAsComment() {
        ConfigError error = parseError("color #fff;\n");

        assertEquals(at(1, 6), error.position());
        assertEquals("expected ';' to end directive 'color', found end of file", error.message());
    }

    @Test
    void commentRightAfterSemicolonIsAComment() throws ConfigException {
        assertEquals(2, parse("a 1;#note\nb 2;").size());
    }

    @Test
    void doubleQuotesHoldSpacesSemicolonsBracesAndHashes() throws ConfigException {
        Directive header = parse("add_header X-Test \"a b; {c} #d\";").get(0);

        assertEquals(new Argument("a b; {c} #d", at(1, 19), true), header.args().get(1));
        assertFalse(header.args().get(0).quoted());
    }

    @Test
    void singleQuotesWorkLikeDoubleQuotes() throws ConfigException {
        assertEquals("say \"hi\"", parse("text 'say \"hi\"';").get(0).arg(0));
    }

    @Test
    void replacesKnownEscapesInsideQuotes() throws ConfigException {
        Directive d = parse("x \"a\\\"b\" 'it\\'s' \"back\\\\slash\" \"l1\\nl2\\tt\\r\";").get(0);

        assertEquals(List.of("a\"b", "it's", "back\\slash", "l1\nl2\tt\r"),
                d.args().stream().map(Argument::value).toList());
    }

    @Test
    void keepsUnknownEscapesSoRegexesSurvive() throws ConfigException {
        assertEquals("\\.php$", parse("location ~ \"\\.php$\" {}").get(0).arg(1));
    }

    @Test
    void takesBackslashesInUnquotedWordsLiterally() throws ConfigException {
        assertEquals(List.of("~", "\\.php$"),
                parse("location ~ \\.php$ {}").get(0).args().stream().map(Argument::value).toList());
    }

    @Test
    void keepsQuoteInsideUnquotedWord() throws ConfigException {
        assertEquals("b\"c\"", parse("a b\"c\";").get(0).arg(0));
    }

    @Test
    void acceptsEmptyQuotedArgument() throws ConfigException {
        Argument empty = parse("default_type \"\";").get(0).args().get(0);

        assertEquals("", empty.value());
        assertTrue(empty.quoted());
    }

    @Test
    void tracksPositionsAfterQuotedStringSpanningLines() throws ConfigException {
        List<Directive> directives = parse("text \"one\ntwo\" next;\nafter;");

        assertEquals("one\ntwo", directives.get(0).arg(0));
        assertEquals(at(2, 6), directives.get(0).args().get(1).position());
        assertEquals(at(3, 1), directives.get(1).position());
    }

    @Test
    void allowsCommentDirectlyAfterClosingQuote() throws ConfigException {
        assertEquals("a", parse("x \"a\"# comment\n;").get(0).arg(0));
    }

    @Test
    void skipsByteOrderMark() throws ConfigException {
        assertEquals(at(1, 1), parse("\uFEFFlisten 80;").get(0).position());
    }

    @Test
    void acceptsEmptyText() throws ConfigException {
        assertTrue(parse("  # nothing\n").isEmpty());
    }

    @Test
    void rejectsUnexpectedClosingBraceAtTopLevel() {
        ConfigError error = parseError("listen 80;\n}\n");

        assertEquals(at(2, 1), error.position());
        assertEquals("unexpected '}': no block is open", error.message());
    }

    @Test
    void reportsUnclosedBlockAtItsOpeningBrace() {
        ConfigError error = parseError("http {\n  server {\n    listen 80;\n  }\n");

        assertEquals(at(1, 6), error.position());
        assertEquals("unexpected end of file, expecting '}' to close the 'http' block opened here", error.message());
    }

    @Test
    void reportsMissingSemicolonWhereItWasExpectedBeforeClosingBrace() {
        ConfigError error = parseError("server {\n  root /x\n}\n");

        assertEquals(at(2, 10), error.position());
        assertEquals("expected ';' to end directive 'root', found '}'", error.message());
    }

    @Test
    void reportsMissingSemicolonAtEndOfFile() {
        ConfigError error = parseError("root /x");

        assertEquals(at(1, 8), error.position());
        assertEquals("expected ';' to end directive 'root', found end of file", error.message());
    }

    @Test
    void reportsMissingSemicolonAfterQuotedArgumentAtItsClosingQuote() {
        assertEquals(at(1, 10), parseError("root \"/x\"\n}").position());
    }

    @Test
    void reportsUnterminatedStringAtOpeningQuote() {
        ConfigError error = parseError("server {\n  root \"/srv;\n}\n");

        assertEquals(at(2, 8), error.position());
        assertEquals("unterminated string: missing closing \"", error.message());
    }

    @Test
    void reportsUnterminatedSingleQuotedStringEndingInBackslash() {
        ConfigError error = parseError("root 'abc\\");

        assertEquals(at(1, 6), error.position());
        assertEquals("unterminated string: missing closing '", error.message());
    }

    @Test
    void rejectsTextGluedToClosingQuote() {
        ConfigError error = parseError("root \"a\"b;");

        assertEquals(at(1, 9), error.position());
        assertEquals("unexpected 'b' after closing \"; separate arguments with spaces", error.message());
    }

    @Test
    void rejectsEmptyQuotedDirectiveName() {
        ConfigError error = parseError("listen 80;\n  \"\" x;");

        assertEquals(at(2, 3), error.position());
        assertEquals("empty directive name", error.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {";", "listen 80;;"})
    void rejectsSemicolonWithoutDirectiveName(String text) {
        ConfigError error = parseError(text);

        assertEquals(at(1, text.length()), error.position());
        assertEquals("unexpected ';': empty directive name", error.message());
    }

    @Test
    void rejectsBlockWithoutDirectiveName() {
        ConfigError error = parseError("server {\n  { }\n}");

        assertEquals(at(2, 3), error.position());
        assertEquals("unexpected '{': block without a directive name", error.message());
    }

    @Test
    void rejectsExcessiveNesting() {
        String text = "a {".repeat(101) + "}".repeat(101);

        ConfigError error = parseError(text);

        assertEquals(at(1, 303), error.position());
        assertTrue(error.message().startsWith("blocks nested more than 100 deep"));
    }

    @Test
    void acceptsNestingUpToTheLimit() throws ConfigException {
        assertEquals(1, parse("a {".repeat(100) + "}".repeat(100)).size());
    }

    @Test
    void formatsErrorsAsFileLineColumnMessage() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigParser.parse("}", Path.of("conf/solo.conf")));

        assertEquals("conf/solo.conf:1:1: unexpected '}': no block is open", e.getMessage());
    }

    @Test
    void documentKnowsItsFileAndFindsTopLevelDirectives() throws ConfigException {
        ConfigDocument doc = ConfigParser.parse("user www;\nserver {}\nserver {}\n", FILE);

        assertEquals(FILE, doc.file());
        assertEquals(List.of(FILE), doc.files());
        assertEquals(2, doc.directives("server").size());
        assertEquals("www", doc.directive("user").orElseThrow().arg(0));
        assertTrue(doc.directive("group").isEmpty());
    }
}
