package nendo.web;

import static nendo.web.AnalysisApiSupport.error;
import static nendo.web.AnalysisApiSupport.kakuu;
import static nendo.web.AnalysisApiSupport.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * /api/compare: a theme across years and departments. Expected numbers were counted in
 * corpus/kakuu/*.md (measure lines only, i.e. the "- " lines under each "## 部" heading):
 * measures per year 40, 39, 39, 40, 43, 43 (2019–2024); lines containing コロナ: 0, 4, 5, 3, 0, 0;
 * lines containing DX, ＤＸ or デジタルトランスフォーメーション: 0, 0, 1, 3, 4, 6.
 */
class CompareApiTest extends BundledApiTestBase {
    private static final List<Integer> YEARS = List.of(2019, 2020, 2021, 2022, 2023, 2024);
    private static final List<Integer> MEASURES = List.of(40, 39, 39, 40, 43, 43);

    @Test
    void coronaMatchesOnlyIn2020To2022WithExactCountsAndShares() throws Exception {
        JsonNode r = get("/api/compare", "q", "コロナ", "org", "架空市");
        assertEquals("コロナ", r.get("q").asText());
        assertEquals("架空市", r.get("org").asText());
        assertEquals(12, r.get("totalMatches").asLong());
        assertYears(r, List.of(0, 4, 5, 3, 0, 0));
        assertEquals("令和元年度", r.get("years").get(0).get("era").asText());
        assertEquals("令和6年度", r.get("years").get(5).get("era").asText());
        // 4 / 39 and 5 / 39: the share is of the year's measures, not of the matches.
        assertEquals(4.0 / 39, r.get("years").get(1).get("share").asDouble(), 0.00005);
        assertEquals(5.0 / 39, r.get("years").get(2).get("share").asDouble(), 0.00005);
        assertEquals(3.0 / 40, r.get("years").get(3).get("share").asDouble(), 0.00005);

        Map<String, JsonNode> rows = rowsByName(r);
        // 架空市's ten departments under their current names (企画部 is 政策企画部; 生活環境部 kept as a row).
        assertEquals(List.of("健康福祉部", "政策企画部", "市民部", "スポーツと文化部", "総務部", "都市整備部", "生活環境部",
                "環境部", "地域協働部", "子ども政策部").stream().sorted().toList(),
                rows.keySet().stream().sorted().toList());
        assertConsistent(r);
        // 健康福祉部 has the most matches (1 + 2 + 1), so it is the first row.
        assertEquals("健康福祉部", r.get("departments").get(0).get("name").asText());
        assertCells(rows.get("健康福祉部"), List.of(0, 1, 2, 1, 0, 0), List.of(5, 5, 5, 6, 5, 5));
        assertCells(rows.get("市民部"), List.of(0, 1, 1, 1, 0, 0), List.of(5, 5, 5, 5, 5, 5));
        assertCells(rows.get("スポーツと文化部"), List.of(0, 1, 1, 0, 0, 0), List.of(5, 4, 4, 4, 4, 4));
        assertCells(rows.get("総務部"), List.of(0, 0, 0, 0, 0, 0), List.of(5, 5, 5, 5, 5, 5));

        // The renamed department is one row, printed under the name of each year.
        JsonNode planning = rows.get("政策企画部");
        assertEquals("架空市", planning.get("org").asText());
        assertEquals(List.of("企画部", "政策企画部"), list(planning.get("names")));
        assertEquals(3, planning.get("matches").asLong());
        assertEquals(List.of("企画部", "企画部", "企画部", "政策企画部", "政策企画部", "政策企画部"),
                field(planning, "printedName"));
        assertCells(planning, List.of(0, 1, 1, 1, 0, 0), List.of(5, 5, 5, 5, 4, 5));

        // Departments that did not exist in a year: no printed name, no measure count, zero matches.
        assertEquals(Arrays.asList(null, null, null, null, "環境部", "環境部"), field(rows.get("環境部"), "printedName"));
        assertEquals(Arrays.asList(null, null, null, null, "4", "4"), field(rows.get("環境部"), "measures"));
        assertEquals(Arrays.asList("生活環境部", "生活環境部", "生活環境部", "生活環境部", null, null),
                field(rows.get("生活環境部"), "printedName"));
    }

