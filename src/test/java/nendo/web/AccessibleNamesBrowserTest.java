package nendo.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import nendo.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a screen reader hears for links and fields (the browser's computed accessible names): a
 * list of links read on its own must tell them apart, and a field must say what it chooses.
 */
class AccessibleNamesBrowserTest extends BundledApiTestBase {
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void startBrowser() throws Exception {
        driver = HeadlessChromium.start(dir);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) driver.quit();
    }

    @Test
    void measureLinksOfSearchResultsAreDistinct() {
        driver.get(base + "/?q=" + enc("防災"));
        wait.until(d -> d.findElements(By.cssSelector("#results .hit")).size() == 16);
        List<String> names = names("#results a.hit-measure-link");
        assertEquals(names.size(), new HashSet<>(names).size(), "the same name twice: " + names);
        assertTrue(names.stream().allMatch(n -> n.startsWith("この事業を表示：")), names.toString());
    }

    @Test
    void compareCellsNameTheirOrganizationAndTheYearSelectsSayWhatTheyChoose() {
        driver.get(base + "/?view=compare&q=" + enc("防災"));
        wait.until(d -> !d.findElements(By.cssSelector("#compare-table a.cell-link")).isEmpty());
        List<String> cells = names("#compare-table a.cell-link");
        assertTrue(cells.stream().anyMatch(n -> n.startsWith("三鷹市 ")), cells.toString());
        assertTrue(cells.stream().allMatch(n -> n.startsWith("三鷹市 ") || n.startsWith("架空市 ")), cells.toString());

        assertEquals("年度（から）", driver.findElement(By.id("compare-from")).getAccessibleName());
        assertEquals("年度（まで）", driver.findElement(By.id("compare-to")).getAccessibleName());
    }

    private static List<String> names(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getAccessibleName).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
