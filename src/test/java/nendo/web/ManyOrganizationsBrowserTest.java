package nendo.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nendo.testing.HeadlessChromium;
import nendo.testing.TestArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages of an archive of many organizations (130 here, standing for every municipality): the
 * start page lists one row per organization with a box that narrows them by name, and the
 * organization facet of a search says it shows the 100 with most hits of all of them.
 */
class ManyOrganizationsBrowserTest {
    private static final int ORGS = 130;

    @TempDir
    static Path dir;
    static TestArchive archive;
    static String base;
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < ORGS; i++) {
            lines.add(String.format("{\"id\": \"o%03d\", \"org\": \"第%03d市\", \"year\": %d, \"department\": \"総務部\","
                    + " \"text\": \"地域の防災訓練を実施します。\"}", i, i, 2018 + i % 3));
        }
        archive = TestArchive.withRecords(dir, false, lines);
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
    void theStartPageListsOneRowPerOrganizationAndNarrowsThemByName() {
        driver.get(base + "/");
        wait.until(d -> d.findElements(By.cssSelector("#document-list .org-table tbody tr")).size() == ORGS);
        assertTrue(driver.findElements(By.cssSelector("#document-list .org-group")).isEmpty(), "no box per organization");
        assertEquals(ORGS + "団体", driver.findElement(By.id("org-count")).getText());
        WebElement row = driver.findElement(By.cssSelector(".org-table tr[data-org='第007市']"));
        assertEquals("第007市 — 1件 2019年度", row.getText().replaceAll("\\s+", " ").strip());

        driver.findElement(By.id("org-filter")).sendKeys("第01");
        wait.until(d -> visibleRows().size() == 10);
        assertEquals("10団体（全" + ORGS + "団体）", driver.findElement(By.id("org-count")).getText());
        assertEquals("第010市", visibleRows().get(0).getDomAttribute("data-org"));

        visibleRows().get(2).findElement(By.cssSelector("a.org-link")).click();
        wait.until(d -> d.getCurrentUrl().contains("org=") && d.findElements(By.cssSelector("#results .hit")).size() == 1);
        assertTrue(driver.findElement(By.cssSelector("#results .hit")).getText().contains("第012市"));
    }

    @Test
    void theOrganizationFacetSaysItListsTheHundredWithMostHits() {
        driver.get(base + "/?q=防災");
        WebElement more = wait.until(d -> d.findElement(By.cssSelector("#facet-org button.facet-more")));
        assertEquals("上位100件を表示（全" + ORGS + "件）", more.getText());
        more.click();
        wait.until(d -> d.findElements(By.cssSelector("#facet-org input[type=checkbox]")).size() == 100);
        assertTrue(driver.findElement(By.cssSelector("#facet-org .facet-note")).getText()
                .startsWith("全" + ORGS + "件のうち、該当の多い100件を表示しています。"));
    }

    private static List<WebElement> visibleRows() {
        return driver.findElements(By.cssSelector(".org-table tbody tr")).stream().filter(WebElement::isDisplayed).toList();
    }
}
