package nendo.web;

import static nendo.web.AnalysisApiSupport.body;
import static nendo.web.AnalysisApiSupport.csv;
import static nendo.web.AnalysisApiSupport.error;
import static nendo.web.AnalysisApiSupport.parseCsv;
import static nendo.web.AnalysisApiSupport.raw;
import static nendo.web.AnalysisApiSupport.records;
import static nendo.web.AnalysisApiSupport.utf8FileName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * format=csv and format=json downloads of compare, diff, terms, figures, related and search: UTF-8
 * with a BOM, a Japanese header row, CRLF line ends, fields quoted per RFC 4180, and formula-like
 * text neutralised. Expected cells come from the corpus (see CompareApiTest, DiffApiTest) and the
 * front matter of corpus/kakuu/*.md (staff, budget).
 */
class ExportApiTest extends BundledApiTestBase {
    private static final String[][] ENDPOINTS = {
        {"/api/compare", "q", "コロナ", "org", "架空市"},
        {"/api/diff", "org", "架空市", "from", "2019", "to", "2020"},
        {"/api/terms", "org", "架空市", "year", "2020"},
        {"/api/figures", "org", "架空市"},
        {"/api/measures/kakuu-2019-02-01/related"},
        {"/api/search", "q", "防災", "size", "5"},
    };

