package dev.solo.it.features.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.solo.it.features.support.ChildProcesses;
import dev.solo.it.features.support.DemoSite;
import dev.solo.it.features.support.GeneratedContent;
import dev.solo.it.support.Http;
import dev.solo.it.support.RepositoryPaths;
import dev.solo.it.support.TestServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo site ({@code examples/solo.conf}, copied to a test directory and listening on free ports) in a real,
 * headless Chromium: what a visitor sees, clicks and uploads.
 */
class DemoSiteInBrowserTest {

    /** The header background of {@code site.css} ({@code --ink: #1d2330}) as the browser computes it. */
    private static final String HEADER_BACKGROUND = "rgba(29, 35, 48, 1)";

    @TempDir
    static Path demo;
    @TempDir
    static Path profile;

    private static TestServer server;
    private static ChromeDriver browser;
    private static String base;

    private static long processesBefore;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.startFile(DemoSite.copyTo(demo));
        base = "http://127.0.0.1:" + server.port();
        processesBefore = ChildProcesses.count();
        browser = HeadlessChromium.start(profile);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
                // The browser's processes are children of this JVM: later tests count children, so wait them out.
                ChildProcesses.awaitAtMost(processesBefore, Duration.ofSeconds(15));
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    @BeforeEach
    void forgetCookies() {
        browser.get(base + "/");
        browser.manage().deleteAllCookies();
    }

    @Test
    @DisplayName("the home page renders with site.css and the logo; a screenshot is kept in target/screenshots")
    void homePageRendersStyled() throws Exception {
        browser.get(base + "/");
        assertEquals("Solo — demo site", browser.getTitle());
        WebElement header = browser.findElement(By.tagName("header"));
        assertEquals(HEADER_BACKGROUND, header.getCssValue("background-color"), "site.css was applied");
        Object logoWidth = browser.executeScript("return document.querySelector('header img').naturalWidth;");
        assertTrue(((Number) logoWidth).intValue() > 0, "the SVG logo loaded");

        Path screenshots = Files.createDirectories(
                RepositoryPaths.root().resolve("integration-tests/target/screenshots"));
        Path home = screenshots.resolve("home.png");
        Files.write(home, browser.getScreenshotAs(OutputType.BYTES));
        assertTrue(Files.size(home) > 1000, "a real screenshot was written to " + home);
    }

    @Test
    @DisplayName("the demo over HTTPS: the same styled page, and the session cookie set there is Secure")
    void servesTheDemoOverHttps() throws Exception {
        // The demo's first server listens on 8080 and 8443 (ssl): in the copy, the second bound address.
        String https = "https://127.0.0.3:" + server.port(1);
        browser.get(https + "/");
        assertEquals("Solo — demo site", browser.getTitle());
        assertEquals("https:", browser.executeScript("return location.protocol;"));
        assertEquals(HEADER_BACKGROUND, browser.findElement(By.tagName("header")).getCssValue("background-color"));
        browser.get(https + "/session/");
        org.openqa.selenium.Cookie cookie = browser.manage().getCookieNamed("SOLOSESSION");
        assertTrue(cookie != null && cookie.isSecure(), () -> "session cookie over HTTPS: " + cookie);
    }

    @Test
    @DisplayName("a file chosen in the upload form arrives on disk byte for byte")
    void uploadsAFileThroughTheForm(@TempDir Path chosen) throws Exception {
        GeneratedContent content = GeneratedContent.of(2024, 300_000);
        Path file = content.writeTo(chosen.resolve("from-the-browser.bin"));

        browser.get(base + "/upload.html");
        browser.findElement(By.cssSelector("#upload input[type=file]")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("#upload button[type=submit]")).click();

        waitUntil(ExpectedConditions.titleIs("Upload complete"));
        assertTrue(browser.findElement(By.tagName("body")).getText().contains("from-the-browser.bin (300000 bytes)"),
                browser::getPageSource);
        Path stored = demo.resolve("site/uploads/from-the-browser.bin");
        assertTrue(Files.exists(stored), "stored in the demo's uploads directory");
        assertEquals(content.sha256(), GeneratedContent.sha256(stored));

        // The report links to the stored file (following it would start a download of the octet-stream, not a page).
        assertEquals(base + "/uploads/from-the-browser.bin",
                browser.findElement(By.linkText("from-the-browser.bin")).getDomProperty("href"));
    }

