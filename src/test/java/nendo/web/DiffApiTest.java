package nendo.web;

import static nendo.web.AnalysisApiSupport.error;
import static nendo.web.AnalysisApiSupport.kakuuMeasures;
import static nendo.web.AnalysisApiSupport.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * /api/diff: one year against another. Measure counts per year were counted in corpus/kakuu/*.md
 * ("- " lines): 40, 39, 39, 40, 43, 43 for 2019–2024; the department headings give the rename
 * (企画部 → 政策企画部 in 2022) and the split (生活環境部 → 環境部 + 地域協働部 in 2023).
 */
class DiffApiTest extends BundledApiTestBase {
    private static final Map<Integer, Integer> MEASURES = Map.of(2019, 40, 2020, 39, 2021, 39, 2022, 40, 2023, 43, 2024, 43);

    @Test
    void theDisasterCentreMeasureContinuesFrom2019To2020WithItsWordingChanges() throws Exception {
        JsonNode r = get("/api/diff", "org", "架空市", "from", "2019", "to", "2020");
        assertEquals("架空市", r.get("org").asText());
        assertEquals(2019, r.get("from").asInt());
        assertEquals(2020, r.get("to").asInt());
        assertEquals("令和元年度", r.get("fromEra").asText());
        assertEquals("令和2年度", r.get("toEra").asText());
        assertCoversBothYears(r, 2019, 2020);
        // Eight departments with the same names in both years.
        assertEquals(8, r.get("departments").size());
        for (JsonNode d : r.get("departments")) {
            assertEquals("same", d.get("relation").asText(), d.get("name").asText());
            assertEquals(list(d.get("fromNames")), list(d.get("toNames")));
        }

        JsonNode pair = pairFrom(r, RelatedApiTest.CENTER_2019);
        assertNotNull(pair, "the 2019 防災センター measure continues");
        assertEquals(RelatedApiTest.CENTER_2020, pair.get("to").get("text").asText());
        assertTrue(pair.get("from").get("id").asText().startsWith("kakuu-2019-"));
        assertTrue(pair.get("to").get("id").asText().startsWith("kakuu-2020-"));
        assertEquals("総務部", pair.get("from").get("department").asText());
        assertEquals("総務部", pair.get("to").get("department").asText());
        // Similarity: the same cosine as /related's score for this pair (pinned there, see RelatedApiTest).
        assertEquals(0.58, pair.get("similarity").asDouble(), 1e-9);

        assertReconstructs(pair);
        String removed = joined(pair, "removed");
        String added = joined(pair, "added");
        String same = joined(pair, "same");
        // Read off the two texts: 2019 says 「…を拠点とした危機管理体制の強化に向け、」 and 「…の修正に取り組みます」;
        // 2020 says 「…を拠点に」, adds 「近年の風水害の教訓を踏まえて」 and 「…を修正します」.
        assertTrue(removed.contains("危機管理体制の強化に向け"), removed);
        assertTrue(added.contains("近年の風水害の教訓を踏まえて"), added);
        assertFalse(removed.contains("防災関係機関との連携訓練"), removed);
        assertTrue(same.contains("架空市防災センターを拠点"), same);
        assertTrue(same.contains("防災関係機関との連携訓練を実施するとともに、"), same);
        assertTrue(same.contains("『架空市地域防災計画』"), same);
    }

    @Test
    void everyPairOfConsecutiveYearsAccountsForEveryMeasureAndReconstructsItsTexts() throws Exception {
        for (int from = 2019; from < 2024; from++) {
            JsonNode r = get("/api/diff", "org", "架空市", "from", String.valueOf(from), "to", String.valueOf(from + 1));
            assertCoversBothYears(r, from, from + 1);
            for (JsonNode d : r.get("departments")) {
                for (JsonNode pair : d.get("continued")) {
                    assertReconstructs(pair);
                    double similarity = pair.get("similarity").asDouble();
                    assertTrue(similarity >= 0.2 && similarity <= 1.0, "paired only from 0.2: " + pair);
                }
            }
        }
        // Years further apart work the same way.
        assertCoversBothYears(get("/api/diff", "org", "架空市", "from", "2019", "to", "2024"), 2019, 2024);
    }

