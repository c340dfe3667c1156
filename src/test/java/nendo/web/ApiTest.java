package nendo.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nendo.testing.TestArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP API on a real Javalin server (port 0) over an index built from a copy of the bundled
 * corpus. Expected values are facts of the corpus: corpus/mitaka/2019.md (三鷹市 FY2019, 8
 * departments × 3 measures, no mission paragraphs) and corpus/kakuu/2019..2024.md (the sample city
 * 架空市). {@link #expectedValuesAgreeWithTheCorpusFiles()} re-derives the hard-coded counts from
 * the plan files by plain text scanning, so each constant below is tied to the data.
 */
class ApiTest {
    private static final String MITAKA = "三鷹市";
    private static final String KAKUU = "架空市";

    /** Entries (measures + mission paragraphs) whose text contains 防災: 3 in Mitaka, 13 in 架空市. */
    private static final int BOUSAI_TOTAL = 16;
    private static final int BOUSAI_MITAKA = 3;
    private static final int BOUSAI_KAKUU = 13;
    /** Entries containing 子育て (none of them also contains 防災). */
    private static final int KOSODATE_TOTAL = 21;
    /** All measures: 24 + 40 + 39 + 39 + 40 + 43 + 43. */
    private static final int MEASURES = 268;
    /** Mission paragraphs of 架空市 (50 departments; 2020 スポーツと文化部 and 2024 市民部 have none). */
    private static final int MISSIONS = 48;

    private static final List<String> MITAKA_DEPARTMENTS = List.of(
            "企画部", "総務部", "都市整備部", "市民部", "生活環境部", "スポーツと文化部", "健康福祉部", "子ども政策部");
    /** The Mitaka entries containing 防災 (grep 防災 corpus/mitaka/2019.md: lines 27, 28 and 51). */
    private static final Set<String> MITAKA_BOUSAI_IDS = Set.of("mitaka-2019-02-01", "mitaka-2019-02-02",
            "mitaka-2019-06-01");
    /** 防災 entries of all years by year: 2019 = 3 Mitaka + 2 架空市, 2021 has a third (防災行政無線). */
    private static final Map<String, Long> BOUSAI_BY_YEAR = Map.of(
            "2019", 5L, "2020", 2L, "2021", 3L, "2022", 2L, "2023", 2L, "2024", 2L);
    /** 防災 entries without 訓練: the only four 防災 texts that do not mention 訓練. */
    private static final Set<String> BOUSAI_WITHOUT_KUNREN = Set.of("kakuu-2021-02-05", "kakuu-2022-02-02",
            "kakuu-2024-02-01", "mitaka-2019-06-01");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tempDir;

    private static TestArchive archive;
    private static String base;
    private static HttpClient http;

    @BeforeAll
    static void start() throws IOException {
        archive = TestArchive.bundled(tempDir);
        base = archive.serve();
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    @AfterAll
    static void stop() throws IOException {
        if (archive != null) archive.close();
    }

    // ------------------------------------------------------------------ the data behind the numbers

    @Test
    void expectedValuesAgreeWithTheCorpusFiles() throws IOException {
        List<CorpusEntry> entries = CorpusEntry.scan(TestArchive.BUNDLED_CORPUS);
        assertEquals(MEASURES, entries.stream().filter(e -> e.measure).count(), "list items in corpus/*/*.md");
        assertEquals(MISSIONS, entries.stream().filter(e -> !e.measure).count(), "mission paragraphs");
        assertEquals(BOUSAI_TOTAL, entries.stream().filter(e -> e.text.contains("防災")).count());
        assertEquals(BOUSAI_MITAKA, entries.stream().filter(e -> e.text.contains("防災") && e.mitaka()).count());
        assertEquals(BOUSAI_KAKUU, entries.stream().filter(e -> e.text.contains("防災") && !e.mitaka()).count());
        assertEquals(KOSODATE_TOTAL, entries.stream().filter(e -> e.text.contains("子育て")).count());
        assertEquals(0, entries.stream().filter(e -> e.text.contains("子育て") && e.text.contains("防災")).count());
        assertEquals(BOUSAI_WITHOUT_KUNREN.size(),
                entries.stream().filter(e -> e.text.contains("防災") && !e.text.contains("訓練")).count());
        assertEquals(Set.of("総務部", "スポーツと文化部"), entries.stream().filter(e -> e.text.contains("防災"))
                .map(e -> e.department).collect(java.util.stream.Collectors.toSet()));
        Map<String, Long> byYear = new LinkedHashMap<>();
        entries.stream().filter(e -> e.text.contains("防災")).forEach(e -> byYear.merge(e.year, 1L, Long::sum));
        assertEquals(BOUSAI_BY_YEAR, byYear);
        List<String> mitakaDepartments = entries.stream().filter(CorpusEntry::mitaka).map(e -> e.department)
                .distinct().toList();
        assertEquals(MITAKA_DEPARTMENTS, mitakaDepartments);
    }

    // ------------------------------------------------------------------ search

    @Test
    void bousaiInMitakaFindsTheThreeMeasures() throws IOException {
        JsonNode r = ok("/api/search", "q", "防災", "org", MITAKA);
        assertEquals(BOUSAI_MITAKA, r.get("total").asInt());
        assertEquals(MITAKA_BOUSAI_IDS, ids(r).stream().collect(java.util.stream.Collectors.toSet()));
        assertEquals(BOUSAI_MITAKA, r.get("hits").size());
        Map<String, String> mitakaTexts = CorpusEntry.scan(TestArchive.BUNDLED_CORPUS).stream()
                .filter(CorpusEntry::mitaka).collect(java.util.stream.Collectors.toMap(e -> e.id, e -> e.text));
        for (JsonNode hit : r.get("hits")) {
            String id = hit.get("id").asText();
            assertAll(id,
                    () -> assertTrue(hit.get("snippet").asText().contains("<mark>防災</mark>"), hit.get("snippet").asText()),
                    () -> assertEquals("令和元年度", hit.get("era").asText()),
                    () -> assertEquals(2019, hit.get("year").asInt()),
                    () -> assertEquals(MITAKA, hit.get("org").asText()),
                    () -> assertFalse(hit.get("sample").asBoolean()),
                    () -> assertEquals("measure", hit.get("kind").asText()),
                    () -> assertEquals("mitaka-2019", hit.get("documentId").asText()),
                    () -> assertEquals(id.startsWith("mitaka-2019-02-") ? "総務部" : "スポーツと文化部",
                            hit.get("department").asText()),
                    () -> assertEquals(mitakaTexts.get(id), hit.get("text").asText()),
                    () -> assertTrue(hit.has("score")));
        }
        // The two 総務部 measures use 防災 repeatedly and as a word; the park name only once.
        assertEquals("mitaka-2019-06-01", ids(r).get(2));
    }

    @Test
    void bousaiEverywhereHasFacetsThatAddUp() throws IOException {
        JsonNode r = ok("/api/search", "q", "防災", "size", "100");
        assertEquals(BOUSAI_TOTAL, r.get("total").asInt());
        assertEquals(BOUSAI_TOTAL, r.get("hits").size());
        assertEquals(1, r.get("page").asInt());
        assertEquals(100, r.get("size").asInt());
        assertTrue(r.get("tookMs").asLong() >= 0);
        for (String facet : List.of("year", "department", "org")) {
            long sum = 0;
            for (JsonNode v : r.get("facets").get(facet)) sum += v.get("count").asLong();
            assertEquals(BOUSAI_TOTAL, sum, "facet " + facet + " adds up to total");
        }
        assertEquals(Map.of(KAKUU, (long) BOUSAI_KAKUU, MITAKA, (long) BOUSAI_MITAKA), facet(r, "org"));
        assertEquals(BOUSAI_BY_YEAR, facet(r, "year"));
        assertEquals(Map.of("総務部", 15L, "スポーツと文化部", 1L), facet(r, "department"));
        for (JsonNode hit : r.get("hits")) {
            assertTrue(hit.get("snippet").asText().contains("<mark>防災</mark>"), hit.toString());
            assertEquals(!hit.get("org").asText().equals(MITAKA), hit.get("sample").asBoolean(), hit.toString());
        }
    }

    @Test
    void yearAndDepartmentFiltersNarrowAndFacetsAreDrillSideways() throws IOException {
        JsonNode r = ok("/api/search", "q", "防災", "year", "2019", "dept", "総務部");
        assertEquals(Set.of("mitaka-2019-02-01", "mitaka-2019-02-02", "kakuu-2019-02-01", "kakuu-2019-02-02"),
                Set.copyOf(ids(r)));
        assertEquals(4, r.get("total").asInt());
        // Year facet: dept=総務部 applied, year filter not: every year's 総務部 防災 measures.
        assertEquals(Map.of("2019", 4L, "2020", 2L, "2021", 3L, "2022", 2L, "2023", 2L, "2024", 2L),
                facet(r, "year"));
        // Department facet: year=2019 applied, dept not: Mitaka's スポーツと文化部 park shows up.
        assertEquals(Map.of("総務部", 4L, "スポーツと文化部", 1L), facet(r, "department"));
        // Org facet: both filters applied.
        assertEquals(Map.of(MITAKA, 2L, KAKUU, 2L), facet(r, "org"));
    }

    @Test
    void orgFilterFacetStillListsOtherOrganizations() throws IOException {
        JsonNode r = ok("/api/search", "q", "防災", "org", MITAKA);
        assertEquals(Map.of(KAKUU, (long) BOUSAI_KAKUU, MITAKA, (long) BOUSAI_MITAKA), facet(r, "org"));
        assertEquals(Map.of("2019", 3L), facet(r, "year"));
        assertEquals(Map.of("総務部", 2L, "スポーツと文化部", 1L), facet(r, "department"));
    }

    @Test
    void repeatedYearIsAnOr() throws IOException {
        JsonNode r = ok("/api/search", "q", "防災", "year", "2019", "year", "2020");
        assertEquals(7, r.get("total").asInt());
        for (JsonNode hit : r.get("hits")) {
            int year = hit.get("year").asInt();
            assertTrue(year == 2019 || year == 2020, hit.toString());
        }
        assertTrue(ids(r).containsAll(Set.of("kakuu-2020-02-01", "kakuu-2020-02-02", "mitaka-2019-06-01")));
    }

    @Test
    void yearRange() throws IOException {
        JsonNode r = ok("/api/search", "q", "防災", "year_from", "2021", "year_to", "2022");
        assertEquals(Set.of("kakuu-2021-02-01", "kakuu-2021-02-02", "kakuu-2021-02-05", "kakuu-2022-02-01",
                "kakuu-2022-02-02"), Set.copyOf(ids(r)));
        JsonNode from = ok("/api/search", "q", "防災", "year_from", "2023");
        assertEquals(4, from.get("total").asInt());
        JsonNode to = ok("/api/search", "q", "防災", "year_to", "2019");
        assertEquals(5, to.get("total").asInt());
        JsonNode same = ok("/api/search", "q", "防災", "year_from", "2020", "year_to", "2020");
        assertEquals(Set.of("kakuu-2020-02-01", "kakuu-2020-02-02"), Set.copyOf(ids(same)));
    }

    @Test
    void sortByYear() throws IOException {
        JsonNode asc = ok("/api/search", "q", "防災", "sort", "year_asc", "size", "100");
        JsonNode desc = ok("/api/search", "q", "防災", "sort", "year_desc", "size", "100");
        for (JsonNode r : List.of(asc, desc)) {
            assertEquals(BOUSAI_TOTAL, r.get("hits").size());
            assertEquals(BOUSAI_TOTAL, Set.copyOf(ids(r)).size());
        }
        List<Integer> ascYears = years(asc);
        List<Integer> descYears = years(desc);
        assertEquals(ascYears.stream().sorted().toList(), ascYears, "year_asc");
        assertEquals(descYears.stream().sorted(java.util.Comparator.reverseOrder()).toList(), descYears, "year_desc");
        assertEquals(2019, ascYears.get(0));
        assertEquals(2024, descYears.get(0));
        // Within one document, hits keep the document's order (ids encode department and position).
        for (JsonNode r : List.of(asc, desc)) {
            Map<String, String> last = new LinkedHashMap<>();
            for (String id : ids(r)) {
                String doc = id.substring(0, id.lastIndexOf('-', id.lastIndexOf('-') - 1));
                String previous = last.put(doc, id);
                if (previous != null) assertTrue(previous.compareTo(id) < 0, previous + " before " + id);
            }
        }
        JsonNode relevance = ok("/api/search", "q", "防災", "sort", "relevance", "size", "100");
        assertEquals(ids(ok("/api/search", "q", "防災", "size", "100")), ids(relevance));
    }

    @Test
    void pagingIsASliceOfTheSameOrder() throws IOException {
        List<String> ten = ids(ok("/api/search", "q", "防災", "size", "10"));
        assertEquals(10, ten.size());
        JsonNode first = ok("/api/search", "q", "防災", "page", "1", "size", "5");
        JsonNode second = ok("/api/search", "q", "防災", "page", "2", "size", "5");
        assertEquals(ten.subList(0, 5), ids(first));
        assertEquals(ten.subList(5, 10), ids(second));
        assertEquals(2, second.get("page").asInt());
        assertEquals(5, second.get("size").asInt());
        assertEquals(BOUSAI_TOTAL, second.get("total").asInt());
        JsonNode fourth = ok("/api/search", "q", "防災", "page", "4", "size", "5");
        assertEquals(1, fourth.get("hits").size(), "16 hits: page 4 of 5 holds the 16th");
        JsonNode beyond = ok("/api/search", "q", "防災", "page", "5", "size", "5");
        assertEquals(0, beyond.get("hits").size());
        assertEquals(BOUSAI_TOTAL, beyond.get("total").asInt());
        List<String> all = ids(ok("/api/search", "q", "防災", "size", "100"));
        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 4; page++) paged.addAll(ids(ok("/api/search", "q", "防災", "page", "" + page, "size", "5")));
        assertEquals(all, paged);
    }

    @Test
    void defaultPageSizeIsTwenty() throws IOException {
        JsonNode r = ok("/api/search", "q", "");
        assertEquals(20, r.get("size").asInt());
        assertEquals(20, r.get("hits").size());
        assertEquals(MEASURES + MISSIONS, r.get("total").asInt());
    }

    @Test
    void emptyQueryWithOrgBrowsesMitakaInDocumentOrder() throws IOException {
        JsonNode r = ok("/api/search", "q", "", "org", MITAKA, "size", "100");
        List<String> expected = new ArrayList<>();
        for (int d = 1; d <= 8; d++) {
            for (int m = 1; m <= 3; m++) expected.add(String.format(Locale.ROOT, "mitaka-2019-%02d-%02d", d, m));
        }
        assertEquals(24, r.get("total").asInt());
        assertEquals(expected, ids(r));
        List<String> departments = new ArrayList<>();
        for (JsonNode hit : r.get("hits")) {
            if (!departments.contains(hit.get("department").asText())) departments.add(hit.get("department").asText());
            assertEquals("measure", hit.get("kind").asText());
            assertFalse(hit.get("snippet").asText().contains("<mark>"), "nothing to mark when browsing");
        }
        assertEquals(MITAKA_DEPARTMENTS, departments);
        // Same without the q parameter at all.
        assertEquals(expected, ids(ok("/api/search", "org", MITAKA, "size", "100")));
    }

    // ------------------------------------------------------------------ odd but valid queries

    @ParameterizedTest
    @ValueSource(strings = {"\"", "-", "OR", "\"防災", "防災 -訓練", "防災 OR 子育て", "防災　訓練", "<script>",
            "*", "?", "\\", "AND", "NOT", "\"\"", "--防災", "-\"防災\"", "防災 OR", "OR OR", "OR 防災", "、。", "🙂",
            "防災 -", "-防災", "(防災", "防災)", "&amp;", "'", "防災~2", "title:防災", "＂防災＂", "　", "ＤＸ",
            "\u0000", "\u0001防災", "防\u200b災", "\uD83D", "%", "%E9%98%B2"})
    void oddQueriesNeverFail(String q) throws IOException {
        HttpResponse<String> response = get("/api/search" + query("q", q));
        assertEquals(200, response.statusCode(), "q=" + q + " → " + response.body());
        JsonNode r = JSON.readTree(response.body());
        assertTrue(r.get("total").asLong() >= 0);
        assertTrue(r.get("hits").isArray());
        assertTrue(r.get("notices").isArray());
    }

    @Test
    void loneQuoteMinusAndOrAreRepairedWithANotice() throws IOException {
        for (String q : List.of("\"", "-", "OR")) {
            JsonNode r = ok("/api/search", "q", q);
            assertTrue(r.get("notices").size() > 0, "notice for q=" + q + ": " + r.get("notices"));
        }
    }

    @Test
    void unclosedQuoteIsClosedWithANotice() throws IOException {
        JsonNode r = ok("/api/search", "q", "\"防災", "size", "100");
        assertEquals(BOUSAI_TOTAL, r.get("total").asInt());
        assertEquals(Set.copyOf(ids(ok("/api/search", "q", "防災", "size", "100"))), Set.copyOf(ids(r)));
        assertTrue(r.get("notices").size() > 0, r.toString());
        assertTrue(r.get("notices").get(0).asText().contains("\""), r.get("notices").toString());
    }

    @Test
    void minusExcludes() throws IOException {
        JsonNode r = ok("/api/search", "q", "防災 -訓練", "size", "100");
        assertEquals(BOUSAI_WITHOUT_KUNREN, Set.copyOf(ids(r)));
        for (JsonNode hit : r.get("hits")) {
            assertFalse(hit.get("text").asText().contains("訓練"), hit.toString());
            assertTrue(hit.get("text").asText().contains("防災"), hit.toString());
        }
        JsonNode only = ok("/api/search", "q", "-防災");
        assertEquals(MEASURES + MISSIONS - BOUSAI_TOTAL, only.get("total").asInt());
    }

    @Test
    void orIsTheUnion() throws IOException {
        Set<String> bousai = Set.copyOf(ids(ok("/api/search", "q", "防災", "size", "100")));
        Set<String> kosodate = Set.copyOf(ids(ok("/api/search", "q", "子育て", "size", "100")));
        assertEquals(KOSODATE_TOTAL, kosodate.size());
        JsonNode r = ok("/api/search", "q", "防災 OR 子育て", "size", "100");
        Set<String> union = new HashSet<>(bousai);
        union.addAll(kosodate);
        assertEquals(BOUSAI_TOTAL + KOSODATE_TOTAL, r.get("total").asInt());
        assertEquals(union, Set.copyOf(ids(r)));
        for (JsonNode hit : r.get("hits")) assertTrue(hit.get("snippet").asText().contains("<mark>"), hit.toString());
    }

    @Test
    void fullWidthSpaceIsAnd() throws IOException {
        JsonNode full = ok("/api/search", "q", "防災　訓練", "size", "100");
        JsonNode half = ok("/api/search", "q", "防災 訓練", "size", "100");
        assertEquals(BOUSAI_TOTAL - BOUSAI_WITHOUT_KUNREN.size(), full.get("total").asInt());
        assertEquals(Set.copyOf(ids(half)), Set.copyOf(ids(full)));
        for (JsonNode hit : full.get("hits")) {
            String text = hit.get("text").asText();
            assertTrue(text.contains("防災") && text.contains("訓練"), text);
        }
        assertTrue(full.get("notices").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"防災、訓練", "防災，訓練", "防災,訓練", "防災､訓練"})
    void commasBetweenWordsAreAnd(String typed) throws IOException {
        JsonNode listed = ok("/api/search", "q", typed, "size", "100");
        JsonNode spaced = ok("/api/search", "q", "防災 訓練", "size", "100");
        assertEquals(BOUSAI_TOTAL - BOUSAI_WITHOUT_KUNREN.size(), listed.get("total").asInt());
        assertEquals(Set.copyOf(ids(spaced)), Set.copyOf(ids(listed)));
        assertTrue(listed.get("total").asInt() > ok("/api/search", "q", "防災訓練").get("total").asInt(),
                "not only 防災訓練 written together");
    }

    @Test
    void markupInTheQueryFindsNothingAndIsHarmless() throws IOException {
        JsonNode r = ok("/api/search", "q", "<script>");
        assertEquals(0, r.get("total").asInt());
        assertEquals(0, r.get("hits").size());
        JsonNode tags = ok("/api/search", "q", "<script>alert(1)</script>");
        for (JsonNode hit : tags.get("hits")) {
            assertFalse(hit.get("snippet").asText().contains("<script"), "snippets are HTML-escaped: " + hit);
        }
    }

    /**
     * The API accepts q up to 1000 characters (SearchRequest.MAX_QUERY_LENGTH). Japanese text is 9
     * URL bytes per character, so a query at the limit is a ~9 KB request line; it must still reach
     * the application.
     */
    @Test
    void japaneseQueryAtTheLengthLimitIsAccepted() throws IOException {
        String q = "防災".repeat(500);
        assertEquals(1000, q.length());
        // The archive itself answers it (no hit: no text repeats 防災 twice in a row) ...
        assertEquals(0, archive.nendo().archive().search(nendo.search.SearchRequest.of(q)).total());
        // ... and so must the HTTP API.
        JsonNode r = ok("/api/search", "q", q);
        assertEquals(0, r.get("total").asInt());
    }

    @Test
    void orgThatDoesNotExistGivesNoHits() throws IOException {
        JsonNode r = ok("/api/search", "q", "防災", "org", "存在しない市");
        assertEquals(0, r.get("total").asInt());
        assertEquals(Map.of(KAKUU, (long) BOUSAI_KAKUU, MITAKA, (long) BOUSAI_MITAKA), facet(r, "org"));
    }

    // ------------------------------------------------------------------ other endpoints

    @Test
    void years() throws IOException {
        JsonNode r = ok("/api/years");
        List<Integer> years = new ArrayList<>();
        for (JsonNode y : r.get("years")) years.add(y.get("year").asInt());
        assertEquals(List.of(2024, 2023, 2022, 2021, 2020, 2019), years);
        JsonNode y2019 = r.get("years").get(5);
        assertEquals("令和元年度", y2019.get("era").asText());
        assertEquals(2, y2019.get("documents").asInt());
        assertEquals(24 + 40, y2019.get("measures").asInt());
        JsonNode y2024 = r.get("years").get(0);
        assertEquals("令和6年度", y2024.get("era").asText());
        assertEquals(1, y2024.get("documents").asInt());
        assertEquals(43, y2024.get("measures").asInt());
        int sum = 0;
        for (JsonNode y : r.get("years")) sum += y.get("measures").asInt();
        assertEquals(MEASURES, sum);
    }

    @Test
    void departmentsOfMitaka2019InDocumentOrder() throws IOException {
        JsonNode r = ok("/api/departments", "year", "2019", "org", MITAKA);
        List<String> names = new ArrayList<>();
        for (JsonNode d : r.get("departments")) {
            names.add(d.get("name").asText());
            assertEquals(3, d.get("count").asInt(), d.toString());
        }
        assertEquals(MITAKA_DEPARTMENTS, names);
        JsonNode none = ok("/api/departments", "year", "2020", "org", MITAKA);
        assertEquals(0, none.get("departments").size());
        JsonNode all = ok("/api/departments");
        long sum = 0;
        for (JsonNode d : all.get("departments")) sum += d.get("count").asLong();
        assertEquals(MEASURES, sum);
    }

    @Test
    void measure() throws IOException {
        JsonNode m = ok("/api/measures/mitaka-2019-02-01");
        String expectedText = CorpusEntry.scan(TestArchive.BUNDLED_CORPUS).stream()
                .filter(e -> e.id.equals("mitaka-2019-02-01")).findFirst().orElseThrow().text;
        assertAll(
                () -> assertEquals("mitaka-2019-02-01", m.get("id").asText()),
                () -> assertEquals("総務部", m.get("department").asText()),
                () -> assertEquals(MITAKA, m.get("org").asText()),
                () -> assertEquals(2019, m.get("year").asInt()),
                () -> assertEquals("令和元年度", m.get("era").asText()),
                () -> assertEquals("measure", m.get("kind").asText()),
                () -> assertEquals("mitaka-2019", m.get("documentId").asText()),
                () -> assertFalse(m.get("sample").asBoolean()),
                () -> assertEquals(expectedText, m.get("text").asText()),
                () -> assertTrue(expectedText.startsWith("総合防災センターを核とした")));
        JsonNode sample = ok("/api/measures/kakuu-2024-02-01");
        assertTrue(sample.get("sample").asBoolean());
        assertEquals(KAKUU, sample.get("org").asText());
        assertEquals("令和6年度", sample.get("era").asText());
    }

    @Test
    void documents() throws IOException {
        JsonNode r = ok("/api/documents");
        JsonNode docs = r.get("documents");
        assertEquals(7, docs.size());
        Map<String, Integer> measures = new LinkedHashMap<>();
        Map<String, Integer> departments = new LinkedHashMap<>();
        for (JsonNode d : docs) {
            measures.put(d.get("id").asText(), d.get("measures").asInt());
            departments.put(d.get("id").asText(), d.get("departments").asInt());
            assertEquals(!d.get("org").asText().equals(MITAKA), d.get("sample").asBoolean(), d.toString());
        }
        assertEquals(Map.of("mitaka-2019", 24, "kakuu-2019", 40, "kakuu-2020", 39, "kakuu-2021", 39,
                "kakuu-2022", 40, "kakuu-2023", 43, "kakuu-2024", 43), measures);
        // 2023: 生活環境部 split into 環境部 and 地域協働部.
        assertEquals(Map.of("mitaka-2019", 8, "kakuu-2019", 8, "kakuu-2020", 8, "kakuu-2021", 8,
                "kakuu-2022", 8, "kakuu-2023", 9, "kakuu-2024", 9), departments);
    }

    @Test
    void documentStructure() throws IOException {
        JsonNode d = ok("/api/documents/mitaka-2019");
        assertAll(
                () -> assertEquals("mitaka-2019", d.get("id").asText()),
                () -> assertEquals(MITAKA, d.get("org").asText()),
                () -> assertEquals(2019, d.get("year").asInt()),
                () -> assertEquals("令和元年度", d.get("era").asText()),
                () -> assertEquals("各部の運営方針と目標", d.get("series").asText()),
                () -> assertEquals("令和元年度「各部の運営方針と目標」を策定しました", d.get("title").asText()),
                () -> assertFalse(d.get("sample").asBoolean()),
                () -> assertEquals("企画経営課☎内線2150", d.get("contact").asText()),
                () -> assertTrue(d.get("intro").asText().startsWith("「各部の運営方針と目標」は、施政方針などに掲げる")));
        List<CorpusEntry> mitaka = CorpusEntry.scan(TestArchive.BUNDLED_CORPUS).stream().filter(CorpusEntry::mitaka)
                .toList();
        List<String> names = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (JsonNode dept : d.get("departments")) {
            names.add(dept.get("name").asText());
            assertEquals(3, dept.get("measures").size(), dept.get("name").asText());
            assertTrue(dept.get("mission").isNull(), "the Mitaka article has no mission paragraphs");
            for (JsonNode m : dept.get("measures")) {
                ids.add(m.get("id").asText());
                texts.add(m.get("text").asText());
            }
        }
        assertEquals(MITAKA_DEPARTMENTS, names);
        assertEquals(mitaka.stream().map(e -> e.id).toList(), ids);
        assertEquals(mitaka.stream().map(e -> e.text).toList(), texts);

        JsonNode kakuu = ok("/api/documents/kakuu-2019");
        JsonNode first = kakuu.get("departments").get(0);
        assertEquals("企画部", first.get("name").asText());
        assertEquals(62, first.get("staff").asInt());
        assertEquals(1850000L, first.get("budget").asLong());
        assertTrue(first.get("mission").asText().startsWith("市政全体の総合調整を担い"));
    }

    @Test
    void originalIsServedByteForByte() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/documents/mitaka-2019/original")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT)
                .replace(" ", "");
        assertTrue(type.startsWith("text/plain"), type);
        assertTrue(type.contains("charset=utf-8"), type);
        byte[] expected = Files.readAllBytes(TestArchive.BUNDLED_CORPUS.resolve("mitaka/2019.original.txt"));
        assertArrayEquals(expected, response.body());
    }

    @Test
    void originalOfADocumentWithoutSeparateOriginalIsItsPlanFile() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/documents/kakuu-2024/original")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertArrayEquals(Files.readAllBytes(TestArchive.BUNDLED_CORPUS.resolve("kakuu/2024.md")), response.body());
    }

    @Test
    void health() throws IOException {
        JsonNode h = ok("/health");
        assertEquals("ok", h.get("status").asText());
        assertEquals(7, h.get("documents").asInt());
        assertEquals(MEASURES, h.get("measures").asInt());
        assertEquals(MISSIONS, h.get("missions").asInt());
        assertTrue(h.get("invalidFiles").isArray());
        assertEquals(0, h.get("invalidFiles").size());
    }

    // ------------------------------------------------------------------ errors

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("/api/search" + query("q", "防災", "size", "100000"), List.of(400)),
                Arguments.of("/api/search" + query("size", "101"), List.of(400)),
                Arguments.of("/api/search" + query("size", "0"), List.of(400)),
                Arguments.of("/api/search" + query("size", "-1"), List.of(400)),
                Arguments.of("/api/search" + query("size", "ten"), List.of(400)),
                Arguments.of("/api/search" + query("year", "abc"), List.of(400)),
                Arguments.of("/api/search" + query("year", "1800"), List.of(400)),
                Arguments.of("/api/search" + query("year", "2019", "year", "x"), List.of(400)),
                Arguments.of("/api/search" + query("year_from", "abc"), List.of(400)),
                Arguments.of("/api/search" + query("year_to", "99999"), List.of(400)),
                Arguments.of("/api/search" + query("page", "0"), List.of(400)),
                Arguments.of("/api/search" + query("page", "abc"), List.of(400)),
                Arguments.of("/api/search" + query("page", "99999999999"), List.of(400)),
                Arguments.of("/api/search" + query("page", "1000", "size", "100"), List.of(400)),
                Arguments.of("/api/search" + query("sort", "foo"), List.of(400)),
                Arguments.of("/api/search" + query("year_from", "2022", "year_to", "2020"), List.of(400)),
                Arguments.of("/api/search" + query("q", "防災".repeat(501)), List.of(400)),
                Arguments.of("/api/search" + query("q", "a".repeat(10_000)), List.of(400, 414)),
                Arguments.of("/api/search" + query("q", "防".repeat(10_000)), List.of(400, 414)),
                Arguments.of("/api/search" + query("page", "1", "page", "2"), List.of(400)),
                Arguments.of("/api/search" + query("q", "防災", "q", "子育て"), List.of(400)),
                Arguments.of("/api/departments" + query("year", "abc"), List.of(400)),
                Arguments.of("/api/departments" + query("org", "どこか市"), List.of(404)),
                Arguments.of("/api/departments" + query("org", "どこか市", "year", "2019"), List.of(404)),
                Arguments.of("/api/measures/nope", List.of(404)),
                Arguments.of("/api/measures/mitaka-2019", List.of(404)),
                Arguments.of("/api/documents/nope", List.of(404)),
                Arguments.of("/api/documents/nope/original", List.of(404)),
                Arguments.of("/api/nope", List.of(404)),
                Arguments.of("/nope", List.of(404)));
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void clientErrorsAreJson(String pathAndQuery, List<Integer> statuses) throws IOException {
        assertErrorJson(get(pathAndQuery), statuses, abbreviate(pathAndQuery));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE"})
    void otherMethodsOnSearchAreJsonErrors(String method) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/search?q=x"))
                .method(method, HttpRequest.BodyPublishers.ofString("q=x")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertErrorJson(response, List.of(404, 405), method + " /api/search");
    }

    // ------------------------------------------------------------------ the page

    @Test
    void pageAndAssets() throws IOException {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<html"), page.body());
        assertTrue(page.body().contains("lang=\"ja\""));
        for (String asset : List.of("/app.js", "/style.css")) {
            HttpResponse<String> r = get(asset);
            assertEquals(200, r.statusCode(), asset);
            assertFalse(r.body().isBlank(), asset);
        }
        assertTrue(get("/app.js").headers().firstValue("Content-Type").orElse("").contains("javascript"));
        assertTrue(get("/style.css").headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
    }

    /** A browser opening a page that does not exist gets a Japanese page; API clients keep JSON. */
    @Test
    void anUnknownPageIsAJapanesePageForABrowserAndJsonForApiClients() throws Exception {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        HttpResponse<String> page = get("/foo/'&x", browser);
        assertEquals(404, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers().toString());
        assertTrue(page.body().contains("<html lang=\"ja\">"), page.body());
        assertTrue(page.body().contains("ページが見つかりません"), page.body());
        assertTrue(page.body().contains("<a href=\"/\">"), page.body());
        assertTrue(page.body().contains("/foo/&#39;&amp;x"), "the path is escaped: " + page.body());
        assertTrue(page.headers().firstValue("Content-Security-Policy").isPresent());

        assertErrorJson(get("/api/nope", browser), List.of(404), "/api/nope as a browser");
        assertErrorJson(get("/foo", "application/json"), List.of(404), "/foo asking for JSON");
        assertErrorJson(get("/foo"), List.of(404), "/foo without Accept");
    }

    // ------------------------------------------------------------------ helpers

    private static HttpResponse<String> get(String pathAndQuery, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().header("Accept", accept)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void assertErrorJson(HttpResponse<String> response, List<Integer> statuses, String what)
            throws IOException {
        int status = response.statusCode();
        assertNotEquals(500, status, what + " → " + response.body());
        assertTrue(statuses.contains(status), what + ": expected " + statuses + " but was " + status
                + " " + abbreviate(response.body()));
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/json"), what + ": Content-Type " + type + ", body "
                + abbreviate(response.body()));
        JsonNode body = JSON.readTree(response.body());
        assertEquals(Set.of("status", "error", "message"), fieldNames(body), what + ": " + body);
        assertEquals(status, body.get("status").asInt(), what);
        assertFalse(body.get("error").asText().isBlank(), what);
        assertFalse(body.get("message").asText().isBlank(), what);
        assertFalse(body.get("message").asText().contains("Exception"), what + ": " + body);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode ok(String path, String... params) throws IOException {
        HttpResponse<String> response = get(path + query(params));
        assertEquals(200, response.statusCode(), path + query(params) + " → " + abbreviate(response.body()));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(String pathAndQuery) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET()
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** "?a=1&b=2" with every name and value URL-encoded as UTF-8; "" for no parameters. */
    static String query(String... params) {
        if (params.length % 2 != 0) throw new IllegalArgumentException("name/value pairs");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < params.length; i += 2) {
            sb.append(i == 0 ? '?' : '&')
                    .append(URLEncoder.encode(params[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private static List<String> ids(JsonNode response) {
        List<String> ids = new ArrayList<>();
        for (JsonNode hit : response.get("hits")) ids.add(hit.get("id").asText());
        return ids;
    }

    private static List<Integer> years(JsonNode response) {
        List<Integer> years = new ArrayList<>();
        for (JsonNode hit : response.get("hits")) years.add(hit.get("year").asInt());
        return years;
    }

    private static Map<String, Long> facet(JsonNode response, String name) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (JsonNode v : response.get("facets").get(name)) {
            Long previous = values.put(v.get("value").asText(), v.get("count").asLong());
            if (previous != null) fail("facet " + name + " lists " + v.get("value") + " twice");
        }
        return values;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + " chars)" : s;
    }

    /**
     * One searchable entry as a person reading a plan file sees it, found by plain line scanning (no
     * production code): a "- " list item is a measure, another non-blank line after a "## " heading
     * is a mission paragraph. Continuation lines (indented) are joined without a space. Ids follow
     * the documented scheme {@code <document id>-<department no.>-<measure no.>}.
     */
    record CorpusEntry(String id, String org, String year, String department, boolean measure, String text) {
        boolean mitaka() {
            return org.equals(MITAKA);
        }

        static List<CorpusEntry> scan(Path corpus) throws IOException {
            List<CorpusEntry> entries = new ArrayList<>();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(corpus)) {
                files = walk.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("README.md"))
                        .sorted().toList();
            }
            for (Path file : files) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                String docId = null;
                String org = null;
                String year = null;
                int fences = 0;
                int deptNo = 0;
                int measureNo = 0;
                String dept = null;
                List<String[]> raw = new ArrayList<>(); // kind, dept, deptNo, measureNo, text
                for (String line : lines) {
                    if (fences < 2) {
                        if (line.equals("---")) fences++;
                        else if (line.startsWith("id: ")) docId = line.substring(4).strip();
                        else if (line.startsWith("organization: ")) org = line.substring(14).strip();
                        else if (line.startsWith("fiscalYear: ")) year = line.substring(12).strip();
                        continue;
                    }
                    if (line.isBlank()) continue;
                    if (line.startsWith("## ")) {
                        dept = line.substring(3).strip();
                        deptNo++;
                        measureNo = 0;
                    } else if (line.startsWith("- ")) {
                        measureNo++;
                        raw.add(new String[] {"m", dept, "" + deptNo, "" + measureNo, line.substring(2).strip()});
                    } else if (line.startsWith("  ") && !raw.isEmpty()) {
                        String[] last = raw.get(raw.size() - 1);
                        last[4] = last[4] + line.strip();
                    } else {
                        raw.add(new String[] {"p", dept, "" + deptNo, "0", line.strip()});
                    }
                }
                for (String[] r : raw) {
                    boolean measure = r[0].equals("m");
                    String id = measure
                            ? String.format(Locale.ROOT, "%s-%02d-%02d", docId, Integer.parseInt(r[2]), Integer.parseInt(r[3]))
                            : String.format(Locale.ROOT, "%s-%02d-mission", docId, Integer.parseInt(r[2]));
                    entries.add(new CorpusEntry(id, org, year, r[1], measure, r[4]));
                }
            }
            return entries;
        }
    }
}
