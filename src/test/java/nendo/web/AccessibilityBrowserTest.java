package nendo.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * What a screen reader hears for links and fields (the browser's computed accessible names): a
 * list of links read on its own must tell them apart, and a field must say what it chooses. And
 * what a keyboard user sees: the focus outline.
 */
class AccessibilityBrowserTest extends BundledBrowserTestBase {
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

    /** WCAG 1.4.11: the focus outline has 3:1 against the white content, the page and the dark header. */
    @Test
    void theFocusOutlineStandsOutOnTheContentAndOnTheHeader() {
        driver.get(base + "/?q=" + enc("防災"));
        wait.until(d -> !d.findElements(By.cssSelector("#results .hit")).isEmpty());
        for (int i = 0; i < 10 && !"q".equals(driver.switchTo().activeElement().getAttribute("id")); i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        WebElement q = driver.switchTo().activeElement();
        assertEquals("q", q.getAttribute("id"), "Tab reaches the search box");
        assertEquals("3px", q.getCssValue("outline-width"));
        String outline = q.getCssValue("outline-color");
        String header = driver.findElement(By.cssSelector(".site-header")).getCssValue("background-color");
        String page = driver.findElement(By.tagName("body")).getCssValue("background-color");
        String content = driver.findElement(By.cssSelector("#results .hit")).getCssValue("background-color");
        for (String background : List.of(header, page, content)) {
            double ratio = contrast(outline, background);
            assertTrue(ratio >= 3, outline + " on " + background + ": " + ratio);
        }
    }

    /** Contrast ratio of two CSS rgb()/rgba() colours (WCAG relative luminance). */
    private static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9.,]", "").split(",");
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Double.parseDouble(parts[i]) / 255;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private static List<String> names(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getAccessibleName).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
