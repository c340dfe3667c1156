package nendo.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nendo.testing.ApiGet;
import nendo.testing.TestArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An archive of many municipalities' records (here 130 organizations, as a stand-in for 1,700):
 * each search lists the 100 organizations with most hits, says how many there were, and keeps
 * listing an organization it is filtered to; the document list gives each organization's totals
 * without its years; a theme compared over all organizations sums their departments.
 */
class ManyOrganizationsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ORGS = 130;

    @TempDir
    static Path dir;
    static TestArchive archive;
    static String base;

    /** Organization i has (i % 9) + 1 measures about 防災 and one about 福祉 in 2020, the last five one in 2021. */
    @BeforeAll
    static void start() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < ORGS; i++) {
            for (int m = 0; m <= i % 9; m++) {
                lines.add(record(i, m, "地域の防災訓練を実施します。"));
            }
            lines.add(record(i, 99, "高齢者福祉の相談を受けます。"));
            // The last five go on into 2021: the others' 総務部 (the first rows) has no cell that year.
            if (i >= ORGS - 5) lines.add(record(i, 98, "窓口を改めます。").replace("2020", "2021"));
        }
        archive = TestArchive.withRecords(dir, false, lines);
        base = archive.serve();
    }

    private static String record(int org, int m, String text) {
        return String.format("{\"id\": \"o%03d-%02d\", \"org\": \"%s\", \"year\": 2020, \"department\": \"総務部\", \"text\": \"%s\"}",
                org, m, org(org), text);
    }

    private static String org(int i) {
        return String.format("第%03d市", i);
    }

    @AfterAll
    static void stop() throws Exception {
        archive.close();
    }

    @Test
    void theOrganizationFacetListsTheHundredWithMostHits() throws Exception {
        JsonNode facets = get("/api/search", "q", "防災").get("facets");
        assertEquals(ORGS, facets.get("orgValues").asInt());
        List<JsonNode> listed = new ArrayList<>();
        facets.get("org").forEach(listed::add);
        assertEquals(100, listed.size());
        // The most hits first (9 … 1 per organization), then by name.
        List<JsonNode> expected = new ArrayList<>();
        for (int i = 0; i < ORGS; i++) {
            expected.add(JSON.createObjectNode().put("value", org(i)).put("count", i % 9 + 1));
        }
        expected.sort(Comparator.comparingLong((JsonNode n) -> -n.get("count").asLong())
                .thenComparing(n -> n.get("value").asText()));
        assertEquals(expected.subList(0, 100), listed);
        assertEquals(1, facets.get("departmentValues").asInt());
    }

    @Test
    void anOrganizationFilteredOnStaysListedBeyondTheHundred() throws Exception {
        // 第009市 has one match: it is not among the first 100.
        JsonNode r = get("/api/search", "q", "防災", "org", "第009市");
        assertEquals(1, r.get("total").asInt());
        JsonNode org = r.get("facets").get("org");
        assertEquals(101, org.size());
        assertEquals("第009市", org.get(100).get("value").asText());
        assertEquals(1, org.get(100).get("count").asInt());
        // Ties go by name: 第009市 is among the first 100 of 130 one-match organizations, listed once.
        JsonNode welfare = get("/api/search", "q", "福祉", "org", "第009市").get("facets").get("org");
        assertEquals(100, welfare.size());
        assertEquals("第009市", welfare.get(9).get("value").asText());
    }

    @Test
    void documentsGiveEachOrganizationsTotalsWithoutTheirYears() throws Exception {
        JsonNode records = get("/api/documents").get("records");
        assertEquals(ORGS, records.size());
        JsonNode ninth = records.get(9);
        assertEquals("第009市", ninth.get("org").asText());
        assertEquals(2, ninth.get("measures").asInt());
        assertEquals(2020, ninth.get("fromYear").asInt());
        assertEquals(2020, ninth.get("toYear").asInt());
        assertEquals(0, ninth.get("years").size());
    }

    @Test
    void aThemeOverAllOrganizationsSumsTheirDepartments() throws Exception {
        JsonNode r = get("/api/compare", "q", "防災");
        int expected = 0;
        for (int i = 0; i < ORGS; i++) expected += i % 9 + 1;
        assertEquals(expected, r.get("totalMatches").asInt());
        JsonNode rows = r.get("departments");
        assertEquals(1, rows.size());
        JsonNode row = rows.get(0);
        assertTrue(row.get("org").isNull());
        assertEquals("総務部", row.get("name").asText());
        assertEquals(expected, row.get("matches").asInt());
        JsonNode cell = row.get("cells").get(0);
        assertEquals(2020, cell.get("year").asInt());
        assertEquals("総務部", cell.get("printedName").asText());
        // The cell is the search with the department and year, over every organization.
        assertEquals(get("/api/search", "q", "防災", "dept", "総務部", "year", "2020", "kind", "measure").get("total").asInt(),
                cell.get("matches").asInt());
        assertEquals(get("/api/search", "dept", "総務部", "year", "2020", "kind", "measure").get("total").asInt(),
                cell.get("measures").asInt());
        assertEquals(expected + ORGS, cell.get("measures").asInt());
        assertTrue(r.get("notices").toString().contains("130 団体"), r.get("notices").toString());
        JsonNode later = row.get("cells").get(1);
        assertEquals(2021, later.get("year").asInt());
        assertEquals(5, later.get("measures").asInt());
        assertEquals("総務部", later.get("printedName").asText());
        assertEquals(0, later.get("matches").asInt());

        JsonNode one = get("/api/compare", "q", "防災", "org", "第005市");
        assertEquals(1, one.get("departments").size());
        assertEquals("第005市", one.get("departments").get(0).get("org").asText());
        assertEquals(6, one.get("totalMatches").asInt());
        assertEquals("[]", one.get("notices").toString());
    }

    @Test
    void comparisonsOfOtherWordsAndYearsOverTheSameOrganizationsCountTheirOwnMatches() throws Exception {
        // The layout (rows, years, measures) is kept per commit and scope; the matches are each query's.
        JsonNode first = get("/api/compare", "q", "防災");
        JsonNode welfare = get("/api/compare", "q", "福祉");
        assertEquals(ORGS, welfare.get("totalMatches").asInt());
        assertEquals(first.get("years").get(0).get("measures"), welfare.get("years").get(0).get("measures"));
        assertEquals(ORGS, welfare.get("departments").get(0).get("cells").get(0).get("matches").asInt());
        JsonNode counter = get("/api/compare", "q", "窓口");
        assertEquals(5, counter.get("totalMatches").asInt());
        assertEquals(0, counter.get("years").get(0).get("matches").asInt());
        assertEquals(5, counter.get("years").get(1).get("matches").asInt());

        JsonNode later = get("/api/compare", "q", "窓口", "year_from", "2021");
        assertEquals(1, later.get("years").size());
        assertEquals(2021, later.get("years").get(0).get("year").asInt());
        assertEquals(5, later.get("years").get(0).get("measures").asInt());
        // Five organizations in scope: under the line, so one row per organization.
        assertEquals(5, later.get("departments").size());
        assertEquals(1, later.get("departments").get(0).get("matches").asInt());
        assertEquals("[]", later.get("notices").toString());

        JsonNode again = get("/api/compare", "q", "防災");
        assertEquals(first.toString(), again.toString());
    }

    private static JsonNode get(String path, String... params) throws Exception {
        return ApiGet.json(base, path, params);
    }
}