    @Test
    void theRenamedDepartmentIsOneGroupWithItsMeasuresPaired() throws Exception {
        JsonNode r = get("/api/diff", "org", "架空市", "from", "2021", "to", "2022");
        assertCoversBothYears(r, 2021, 2022);
        assertEquals(8, r.get("departments").size());
        JsonNode planning = group(r, "企画部");
        assertEquals("政策企画部", planning.get("name").asText());
        assertEquals(List.of("企画部"), list(planning.get("fromNames")));
        assertEquals(List.of("政策企画部"), list(planning.get("toNames")));
        assertEquals("renamed", planning.get("relation").asText());
        // 5 measures on each side (corpus), all in this one group.
        assertEquals(5, sideSize(planning, "ended"));
        assertEquals(5, sideSize(planning, "new"));
        assertFalse(planning.get("continued").isEmpty(), planning.toString());
        for (JsonNode pair : planning.get("continued")) {
            assertEquals("企画部", pair.get("from").get("department").asText());
            assertEquals("政策企画部", pair.get("to").get("department").asText());
        }
        for (JsonNode d : r.get("departments")) {
            if (d != planning) assertEquals("same", d.get("relation").asText(), d.get("name").asText());
        }
    }

    @Test
    void theSplitDepartmentIsOneGroupAcrossBothNewDepartments() throws Exception {
        JsonNode r = get("/api/diff", "org", "架空市", "from", "2022", "to", "2023");
        assertCoversBothYears(r, 2022, 2023);
        assertEquals(8, r.get("departments").size(), "9 departments in 2023, two of them one group with 生活環境部");
        JsonNode split = group(r, "生活環境部");
        assertEquals(List.of("生活環境部"), list(split.get("fromNames")));
        assertEquals(List.of("環境部", "地域協働部"), list(split.get("toNames")));
        assertEquals("split", split.get("relation").asText());
        assertEquals("環境部・地域協働部", split.get("name").asText());
        // 生活環境部 had 5 measures in 2022; 環境部 4 and 地域協働部 5 in 2023.
        assertEquals(5, sideSize(split, "ended"));
        assertEquals(9, sideSize(split, "new"));
        List<String> toDepartments = new ArrayList<>();
        for (JsonNode pair : split.get("continued")) {
            assertEquals("生活環境部", pair.get("from").get("department").asText());
            toDepartments.add(pair.get("to").get("department").asText());
        }
        assertTrue(toDepartments.contains("環境部") && toDepartments.contains("地域協働部"),
                "measures continue into both new departments: " + toDepartments);
        for (JsonNode d : r.get("departments")) {
            if (d == split) continue;
            assertFalse(list(d.get("toNames")).contains("環境部") || list(d.get("toNames")).contains("地域協働部"), d.toString());
        }
    }

    @Test
    void departmentFilterTakesTheOldOrTheNewName() throws Exception {
        for (String dept : List.of("企画部", "政策企画部")) {
            JsonNode r = get("/api/diff", "org", "架空市", "from", "2021", "to", "2022", "dept", dept);
            assertEquals(1, r.get("departments").size(), dept);
            JsonNode g = r.get("departments").get(0);
            assertEquals("renamed", g.get("relation").asText());
            assertSummaryIsTheSum(r);
            assertEquals(5, r.get("summary").get("continued").asInt() + r.get("summary").get("ended").asInt());
        }
        for (String dept : List.of("生活環境部", "環境部", "地域協働部")) {
            JsonNode r = get("/api/diff", "org", "架空市", "from", "2022", "to", "2023", "dept", dept);
            assertEquals(1, r.get("departments").size(), dept);
            assertEquals("split", r.get("departments").get(0).get("relation").asText(), dept);
            assertSummaryIsTheSum(r);
            assertEquals(9, r.get("summary").get("continued").asInt() + r.get("summary").get("new").asInt(), dept);
        }
        JsonNode general = get("/api/diff", "org", "架空市", "from", "2019", "to", "2020", "dept", "総務部");
        assertEquals(1, general.get("departments").size());
        assertNotNull(pairFrom(general, RelatedApiTest.CENTER_2019));
        // Years in the Japanese era.
        assertEquals(2019, get("/api/diff", "org", "架空市", "from", "令和元年度", "to", "R2").get("from").asInt());
    }

    @Test
    void badRequestsAreJsonErrors() throws Exception {
        error(400, "/api/diff", "org", "架空市", "from", "2020", "to", "2019");
        error(400, "/api/diff", "org", "架空市", "from", "2020", "to", "2020");
        error(400, "/api/diff");
        error(400, "/api/diff", "from", "2019", "to", "2020");
        error(400, "/api/diff", "org", "架空市", "to", "2020");
        error(400, "/api/diff", "org", "架空市", "from", "2019");
        error(400, "/api/diff", "org", "架空市", "from", "abc", "to", "2020");
        error(404, "/api/diff", "org", "架空市", "from", "2018", "to", "2020");
        error(404, "/api/diff", "org", "架空市", "from", "2019", "to", "2025");
        error(404, "/api/diff", "org", "どこか市", "from", "2019", "to", "2020");
        error(404, "/api/diff", "org", "架空市", "from", "2019", "to", "2020", "dept", "宇宙部");
    }