    @Test
    void dxIsFoundUnderItsSynonymAndFullWidthAndGrowsFrom2021() throws Exception {
        JsonNode r = get("/api/compare", "q", "DX", "org", "架空市");
        assertEquals(14, r.get("totalMatches").asLong());
        assertYears(r, List.of(0, 0, 1, 3, 4, 6));
        assertConsistent(r);
        Map<String, JsonNode> rows = rowsByName(r);
        // 2021: "デジタルトランスフォーメーション（DX）"; 2023 市民部 and 2024 子ども政策部 write ＤＸ (full width).
        assertCells(rows.get("政策企画部"), List.of(0, 0, 1, 1, 1, 1), List.of(5, 5, 5, 5, 4, 5));
        assertCells(rows.get("市民部"), List.of(0, 0, 0, 1, 1, 1), List.of(5, 5, 5, 5, 5, 5));
        assertCells(rows.get("子ども政策部"), List.of(0, 0, 0, 0, 1, 1), List.of(5, 5, 5, 5, 6, 6));
        assertCells(rows.get("総務部"), List.of(0, 0, 0, 1, 1, 1), List.of(5, 5, 5, 5, 5, 5));
        assertCells(rows.get("健康福祉部"), List.of(0, 0, 0, 0, 0, 1), List.of(5, 5, 5, 6, 5, 5));
        assertCells(rows.get("都市整備部"), List.of(0, 0, 0, 0, 0, 1), List.of(5, 5, 5, 5, 5, 5));

        // The synonym expansion is reported.
        JsonNode expansion = r.get("expansions").get(0);
        assertNotNull(expansion, r.toString());
        assertEquals("DX", expansion.get("word").asText());
        assertEquals(List.of("デジタルトランスフォーメーション"), list(expansion.get("alternatives")));
        assertTrue(list(r.get("notices")).stream().anyMatch(n -> n.contains("デジタルトランスフォーメーション")),
                r.get("notices").toString());

        // Typed in full width, the same theme.
        assertYears(get("/api/compare", "q", "ＤＸ", "org", "架空市"), List.of(0, 0, 1, 3, 4, 6));
    }

    @Test
    void yearRangeAndDepartmentNarrowTheScope() throws Exception {
        JsonNode range = get("/api/compare", "q", "コロナ", "org", "架空市", "year_from", "2020", "year_to", "2021");
        assertEquals(2020, range.get("yearFrom").asInt());
        assertEquals(2021, range.get("yearTo").asInt());
        assertEquals(List.of(2020, 2021), years(range));
        assertEquals(9, range.get("totalMatches").asLong());
        for (JsonNode row : range.get("departments")) assertEquals(2, row.get("cells").size(), row.toString());
        assertConsistent(range);

        // Years may be written in the Japanese era.
        JsonNode fromR3 = get("/api/compare", "q", "コロナ", "org", "架空市", "year_from", "令和3年度");
        assertEquals(List.of(2021, 2022, 2023, 2024), years(fromR3));
        assertEquals(8, fromR3.get("totalMatches").asLong());

        // One department: the years count only its measures.
        JsonNode health = get("/api/compare", "q", "コロナ", "org", "架空市", "dept", "健康福祉部");
        assertEquals("健康福祉部", health.get("dept").asText());
        assertEquals(1, health.get("departments").size());
        assertEquals(4, health.get("totalMatches").asLong());
        List<Integer> measures = new ArrayList<>();
        List<Integer> matches = new ArrayList<>();
        health.get("years").forEach(y -> {
            measures.add(y.get("measures").asInt());
            matches.add(y.get("matches").asInt());
        });
        assertEquals(List.of(5, 5, 5, 6, 5, 5), measures);
        assertEquals(List.of(0, 1, 2, 1, 0, 0), matches);
        assertEquals(0.4, health.get("years").get(2).get("share").asDouble(), 1e-9);

        // The renamed department spans every year, whether asked for by its current or its former name.
        JsonNode current = get("/api/compare", "q", "コロナ", "org", "架空市", "dept", "政策企画部");
        assertEquals(3, current.get("totalMatches").asLong());
        assertEquals(List.of("企画部", "政策企画部"), list(current.get("departments").get(0).get("names")));
        JsonNode old = get("/api/compare", "q", "コロナ", "org", "架空市", "dept", "企画部");
        assertEquals(3, old.get("totalMatches").asLong());
        assertEquals(1, old.get("departments").size());
        assertEquals("企画部", old.get("dept").asText());
        assertEquals("政策企画部", old.get("departments").get(0).get("name").asText());
        assertEquals(Arrays.asList("企画部", "企画部", "企画部", "政策企画部", "政策企画部", "政策企画部"),
                field(old.get("departments").get(0), "printedName"));
        assertEquals(current.get("years"), old.get("years"));
    }

