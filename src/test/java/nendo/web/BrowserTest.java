package nendo.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser: Debian's headless Chromium, driven through the chromedriver Debian
 * installs (given explicitly, so Selenium Manager never goes online), against a real server.
 */
class BrowserTest {

    @TempDir
    static Path dir;
    static TestArchive archive;
    static String base;
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        archive = TestArchive.bundled(dir);
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
    void typingAQueryShowsHighlightedHitsAndFacetsNarrowThem() {
        driver.get(base + "/");
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
        box.sendKeys("防災");
        driver.findElement(By.id("search-button")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .hit mark")));
        List<WebElement> marks = driver.findElements(By.cssSelector("#results .hit mark"));
        assertTrue(marks.stream().allMatch(m -> m.getText().equals("防災")), "every highlight is the query");
        assertTrue(driver.getCurrentUrl().contains("q=" + URLEncoder.encode("防災", StandardCharsets.UTF_8)),
                driver.getCurrentUrl());
        String summary = driver.findElement(By.id("summary")).getText();
        assertTrue(summary.contains("防災"), summary);

        driver.findElement(By.cssSelector("#facet-org input[value='三鷹市']")).click();
        wait.until(d -> d.findElements(By.cssSelector("#results .hit")).size() == 3
                && d.getCurrentUrl().contains("org="));
        for (WebElement hit : driver.findElements(By.cssSelector("#results .hit"))) {
            assertTrue(hit.getText().contains("2019（令和元年度）"), hit.getText());
            assertTrue(hit.findElements(By.cssSelector(".badge-sample")).isEmpty(), "Mitaka is real data");
        }
    }

    @Test
    void sharedUrlRestoresTheSearchAndOpensTheMeasureAndTheDocument() {
        driver.get(base + "/?q=" + URLEncoder.encode("浄化槽", StandardCharsets.UTF_8));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .hit mark")));
        WebElement first = driver.findElement(By.cssSelector("#results .hit"));
        assertEquals("浄化槽", first.findElement(By.cssSelector("mark")).getText());
        assertTrue(first.findElements(By.cssSelector(".badge-sample")).size() == 1, "the sample city is badged");

        first.findElement(By.cssSelector("a.hit-measure-link")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view-measure")));
        wait.until(d -> d.findElement(By.id("view-measure")).getText().contains("浄化槽"));

        driver.get(base + "/?doc=mitaka-2019");
        wait.until(d -> d.findElements(By.cssSelector("#view-doc .department")).size() == 8);
        assertTrue(driver.findElement(By.id("view-doc")).getText().contains("子ども政策部"));
        WebElement original = driver.findElement(By.cssSelector("a.original-link"));
        assertTrue(original.getAttribute("href").endsWith("/api/documents/mitaka-2019/original"));
    }

    @Test
    void aRenamedDepartmentShowsBothNamesAndIsFollowedAcrossYears() {
        driver.get(base + "/?doc=kakuu-2019");
        wait.until(d -> d.findElements(By.cssSelector("#view-doc .department")).size() == 8);
        assertEquals("企画部（現 政策企画部）", driver.findElement(By.cssSelector("#view-doc .dept-name")).getText());
        assertTrue(driver.findElement(By.id("view-doc")).getText().contains("各部の運営方針と目標（現 各部の経営方針と主要事業）"));

        driver.findElement(By.cssSelector("#view-doc .measure-link")).click();
        WebElement follow = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#view-measure a.follow-dept-link")));
        assertEquals("政策企画部の事業を全年度で一覧", follow.getText());
        follow.click();
        wait.until(d -> d.getCurrentUrl().contains("dept=") && !d.findElements(By.cssSelector("#results .hit")).isEmpty());
        // Every year's measures of the department, under both names (the page lists them oldest first).
        String summary = driver.findElement(By.id("summary")).getText();
        assertTrue(driver.getCurrentUrl().contains("dept=" + URLEncoder.encode("政策企画部", StandardCharsets.UTF_8)),
                driver.getCurrentUrl());
        assertTrue(driver.findElements(By.cssSelector("#results .hit .hit-year")).get(0).getText().startsWith("2019"),
                summary);
        assertTrue(driver.findElements(By.cssSelector("#results .hit .hit-dept")).stream()
                .anyMatch(e -> e.getText().equals("企画部（現 政策企画部）")));
    }

    @Test
    void aPageThatDoesNotExistIsAJapanesePageLeadingToTheStart() {
        driver.get(base + "/foo");
        WebElement heading = wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertTrue(heading.getText().startsWith("ページが見つかりません"), heading.getText());
        assertFalse(driver.getPageSource().contains("\"status\""), "no raw JSON");
        driver.findElement(By.cssSelector("a[href='/']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view-start")));
    }

    @Test
    void badInputShowsTheServersMessage() {
        driver.get(base + "/?q=x&year=abc");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        wait.until(d -> !error.getText().isBlank());
        assertTrue(error.getText().contains("year"), error.getText());
    }

    /**
     * Kana typed shows its kanji completions (a datalist hid them: it shows only options containing
     * the text typed), as a combobox: arrow keys move aria-activedescendant, Enter picks without
     * searching, Escape closes, a click picks.
     */
    @Test
    void typingKanaOffersKanjiCompletionsThatKeysAndClicksPick() {
        driver.get(base + "/");
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
        box.sendKeys("ぼう");
        WebElement first = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#suggestions [role='option']")));
        assertEquals("防災", first.getAttribute("data-value"));
        assertTrue(first.getText().startsWith("防災"), first.getText());
        assertEquals("true", box.getAttribute("aria-expanded"));
        String heard = driver.findElement(By.id("status")).getAttribute("textContent");
        assertTrue(heard.matches("入力候補 \\d+ 件（↓ で選べます）"), "announced: " + heard);

        box.sendKeys(Keys.ARROW_DOWN);
        assertEquals("suggestion-0", box.getAttribute("aria-activedescendant"));
        assertEquals("true", first.getAttribute("aria-selected"));
        assertEquals(box, driver.switchTo().activeElement(), "the focus stays in the box");
        box.sendKeys(Keys.ENTER);
        assertEquals("防災", box.getAttribute("value"));
        assertFalse(driver.findElement(By.id("suggestions")).isDisplayed());
        assertEquals("false", box.getAttribute("aria-expanded"));
        assertEquals(base + "/", driver.getCurrentUrl(), "Enter on a completion picks it and does not search");

        box.sendKeys(" くん");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#suggestions [role='option']")));
        box.sendKeys(Keys.ESCAPE);
        assertFalse(driver.findElement(By.id("suggestions")).isDisplayed());
        assertEquals("防災 くん", box.getAttribute("value"));

        box.sendKeys(Keys.ARROW_DOWN); // opens the list again
        WebElement option = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#suggestions [role='option']")));
        String picked = option.getAttribute("data-value");
        assertTrue(picked.startsWith("防災 "), picked);
        option.click();
        assertEquals(picked, box.getAttribute("value"));
        assertFalse(driver.findElement(By.id("suggestions")).isDisplayed());
    }

    /** While an IME composes, no completions are fetched; once the word is converted they are. */
    @Test
    void completionsWaitForTheImeCompositionToEnd() throws Exception {
        driver.get(base + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("""
                const q = document.getElementById('q');
                q.focus();
                q.dispatchEvent(new CompositionEvent('compositionstart'));
                for (const v of ['ぼ', 'ぼう']) {
                  q.value = v;
                  q.dispatchEvent(new InputEvent('input', { isComposing: true, data: v, inputType: 'insertCompositionText' }));
                }""");
        Thread.sleep(600);
        assertEquals(0L, js.executeScript(
                "return performance.getEntriesByType('resource').filter(e => e.name.includes('/api/suggest')).length;"));
        assertFalse(driver.findElement(By.id("suggestions")).isDisplayed());
        js.executeScript("document.getElementById('q').dispatchEvent(new CompositionEvent('compositionend', { data: 'ぼう' }));");
        wait.until(d -> d.findElements(By.cssSelector("#suggestions [role='option']")).stream()
                .anyMatch(o -> "防災".equals(o.getAttribute("data-value"))));
        assertEquals(1L, js.executeScript(
                "return performance.getEntriesByType('resource').filter(e => e.name.includes('/api/suggest')).length;"));
    }

    @Test
    void aZeroHitSearchOffersAlternatives() {
        driver.get(base + "/?q=" + URLEncoder.encode("防災訓連", StandardCharsets.UTF_8));
        WebElement alternative = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.alternative-link")));
        assertEquals("防災訓練", alternative.getText());
        alternative.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .hit mark")));
    }

    @Test
    void aSearchThatOnlyTheFiltersEmptySaysSoAndOffersNoOtherWords() {
        driver.get(base + "/?q=" + URLEncoder.encode("防災", StandardCharsets.UTF_8) + "&year_from=1950&year_to=1950");
        WebElement hint = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#results .outside-filters")));
        assertTrue(hint.getText().contains("絞り込みの外"), hint.getText());
        assertTrue(driver.findElements(By.cssSelector("a.alternative-link")).isEmpty());
        // The year facet, counted without the year filter, shows where the word is.
        wait.until(d -> d.findElements(By.cssSelector("#facet-year .facet-label")).stream()
                .anyMatch(e -> e.getText().contains("2019")));

        // The same when the year is written in the query: its clearing link drops it from the words.
        driver.get(base + "/?q=" + URLEncoder.encode("令和7年度 防災", StandardCharsets.UTF_8));
        WebElement again = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#results .outside-filters")));
        assertTrue(again.getText().contains("絞り込みの外"), again.getText());
        driver.findElements(By.cssSelector("#results .no-hits a")).stream()
                .filter(a -> a.getText().equals("絞り込み条件を解除して検索")).findFirst().orElseThrow().click();
        wait.until(d -> d.findElements(By.cssSelector("#results .hit")).size() == 16);
        assertEquals("防災", driver.findElement(By.id("q")).getAttribute("value"));
    }

    /**
     * Years taken out of the query filter as ticked years do, so the page shows them ticked and as
     * a chip; ticking another year adds it, and unticking the query's year takes it out of the query.
     */
    @Test
    void yearsInTheQueryShowTickedAndCombineWithTickedYears() {
        driver.get(base + "/?q=" + URLEncoder.encode("R3 コロナ", StandardCharsets.UTF_8));
        wait.until(d -> d.findElements(By.cssSelector("#results .hit")).size() == 5);
        WebElement y2021 = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#facet-year input[value='2021']")));
        assertTrue(y2021.isSelected(), "the query's year is ticked");
        assertTrue(driver.findElement(By.id("active-filters")).getText().contains("2021（令和3年度）"),
                driver.findElement(By.id("active-filters")).getText());

        driver.findElement(By.cssSelector("#facet-year input[value='2020']")).click();
        wait.until(d -> d.getCurrentUrl().contains("year=2020") && d.findElements(By.cssSelector("#results .hit")).size() == 9);
        wait.until(d -> d.findElement(By.cssSelector("#facet-year input[value='2020']")).isSelected()
                && d.findElement(By.cssSelector("#facet-year input[value='2021']")).isSelected());

        driver.findElement(By.cssSelector("#facet-year input[value='2021']")).click();
        wait.until(d -> d.findElements(By.cssSelector("#results .hit")).size() == 4
                && !d.findElement(By.cssSelector("#facet-year input[value='2021']")).isSelected());
        assertEquals("コロナ", driver.findElement(By.id("q")).getAttribute("value"));
        assertTrue(driver.getCurrentUrl().contains("year=2020"), driver.getCurrentUrl());
    }

    /** 三鷹市 防災: the organization typed among the words filters like a ticked one and is shown so. */
    @Test
    void aNameInTheQueryShowsTickedAndItsChipTakesItOff() {
        driver.get(base + "/?q=" + URLEncoder.encode("三鷹市 防災", StandardCharsets.UTF_8));
        wait.until(d -> d.findElements(By.cssSelector("#results .hit")).size() == 3);
        WebElement mitaka = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#facet-org input[value='三鷹市']")));
        assertTrue(mitaka.isSelected(), "the query's organization is ticked");
        WebElement chip = driver.findElements(By.cssSelector("#active-filters a.chip")).stream()
                .filter(c -> c.getText().startsWith("団体（検索語から）：三鷹市")).findFirst().orElseThrow();
        chip.click();
        wait.until(d -> d.findElements(By.cssSelector("#results .hit")).size() == 16);
        assertEquals("防災", driver.findElement(By.id("q")).getAttribute("value"));
        assertTrue(!driver.getCurrentUrl().contains("org="), driver.getCurrentUrl());

        // Ticked and typed at once: one click on its chip takes it off both.
        driver.get(base + "/?q=" + URLEncoder.encode("三鷹市 防災", StandardCharsets.UTF_8) + "&org="
                + URLEncoder.encode("三鷹市", StandardCharsets.UTF_8));
        wait.until(d -> d.findElements(By.cssSelector("#results .hit")).size() == 3);
        WebElement ticked = wait.until(d -> d.findElements(By.cssSelector("#active-filters a.chip")).stream()
                .filter(c -> c.getText().startsWith("団体：三鷹市")).findFirst().orElse(null));
        ticked.click();
        wait.until(d -> d.findElements(By.cssSelector("#results .hit")).size() == 16);
        assertEquals("防災", driver.findElement(By.id("q")).getAttribute("value"));
    }

    /** A hand-edited year that is no year gets the server's message, and its chip shows it as typed. */
    @Test
    void aYearThatIsNoYearIsShownAsTyped() {
        driver.get(base + "/?q=" + URLEncoder.encode("子育て", StandardCharsets.UTF_8) + "&year=abc");
        WebElement chip = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#active-filters a.chip")));
        assertTrue(chip.getText().startsWith("年度：abc"), chip.getText());
        assertTrue(!chip.getText().contains("abc年度"), chip.getText());
    }
}