    // ---- helpers ----

    /** Each measure of {@code from} is continued or ended, each of {@code to} continued or new, exactly once. */
    private static void assertCoversBothYears(JsonNode r, int from, int to) throws Exception {
        List<String> fromSide = new ArrayList<>();
        List<String> toSide = new ArrayList<>();
        for (JsonNode d : r.get("departments")) {
            for (JsonNode pair : d.get("continued")) {
                fromSide.add(pair.get("from").get("text").asText());
                toSide.add(pair.get("to").get("text").asText());
            }
            d.get("ended").forEach(m -> fromSide.add(m.get("text").asText()));
            d.get("new").forEach(m -> toSide.add(m.get("text").asText()));
        }
        List<String> corpusFrom = kakuuMeasures(from);
        List<String> corpusTo = kakuuMeasures(to);
        assertEquals(MEASURES.get(from).intValue(), corpusFrom.size(), "corpus " + from);
        assertEquals(MEASURES.get(to).intValue(), corpusTo.size(), "corpus " + to);
        assertEquals(corpusFrom.stream().sorted().toList(), fromSide.stream().sorted().toList(), from + " side");
        assertEquals(corpusTo.stream().sorted().toList(), toSide.stream().sorted().toList(), to + " side");
        assertSummaryIsTheSum(r);
        JsonNode s = r.get("summary");
        assertEquals(MEASURES.get(from).intValue(), s.get("continued").asInt() + s.get("ended").asInt());
        assertEquals(MEASURES.get(to).intValue(), s.get("continued").asInt() + s.get("new").asInt());
    }

    private static void assertSummaryIsTheSum(JsonNode r) {
        Map<String, Integer> sums = new TreeMap<>(Map.of("continued", 0, "ended", 0, "new", 0));
        for (JsonNode d : r.get("departments")) {
            for (String k : sums.keySet()) sums.put(k, sums.get(k) + d.get(k).size());
        }
        for (String k : sums.keySet()) assertEquals(sums.get(k).intValue(), r.get("summary").get(k).asInt(), k);
    }

    /** Segments not added give the old text, segments not removed the new; there is a removal and an addition. */
    private static void assertReconstructs(JsonNode pair) {
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        for (JsonNode c : pair.get("changes")) {
            String op = c.get("op").asText();
            assertTrue(List.of("same", "removed", "added").contains(op), c.toString());
            assertFalse(c.get("text").asText().isEmpty(), c.toString());
            if (!op.equals("added")) before.append(c.get("text").asText());
            if (!op.equals("removed")) after.append(c.get("text").asText());
        }
        assertEquals(pair.get("from").get("text").asText(), before.toString());
        assertEquals(pair.get("to").get("text").asText(), after.toString());
        if (!pair.get("from").get("text").asText().equals(pair.get("to").get("text").asText())) {
            assertTrue(joined(pair, "removed").length() + joined(pair, "added").length() > 0, pair.toString());
        }
    }

    private static String joined(JsonNode pair, String op) {
        StringBuilder out = new StringBuilder();
        for (JsonNode c : pair.get("changes")) {
            if (c.get("op").asText().equals(op)) out.append(c.get("text").asText()).append('|');
        }
        return out.toString();
    }

    private static JsonNode pairFrom(JsonNode r, String fromText) {
        for (JsonNode d : r.get("departments")) {
            for (JsonNode pair : d.get("continued")) {
                if (pair.get("from").get("text").asText().equals(fromText)) return pair;
            }
        }
        return null;
    }

    /** The group whose from side has the given department name. */
    private static JsonNode group(JsonNode r, String fromName) {
        JsonNode found = null;
        for (JsonNode d : r.get("departments")) {
            if (list(d.get("fromNames")).contains(fromName)) {
                assertEquals(null, found, "one group for " + fromName);
                found = d;
            }
        }
        assertNotNull(found, fromName + " in " + r);
        return found;
    }

    /** Measures on one side of a group: continued + ended (from side) or continued + new (to side). */
    private static int sideSize(JsonNode group, String other) {
        return group.get("continued").size() + group.get(other).size();
    }
}