    @Test
    void everyCellCountsExactlyTheSearchItOpens() throws Exception {
        for (String q : List.of("コロナ", "DX", "R3 令和4年度 コロナ")) {
            JsonNode r = get("/api/compare", "q", q, "org", "架空市");
            // The query's words without its years: with the years, the search would hold them all.
            String words = r.get("queryWithoutYears").asText();
            for (JsonNode row : r.get("departments")) {
                for (JsonNode cell : row.get("cells")) {
                    JsonNode search = get("/api/search", "q", words, "org", row.get("org").asText(), "dept",
                            row.get("name").asText(), "year", cell.get("year").asText(), "kind", "measure", "size", "100");
                    assertEquals(cell.get("matches").asLong(), search.get("total").asLong(),
                            q + " " + row.get("name").asText() + " " + cell.get("year").asText());
                }
            }
        }
        // Counted from the corpus: 2021 健康福祉部 has two コロナ measures (ワクチン接種 and 自宅療養者).
        JsonNode cell = get("/api/search", "q", "コロナ", "org", "架空市", "dept", "健康福祉部", "year", "2021",
                "kind", "measure");
        assertEquals(2, cell.get("total").asLong());
        List<String> corpus = kakuu(2021).stream().filter(d -> d.name().equals("健康福祉部")).findFirst().orElseThrow()
                .measures().stream().filter(m -> m.contains("コロナ")).sorted().toList();
        assertEquals(corpus, texts(cell).stream().sorted().toList());
    }

    /**
     * 企画部 is 三鷹市's current name and 架空市's former one: without an organization each follows its
     * own department, so 架空市's row is 政策企画部 over every year, and each cell is still its search.
     */
    @Test
    void aNameCurrentInOneOrganizationAndFormerInAnotherIsFollowedInEach() throws Exception {
        JsonNode r = get("/api/compare", "q", "コロナ", "dept", "企画部");
        Map<String, String> rows = new HashMap<>();
        for (JsonNode row : r.get("departments")) rows.put(row.get("org").asText(), row.get("name").asText());
        assertEquals(Map.of("三鷹市", "企画部", "架空市", "政策企画部"), rows);
        assertEquals(3, r.get("totalMatches").asLong(), "架空市's three, as with org=架空市");
        assertConsistent(r);
        long cells = 0;
        for (JsonNode row : r.get("departments")) {
            for (JsonNode cell : row.get("cells")) {
                JsonNode search = get("/api/search", "q", "コロナ", "org", row.get("org").asText(), "dept",
                        row.get("name").asText(), "year", cell.get("year").asText(), "kind", "measure");
                assertEquals(search.get("total").asLong(), cell.get("matches").asLong(),
                        row.get("org").asText() + " " + cell.get("year").asText());
                cells += cell.get("matches").asLong();
            }
        }
        assertEquals(3, cells);
        // A search by the name means the department called so now where one is (三鷹市's, as the
        // department facet counts it); within 架空市 alone it finds the years printed so.
        JsonNode current = get("/api/search", "q", "コロナ", "dept", "企画部", "kind", "measure");
        assertEquals(rowMatches(r, "三鷹市"), current.get("total").asLong());
        JsonNode before = get("/api/search", "q", "コロナ", "dept", "企画部", "org", "架空市", "kind", "measure");
        long early = 0;
        for (JsonNode row : r.get("departments")) {
            if (!row.get("org").asText().equals("架空市")) continue;
            for (JsonNode cell : row.get("cells")) if (cell.get("year").asInt() <= 2021) early += cell.get("matches").asLong();
        }
        assertEquals(before.get("total").asLong(), early);
    }

