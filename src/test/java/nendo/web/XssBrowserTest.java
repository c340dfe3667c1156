package nendo.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nendo.testing.Charts;
import nendo.testing.HeadlessChromium;
import nendo.testing.TestArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Markup in the archive's data never executes and is shown as the text it is. A made-up
 * organization (検証市, two years) whose measures, missions, department names, titles, intro,
 * contact and source carry script, event-handler, attribute-breaking, entity and javascript: URL
 * payloads is added to a copy of the bundled corpus, and every view that shows such text is opened
 * in headless Chromium. On each page: {@code window.__xss} stays undefined, no element or
 * attribute from the data exists in the DOM, the payload is visible literally, and the page raised
 * no Content-Security-Policy violation (a listener installed before any page script runs, through
 * the DevTools protocol, records them; a violation means either markup that slipped through or a
 * page that does not work under the policy). Also: the security headers, and the CSV export's
 * formula guard.
 */
class XssBrowserTest {
    private static final String ORG = "検証市";
    private static final String SCRIPT = "<script>window.__xss=1</script>";
    private static final String IMG = "<img src=x onerror=\"window.__xss=2\">";
    private static final String SVG = "\"><svg onload=window.__xss=3>";
    private static final String ENTITY = "&lt;b&gt;entity&lt;/b&gt;";
    private static final String JS_URL = "javascript:window.__xss=4";
    private static final String DEPT_BOSAI = "防災安全部" + IMG;
    private static final String DEPT_KOSODATE = "子育て支援部" + SVG;
    private static final String TITLE_2023 = "令和5年度 検証市" + SCRIPT + "の運営方針";
    private static final String TITLE_2024 = "令和6年度 検証市" + IMG + "の運営方針";
    private static final String INTRO = "検証市の前文です" + IMG + "防災と子育てに取り組みます。" + ENTITY;
    private static final String CONTACT = "検証市 防災課" + SVG + " 内線0000";
    private static final String MISSION = "市民の安全を守る防災の拠点として" + SVG + "災害に強いまちをつくります。";
    private static final String PROGRAMME = "検証防災" + SCRIPT + "計画";
    private static final String FORMULA = "=HYPERLINK(\"http://example.com\")防災情報の案内を行います。";

    /** Measures per department, in file order (ids kensho-YYYY-DD-MM follow it). */
    private static final List<String> BOSAI_2023 = List.of(
            "防災訓練を実施します" + SCRIPT + "地域の防災力を高めます。",
            "避難所の防災倉庫を整備し" + IMG + "備蓄品を見直します。",
            "防災無線を更新し" + SVG + "情報伝達を改善します。",
            "防災マップ" + ENTITY + "を全戸に配布します。",
            "防災アプリ" + JS_URL + "の配信を始めます。",
            FORMULA,
            "『" + PROGRAMME + "』を策定します。");
    private static final List<String> KOSODATE_2023 = List.of(
            "子育て相談窓口" + SCRIPT + "を開設します。",
            "+子育て応援券を配布します。",
            "-子育て世帯の負担を軽減します。",
            "@子育てポータルを開設します。");
    private static final List<String> BOSAI_2024 = List.of(
            "防災訓練を実施します" + IMG + "地域の防災力を高めます。",
            "避難所の防災倉庫を増設し" + SCRIPT + "備蓄品を見直します。",
            "防災無線を全面更新し" + SVG + "情報伝達を改善します。",
            "防災マップ" + ENTITY + "を改訂し全戸に配布します。",
            "防災アプリ" + JS_URL + "の機能を拡充します。");
    private static final List<String> KOSODATE_2024 = List.of(
            "子育て相談窓口<svg onload=window.__xss=3>を拡充します。",
            "子育て応援券" + ENTITY + "を配布します。");

    /**
     * Installed through the DevTools protocol before any script of each new document: records CSP
     * violations (CDP-injected scripts are not themselves subject to the page's policy).
     */
    private static final String CSP_RECORDER = """
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', (e) => {
              window.__cspViolations.push(`${e.violatedDirective} blocked=${e.blockedURI} at ${e.sourceFile}:${e.lineNumber} sample=${e.sample}`);
            });
            """;