    @Test
    @DisplayName("several files chosen at once in the upload form all arrive, and the uploads listing shows them")
    void uploadsSeveralFilesAtOnce(@TempDir Path chosen) throws Exception {
        GeneratedContent first = GeneratedContent.of(1, 1000);
        GeneratedContent second = GeneratedContent.of(2, 70_000);
        Path one = first.writeTo(chosen.resolve("first of two.txt"));
        Path two = second.writeTo(chosen.resolve("second-of-two.dat"));

        browser.get(base + "/upload.html");
        browser.findElement(By.cssSelector("#upload input[type=file]")).sendKeys(one + "\n" + two);
        browser.findElement(By.cssSelector("#upload button[type=submit]")).click();

        waitUntil(ExpectedConditions.titleIs("Upload complete"));
        assertEquals(first.sha256(), GeneratedContent.sha256(demo.resolve("site/uploads/first of two.txt")));
        assertEquals(second.sha256(), GeneratedContent.sha256(demo.resolve("site/uploads/second-of-two.dat")));

        browser.get(base + "/uploads/");
        assertFalse(browser.findElements(By.linkText("first of two.txt")).isEmpty(), browser::getPageSource);
        assertFalse(browser.findElements(By.linkText("second-of-two.dat")).isEmpty(), browser::getPageSource);
    }

    @Test
    @DisplayName("the session page counts each load, greets after log-in, and starts over after log-out")
    void sessionCounterAndLogin() {
        browser.get(base + "/session/");
        assertEquals("1", count());
        browser.navigate().refresh();
        assertEquals("2", count());
        browser.get(base + "/session/");
        assertEquals("3", count());

        browser.findElement(By.name("name")).sendKeys("Ada");
        browser.findElement(By.xpath("//button[text()='Log in']")).click();
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Hello, Ada"));
        assertEquals("4", count(), "the redirect after log-in is a visit of the same session");

        browser.findElement(By.xpath("//button[text()='Log out']")).click();
        waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "You are not logged in."));
        assertEquals("1", count(), "a new session after log-out");
    }

    @Test
    @DisplayName("a page that does not exist shows the demo's own 404 page")
    void missingPageShowsTheCustomErrorPage() {
        browser.get(base + "/no-such-page");
        assertEquals("Error 404", browser.getTitle());
        assertFalse(browser.findElements(By.className("custom-error")).isEmpty(), browser::getPageSource);
    }

    @Test
    @DisplayName("the home page's POST button to a GET-only location shows the demo's own 405 page")
    void postToReadOnlyShowsThe405Page() {
        browser.get(base + "/");
        browser.findElement(By.cssSelector("form[action='/readonly/'] button")).click();
        waitUntil(ExpectedConditions.titleIs("Error 405"));
        assertFalse(browser.findElements(By.className("custom-error")).isEmpty(), browser::getPageSource);
    }

    @Test
    @DisplayName("the 2 MiB form of too-large.html shows the demo's own 413 page, not a connection error")
    void oversizedFormShowsThe413Page() {
        browser.get(base + "/too-large.html");
        browser.findElement(By.tagName("button")).click();
        waitUntil(ExpectedConditions.not(ExpectedConditions.titleIs("413 demo")));
        assertEquals("Error 413", browser.getTitle(), browser::getPageSource);
        assertFalse(browser.findElements(By.className("custom-error")).isEmpty(), browser::getPageSource);
    }

    @Test
    @DisplayName("the directory listing's links lead to the files")
    void directoryListingIsClickable() {
        browser.get(base + "/files/");
        browser.findElement(By.linkText("readme.txt")).click();
        waitUntil(ExpectedConditions.urlToBe(base + "/files/readme.txt"));
        assertTrue(browser.findElement(By.tagName("body")).getText().contains("Hello from a listed directory."),
                browser::getPageSource);

        browser.get(base + "/files/");
        browser.findElement(By.partialLinkText("reports")).click();
        waitUntil(ExpectedConditions.urlToBe(base + "/files/reports/"));
        assertFalse(browser.findElements(By.linkText("q3.txt")).isEmpty(), browser::getPageSource);
    }

    @Test
    @DisplayName("every link of the home page to the demo itself leads to a page, not to an error")
    void homePageLinksAllWork() throws Exception {
        browser.get(base + "/");
        List<String> links = new ArrayList<>();
        for (WebElement link : browser.findElements(By.cssSelector("a[href]"))) {
            String href = link.getDomProperty("href");
            if (href != null && href.startsWith(base + "/")) {
                links.add(href);
            }
        }
        assertTrue(links.size() > 10, () -> "the home page links to the demo's features: " + links);
        List<String> broken = new ArrayList<>();
        for (String href : links) {
            int status = Http.get(URI.create(href)).statusCode();
            // The link that demonstrates the custom 404 page is meant to give 404.
            boolean expected404 = href.equals(base + "/no-such-page");
            if (expected404 ? status != 404 : status >= 400) {
                broken.add(href.substring(base.length()) + " -> " + status);
            }
        }
        assertTrue(broken.isEmpty(), () -> "broken links on the home page: " + broken);
    }

    private static String count() {
        return browser.findElement(By.className("count")).getText();
    }

    private static void waitUntil(ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition);
    }
}