    private static long rowMatches(JsonNode comparison, String org) {
        long sum = 0;
        for (JsonNode row : comparison.get("departments")) {
            if (row.get("org").asText().equals(org)) for (JsonNode cell : row.get("cells")) sum += cell.get("matches").asLong();
        }
        return sum;
    }

    /** Years named in the query are alternatives, as in the search: each is a column of its own. */
    @Test
    void yearsInTheQueryAreEachAColumn() throws Exception {
        JsonNode r = get("/api/compare", "q", "R3 令和4年度 コロナ", "org", "架空市");
        assertEquals(List.of(2021, 2022), years(r));
        assertEquals("[2021,2022]", r.get("queryYears").toString());
        assertEquals("コロナ", r.get("queryWithoutYears").asText());
        assertEquals(5 + 3, r.get("totalMatches").asLong());
        JsonNode search = get("/api/search", "q", "R3 令和4年度 コロナ", "org", "架空市", "kind", "measure");
        assertEquals(r.get("totalMatches").asLong(), search.get("total").asLong());
        // Named twice, one year.
        assertEquals(List.of(2019), years(get("/api/compare", "q", "令和元年度（2019年度） 防災", "org", "架空市")));
    }

    @Test
    void badRequestsAreJsonErrorsNeverServerErrors() throws Exception {
        assertTrue(error(400, "/api/compare").get("message").asText().contains("q"));
        error(400, "/api/compare", "org", "架空市");
        error(400, "/api/compare", "q", "  ", "org", "架空市");
        // Only a year, no keyword.
        error(400, "/api/compare", "q", "令和2年度", "org", "架空市");
        error(404, "/api/compare", "q", "コロナ", "org", "どこか市");
        error(404, "/api/compare", "q", "コロナ", "org", "架空市", "dept", "宇宙部");
        error(400, "/api/compare", "q", "コロナ", "year_from", "2022", "year_to", "2020");
        error(400, "/api/compare", "q", "コロナ", "year_from", "abc");
        error(400, "/api/compare", "q", "コロナ", "year_to", "1800");
        error(400, "/api/compare", "q", "コロナ", "year_to", "令和");
        error(400, "/api/compare", "q", "x".repeat(5000));
        // Search parameters a comparison does not take are refused, not ignored.
        error(400, "/api/compare", "q", "コロナ", "year", "2020");
        error(400, "/api/compare", "q", "コロナ", "kind", "mission");
    }

    /**
     * A name among the words stays a word in a comparison, and the words a cell links to keep it one
     * (quoted): a search takes an unquoted 三鷹市 as the organization and found 3 where the cell said 2.
     */
    @Test
    void aNameAmongTheWordsIsAWordInEveryCellsSearch() throws Exception {
        for (String q : new String[] {"三鷹市", "架空市", "総務部 防災"}) {
            JsonNode r = get("/api/compare", "q", q);
            String words = r.get("queryWithoutYears").asText();
            assertTrue(words.contains("\""), q + " → " + words);
            List<String> notices = new ArrayList<>();
            r.get("notices").forEach(n -> notices.add(n.asText()));
            assertTrue(notices.stream().anyMatch(n -> n.contains("団体名・部名は語として数えます")), notices.toString());
            for (JsonNode row : r.get("departments")) {
                for (JsonNode cell : row.get("cells")) {
                    if (cell.get("printedName").isNull()) continue;
                    JsonNode search = get("/api/search", "q", words, "org", row.get("org").asText(), "dept",
                            row.get("name").asText(), "year", cell.get("year").asText(), "kind", "measure");
                    assertEquals(cell.get("matches").asLong(), search.get("total").asLong(),
                            q + " " + row.get("org").asText() + " " + row.get("name").asText() + " " + cell.get("year"));
                }
            }
        }
    }