    /** An endpoint without downloads refuses format= instead of answering JSON as if it had understood. */
    @Test
    void formatOnAnEndpointWithoutDownloadsIsRefused() throws Exception {
        for (String path : new String[] {"/api/years", "/api/documents", "/api/departments", "/api/suggest?q=%E9%98%B2",
                "/api/measures/kakuu-2019-02-01", "/api/documents/kakuu-2019", "/api/documents/kakuu-2019/original",
                "/health"}) {
            String url = base + path + (path.contains("?") ? "&" : "?") + "format=csv";
            java.net.http.HttpResponse<String> r = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode(), path + " " + r.body());
            assertTrue(r.body().contains("ダウンロードがありません"), r.body());
            java.net.http.HttpResponse<String> plain = HTTP.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(base + path)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, plain.statusCode(), path + " " + plain.body());
        }
    }

    @Test
    void compareAsCsvIsOneRowPerDepartmentAndYearPlusTotals() throws Exception {
        List<List<String>> rows = csv("/api/compare", "q", "コロナ", "org", "架空市");
        assertEquals(List.of("団体", "部", "当年度の部名", "年度", "和暦", "該当事業数", "事業数", "割合"), rows.get(0));
        List<Map<String, String>> records = records(rows);
        // 10 departments × 6 years, then 6 全体 rows.
        assertEquals(66, records.size());
        assertTrue(records.contains(row(rows, "架空市", "健康福祉部", "健康福祉部", "2021", "令和3年度", "2", "5", "0.4")), rows.toString());
        assertTrue(records.contains(row(rows, "架空市", "政策企画部", "企画部", "2020", "令和2年度", "1", "5", "0.2")));
        assertTrue(records.contains(row(rows, "架空市", "政策企画部", "政策企画部", "2022", "令和4年度", "1", "5", "0.2")));
        // A year the department did not exist: no printed name, no measure count, no share.
        assertTrue(records.contains(row(rows, "架空市", "環境部", "", "2019", "令和元年度", "0", "", "")));
        List<Map<String, String>> totals = records.stream().filter(r -> r.get("部").equals("全体")).toList();
        assertEquals(6, totals.size());
        assertEquals(List.of("0", "4", "5", "3", "0", "0"), totals.stream().map(r -> r.get("該当事業数")).toList());
        assertEquals(List.of("40", "39", "39", "40", "43", "43"), totals.stream().map(r -> r.get("事業数")).toList());
        assertEquals(4.0 / 39, Double.parseDouble(totals.get(1).get("割合")), 0.00005);
    }

    @Test
    void diffAsCsvIsOneRowPerMeasure() throws Exception {
        List<List<String>> rows = csv("/api/diff", "org", "架空市", "from", "2019", "to", "2020");
        assertEquals(List.of("部", "部の変化", "区分", "類似度", "2019年度の事業ID", "2019年度の部名", "2019年度の本文",
                "2020年度の事業ID", "2020年度の部名", "2020年度の本文", "削られた語句", "加わった語句"), rows.get(0));
        List<Map<String, String>> records = records(rows);
        JsonNode json = get("/api/diff", "org", "架空市", "from", "2019", "to", "2020");
        JsonNode s = json.get("summary");
        // 40 measures in 2019, 39 in 2020: continued pairs count once, so 40 + 39 - continued rows.
        assertEquals(40 + 39 - s.get("continued").asInt(), records.size());
        assertEquals(s.get("continued").asInt(), records.stream().filter(r -> r.get("区分").equals("continued")).count());
        assertEquals(s.get("ended").asInt(), records.stream().filter(r -> r.get("区分").equals("ended")).count());
        assertEquals(s.get("new").asInt(), records.stream().filter(r -> r.get("区分").equals("new")).count());
        Map<String, String> centre = records.stream()
                .filter(r -> r.get("2019年度の本文").equals(RelatedApiTest.CENTER_2019)).findFirst().orElseThrow();
        assertEquals("continued", centre.get("区分"));
        assertEquals("総務部", centre.get("部"));
        assertEquals("same", centre.get("部の変化"));
        assertEquals(RelatedApiTest.CENTER_2020, centre.get("2020年度の本文"));
        assertEquals("0.58", centre.get("類似度"));
        assertTrue(centre.get("削られた語句").contains("危機管理体制の強化に向け"), centre.toString());
        assertTrue(centre.get("加わった語句").contains("近年の風水害の教訓を踏まえて"), centre.toString());
        for (Map<String, String> r : records) {
            switch (r.get("区分")) {
                case "ended" -> assertTrue(r.get("2020年度の本文").isEmpty() && !r.get("2019年度の本文").isEmpty(), r.toString());
                case "new" -> assertTrue(r.get("2019年度の本文").isEmpty() && !r.get("2020年度の本文").isEmpty(), r.toString());
                default -> assertEquals("continued", r.get("区分"));
            }
        }
    }

    @Test
    void termsFiguresRelatedAsCsv() throws Exception {
        List<List<String>> terms = csv("/api/terms", "org", "架空市", "year", "2020");
        assertEquals(List.of("順位", "語", "対象の出現数", "対象の事業数", "比較対象の出現数", "比較対象の事業数",
                "対象の千語あたり", "比較対象の千語あたり", "対数尤度比"), terms.get(0));
        JsonNode json = get("/api/terms", "org", "架空市", "year", "2020");
        assertEquals(json.get("terms").size(), terms.size() - 1);
        for (int i = 1; i < terms.size(); i++) {
            JsonNode t = json.get("terms").get(i - 1);
            assertEquals(List.of(String.valueOf(i), t.get("term").asText(), t.get("targetCount").asText(),
                    t.get("targetMeasures").asText(), t.get("referenceCount").asText(), t.get("referenceMeasures").asText()),
                    terms.get(i).subList(0, 6));
            assertEquals(t.get("logLikelihood").asDouble(), Double.parseDouble(terms.get(i).get(8)), 1e-9);
        }
        assertTrue(terms.stream().anyMatch(r -> r.get(1).equals("新型コロナウイルス感染症") && r.get(2).equals("4") && r.get(4).equals("8")));

        List<List<String>> figures = csv("/api/figures", "org", "架空市");
        assertEquals(List.of("団体", "部", "当年度の部名", "年度", "和暦", "職員数（人）", "予算（千円）", "事業数"), figures.get(0));
        // 7 departments in all six years, 生活環境部 in 2019–2022, 環境部 and 地域協働部 in 2023–2024.
        assertEquals(7 * 6 + 4 + 2 + 2, figures.size() - 1);
        // From the front matter of corpus/kakuu/2019.md and 2023.md.
        assertTrue(figures.contains(List.of("架空市", "政策企画部", "企画部", "2019", "令和元年度", "62", "1850000", "5")));
        assertTrue(figures.contains(List.of("架空市", "環境部", "環境部", "2023", "令和5年度", "95", "5320000", "4")));
        assertTrue(figures.contains(List.of("架空市", "地域協働部", "地域協働部", "2024", "令和6年度", "39", "1580000", "4")));

        List<List<String>> related = csv("/api/measures/kakuu-2019-02-01/related", "limit", "3");
        assertEquals(List.of("元の事業ID", "ID", "団体", "年度", "和暦", "部（当時の名称）", "部（現在の名称）", "類似度",
                "同じ団体", "本文"), related.get(0));
        assertEquals(4, related.size());
        List<String> first = related.get(1);
        assertEquals("kakuu-2019-02-01", first.get(0));
        assertTrue(first.get(1).startsWith("kakuu-2020-"), first.toString());
        assertEquals("2020", first.get(3));
        assertEquals("はい", first.get(8));
        assertEquals(RelatedApiTest.CENTER_2020, first.get(9));
    }

    @Test
    void searchAsCsvHasEveryHitNotOnePage() throws Exception {
        // 防災 is in 13 measure lines of corpus/kakuu/*.md and 3 of corpus/mitaka/2019.md, in no mission.
        JsonNode page = get("/api/search", "q", "防災", "size", "5");
        assertEquals(16, page.get("total").asLong());
        assertEquals(5, page.get("hits").size());
        for (String p : List.of("1", "2")) {
            List<List<String>> rows = csv("/api/search", "q", "防災", "size", "5", "page", p);
            assertEquals(List.of("ID", "団体", "年度", "和暦", "部（当時の名称）", "部（現在の名称）", "種別", "本文", "文書ID",
                    "文書名", "サンプル", "スコア"), rows.get(0));
            List<Map<String, String>> records = records(rows);
            assertEquals(16, records.size());
            Set<String> ids = new HashSet<>();
            for (Map<String, String> r : records) {
                assertTrue(ids.add(r.get("ID")), "each hit once: " + r);
                assertTrue(r.get("本文").contains("防災"), r.toString());
                assertEquals("主要事業", r.get("種別"), "the kind as the page names it");
                assertEquals(r.get("団体").equals("架空市") ? "はい" : "いいえ", r.get("サンプル"), r.toString());
            }
            assertEquals(13, records.stream().filter(r -> r.get("団体").equals("架空市")).count());
            assertEquals(3, records.stream().filter(r -> r.get("団体").equals("三鷹市")).count());
        }
        // A department's mission is named as on the page too.
        List<Map<String, String>> missions = records(csv("/api/search", "q", "", "kind", "mission", "org", "架空市", "year", "2019"));
        assertEquals(8, missions.size(), "one mission per department of kakuu-2019");
        assertTrue(missions.stream().allMatch(r -> r.get("種別").equals("部の使命・目標") && r.get("サンプル").equals("はい")),
                missions.toString());
        // Filters apply to the download as to the search: 2021 has 3 防災 measures (総務部).
        List<List<String>> y2021 = csv("/api/search", "q", "防災", "org", "架空市", "year", "2021");
        assertEquals(3, y2021.size() - 1);
    }

    @Test
    void formatJsonIsTheSameAnswerAsAnAttachment() throws Exception {
        for (String[] e : ENDPOINTS) {
            String path = e[0];
            String[] params = java.util.Arrays.copyOfRange(e, 1, e.length);
            HttpResponse<byte[]> r = raw(path, with(params, "format", "json"));
            assertEquals(200, r.statusCode(), path + " " + body(r));
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
            String disposition = r.headers().firstValue("Content-Disposition").orElse("");
            assertTrue(disposition.startsWith("attachment;") && disposition.contains(".json\""), path + " " + disposition);
            assertTrue(utf8FileName(disposition).endsWith(".json"), disposition);
            JsonNode download = JSON.readTree(r.body());
            JsonNode plain = get(path, params);
            if (path.equals("/api/search")) {
                // The download is every hit, not the page: the same hits as one page large enough to hold them.
                assertEquals(plain.get("total"), download.get("total"));
                assertEquals(16, download.get("hits").size());
                JsonNode big = get(path, "q", "防災", "size", "100");
                List<String> a = new ArrayList<>();
                List<String> b = new ArrayList<>();
                big.get("hits").forEach(h -> a.add(h.get("id").asText()));
                download.get("hits").forEach(h -> b.add(h.get("id").asText()));
                assertEquals(a, b);
            } else {
                assertEquals(plain, download, path);
            }
        }
        // The file is named after the request.
        HttpResponse<byte[]> compare = raw("/api/compare", "q", "コロナ", "org", "架空市", "format", "csv");
        String name = utf8FileName(compare.headers().firstValue("Content-Disposition").orElseThrow());
        assertTrue(name.contains("コロナ") && name.contains("架空市") && name.endsWith(".csv"), name);
    }

    @Test
    void anUnknownFormatIsAJsonErrorAndErrorsStayJsonWhenADownloadIsAsked() throws Exception {
        for (String[] e : ENDPOINTS) {
            error(400, e[0], with(java.util.Arrays.copyOfRange(e, 1, e.length), "format", "xml"));
        }
        error(400, "/api/compare", "format", "csv");
        error(404, "/api/compare", "q", "コロナ", "org", "どこか市", "format", "csv");
        error(400, "/api/diff", "org", "架空市", "from", "2020", "to", "2019", "format", "csv");
        error(404, "/api/measures/nope/related", "format", "csv");
        error(400, "/api/terms", "org", "架空市", "format", "json");
    }

    @Test
    void cellsAreQuotedAndFormulasNeutralised() {
        assertEquals("'=1+1", CsvTable.cell("=1+1"));
        assertEquals("'+x", CsvTable.cell("+x"));
        assertEquals("'-x", CsvTable.cell("-x"));
        assertEquals("'@x", CsvTable.cell("@x"));
        assertEquals("\"'=SUM(A1,A2)\"", CsvTable.cell("=SUM(A1,A2)"));
        assertEquals("\"a,b\"", CsvTable.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvTable.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvTable.cell("two\nlines"));
        assertEquals("\"two\r\nlines\"", CsvTable.cell("two\r\nlines"));
        assertEquals("防災", CsvTable.cell("防災"));
        assertEquals("", CsvTable.cell(null));
        assertEquals("", CsvTable.cell(""));
        // Numbers are numbers, negative ones included.
        assertEquals("-3", CsvTable.cell(-3));
        assertEquals("0.25", CsvTable.cell(0.25));
        assertEquals("true", CsvTable.cell(true));

        // A whole table reads back through an RFC 4180 reader.
        CsvTable table = new CsvTable.Builder().column("語", "term").column("本文", "text")
                .row("=HYPERLINK(\"x\")", "a,b\r\n\"c\"").row(null, 1).build();
        String written = table.write();
        assertTrue(written.startsWith(CsvTable.BOM));
        assertEquals(List.of(List.of("語", "本文"), List.of("'=HYPERLINK(\"x\")", "a,b\r\n\"c\""), List.of("", "1")),
                parseCsv(written.substring(1)));
        // The test's reader is strict: a bare line feed or a stray quote is not CSV.
        assertThrows(IllegalArgumentException.class, () -> parseCsv("a\nb\r\n"));
        assertThrows(IllegalArgumentException.class, () -> parseCsv("a\"b\r\n"));
    }

    // ---- helpers ----

    private static String[] with(String[] params, String... more) {
        String[] all = java.util.Arrays.copyOf(params, params.length + more.length);
        System.arraycopy(more, 0, all, params.length, more.length);
        return all;
    }

    private static Map<String, String> row(List<List<String>> rows, String... values) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) m.put(rows.get(0).get(i), values[i]);
        return m;
    }
}
