package dev.solo.http.internal.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.http.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UploadReportTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json, text/html;q=0.5", "Application/JSON; q=0.3",
        "text/html;q=0, application/json;q=0.1"})
    void answersJsonWhenItIsPreferred(String accept) {
        assertTrue(UploadReport.prefersJson(accept));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*/*", "text/html", "text/html, application/json", "application/json;q=0",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/json;q=x"})
    void answersHtmlOtherwise(String accept) {
        assertFalse(UploadReport.prefersJson(accept));
    }

    @Test
    void escapesJsonStringsSafelyForHtmlToo() {
        Response response = UploadReport.created(List.of(new StoredFile("a\"\\<\u0001.txt", null, 0)), List.of(),
                "application/json");

        assertEquals("{\"files\":[{\"name\":\"a\\\"\\\\\\u003c\\u0001.txt\",\"url\":null,\"size\":0}],\"fields\":[]}",
                ExchangeStub.text(response));
        assertFalse(response.headers().contains("Location"));
    }

    @Test
    void escapesNamesInTheHtmlPage() {
        String page = ExchangeStub.text(UploadReport.created(
                List.of(new StoredFile("<b>'x'</b>", "/u/x", 1)), List.of(), null));

        assertTrue(page.contains("<a href=\"/u/x\">&lt;b&gt;&#39;x&#39;&lt;/b&gt;</a> (1 byte)"), page);
    }
}
