package nendo.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nendo.testing.ApiGet;
import nendo.testing.TestArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive's lists and comparisons over measures read from a JSON Lines record file beside the
 * bundled plans. In /api/compare records add to the departments and years the plans list, and bring
 * years, departments and organizations of their own; every cell agrees with the equivalent search,
 * and its measures with the same search without the query. /api/documents lists the records by
 * organization and year beside the plan documents; suggestions complete the records' words too.
 */
class RecordsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static TestArchive archive;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        archive = TestArchive.withRecords(dir, true, List.of(
                // 架空市 2021 総務部 has five measures in the plan, none about コロナ.
                "{\"id\": \"r1\", \"org\": \"架空市\", \"year\": 2021, \"department\": \"総務部\", \"text\": \"コロナ対策の職員研修を行います。\"}",
                // No plan of 架空市 for 2025, and no 防災課 in any plan.
                "{\"id\": \"r2\", \"org\": \"架空市\", \"year\": 2025, \"department\": \"総務部\", \"text\": \"コロナ後の業務継続計画を見直します。\"}",
                "{\"id\": \"r3\", \"org\": \"架空市\", \"year\": 2021, \"department\": \"防災課\", \"text\": \"コロナ禍の避難所運営を訓練します。\"}",
                "{\"id\": \"r4\", \"org\": \"架空市\", \"year\": 2021, \"department\": \"防災課\", \"text\": \"備蓄品を更新します。\"}",
                // An organization with no plan document at all.
                "{\"id\": \"n1\", \"org\": \"北市\", \"year\": 2020, \"department\": \"健康部\", \"text\": \"コロナワクチンの接種を進めます。\"}",
                "{\"id\": \"n2\", \"org\": \"北市\", \"year\": 2020, \"department\": \"健康部\", \"text\": \"健診の受診を勧めます。\"}",
                "{\"id\": \"n3\", \"org\": \"北市\", \"year\": 2021, \"department\": \"総務課\", \"text\": \"窓口を改めます。\"}"));
        base = archive.serve();
    }

    @AfterAll
    static void stop() throws Exception {
        archive.close();
    }

    @Test
    void recordsAddToThePlansDepartmentsAndBringTheirOwn() throws Exception {
        JsonNode r = get("/api/compare", "q", "コロナ", "org", "架空市");
        // The plans' 12 (CompareApiTest) and three records.
        assertEquals(15, r.get("totalMatches").asLong());
        assertEquals(List.of(2019, 2020, 2021, 2022, 2023, 2024, 2025), years(r, "year"));
        assertEquals(List.of(0, 4, 7, 3, 0, 0, 1), years(r, "matches"));
        assertEquals(List.of(40, 39, 42, 40, 43, 43, 1), years(r, "measures"));

        Map<String, JsonNode> rows = rows(r);
        assertEquals(List.of(0, 0, 1, 0, 0, 0, 1), cells(rows.get("総務部"), "matches"));
        assertEquals(List.of(5, 5, 6, 5, 5, 5, 1), cells(rows.get("総務部"), "measures"));
        assertEquals(List.of("総務部", "総務部", "総務部", "総務部", "総務部", "総務部", "総務部"),
                cells(rows.get("総務部"), "printedName"));
        JsonNode disaster = rows.get("防災課");
        assertEquals("架空市", disaster.get("org").asText());
        assertEquals(List.of(0, 0, 1, 0, 0, 0, 0), cells(disaster, "matches"));
        assertEquals(java.util.Arrays.asList(null, null, 2, null, null, null, null), cells(disaster, "measures"));
        // A department of the plans with no record keeps no measures in 2025.
        assertEquals(null, cells(rows.get("健康福祉部"), "printedName").get(6));
        assertAgreesWithSearch(r, "コロナ");
    }

    @Test
    void anOrganizationWithOnlyRecordsIsCompared() throws Exception {
        JsonNode r = get("/api/compare", "q", "コロナ", "org", "北市");
        assertEquals(1, r.get("totalMatches").asLong());
        assertEquals(List.of(2020, 2021), years(r, "year"));
        assertEquals(List.of(2, 1), years(r, "measures"));
        assertEquals(0.5, r.get("years").get(0).get("share").asDouble());
        assertEquals(List.of("健康部", "総務課"), r.findValuesAsText("name"));
        assertAgreesWithSearch(r, "コロナ");

        JsonNode dept = get("/api/compare", "q", "コロナ", "org", "北市", "dept", "健康部");
        assertEquals(List.of("健康部"), dept.findValuesAsText("name"));
        assertEquals(List.of(2, 0), years(dept, "measures"));

        // Without an organization, every organization's rows, the plans' and the records'.
        JsonNode all = get("/api/compare", "q", "コロナ");
        assertEquals(16 + countMitaka(), all.get("totalMatches").asLong());
        assertAgreesWithSearch(all, "コロナ");
    }

    /** The start page's list: plan documents as before, and each organization's records by year, newest first. */
    @Test
    void documentsListTheRecordsByOrganizationAndYear() throws Exception {
        JsonNode r = get("/api/documents");
        assertEquals(7, r.get("documents").size(), "the bundled plans, records not among them");
        JsonNode records = r.get("records");
        assertEquals(List.of("北市", "架空市"), records.findValuesAsText("org"));

        JsonNode north = records.get(0);
        assertEquals(3, north.get("measures").asLong());
        assertEquals(2020, north.get("fromYear").asInt());
        assertEquals(2021, north.get("toYear").asInt());
        assertEquals(List.of(2021, 2020), years(north, "year"));
        assertEquals(List.of(1, 2), years(north, "measures"));
        assertEquals("令和2年度", north.get("years").get(1).get("era").asText());

        // Only 架空市's records: its plans' measures are counted by their documents.
        JsonNode kakuu = records.get(1);
        assertEquals(4, kakuu.get("measures").asLong());
        assertEquals(List.of(2025, 2021), years(kakuu, "year"));
        assertEquals(List.of(1, 3), years(kakuu, "measures"));

        // Each year's count is what the start page's link to that year finds among the records.
        for (JsonNode org : records) {
            for (JsonNode y : org.get("years")) {
                long found = get("/api/search", "org", org.get("org").asText(), "year", y.get("year").asText(),
                        "kind", "measure").get("total").asLong();
                long inPlans = plannedMeasures(r, org.get("org").asText(), y.get("year").asInt());
                assertEquals(found - inPlans, y.get("measures").asLong(), org.get("org") + " " + y);
            }
        }
    }

    private static long plannedMeasures(JsonNode documents, String org, int year) {
        long n = 0;
        for (JsonNode d : documents.get("documents")) {
            if (d.get("org").asText().equals(org) && d.get("year").asInt() == year) n += d.get("measures").asLong();
        }
        return n;
    }

    /** Year-to-year differences and department figures need plan documents: a records-only organization is told so. */
    @Test
    void suggestionsAndNearestWordsIncludeTheRecordsWords() throws Exception {
        // 業務継続計画 and 備蓄品 are written in records only, in no plan.
        assertTrue(suggested("ぎょうむけいぞく").contains("業務継続計画"), "from kana");
        assertTrue(suggested("業務継").contains("業務継続計画"), "from kanji");
        assertTrue(suggested("ビチク").contains("備蓄品"), "from katakana");
        // The plans' words stay, most used first: 防災 is in 16 plan measures.
        assertEquals("防災", suggested("ぼう").get(0));
        JsonNode none = get("/api/search", "q", "業務継読計画");
        assertEquals(0, none.get("total").asInt());
        assertTrue(none.get("alternatives").toString().contains("業務継続計画"), none.toString());
    }

    private static List<String> suggested(String typed) throws Exception {
        List<String> words = new ArrayList<>();
        get("/api/suggest", "q", typed).get("suggestions").forEach(s -> words.add(s.get("text").asText()));
        return words;
    }

    @Test
    void figuresSayTheyNeedAPlanDocument() throws Exception {
        HttpResponse<String> r = send("/api/figures", "org", "北市");
        assertEquals(404, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertEquals(404, body.get("status").asInt());
        assertTrue(body.get("message").asText().contains("計画書（.md）はありません"), r.body());
    }

    @Test
    void diffAddsRecordsToThePlansDepartmentsAsCompareDoes() throws Exception {
        JsonNode r = get("/api/diff", "org", "架空市", "from", "2020", "to", "2021");
        // 2021: the plan's 39 measures and three records, the 42 that /api/compare counts.
        JsonNode summary = r.get("summary");
        assertEquals(42, summary.get("continued").asInt() + summary.get("new").asInt());
        assertEquals(39, summary.get("continued").asInt() + summary.get("ended").asInt());
        Map<String, JsonNode> byName = new HashMap<>();
        r.get("departments").forEach(d -> byName.put(d.get("name").asText(), d));
        // r1 joins the plan's 総務部, which stays one department.
        JsonNode general = byName.get("総務部");
        assertEquals("[\"総務部\"]", general.get("toNames").toString());
        assertTrue(general.toString().contains("\"id\":\"r1\""), general.toString());
        // 防災課 is in no plan: a department of its own, new in 2021, its records in file order.
        JsonNode disaster = byName.get("防災課");
        assertEquals("added", disaster.get("relation").asText());
        assertEquals(List.of("r3", "r4"), List.of(disaster.get("new").get(0).get("id").asText(),
                disaster.get("new").get(1).get("id").asText()));

        // 2025 has no plan, only r2.
        JsonNode after = get("/api/diff", "org", "架空市", "from", "2024", "to", "2025");
        assertEquals(1, after.get("summary").get("continued").asInt() + after.get("summary").get("new").asInt());
    }

    /** Mitaka's plan (2019) says コロナ nowhere; asked, not assumed. */
    private static long countMitaka() throws Exception {
        return get("/api/search", "q", "コロナ", "org", "三鷹市", "kind", "measure").get("total").asLong();
    }

    /** Each cell: its matches are the search's hits, its measures the same search without the query. */
    private static void assertAgreesWithSearch(JsonNode r, String q) throws Exception {
        for (JsonNode row : r.get("departments")) {
            for (JsonNode cell : row.get("cells")) {
                String[] filters = {"org", row.get("org").asText(), "dept", row.get("name").asText(),
                        "year", cell.get("year").asText(), "kind", "measure"};
                long hits = get("/api/search", concat(new String[] {"q", q}, filters)).get("total").asLong();
                assertEquals(hits, cell.get("matches").asLong(), row.get("name") + " " + cell);
                long measures = get("/api/search", filters).get("total").asLong();
                if (cell.get("measures").isNull()) {
                    assertEquals(0, measures, row.get("name") + " " + cell);
                } else {
                    assertEquals(measures, cell.get("measures").asLong(), row.get("name") + " " + cell);
                }
            }
        }
        long total = 0;
        for (JsonNode y : r.get("years")) total += y.get("matches").asLong();
        assertEquals(total, r.get("totalMatches").asLong());
        assertTrue(r.get("departments").size() > 0);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static List<Object> years(JsonNode r, String field) {
        List<Object> out = new ArrayList<>();
        r.get("years").forEach(y -> out.add(y.get(field).isInt() ? (Object) y.get(field).asInt() : y.get(field).asText()));
        return out;
    }

    private static List<Object> cells(JsonNode row, String field) {
        List<Object> out = new ArrayList<>();
        for (JsonNode c : row.get("cells")) {
            JsonNode v = c.get(field);
            out.add(v.isNull() ? null : v.isInt() ? (Object) v.asInt() : v.asText());
        }
        return out;
    }

    private static Map<String, JsonNode> rows(JsonNode r) {
        Map<String, JsonNode> out = new HashMap<>();
        r.get("departments").forEach(row -> out.put(row.get("name").asText(), row));
        return out;
    }

    private static JsonNode get(String path, String... params) throws Exception {
        return ApiGet.json(base, path, params);
    }

    private static HttpResponse<String> send(String path, String... params) throws Exception {
        return ApiGet.send(base, path, params);
    }
}
