package nendo.web;

import java.time.Duration;
import nendo.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The served bundled corpus of {@link BundledApiTestBase} and one headless Chromium for the whole class. */
abstract class BundledBrowserTestBase extends BundledApiTestBase {
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void startBrowser() throws Exception {
        driver = HeadlessChromium.start(dir);
        // Earlier results stay on screen until new ones replace them: an element read while they
        // are replaced is asked again.
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) driver.quit();
    }
}