    /** Elements and attributes that only markup from the data could have put in the page. */
    private static final String INJECTED = """
            const bad = [];
            document.querySelectorAll('img, svg, iframe, object, embed, b, math').forEach(
                (e) => bad.push('element ' + e.outerHTML.slice(0, 120)));
            document.querySelectorAll('script').forEach((s) => {
              if (!s.getAttribute('src') || new URL(s.src).origin !== location.origin) bad.push('script ' + s.outerHTML.slice(0, 120));
            });
            for (const e of document.querySelectorAll('*')) {
              for (const a of e.attributes) {
                if (/^on/i.test(a.name)) bad.push(`attribute ${e.tagName}[${a.name}=${a.value}]`);
                if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name) && /^\\s*javascript:/i.test(a.value)) {
                  bad.push(`url ${e.tagName}[${a.name}=${a.value}]`);
                }
              }
            }
            return bad;
            """;

    @TempDir
    static Path dir;
    static TestArchive archive;
    static String base;
    static WebDriver driver;
    static WebDriverWait wait;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        Path corpus = dir.resolve("corpus");
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, corpus);
        Files.createDirectories(corpus.resolve("kensho"));
        Files.writeString(corpus.resolve("kensho/2023.md"), plan2023(), StandardCharsets.UTF_8);
        Files.writeString(corpus.resolve("kensho/2024.md"), plan2024(), StandardCharsets.UTF_8);
        archive = TestArchive.of(dir, corpus);
        base = archive.serve();
        JsonNode health = get("/health");
        assertEquals(0, health.get("invalidFiles").size(), "the payload corpus must be valid: " + health);

        driver = HeadlessChromium.start(dir);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        ((HasCdp) driver).executeCdpCommand("Page.enable", Map.of());
        ((HasCdp) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_RECORDER));
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) driver.quit();
        if (archive != null) archive.close();
    }

    /** After every page: nothing ran, nothing was injected, the policy was never violated. */
    @AfterEach
    void pageStayedInert() throws Exception {
        assertInert();
    }

    private static String plan2023() {
        return """
                ---
                id: kensho-2023
                organization: 検証市
                fiscalYear: 2023
                series: 各部の運営方針と目標
                title: '%s'
                source: '%s'
                sample: true
                intro: '%s'
                contact: '%s'
                resources:
                  '%s': {staff: 30, budget: 1000}
                  '%s': {staff: 40, budget: 2000}
                ---

                ## %s

                %s

                %s
                ## %s

                %s
                """.formatted(TITLE_2023, JS_URL, INTRO, CONTACT, DEPT_BOSAI, DEPT_KOSODATE,
                DEPT_BOSAI, MISSION, items(BOSAI_2023), DEPT_KOSODATE, items(KOSODATE_2023));
    }

    private static String plan2024() {
        return """
                ---
                id: kensho-2024
                organization: 検証市
                fiscalYear: 2024
                series: 各部の運営方針と目標
                title: '%s'
                sample: true
                resources:
                  '%s': {staff: 31, budget: 1100}
                  '%s': {staff: 41, budget: 2100}
                ---

                ## %s

                %s
                ## %s

                %s
                """.formatted(TITLE_2024, DEPT_BOSAI, DEPT_KOSODATE, DEPT_BOSAI, items(BOSAI_2024),
                DEPT_KOSODATE, items(KOSODATE_2024));
    }

    private static String items(List<String> measures) {
        StringBuilder sb = new StringBuilder();
        for (String m : measures) sb.append("- ").append(m).append('\n');
        return sb.toString();
    }

    // ------------------------------------------------------------------ the data reached the index verbatim

    @Test
    void theApiKeepsThePayloadsVerbatimAndEscapesOnlyTheHtmlFields() throws Exception {
        JsonNode doc = get("/api/documents/kensho-2023");
        assertEquals(TITLE_2023, doc.get("title").asText());
        assertEquals(INTRO, doc.get("intro").asText());
        assertEquals(CONTACT, doc.get("contact").asText());
        assertEquals(JS_URL, doc.get("source").asText());
        assertEquals(DEPT_BOSAI, doc.get("departments").get(0).get("name").asText());
        assertEquals(MISSION, doc.get("departments").get(0).get("mission").asText());
        assertEquals(BOSAI_2023.get(0), doc.get("departments").get(0).get("measures").get(0).get("text").asText());

        JsonNode suggest = get("/api/suggest", "q", "検証防");
        JsonNode programme = null;
        for (JsonNode s : suggest.get("suggestions")) if (s.get("text").asText().equals(PROGRAMME)) programme = s;
        assertNotNull(programme, "the quoted programme name is offered: " + suggest);
        assertEquals("<mark>検証防</mark>災&lt;script&gt;window.__xss=1&lt;/script&gt;計画", programme.get("html").asText());
        assertNoRawMarkup(suggest.get("suggestions"), "html");
        assertNoRawMarkup(get("/api/search", "q", "防災 OR 子育て", "org", ORG, "size", "100").get("hits"), "snippet");
    }

    /** In a server-escaped HTML field the only tags are <mark> and </mark>. */
    private static void assertNoRawMarkup(JsonNode items, String field) {
        for (JsonNode item : items) {
            String html = item.get(field).asText().replace("<mark>", "").replace("</mark>", "");
            assertFalse(html.contains("<") || html.contains(">") || html.contains("\""), field + ": " + item.get(field));
        }
    }

    // ------------------------------------------------------------------ pages

    @Test
    void startPageListsThePayloadTitlesAsText() throws Exception {
        open("/");
        wait.until(d -> d.findElements(By.cssSelector("#document-list .doc-item[data-id='kensho-2023'] a.doc-link")).size() == 1);
        assertEquals(TITLE_2023, text("#document-list .doc-item[data-id='kensho-2023'] a.doc-link"));
        assertEquals(TITLE_2024, text("#document-list .doc-item[data-id='kensho-2024'] a.doc-link"));
        assertVisible("#document-list", TITLE_2023, TITLE_2024);
    }

    @Test
    void searchSnippetsShowThePayloadAsTextWithOnlyTheMatchesMarked() throws Exception {
        JsonNode api = get("/api/search", "q", "防災", "org", ORG, "size", "100");
        int total = api.get("total").asInt();
        assertTrue(total >= 12 && total <= 20, "one page holds every hit: " + total);

        open("/?q=" + enc("防災") + "&org=" + enc(ORG));
        wait.until(d -> d.findElements(By.cssSelector("#results .hit")).size() == total);
        for (JsonNode hit : api.get("hits")) {
            WebElement li = driver.findElement(By.cssSelector("#results .hit[data-id='" + hit.get("id").asText() + "']"));
            WebElement snippet = li.findElement(By.cssSelector(".snippet"));
            assertEquals(hit.get("text").asText(), snippet.getDomProperty("textContent"), "the snippet is the text, literally");
            @SuppressWarnings("unchecked")
            List<String> tags = (List<String>) js().executeScript(
                    "return [...arguments[0].children].map(c => c.tagName)", snippet);
            assertFalse(tags.isEmpty(), "matches are marked: " + hit);
            assertTrue(tags.stream().allMatch("MARK"::equals), "only <mark> inside a snippet: " + tags);
            for (WebElement mark : snippet.findElements(By.tagName("mark"))) assertEquals("防災", mark.getText());
            assertEquals(hit.get("department").asText(), li.findElement(By.cssSelector(".hit-dept")).getText());
            assertTrue(li.findElement(By.cssSelector(".hit-doc-link")).getText().contains(hit.get("documentTitle").asText()));
        }
        assertVisible("#results", BOSAI_2023.get(0), BOSAI_2023.get(1), BOSAI_2023.get(2), BOSAI_2023.get(3),
                BOSAI_2023.get(4), FORMULA, BOSAI_2024.get(0), MISSION, TITLE_2023, TITLE_2024, DEPT_BOSAI);
        assertVisible("#facet-department", DEPT_BOSAI);
        assertFalse(driver.findElement(By.cssSelector("#results")).getText().contains("<b>entity</b>"),
                "an entity in the data is not decoded");
    }

    @Test
    void payloadsInTheUrlAndFiltersAreShownAsText() throws Exception {
        String q = IMG + "子育て";
        open("/?q=" + enc(q) + "&org=" + enc(ORG) + "&dept=" + enc(DEPT_KOSODATE));
        wait.until(d -> d.findElement(By.id("summary")).getText().contains("件"));
        assertEquals(q, driver.findElement(By.id("q")).getDomProperty("value"));
        assertVisible("#summary", "子育て");
        assertVisible("#active-filters", DEPT_KOSODATE);
        assertInert();

        // The server's message echoes the bad value: it is shown as text.
        open("/?q=x&year=" + enc(IMG));
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        wait.until(d -> !error.getText().isBlank());
        assertVisible("#error", IMG);
    }

    @Test
    void suggestionsOfferThePayloadWordAsPlainText() throws Exception {
        open("/");
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
        box.sendKeys("検証防");
        wait.until(d -> ((List<?>) js().executeScript("return [...document.querySelectorAll('#suggestions [role=option]')]"
                + ".map(o => o.firstChild.textContent)")).contains(PROGRAMME));
        // Each option is the word as text, with its reading in a span: no element from the payload.
        assertEquals(0, driver.findElements(By.cssSelector("#suggestions [role=option] *:not(span.suggestion-reading)")).size());
        assertEquals(0, driver.findElements(By.cssSelector("#suggestions script, #suggestions img")).size());
        driver.findElements(By.cssSelector("#suggestions [role=option]")).stream()
                .filter(o -> PROGRAMME.equals(o.getAttribute("data-value"))).findFirst().orElseThrow().click();
        assertEquals(PROGRAMME, box.getAttribute("value"));
        assertInert();
    }

    @Test
    void measureViewAndItsRelatedMeasuresShowThePayloadsAsText() throws Exception {
        JsonNode related = get("/api/measures/kensho-2024-01-01/related");
        List<String> ids = new ArrayList<>();
        related.get("related").forEach(r -> ids.add(r.get("id").asText()));
        assertTrue(ids.contains("kensho-2023-01-01"), "the 2023 wording is related: " + ids);

        open("/?measure=kensho-2024-01-01");
        wait.until(d -> d.findElements(By.cssSelector("#view-measure .related-item")).size() == ids.size());
        assertEquals(BOSAI_2024.get(0), text("#view-measure .measure-text"));
        assertEquals(TITLE_2024, text("#view-measure a.measure-doc-link"));
        assertVisible("#view-measure .meta", DEPT_BOSAI, TITLE_2024);
        assertVisible("#view-measure h2", DEPT_BOSAI);
        assertTrue(driver.getTitle().contains(DEPT_BOSAI), driver.getTitle());
        for (JsonNode r : related.get("related")) {
            WebElement item = driver.findElement(By.cssSelector("#view-measure .related-item[data-id='" + r.get("id").asText() + "']"));
            assertEquals(r.get("text").asText(), item.findElement(By.cssSelector("a.related-link")).getText());
        }
        assertVisible("#view-measure .related", BOSAI_2023.get(0), DEPT_BOSAI);
        // The follow-the-department link carries the name in its URL, never as markup.
        String follow = driver.findElement(By.cssSelector("#view-measure a.follow-dept-link")).getText();
        assertEquals(DEPT_BOSAI + "の事業を全年度で一覧", follow);
    }

    @Test
    void documentViewShowsTitleIntroContactSourceDepartmentsMissionsAndMeasuresAsText() throws Exception {
        open("/?doc=kensho-2023");
        wait.until(d -> d.findElements(By.cssSelector("#view-doc .department")).size() == 2);
        assertEquals(TITLE_2023, text("#view-doc h2.view-heading"));
        assertEquals(INTRO, text("#view-doc .doc-intro .prose"));
        assertEquals(CONTACT, text("#view-doc .doc-contact .prose"));
        assertEquals(List.of(DEPT_BOSAI, DEPT_KOSODATE), driver.findElements(By.cssSelector("#view-doc .dept-name"))
                .stream().map(e -> e.getDomProperty("textContent")).toList());
        assertEquals(MISSION, text("#view-doc #dept-1 .dept-mission .prose"));
        List<String> measures = new ArrayList<>(BOSAI_2023);
        measures.addAll(KOSODATE_2023);
        assertEquals(measures, driver.findElements(By.cssSelector("#view-doc a.measure-link")).stream()
                .map(e -> e.getDomProperty("textContent")).toList());
        // A javascript: source is shown as text, not as a link.
        assertVisible("#view-doc .meta", JS_URL);
        assertTrue(driver.findElements(By.cssSelector("#view-doc .meta a")).isEmpty(), "the source is not a link");
        assertVisible("#view-doc", TITLE_2023, INTRO, CONTACT, MISSION, DEPT_BOSAI, DEPT_KOSODATE, ENTITY);
    }

    @Test
    void compareViewShowsDepartmentNamesAsTextInTheTableAndAsLabelsInTheChart() throws Exception {
        String q = "防災 OR 子育て";
        JsonNode api = get("/api/compare", "q", q, "org", ORG);
        assertEquals(18, api.get("totalMatches").asInt());

        open("/?view=compare&q=" + enc(q) + "&org=" + enc(ORG));
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("compare-table")));
        Map<String, Object> chart = chartOf("#view-compare canvas");
        assertEquals(List.of(DEPT_BOSAI, DEPT_KOSODATE), labels(chart));
        assertCanvasPainted("#view-compare canvas");
        assertEquals(List.of(DEPT_BOSAI, DEPT_KOSODATE), table.findElements(By.cssSelector("tbody th.row-head")).stream()
                .map(e -> e.getDomProperty("textContent")).toList());
        assertEquals(DEPT_BOSAI + " 2023（令和5年度）：7件（事業 7件中）",
                table.findElement(By.cssSelector("tbody td[data-year='2023']")).getAttribute("title"));
        assertTrue(options("#compare-dept option", "text").containsAll(List.of(DEPT_BOSAI, DEPT_KOSODATE)),
                "the department select lists the names as text");

        assertInert();

        // A cell opens the search view filtered by that (payload) department name.
        table.findElement(By.cssSelector("td[data-dept='" + cssString(DEPT_KOSODATE) + "'][data-year='2023'] a.cell-link")).click();
        wait.until(d -> d.getCurrentUrl().contains("kind=measure") && d.findElements(By.cssSelector("#results .hit")).size() == 4);
        assertVisible("#results", KOSODATE_2023.get(0), DEPT_KOSODATE);
        assertVisible("#active-filters", DEPT_KOSODATE);
    }

    @Test
    void diffViewShowsChangedPayloadWordingAsTextInDelAndIns() throws Exception {
        JsonNode api = get("/api/diff", "org", ORG, "from", "2023", "to", "2024");
        open("/?view=diff&org=" + enc(ORG) + "&from=2023&to=2024");
        wait.until(d -> d.findElements(By.cssSelector("#view-diff section.diff-dept")).size() == api.get("departments").size());
        List<WebElement> sections = driver.findElements(By.cssSelector("#view-diff section.diff-dept"));
        int pairs = 0;
        for (int i = 0; i < sections.size(); i++) {
            JsonNode dept = api.get("departments").get(i);
            assertEquals(dept.get("name").asText(), sections.get(i).getAttribute("data-name"));
            assertTrue(sections.get(i).findElement(By.cssSelector("h3")).getDomProperty("textContent")
                    .startsWith(dept.get("name").asText()));
            List<WebElement> rows = sections.get(i).findElements(By.cssSelector("tr.diff-continued"));
            assertEquals(dept.get("continued").size(), rows.size());
            for (int j = 0; j < rows.size(); j++) {
                JsonNode pair = dept.get("continued").get(j);
                WebElement row = rows.get(j);
                assertEquals(pair.get("from").get("text").asText(),
                        row.findElement(By.cssSelector(".diff-from .diff-text")).getDomProperty("textContent"));
                assertEquals(pair.get("to").get("text").asText(),
                        row.findElement(By.cssSelector(".diff-to .diff-text")).getDomProperty("textContent"));
                pairs++;
            }
        }
        assertTrue(pairs >= 5, "continued pairs: " + pairs);
        // The changed parts of the payloads are in <del>/<ins>, as text.
        List<String> inserted = driver.findElements(By.cssSelector("#view-diff ins")).stream()
                .map(e -> e.getDomProperty("textContent")).toList();
        assertTrue(inserted.contains("img src=x onerror=\""), inserted.toString());
        assertVisible("#view-diff", BOSAI_2023.get(0), BOSAI_2024.get(0), BOSAI_2023.get(1), BOSAI_2024.get(1),
                BOSAI_2024.get(2), BOSAI_2024.get(3), DEPT_BOSAI, DEPT_KOSODATE);
    }

    @Test
    void termsViewShowsTheDepartmentNameInItsLabelsAsText() throws Exception {
        JsonNode api = get("/api/terms", "org", ORG, "year", "2024", "dept", DEPT_BOSAI);
        String label = api.get("target").get("label").asText();
        assertTrue(label.contains(DEPT_BOSAI), label);

        open("/?view=terms&org=" + enc(ORG) + "&year=2024&dept=" + enc(DEPT_BOSAI));
        wait.until(d -> d.findElements(By.cssSelector("#terms-table tbody tr")).size() == api.get("terms").size());
        assertVisible("#view-terms .analysis-summary", label);
        assertTrue(options("#terms-dept option", "text").containsAll(List.of(DEPT_BOSAI, DEPT_KOSODATE)));
        assertEquals(DEPT_BOSAI, new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("terms-dept")))
                .getFirstSelectedOption().getDomProperty("value"));
        List<String> terms = driver.findElements(By.cssSelector("#terms-table a.term-link")).stream()
                .map(WebElement::getText).toList();
        List<String> expected = new ArrayList<>();
        api.get("terms").forEach(t -> expected.add(t.get("term").asText()));
        assertEquals(expected, terms);
    }

    @Test
    void figuresViewShowsDepartmentNamesAsTextInTablesAndAsChartLabels() throws Exception {
        open("/?view=figures&org=" + enc(ORG));
        Map<String, Object> staff = chartOf("#figures-staff canvas");
        assertEquals(List.of(DEPT_BOSAI, DEPT_KOSODATE), labels(staff));
        assertEquals(List.of(DEPT_BOSAI, DEPT_KOSODATE), labels(chartOf("#figures-budget canvas")));
        assertCanvasPainted("#figures-staff canvas");
        assertEquals(List.of(DEPT_BOSAI, DEPT_KOSODATE), driver.findElements(By.cssSelector("#figures-staff-table tbody th.row-head"))
                .stream().map(e -> e.getDomProperty("textContent")).toList());
        assertTrue(options("#figures-dept option", "text").containsAll(List.of(DEPT_BOSAI, DEPT_KOSODATE)));
        assertVisible("#figures-staff-table", DEPT_BOSAI, DEPT_KOSODATE, "30", "41");
    }

    // ------------------------------------------------------------------ headers and exports (plain HTTP)

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/app.js", "/style.css", "/api/search?q=" + enc("防災"),
                "/webjars/chart.js/4.5.1/dist/chart.umd.min.js", "/api/no-such-route", "/health",
                "/api/search?q=" + enc("防災") + "&format=csv")) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String csp = r.headers().firstValue("Content-Security-Policy").orElse(null);
            assertNotNull(csp, path + ": no Content-Security-Policy");
            Map<String, String> directives = directives(csp);
            assertEquals("'self'", directives.get("script-src"), path + ": " + csp);
            assertEquals("'self'", directives.get("style-src"), path + ": " + csp);
            assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval") || csp.contains("*"), path + ": " + csp);
            assertEquals("'none'", directives.get("object-src"), path + ": " + csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            String referrer = r.headers().firstValue("Referrer-Policy").orElse(null);
            assertTrue(Set.of("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin").contains(referrer),
                    path + ": Referrer-Policy " + referrer);
        }
        // The page itself has no inline script or style the policy would block.
        String html = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher scripts = Pattern.compile("<script\\b([^>]*)>").matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertTrue(scripts.group(1).contains("src="), "inline script in index.html: " + scripts.group());
        }
        assertTrue(count > 0);
        assertFalse(Pattern.compile("<style\\b|\\sstyle=|\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                "inline style or handler in index.html");
    }

    @Test
    void csvExportPutsAnApostropheBeforeCellsThatWouldBeFormulas() throws Exception {
        String url = base + "/api/search?q=" + enc("防災 OR 子育て") + "&org=" + enc(ORG) + "&format=csv";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        String body = r.body();
        assertTrue(body.startsWith("\uFEFF"), "BOM");
        List<List<String>> rows = parseCsv(body.substring(1));
        int text = rows.get(0).indexOf("本文");
        assertTrue(text >= 0, rows.get(0).toString());
        Set<String> texts = new LinkedHashSet<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            texts.add(row.get(text));
            for (String cell : row) {
                assertFalse(!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0, "a cell that would run as a formula: " + cell);
            }
        }
        for (String formula : List.of(FORMULA, KOSODATE_2023.get(1), KOSODATE_2023.get(2), KOSODATE_2023.get(3))) {
            assertTrue(texts.contains("'" + formula), "expected '" + formula + " among " + texts);
        }
        // Other payloads stay verbatim in the CSV (it is data, not HTML).
        assertTrue(texts.contains(BOSAI_2023.get(0)), texts.toString());

        // JSON keeps the text as it is.
        JsonNode json = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url.replace("format=csv", "format=json"))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        List<String> jsonTexts = new ArrayList<>();
        json.get("hits").forEach(h -> jsonTexts.add(h.get("text").asText()));
        assertTrue(jsonTexts.contains(FORMULA), jsonTexts.toString());
    }

    // ------------------------------------------------------------------ helpers

    private static void open(String path) {
        driver.get(base + path);
    }

    private static JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String text(String css) {
        return driver.findElement(By.cssSelector(css)).getDomProperty("textContent");
    }

    /** The literal strings are in the rendered (visible) text of the element. */
    private static void assertVisible(String css, String... literals) {
        String shown = driver.findElement(By.cssSelector(css)).getText();
        for (String literal : literals) {
            assertTrue(shown.contains(literal), css + " should show «" + literal + "» literally, shows:\n" + shown);
        }
    }

    /** Nothing from the data ran or became markup, and no CSP violation happened on this page. */
    private static void assertInert() throws InterruptedException {
        if (driver == null || !driver.getCurrentUrl().startsWith(base)) return;
        @SuppressWarnings("unchecked")
        List<String> injected = (List<String>) js().executeScript(INJECTED);
        assertEquals(List.of(), injected, "markup from the data in the DOM of " + driver.getCurrentUrl());
        Thread.sleep(250); // an injected handler (img onerror, svg onload) would have fired by now
        assertEquals("undefined", js().executeScript("return typeof window.__xss"), "window.__xss was set on " + driver.getCurrentUrl());
        Object violations = js().executeScript("return window.__cspViolations");
        assertNotNull(violations, "the CSP recorder was not installed on " + driver.getCurrentUrl());
        assertEquals(List.of(), violations, "Content-Security-Policy violations on " + driver.getCurrentUrl());
    }

    @SuppressWarnings("unchecked")
    private static List<String> options(String css, String property) {
        return (List<String>) js().executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(o => o[arguments[1]])", css, property);
    }

    private static Map<String, Object> chartOf(String canvas) {
        return Charts.of(wait, canvas);
    }

    @SuppressWarnings("unchecked")
    private static List<String> labels(Map<String, Object> chart) {
        return ((List<Map<String, Object>>) chart.get("datasets")).stream().map(ds -> (String) ds.get("label")).toList();
    }

    /** Chart.js really drew under the policy: many painted pixels on the canvas. */
    private static void assertCanvasPainted(String canvas) {
        Number painted = (Number) js().executeScript("""
                const c = document.querySelector(arguments[0]);
                const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0;
                for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
                return n;
                """, canvas);
        assertTrue(painted.longValue() > 5000, "painted pixels: " + painted);
    }

    /** A value for a CSS attribute selector in single quotes. */
    private static String cssString(String s) {
        return s.replace("\\", "\\\\").replace("'", "\\'");
    }

    private static Map<String, String> directives(String csp) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String part : csp.split(";")) {
            String[] words = part.strip().split("\\s+", 2);
            if (!words[0].isEmpty()) out.put(words[0].toLowerCase(java.util.Locale.ROOT), words.length > 1 ? words[1] : "");
        }
        return out;
    }

    /** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks; records end with CRLF. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    private static JsonNode get(String path, String... params) throws Exception {
        StringBuilder url = new StringBuilder(base).append(path).append('?');
        for (int i = 0; i < params.length; i += 2) url.append(params[i]).append('=').append(enc(params[i + 1])).append('&');
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + " → " + r.body());
        return JSON.readTree(r.body());
    }
}