    /** A year of the query outside year_from–year_to leaves no column: the answer says why. */
    @Test
    void aQueryYearOutsideTheRangeIsSaid() throws Exception {
        JsonNode r = get("/api/compare", "q", "R2 防災", "org", "架空市", "year_from", "2022");
        assertEquals(0, r.get("years").size());
        List<String> notices = new ArrayList<>();
        r.get("notices").forEach(n -> notices.add(n.asText()));
        assertTrue(notices.contains("検索語の年度 2020（令和2年度） は指定の年度の範囲（year_from・year_to）の外です"), notices.toString());
    }

    // ---- helpers ----

    private static void assertYears(JsonNode r, List<Integer> matches) {
        assertEquals(YEARS, years(r));
        List<Integer> measures = new ArrayList<>();
        List<Integer> found = new ArrayList<>();
        for (JsonNode y : r.get("years")) {
            measures.add(y.get("measures").asInt());
            found.add(y.get("matches").asInt());
            double share = y.get("share").asDouble();
            assertTrue(share >= 0 && share <= 1, y.toString());
            assertEquals((double) y.get("matches").asInt() / y.get("measures").asInt(), share, 0.00005, y.toString());
        }
        assertEquals(MEASURES, measures);
        assertEquals(matches, found);
    }

    /** Rows sorted by matches; each row's matches is the sum of its cells; the cells add up to the years. */
    private static void assertConsistent(JsonNode r) {
        List<Integer> years = years(r);
        Map<Integer, Long> perYear = new HashMap<>();
        long previous = Long.MAX_VALUE;
        long total = 0;
        for (JsonNode row : r.get("departments")) {
            long rowMatches = row.get("matches").asLong();
            assertTrue(rowMatches <= previous, "rows sorted by matches: " + row.get("name"));
            previous = rowMatches;
            long sum = 0;
            assertEquals(years.size(), row.get("cells").size(), row.toString());
            for (int i = 0; i < years.size(); i++) {
                JsonNode cell = row.get("cells").get(i);
                assertEquals(years.get(i).intValue(), cell.get("year").asInt(), row.toString());
                if (cell.get("printedName").isNull()) {
                    assertTrue(cell.get("measures").isNull(), cell.toString());
                    assertEquals(0, cell.get("matches").asLong(), cell.toString());
                } else {
                    assertTrue(cell.get("matches").asLong() <= cell.get("measures").asLong(), cell.toString());
                }
                sum += cell.get("matches").asLong();
                perYear.merge(years.get(i), cell.get("matches").asLong(), Long::sum);
            }
            assertEquals(sum, rowMatches, row.toString());
            total += sum;
        }
        for (JsonNode y : r.get("years")) {
            assertEquals(perYear.getOrDefault(y.get("year").asInt(), 0L).longValue(), y.get("matches").asLong(), y.toString());
        }
        assertEquals(total, r.get("totalMatches").asLong());
    }

    private static void assertCells(JsonNode row, List<Integer> matches, List<Integer> measures) {
        assertNotNull(row);
        List<Integer> m = new ArrayList<>();
        List<Integer> n = new ArrayList<>();
        row.get("cells").forEach(c -> {
            m.add(c.get("matches").asInt());
            n.add(c.get("measures").isNull() ? null : c.get("measures").asInt());
        });
        assertEquals(matches, m, row.get("name").asText());
        assertEquals(measures, n, row.get("name").asText());
        assertEquals(matches.stream().mapToInt(Integer::intValue).sum(), row.get("matches").asInt());
    }

    private static Map<String, JsonNode> rowsByName(JsonNode r) {
        Map<String, JsonNode> rows = new HashMap<>();
        r.get("departments").forEach(d -> assertEquals(null, rows.put(d.get("name").asText(), d), "one row per department"));
        return rows;
    }

    private static List<Integer> years(JsonNode r) {
        List<Integer> out = new ArrayList<>();
        r.get("years").forEach(y -> out.add(y.get("year").asInt()));
        return out;
    }

    private static List<String> field(JsonNode row, String name) {
        List<String> out = new ArrayList<>();
        row.get("cells").forEach(c -> out.add(c.get(name).isNull() ? null : c.get(name).asText()));
        return out;
    }
}
