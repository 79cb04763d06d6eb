package dev.solo.it.features.browser;

import dev.solo.it.features.support.Programs;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.net.PortProber;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, both given by path. With the driver executable
 * set, Selenium never starts Selenium Manager, so nothing is looked up or downloaded at run time; a machine without
 * the two packages fails the test with the command that installs them (CI installs them in {@code .ci/run}).
 */
final class HeadlessChromium {

    /** Where Debian's {@code chromium} package puts the browser. */
    static final String BROWSER = "/usr/bin/chromium";
    /** Where Debian's {@code chromium-driver} package puts the driver. */
    static final String DRIVER = "/usr/bin/chromedriver";

    private HeadlessChromium() {
    }

    /**
     * @param profile an empty directory for the browser profile, so no state is shared with another run
     * @return a started browser; quit it when done
     * @throws AssertionError when the browser or the driver is not installed
     * @throws IOException when the driver service cannot be set up
     */
    static ChromeDriver start(Path profile) throws IOException {
        Programs.requireAt(BROWSER, "chromium");
        Programs.requireAt(DRIVER, "chromium-driver");
        // The service's constructor rather than its Builder: the Builder class carries an @AutoService annotation
        // whose class is not on the class path, which javac reports as a warning, and the build allows none.
        int port = PortProber.findFreePort();
        ChromeDriverService service = new ChromeDriverService(new File(DRIVER), port, Duration.ofSeconds(30),
                List.of("--port=" + port), Map.of());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath(),
                // The demo's HTTPS port has a certificate made for the test, which no CA the browser knows signed.
                "--ignore-certificate-errors");
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return driver;
    }
}
