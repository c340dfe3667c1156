package nendo.web;

import nendo.testing.Charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The analysis views in a real browser (Debian's headless Chromium, as in {@link BrowserTest}):
 * the page must show what the API answers, charts must really draw, and a chart point or a
 * table cell must open exactly the measures it counts. One browser for the whole class.
 */
class AnalysisBrowserTest extends BundledBrowserTestBase {
    private static final String KAKUU = "架空市";

    // ------------------------------------------------------------------ 年度比較

    @Test
    void compareChartShowsTheApiCountsAndAPointOpensExactlyItsMeasures() throws Exception {
        JsonNode api = get("/api/compare", "q", "コロナ", "org", KAKUU);
        List<Integer> years = ints(api.get("years"), "year");
        assertEquals(List.of(2019, 2020, 2021, 2022, 2023, 2024), years);

        open("/?view=compare&q=" + enc("コロナ") + "&org=" + enc(KAKUU));
        Map<String, Object> chart = chartOf("#view-compare canvas");
        assertEquals(List.of("2019（R1）", "2020（R2）", "2021（R3）", "2022（R4）", "2023（R5）", "2024（R6）"),
                chart.get("labels"));

        // One line per department with matches, in the API's order, with exactly its matches per
        // year, and a gap (null) in a year the department did not exist (生活環境部 before 環境部).
        Map<String, List<Long>> expected = new LinkedHashMap<>();
        for (JsonNode row : api.get("departments")) {
            if (row.get("matches").asLong() == 0) continue;
            List<Long> counts = new ArrayList<>();
            row.get("cells").forEach(c -> counts.add(c.get("printedName").isNull() ? null : c.get("matches").asLong()));
            expected.put(row.get("name").asText(), counts);
        }
        assertEquals(expected, datasets(chart));
        assertEquals(12, api.get("totalMatches").asInt());
        for (List<Long> counts : expected.values()) {
            for (int i : new int[] {0, 4, 5}) {
                assertTrue(counts.get(i) == null || counts.get(i) == 0L, "no コロナ measures in 2019, 2023 or 2024: " + counts);
            }
        }
        assertEquals(12L, expected.values().stream().flatMap(List::stream).filter(java.util.Objects::nonNull)
                .mapToLong(Long::longValue).sum());
        assertDrawn("#view-compare canvas", 0);

        // The only cell with 2 matches: 健康福祉部 in 2021 (no other line has a point there).
        List<String> names = new ArrayList<>(expected.keySet());
        int dataset = names.indexOf("健康福祉部");
        int year = years.indexOf(2021);
        assertEquals(2L, expected.get("健康福祉部").get(year));
        assertTrue(expected.entrySet().stream()
                .noneMatch(e -> !e.getKey().equals("健康福祉部") && e.getValue().get(year) == 2L));
        clickPoint("#view-compare canvas", dataset, year);

        List<WebElement> hits = awaitCellHits("健康福祉部", 2021);
        assertEquals(2, hits.size());
        for (WebElement hit : hits) {
            assertTrue(hit.findElement(By.cssSelector(".hit-year")).getText().startsWith("2021（令和3年度）"), hit.getText());
            assertEquals("健康福祉部", hit.findElement(By.cssSelector(".hit-dept")).getText());
        }
        assertTrue(driver.findElements(By.cssSelector("#active-filters a.chip")).stream()
                .anyMatch(c -> c.getText().startsWith("種類：主要事業")), "the kind filter is shown as a chip");

        // Back returns to the chart (history.pushState + popstate).
        driver.navigate().back();
        wait.until(d -> d.getCurrentUrl().contains("view=compare")
                && d.findElement(By.id("view-compare")).isDisplayed());
        assertEquals(expected, datasets(chartOf("#view-compare canvas")));
    }

    /** 生活環境部 became 環境部 in 2023: each line has a gap, not a zero, in the years it did not exist. */
    @Test
    void compareChartLeavesAGapWhereTheDepartmentDidNotExist() throws Exception {
        JsonNode api = get("/api/compare", "q", "下水道", "org", KAKUU);
        open("/?view=compare&q=" + enc("下水道") + "&org=" + enc(KAKUU));
        Map<String, List<Long>> drawn = datasets(chartOf("#view-compare canvas"));
        int gaps = 0;
        for (JsonNode row : api.get("departments")) {
            if (row.get("matches").asLong() == 0) continue;
            List<Long> line = drawn.get(row.get("name").asText());
            for (int i = 0; i < row.get("cells").size(); i++) {
                JsonNode cell = row.get("cells").get(i);
                if (cell.get("printedName").isNull()) {
                    assertEquals(null, line.get(i), row.get("name") + " " + cell.get("year"));
                    gaps++;
                } else {
                    assertEquals(cell.get("matches").asLong(), line.get(i), row.get("name") + " " + cell.get("year"));
                }
            }
        }
        assertTrue(gaps > 0, drawn.toString());
    }

    @Test
    void aHeatmapCellOpensTheSameMeasuresAndTheKindChipCanBeRemoved() throws Exception {
        open("/?view=compare&q=" + enc("コロナ") + "&org=" + enc(KAKUU));
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("compare-table")));
        // The largest cell is the darkest; a year in which a department did not exist is not a link.
        WebElement max = table.findElement(By.cssSelector("td[data-dept='健康福祉部'][data-year='2021']"));
        assertTrue(max.getAttribute("class").contains("heat-5"), max.getAttribute("class"));
        assertEquals(List.of("該当する事業", "その年度の事業数", "割合"),
                table.findElements(By.cssSelector("tfoot th[scope='row']")).stream().map(WebElement::getText).toList());

        // The toggle shows each department's matches as a share of all that year's measures.
        JsonNode api = get("/api/compare", "q", "コロナ", "org", KAKUU);
        Map<String, List<Double>> shares = new LinkedHashMap<>();
        Map<String, List<Double>> counts = new LinkedHashMap<>();
        for (JsonNode row : api.get("departments")) {
            if (row.get("matches").asLong() == 0) continue;
            List<Double> count = new ArrayList<>();
            row.get("cells").forEach(c -> count.add(c.get("matches").asDouble()));
            counts.put(row.get("name").asText(), count);
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < api.get("years").size(); i++) {
                double measures = api.get("years").get(i).get("measures").asDouble();
                values.add(Math.round(row.get("cells").get(i).get("matches").asDouble() / measures * 1000) / 10.0);
            }
            shares.put(row.get("name").asText(), values);
        }
        assertEquals(5.1, shares.get("健康福祉部").get(2)); // 2 of 39 measures in 2021
        driver.findElement(By.cssSelector("label[for='compare-mode-share']")).click();
        wait.until(d -> shares.equals(doubles(chartOf("#view-compare canvas"))));
        driver.findElement(By.cssSelector("label[for='compare-mode-count']")).click();
        wait.until(d -> counts.equals(doubles(chartOf("#view-compare canvas"))));

        // 政策企画部 was 企画部 in 2020: the cell follows the current name and finds the old one.
        WebElement link = table.findElement(By.cssSelector("td[data-dept='政策企画部'][data-year='2020'] a.cell-link"));
        assertEquals("1", link.getText());
        link.click();
        List<WebElement> hits = awaitCellHits("政策企画部", 2020);
        assertEquals(1, hits.size());
        assertTrue(hits.get(0).findElement(By.cssSelector(".hit-year")).getText().startsWith("2020（令和2年度）"));
        assertEquals("企画部（現 政策企画部）", hits.get(0).findElement(By.cssSelector(".hit-dept")).getText());

        WebElement kindChip = driver.findElements(By.cssSelector("#active-filters a.chip")).stream()
                .filter(c -> c.getText().startsWith("種類")).findFirst().orElseThrow();
        kindChip.click();
        wait.until(d -> !d.getCurrentUrl().contains("kind=")
                && d.findElements(By.cssSelector("#active-filters a.chip")).stream().noneMatch(c -> c.getText().startsWith("種類")));
        assertTrue(driver.getCurrentUrl().contains("dept=" + enc("政策企画部")), driver.getCurrentUrl());
    }

    // ------------------------------------------------------------------ 年度間の差分

    @Test
    void anOrganizationWithOneYearIsToldSoInsteadOfAnApiError() {
        open("/?view=diff&org=" + enc("三鷹市"));
        WebElement said = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#view-diff .diff-need-years")));
        assertEquals("三鷹市 の文書は 2019 年度の 1 年度分だけのため、差分はありません。2 年度以上ある団体を選んでください。", said.getText());
    }

    @Test
    void diffPairsAContinuedMeasureWithItsWordingChangesAndShowsTheRename() throws Exception {
        JsonNode api = get("/api/diff", "org", KAKUU, "from", "2019", "to", "2020");
        JsonNode pair = null;
        for (JsonNode dept : api.get("departments")) {
            for (JsonNode p : dept.get("continued")) {
                if (p.get("from").get("id").asText().equals("kakuu-2019-02-01")) pair = p;
            }
        }
        assertNotNull(pair, "the 2019 防災センター measure continues into 2020");
        List<String> removed = changes(pair, "removed");
        List<String> added = changes(pair, "added");
        assertFalse(removed.isEmpty() || added.isEmpty(), pair.toString());

        open("/?view=diff&org=" + enc(KAKUU) + "&from=2019&to=2020");
        wait.until(d -> d.findElements(By.cssSelector("#view-diff tr.diff-continued")).size()
                == api.get("summary").get("continued").asInt());
        assertEquals(List.of("継続\n" + api.get("summary").get("continued").asInt() + "件",
                        "終了\n" + api.get("summary").get("ended").asInt() + "件",
                        "新規\n" + api.get("summary").get("new").asInt() + "件"),
                driver.findElements(By.cssSelector("#view-diff .diff-stats .stat")).stream().map(WebElement::getText).toList());

        WebElement row = driver.findElement(By.xpath(
                "//tr[contains(@class,'diff-continued')][.//td[contains(@class,'diff-from')]//a[contains(@href,'measure=kakuu-2019-02-01')]]"));
        WebElement from = row.findElement(By.cssSelector("td.diff-from"));
        WebElement to = row.findElement(By.cssSelector("td.diff-to"));
        assertTrue(to.findElement(By.cssSelector("a.diff-measure-link")).getAttribute("href")
                .endsWith("measure=" + pair.get("to").get("id").asText()));
        assertEquals(removed, textContents(from.findElements(By.tagName("del"))));
        assertEquals(added, textContents(to.findElements(By.tagName("ins"))));
        assertTrue(from.findElements(By.tagName("ins")).isEmpty() && to.findElements(By.tagName("del")).isEmpty());
        assertEquals(pair.get("from").get("text").asText(), textContent(from.findElement(By.cssSelector(".diff-text"))));
        assertEquals(pair.get("to").get("text").asText(), textContent(to.findElement(By.cssSelector(".diff-text"))));
        assertEquals("類似度 " + Math.round(pair.get("similarity").asDouble() * 100) + "%",
                row.findElement(By.cssSelector(".similarity")).getText());

        // The form: 2021 → 2022, the year 企画部 became 政策企画部 — one department, shown as a rename.
        new Select(driver.findElement(By.id("diff-from"))).selectByValue("2021");
        new Select(driver.findElement(By.id("diff-to"))).selectByValue("2022");
        driver.findElement(By.cssSelector("#diff-form button[type='submit']")).click();
        wait.until(d -> d.getCurrentUrl().contains("from=2021") && d.getCurrentUrl().contains("to=2022")
                && d.findElement(By.id("diff-summary")).getText().contains("2021（令和3年度） → 2022（令和4年度）"));
        JsonNode renamedApi = get("/api/diff", "org", KAKUU, "from", "2021", "to", "2022");
        List<WebElement> sections = driver.findElements(By.cssSelector("#view-diff section.diff-dept"));
        assertEquals(renamedApi.get("departments").size(), sections.size());
        List<WebElement> renamed = driver.findElements(By.cssSelector("#view-diff section.diff-dept[data-relation='renamed']"));
        assertEquals(1, renamed.size());
        assertEquals("政策企画部\n改称：企画部 → 政策企画部", renamed.get(0).findElement(By.cssSelector("h3")).getText());
        assertTrue(driver.findElements(By.cssSelector("#view-diff section.diff-dept[data-name='企画部']")).isEmpty(),
                "企画部 is not a department of its own");

        driver.navigate().back();
        wait.until(d -> d.findElement(By.id("diff-summary")).getText().contains("2019（令和元年度） → 2020（令和2年度）"));
        assertEquals("2019", new Select(driver.findElement(By.id("diff-from"))).getFirstSelectedOption().getAttribute("value"));
    }

    // ------------------------------------------------------------------ 関連する事業

    @Test
    void theMeasureViewListsRelatedMeasuresOfOtherYearsAndMarksOtherOrganizations() throws Exception {
        JsonNode api = get("/api/measures/kakuu-2019-02-01/related");
        List<String> ids = new ArrayList<>();
        api.get("related").forEach(r -> ids.add(r.get("id").asText()));
        assertFalse(ids.isEmpty());

        open("/?measure=kakuu-2019-02-01");
        wait.until(d -> d.findElements(By.cssSelector("#view-measure .related-item")).size() == ids.size());
        List<WebElement> items = driver.findElements(By.cssSelector("#view-measure .related-item"));
        assertEquals(ids, items.stream().map(i -> i.getAttribute("data-id")).toList());
        JsonNode first = api.get("related").get(0);
        assertTrue(items.get(0).getText().contains("類似度 " + Math.round(first.get("score").asDouble() * 100) + "%"),
                items.get(0).getText());
        for (WebElement item : items) {
            assertFalse(item.findElement(By.cssSelector(".hit-year")).getText().startsWith("2019"), item.getText());
        }
        WebElement relatedCsv = driver.findElement(By.cssSelector("#view-measure .related-downloads a.download-csv"));
        assertEquals(Map.of("limit", "50", "format", "csv"), query(relatedCsv.getAttribute("href")));
        assertTrue(relatedCsv.getAttribute("href").startsWith(base + "/api/measures/kakuu-2019-02-01/related?"),
                relatedCsv.getAttribute("href"));
        assertEquals(List.of(0xEF, 0xBB, 0xBF), firstBytes(relatedCsv.getAttribute("href")));
        assertEquals(Map.of("limit", "50", "format", "json"), query(driver.findElement(
                By.cssSelector("#view-measure .related-downloads a.download-json")).getAttribute("href")));
        items.get(0).findElement(By.cssSelector("a.related-link")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("measure=" + first.get("id").asText()));

        // 三鷹市 has one year only: its related measures are 架空市's, each marked as another organization.
        JsonNode mitaka = get("/api/measures/mitaka-2019-02-01/related");
        long others = 0;
        for (JsonNode r : mitaka.get("related")) if (!r.get("sameOrganization").asBoolean()) others++;
        assertTrue(others > 0);
        open("/?measure=mitaka-2019-02-01");
        long expectedOthers = others;
        wait.until(d -> d.findElements(By.cssSelector("#view-measure .related-item.is-other-org")).size() == expectedOthers);
        assertEquals("他の団体", driver.findElement(By.cssSelector("#view-measure .related-item .tag-other-org")).getText());

        // Nothing similar enough in other years: a sentence says so.
        assertEquals(0, get("/api/measures/kakuu-2024-03-01/related").get("related").size());
        open("/?measure=kakuu-2024-03-01");
        WebElement none = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#view-measure .related-none")));
        assertEquals("他の年度に、よく似た事業は見つかりませんでした。", none.getText());
        assertTrue(driver.findElements(By.cssSelector("#view-measure .related-item")).isEmpty());
        assertTrue(driver.findElements(By.cssSelector("#view-measure .related-downloads")).isEmpty(), "nothing to download");
    }

    // ------------------------------------------------------------------ 職員数・予算, 特徴語

    @Test
    void figuresChartsDrawStaffAndBudgetWithGapsWhereADepartmentDidNotExist() throws Exception {
        JsonNode api = get("/api/figures", "org", KAKUU);
        TreeSet<Integer> allYears = new TreeSet<>();
        api.get("departments").forEach(d -> d.get("years").forEach(y -> allYears.add(y.get("year").asInt())));
        Map<String, List<Long>> staff = new LinkedHashMap<>();
        for (JsonNode d : api.get("departments")) {
            List<Long> values = new ArrayList<>();
            for (int year : allYears) {
                JsonNode found = null;
                for (JsonNode y : d.get("years")) if (y.get("year").asInt() == year) found = y;
                values.add(found == null || found.get("staff").isNull() ? null : found.get("staff").asLong());
            }
            staff.put(d.get("name").asText(), values);
        }
        assertEquals(java.util.Arrays.asList(null, null, null, null, 95L, 96L), staff.get("環境部"));

        open("/?view=figures&org=" + enc(KAKUU));
        Map<String, Object> chart = chartOf("#figures-staff canvas");
        assertEquals(staff, datasets(chart));
        assertDrawn("#figures-staff canvas", 0);
        assertNotNull(chartOf("#figures-budget canvas"));
        assertTrue(driver.findElement(By.id("figures-staff-table")).getText().contains("2019 企画部"));
    }

    @Test
    void theNavigationOpensTermsWithDefaultsAndEachTermSearchesTheYear() throws Exception {
        open("/");
        driver.findElement(By.cssSelector("#site-nav a[data-view='terms']")).click();
        wait.until(d -> d.getCurrentUrl().contains("view=terms") && d.getCurrentUrl().contains("year=2024"));
        JsonNode api = get("/api/terms", "org", KAKUU, "year", "2024");
        wait.until(d -> d.findElements(By.cssSelector("#terms-table tbody tr")).size() == api.get("terms").size());
        assertEquals("page", driver.findElement(By.cssSelector("#site-nav a[data-view='terms']")).getAttribute("aria-current"));
        WebElement link = driver.findElement(By.cssSelector("#terms-table tbody tr a.term-link"));
        String term = api.get("terms").get(0).get("term").asText();
        assertEquals(term, link.getText());
        Map<String, String> query = query(link.getAttribute("href"));
        assertEquals(Map.of("q", term, "year", "2024", "org", KAKUU), query);
    }

    // ------------------------------------------------------------------ downloads

    @Test
    void csvDownloadLinksServeUtf8WithABom() {
        open("/?view=compare&q=" + enc("コロナ") + "&org=" + enc(KAKUU));
        WebElement csv = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#view-compare a.download-csv")));
        assertEquals("CSVでダウンロード", csv.getText());
        assertEquals(Map.of("q", "コロナ", "org", KAKUU, "format", "csv"), query(csv.getAttribute("href")));
        assertTrue(csv.getAttribute("href").startsWith(base + "/api/compare?"), csv.getAttribute("href"));
        assertEquals(List.of(0xEF, 0xBB, 0xBF), firstBytes(csv.getAttribute("href")));
        WebElement json = driver.findElement(By.cssSelector("#view-compare a.download-json"));
        assertEquals(Map.of("q", "コロナ", "org", KAKUU, "format", "json"), query(json.getAttribute("href")));

        open("/?q=" + enc("防災") + "&org=" + enc(KAKUU) + "&sort=year_asc");
        WebElement all = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-downloads a.download-csv")));
        assertEquals(Map.of("q", "防災", "org", KAKUU, "sort", "year_asc", "format", "csv"), query(all.getAttribute("href")));
        assertEquals(List.of(0xEF, 0xBB, 0xBF), firstBytes(all.getAttribute("href")));
    }

    // ------------------------------------------------------------------ helpers

    private static void open(String path) {
        driver.get(base + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    private static Map<String, Object> chartOf(String canvas) {
        return Charts.of(wait, canvas);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Long>> datasets(Map<String, Object> chart) {
        Map<String, List<Long>> out = new LinkedHashMap<>();
        for (Object o : (List<Object>) chart.get("datasets")) {
            Map<String, Object> ds = (Map<String, Object>) o;
            List<Long> data = new ArrayList<>();
            for (Object v : (List<Object>) ds.get("data")) data.add(v == null ? null : ((Number) v).longValue());
            out.put((String) ds.get("label"), data);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Double>> doubles(Map<String, Object> chart) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (Object o : (List<Object>) chart.get("datasets")) {
            Map<String, Object> ds = (Map<String, Object>) o;
            out.put((String) ds.get("label"), ((List<Object>) ds.get("data")).stream()
                    .map(v -> v == null ? null : ((Number) v).doubleValue()).toList());
        }
        return out;
    }

    /** The canvas has pixels, and many in the colour of the given dataset's line: it really drew. */
    @SuppressWarnings("unchecked")
    private static void assertDrawn(String canvas, int dataset) {
        List<Long> counts = (List<Long>) js().executeScript("""
                const c = document.querySelector(arguments[0]);
                const color = Chart.getChart(c).data.datasets[arguments[1]].borderColor;
                const [r, g, b] = [1, 3, 5].map(i => parseInt(color.slice(i, i + 2), 16));
                const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let painted = 0, line = 0;
                for (let i = 0; i < px.length; i += 4) {
                  if (px[i + 3] > 0) painted++;
                  if (px[i + 3] > 200 && Math.abs(px[i] - r) < 10 && Math.abs(px[i + 1] - g) < 10 && Math.abs(px[i + 2] - b) < 10) line++;
                }
                return [painted, line];
                """, canvas, dataset);
        assertTrue(counts.get(0) > 5000, "painted pixels: " + counts);
        assertTrue(counts.get(1) > 100, "pixels of the line's colour: " + counts);
    }

    /** Clicks a chart point where Chart.js placed it (viewport coordinates of the canvas plus the point). */
    @SuppressWarnings("unchecked")
    private static void clickPoint(String canvas, int dataset, int index) {
        List<Number> at = (List<Number>) js().executeScript("""
                const c = document.querySelector(arguments[0]);
                c.scrollIntoView({ block: 'center' });
                const p = Chart.getChart(c).getDatasetMeta(arguments[1]).data[arguments[2]];
                const r = c.getBoundingClientRect();
                return [r.left + p.x, r.top + p.y];
                """, canvas, dataset, index);
        new Actions(driver).moveToLocation((int) Math.round(at.get(0).doubleValue()), (int) Math.round(at.get(1).doubleValue()))
                .click().perform();
    }

    /** Waits for the search view a cell opens and checks its URL and hits against /api/search. */
    private static List<WebElement> awaitCellHits(String dept, int year) throws Exception {
        JsonNode api = get("/api/search", "q", "コロナ", "org", KAKUU, "dept", dept, "year", String.valueOf(year),
                "kind", "measure", "size", "100");
        int total = api.get("total").asInt();
        wait.until(d -> d.getCurrentUrl().contains("kind=measure") && !d.getCurrentUrl().contains("view=")
                && d.findElement(By.id("view-search")).isDisplayed()
                && d.findElements(By.cssSelector("#results .hit")).size() == total);
        assertEquals(Map.of("q", "コロナ", "org", KAKUU, "dept", dept, "year", String.valueOf(year), "kind", "measure"),
                query(driver.getCurrentUrl()));
        List<String> ids = new ArrayList<>();
        api.get("hits").forEach(h -> ids.add(h.get("id").asText()));
        List<WebElement> hits = driver.findElements(By.cssSelector("#results .hit"));
        assertEquals(new TreeSet<>(ids), new TreeSet<>(hits.stream().map(h -> h.getAttribute("data-id")).toList()));
        assertTrue(driver.findElement(By.id("summary")).getText().contains(total + "件"));
        return hits;
    }

    private static List<String> changes(JsonNode pair, String op) {
        List<String> out = new ArrayList<>();
        pair.get("changes").forEach(c -> {
            if (c.get("op").asText().equals(op)) out.add(c.get("text").asText());
        });
        return out;
    }

    private static String textContent(WebElement e) {
        return e.getDomProperty("textContent");
    }

    private static List<String> textContents(List<WebElement> es) {
        return es.stream().map(AnalysisBrowserTest::textContent).toList();
    }

    private static List<Integer> ints(JsonNode array, String field) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asInt()));
        return out;
    }

    /** The query parameters of a URL, decoded (each name once). */
    private static Map<String, String> query(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        if (raw == null) return out;
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            assertTrue(out.put(name, value) == null, "repeated " + name + " in " + url);
        }
        return out;
    }

    /** Fetches a URL from the page (same origin, as a click would) and returns its first three bytes. */
    @SuppressWarnings("unchecked")
    private static List<Integer> firstBytes(String href) {
        List<Object> got = (List<Object>) js().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => {
                  if (!r.ok || !(r.headers.get('content-disposition') || '').startsWith('attachment')) {
                    done(['status ' + r.status + ' ' + r.headers.get('content-disposition')]);
                    return;
                  }
                  return r.arrayBuffer().then(b => done(Array.from(new Uint8Array(b).slice(0, 3))));
                }).catch(e => done([String(e)]));
                """, href);
        return got.stream().map(o -> o instanceof Number n ? n.intValue() : -1).toList();
    }
}
