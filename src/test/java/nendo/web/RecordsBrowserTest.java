package nendo.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nendo.testing.HeadlessChromium;
import nendo.testing.TestArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The start page of an archive that holds JSON Lines records: besides the plan documents, each
 * organization's records by year, with a link to each year's measures. An organization with
 * records alone is listed too (before, an archive of records alone said it held nothing), and its
 * years can be compared in the year-over-year diff.
 */
class RecordsBrowserTest {
    /** A records-only organization whose name is markup: shown as text, never run. */
    private static final String NORTH = "北市<img src=x onerror=\"window.__xss=1\">";

    @TempDir
    static Path dir;
    static TestArchive archive;
    static String base;
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        String north = NORTH.replace("\"", "\\\"");
        archive = TestArchive.withRecords(dir, true, List.of(
                "{\"id\": \"r1\", \"org\": \"架空市\", \"year\": 2025, \"department\": \"総務部\", \"text\": \"業務継続計画を見直します。\"}",
                "{\"id\": \"n1\", \"org\": \"" + north + "\", \"year\": 2020, \"department\": \"健康部\", \"text\": \"ワクチンの接種を進めます。\"}",
                "{\"id\": \"n2\", \"org\": \"" + north + "\", \"year\": 2020, \"department\": \"健康部\", \"text\": \"健診の受診を勧めます。\"}",
                "{\"id\": \"n3\", \"org\": \"" + north + "\", \"year\": 2021, \"department\": \"総務課\", \"text\": \"窓口を改めます。\"}"));
        base = archive.serve();
        driver = HeadlessChromium.start(dir);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) driver.quit();
        if (archive != null) archive.close();
    }

    @Test
    void theStartPageListsRecordsByYearAndEachYearLinksToItsMeasures() {
        driver.get(base + "/");
        wait.until(d -> d.findElements(By.cssSelector("#document-list .record-collection")).size() == 2);

        WebElement north = group(NORTH);
        assertEquals(NORTH, north.findElement(By.cssSelector(".org-name")).getText());
        assertEquals("記録の事業 3件", north.findElement(By.cssSelector(".org-group-head .muted")).getText());
        assertTrue(north.findElements(By.cssSelector(".doc-item")).isEmpty(), "no plan document");
        assertTrue(north.findElement(By.cssSelector(".record-summary")).getText().contains("2020〜2021年度"));
        List<WebElement> years = north.findElements(By.cssSelector(".record-years li"));
        assertEquals(List.of("2021 1件", "2020 2件"), years.stream().map(RecordsBrowserTest::text).toList());

        // 架空市: its six plans, then its records.
        WebElement kakuu = group("架空市");
        assertEquals(6, kakuu.findElements(By.cssSelector(".doc-item")).size());
        assertEquals("6件の資料・記録の事業 1件", kakuu.findElement(By.cssSelector(".org-group-head .muted")).getText());
        assertEquals("2025 1件", text(kakuu.findElement(By.cssSelector(".record-years li"))));
        assertNull(((JavascriptExecutor) driver).executeScript("return window.__xss"), "the name is text");

        years.get(1).findElement(By.cssSelector("a.record-year-link")).click();
        wait.until(d -> d.getCurrentUrl().contains("year=2020")
                && d.findElements(By.cssSelector("#results .hit")).size() == 2);
        assertTrue(driver.getCurrentUrl().contains("org=" + URLEncoder.encode(NORTH, StandardCharsets.UTF_8)),
                driver.getCurrentUrl());
        for (WebElement hit : driver.findElements(By.cssSelector("#results .hit"))) {
            assertTrue(hit.getText().startsWith("2020（令和2年度）"), hit.getText());
        }
    }

    @Test
    void theYearDiffOfARecordsOnlyOrganizationShowsItsDepartments() {
        driver.get(base + "/?view=diff&org=" + URLEncoder.encode(NORTH, StandardCharsets.UTF_8) + "&from=2020&to=2021");
        wait.until(d -> d.findElements(By.cssSelector("#view-diff .diff-dept")).size() == 2);
        assertEquals(List.of("継続 0件", "終了 2件", "新規 1件"), driver.findElements(By.cssSelector("#view-diff .diff-stats .stat"))
                .stream().map(RecordsBrowserTest::text).toList());
        // 総務課 is new in 2021 (the later year's departments come first); 健康部 ended with its two measures.
        List<WebElement> depts = driver.findElements(By.cssSelector("#view-diff .diff-dept"));
        assertEquals(List.of("総務課", "健康部"), depts.stream().map(d -> d.getDomAttribute("data-name")).toList());
        assertEquals(1, depts.get(0).findElements(By.cssSelector("tr.diff-new")).size());
        assertEquals(2, depts.get(1).findElements(By.cssSelector("tr.diff-ended")).size());
        assertTrue(depts.get(1).getText().contains("健診の受診を勧めます。"), depts.get(1).getText());
        assertNull(((JavascriptExecutor) driver).executeScript("return window.__xss"), "the name is text");
    }

    /** The text as one line: a year and its count are laid out side by side as separate boxes. */
    private static String text(WebElement e) {
        return e.getText().replaceAll("\\s+", " ").strip();
    }

    private static WebElement group(String org) {
        return driver.findElements(By.cssSelector("#document-list .org-group")).stream()
                .filter(g -> org.equals(g.getDomAttribute("data-org"))).findFirst()
                .orElseThrow(() -> new AssertionError("no group for " + org));
    }
}
