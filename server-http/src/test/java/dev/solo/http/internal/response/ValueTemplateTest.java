package dev.solo.http.internal.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.config.ConfigException;
import dev.solo.config.ConfigParser;
import dev.solo.config.Directive;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ValueTemplateTest {

    private static ValueTemplate parse(String value) throws ConfigException {
        Directive d = ConfigParser.parse("return 301 \"" + value + "\";", Path.of("t.conf")).directives().get(0);
        return ValueTemplate.parse(d, 1);
    }

    @Test
    void fillsInEveryVariableOfARedirect() throws Exception {
        StubRequest request = new StubRequest();
        request.query = "x=1&y=2";
        request.scheme = "https";
        assertEquals("https://example.test:8080/a%20b/c.html?x=1&y=2 /a%20b/c.html x=1&y=2 192.0.2.7",
                parse("$scheme://$host:$server_port$request_uri $uri $args $remote_addr").expand(request, "srv"));
    }

    @Test
    void acceptsBracedNamesBetweenLetters() throws Exception {
        StubRequest request = new StubRequest();
        assertEquals("http://example.testX/", parse("${scheme}://${host}X/").expand(request, ""));
    }

    @Test
    void aRequestWithoutHostGetsTheServerName() throws Exception {
        StubRequest request = new StubRequest();
        request.host = null;
        assertEquals("srv.test", parse("$host").expand(request, "srv.test"));
        assertEquals("127.0.0.1", parse("$host").expand(request, ""));
    }

    @Test
    void aPathWithEncodedLineBreaksCannotSplitTheResponse() throws Exception {
        StubRequest request = new StubRequest();
        request.path = "/x\r\nSet-Cookie: a=b é";
        assertEquals("/x%0D%0ASet-Cookie:%20a=b%20%C3%A9", parse("$uri").expand(request, ""));
    }

    @Test
    void aValueWithoutVariablesIsTheSameStringEveryTime() throws Exception {
        ValueTemplate template = parse("https://example.test/");
        assertTrue(template.isConstant());
        assertSame(template.expand(new StubRequest(), ""), template.expand(new StubRequest(), ""));
    }

    @Test
    void anUnknownVariableIsAConfigErrorAtItsArgument() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("https://$hots$request_uri"));
        assertTrue(e.getMessage().contains("t.conf:1:12"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown variable '$hots'"), e.getMessage());
    }

    @Test
    void aDollarWithoutANameIsAConfigError() {
        assertThrows(ConfigException.class, () -> parse("cost: $ 5"));
        assertThrows(ConfigException.class, () -> parse("${host"));
    }
}
