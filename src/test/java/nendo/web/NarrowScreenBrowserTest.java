package nendo.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The page on a phone-sized screen (375 × 812 CSS pixels): the page itself never scrolls sideways
 * (wide tables and charts scroll inside their own box), and search results come before the filters.
 */
class NarrowScreenBrowserTest extends BundledBrowserTestBase {
    @BeforeAll
    static void phoneSized() {
        driver.manage().window().setSize(new Dimension(375, 812));
    }

    @Test
    void analysisViewsStayTheWidthOfTheScreen() {
        assertEquals(375L, js("return window.innerWidth"), "the window is phone-sized");
        assertFitsTheScreen("/?view=figures&org=" + enc("架空市"), "#figures-results table");
        assertFitsTheScreen("/?view=compare&q=" + enc("防災"), "#compare-table");
        assertFitsTheScreen("/?view=diff&org=" + enc("架空市") + "&from=2023&to=2024", "#diff-results .analysis-summary");
        assertFitsTheScreen("/?view=terms&org=" + enc("架空市") + "&year=2024", "#terms-table");
        assertFitsTheScreen("/?q=" + enc("防災"), "#results .hit");
    }

    /** The result summary is on the first screen; the filters are one closed 絞り込み line that opens. */
    @Test
    void searchResultsComeFirstAndTheFiltersOpenOnDemand() {
        driver.get(base + "/?q=" + enc("防災"));
        wait.until(d -> !d.findElements(By.cssSelector("#results .hit")).isEmpty());
        WebElement summary = driver.findElement(By.id("summary"));
        long top = (Long) js("return Math.round(document.getElementById('summary').getBoundingClientRect().top)");
        assertTrue(top < 812 - 100, "the summary starts " + top + "px down: " + summary.getText());
        WebElement firstHit = driver.findElement(By.cssSelector("#results .hit"));
        assertTrue(firstHit.getRect().getY() < 812, "the first hit is on the first screen");
        WebElement orgFilter = driver.findElement(By.cssSelector("#facet-org input[value='三鷹市']"));
        assertFalse(orgFilter.isDisplayed(), "the filters start closed");

        // A keyboard user reaches and opens them: the toggle is the disclosure's summary.
        WebElement toggle = driver.findElement(By.cssSelector("#facets summary"));
        toggle.sendKeys(Keys.ENTER);
        wait.until(d -> orgFilter.isDisplayed());
        orgFilter.click();
        wait.until(d -> d.getCurrentUrl().contains("org=") && d.findElements(By.cssSelector("#results .hit")).size() == 3);
        assertTrue(driver.findElement(By.cssSelector("#facet-org input[value='三鷹市']")).isDisplayed(),
                "the filters stay open while they are used");
    }

    private static void assertFitsTheScreen(String path, String loaded) {
        driver.get(base + path);
        wait.until(d -> !d.findElements(By.cssSelector(loaded)).isEmpty());
        wait.until(d -> "false".equals(d.findElement(By.id("main")).getAttribute("aria-busy")));
        // Charts size themselves after they are drawn (ResizeObserver): measure once they have.
        wait.until(d -> Boolean.TRUE.equals(js("return [...document.querySelectorAll('canvas')]"
                + ".every(c => window.Chart && Chart.getChart(c) && Chart.getChart(c).width > 0)")));
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Everything sticking out of the viewport, to say which element widens the page.
        Object wider = js("""
                const w = document.documentElement.clientWidth;
                return [...document.querySelectorAll('body *')]
                  .filter(e => e.getBoundingClientRect().right > w + 1 && !(e.parentElement && e.parentElement.closest('.table-scroll, .chart-box') && getComputedStyle(e).position !== 'absolute'))
                  .slice(0, 8).map(e => getComputedStyle(e).position + ' ' + e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
                """);
        assertEquals(js("return document.documentElement.clientWidth"), js("return document.documentElement.scrollWidth"),
                path + " scrolls sideways; wider than the screen: " + wider);
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
