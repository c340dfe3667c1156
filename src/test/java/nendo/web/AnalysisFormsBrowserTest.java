package nendo.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The forms of the analysis views in a real browser: what the selects offer after a change of
 * organization or a failed request, so that the form always leads to an answer.
 * 三鷹市 has one year (2019), 架空市 six (2019–2024).
 */
class AnalysisFormsBrowserTest extends BundledBrowserTestBase {
    @Test
    void termsOffersTheChosenOrganizationsYearsAndExplainsASingleYear() {
        driver.get(base + "/?view=terms&org=" + enc("架空市") + "&year=2024");
        wait.until(d -> !d.findElements(By.cssSelector("#terms-table tbody tr")).isEmpty());

        new Select(driver.findElement(By.id("terms-org"))).selectByValue("三鷹市");
        wait.until(d -> values("terms-year").equals(List.of("2019")));
        Select year = new Select(driver.findElement(By.id("terms-year")));
        assertEquals("2019（令和元年度）", year.getFirstSelectedOption().getText());

        driver.findElement(By.cssSelector("#terms-form .analysis-submit")).click();
        WebElement note = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#terms-results .terms-need-years")));
        assertTrue(note.getText().contains("1 年度分だけ"), note.getText());
        assertFalse(driver.findElement(By.id("error")).isDisplayed(), driver.findElement(By.id("error")).getText());

        // The comparison it allows: a department against the other departments of the year.
        new Select(driver.findElement(By.id("terms-dept"))).selectByValue("総務部");
        wait.until(d -> new Select(d.findElement(By.id("terms-vs"))).getFirstSelectedOption().getText().equals("その他の部"));
        driver.findElement(By.cssSelector("#terms-form .analysis-submit")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#terms-table tbody tr")).isEmpty());
        assertTrue(driver.getCurrentUrl().contains("dept=" + enc("総務部")), driver.getCurrentUrl());

        // A shared URL of the single year says the same.
        driver.get(base + "/?view=terms&org=" + enc("三鷹市") + "&year=2019");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#terms-results .terms-need-years")));
        assertFalse(driver.findElement(By.id("error")).isDisplayed(), driver.findElement(By.id("error")).getText());
    }

    /** A shared URL naming a year the organization does not have keeps it selected, labelled as years are. */
    @Test
    void aYearOutsideTheListIsLabelledAsAYear() {
        driver.get(base + "/?view=terms&org=" + enc("三鷹市") + "&year=2024");
        wait.until(d -> values("terms-year").contains("2024"));
        Select year = new Select(driver.findElement(By.id("terms-year")));
        assertEquals("2024（令和6年度）", year.getFirstSelectedOption().getText());
    }

    /** The error of an unknown organization leaves the known ones to pick from, with their years. */
    @Test
    void diffOfAnUnknownOrganizationStillOffersTheKnownOnes() {
        driver.get(base + "/?view=diff&org=nope&from=2019&to=2020");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        wait.until(d -> !error.getText().isBlank());
        wait.until(d -> values("diff-org").contains("架空市"));
        // Here other conditions do help (the server answered, refusing the organization).
        assertTrue(driver.findElement(By.cssSelector("#diff-results .analysis-failed")).getText().contains("条件を変えて"));

        new Select(driver.findElement(By.id("diff-org"))).selectByValue("架空市");
        wait.until(d -> values("diff-from").equals(List.of("2019", "2020", "2021", "2022", "2023", "2024")));
        driver.findElement(By.cssSelector("#diff-form .analysis-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#diff-results .analysis-summary")));
        assertFalse(driver.findElement(By.id("error")).isDisplayed(), driver.findElement(By.id("error")).getText());
    }

    /**
     * With the server out of reach, the form still follows the organization chosen, the advice is to
     * try later (not to change the conditions), and the results already shown stay, marked as earlier.
     */
    @Test
    void compareWithTheServerOutOfReachKeepsTheFormAndTheEarlierResults() {
        driver.get(base + "/?view=compare&q=" + enc("防災") + "&org=" + enc("架空市"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("compare-table")));
        ((JavascriptExecutor) driver).executeScript(
                "window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));");

        new Select(driver.findElement(By.id("compare-org"))).selectByValue("三鷹市");
        wait.until(d -> values("compare-from").equals(List.of("", "2019")));
        assertEquals(List.of(""), values("compare-dept"));

        driver.findElement(By.cssSelector("#compare-form .analysis-submit")).click();
        WebElement advice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#compare-results .analysis-failed")));
        assertTrue(advice.getText().contains("時間をおいて"), advice.getText());
        assertFalse(advice.getText().contains("条件を変えて"), advice.getText());
        assertTrue(driver.findElement(By.id("error")).getText().contains("接続"), driver.findElement(By.id("error")).getText());
        assertTrue(driver.findElement(By.id("compare-table")).isDisplayed(), "the earlier results stay");
        assertTrue(driver.findElement(By.cssSelector("#compare-results .analysis-earlier")).isDisplayed());
        assertEquals(List.of("", "2019"), values("compare-from"));
    }

    private static List<String> values(String selectId) {
        return new Select(driver.findElement(By.id(selectId))).getOptions().stream()
                .map(o -> o.getAttribute("value")).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
