package nendo.web;

import static nendo.web.AnalysisApiSupport.error;
import static nendo.web.AnalysisApiSupport.kakuu;
import static nendo.web.AnalysisApiSupport.kakuuMeasures;
import static nendo.web.AnalysisApiSupport.occurrences;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * /api/terms: the words that set a year or a department apart, by Dunning's log-likelihood.
 * Counts are checked against the corpus text: occurrences of the word in the measure lines
 * ("- " lines) of corpus/kakuu/*.md, and how many of those lines contain it.
 */
class TermsApiTest extends BundledApiTestBase {
    private static final Set<String> PARTICLES = Set.of("の", "を", "は", "が", "に", "で", "と", "へ", "や", "も");

    @Test
    void year2020AgainstTheOtherYears() throws Exception {
        JsonNode r = get("/api/terms", "org", "架空市", "year", "2020");
        assertEquals("架空市", r.get("org").asText());
        assertEquals(2020, r.get("year").asInt());
        assertTrue(r.get("vs").isNull());
        // 39 measures in 2020; 40 + 39 + 40 + 43 + 43 = 205 in the other years.
        assertEquals(39, r.get("target").get("measures").asLong());
        assertEquals(205, r.get("reference").get("measures").asLong());
        assertTrue(r.get("target").get("label").asText().contains("令和2年度"), r.get("target").toString());
        assertTrue(r.get("reference").get("label").asText().contains("以外"), r.get("reference").toString());
        assertWellFormed(r, 2, 30);

        // コロナ: in 4 lines of 2020 and 5 + 3 lines of 2021/2022, once per line, always inside
        // 新型コロナウイルス感染症: the longer term is listed, the nested one with the same counts is not.
        JsonNode corona = term(r, "新型コロナウイルス感染症");
        assertNotNull(corona, "コロナ is distinctive of 2020: " + r.get("terms"));
        assertCounts(corona, List.of(2020), List.of(2019, 2021, 2022, 2023, 2024));
        assertEquals(4, corona.get("targetCount").asLong());
        assertEquals(8, corona.get("referenceCount").asLong());
        assertNull(term(r, "コロナ"), "nested in 新型コロナウイルス感染症 with the same counts: " + r.get("terms"));
        // 開設 (7 lines of 2020 against 6 in the other five years) tops the list: its counts are checked
        // against the corpus; its rank, which also depends on the analyzer's token totals, is pinned.
        JsonNode opening = r.get("terms").get(0);
        assertEquals("開設", opening.get("term").asText());
        assertCounts(opening, List.of(2020), List.of(2019, 2021, 2022, 2023, 2024));
    }

    /**
     * 新型コロナウイルス感染症 is written in 4 measures of 2020 and 8 of the other years (2021: 5,
     * 2022: 3), one of them as 「新型コロナウイルス感染症対策」 (2021, スポーツと文化部).
     */
    @Test
    void theCoronavirusTermCountsEveryOccurrence() throws Exception {
        JsonNode r = get("/api/terms", "org", "架空市", "year", "2020");
        JsonNode covid = term(r, "新型コロナウイルス感染症");
        assertNotNull(covid, r.get("terms").toString());
        assertEquals(4, covid.get("targetCount").asLong());
        assertEquals(4, covid.get("targetMeasures").asLong());
        assertEquals(8, covid.get("referenceCount").asLong(), covid.toString());
        assertEquals(8, covid.get("referenceMeasures").asLong(), covid.toString());
        assertCounts(covid, List.of(2020), List.of(2019, 2021, 2022, 2023, 2024));
    }

    @Test
    void againstOneYearTheReferenceIsThatYear() throws Exception {
        JsonNode all = get("/api/terms", "org", "架空市", "year", "2020");
        JsonNode r = get("/api/terms", "org", "架空市", "year", "2020", "vs", "2019");
        assertEquals(2019, r.get("vs").asInt());
        assertEquals(39, r.get("target").get("measures").asLong());
        assertEquals(40, r.get("reference").get("measures").asLong());
        assertEquals(all.get("target"), r.get("target"));
        assertNotEquals(all.get("reference").get("label").asText(), r.get("reference").get("label").asText());
        assertTrue(r.get("reference").get("label").asText().contains("令和元年度"), r.get("reference").toString());
        assertWellFormed(r, 2, 30);
        // 2019 has no コロナ at all.
        JsonNode corona = term(r, "新型コロナウイルス感染症");
        assertNotNull(corona, r.get("terms").toString());
        assertEquals(0, corona.get("referenceCount").asLong());
        assertCounts(corona, List.of(2020), List.of(2019));
        assertCounts(term(r, "開設"), List.of(2020), List.of(2019));
        // Era-style years are accepted.
        assertEquals(r.get("terms"), get("/api/terms", "org", "架空市", "year", "R2", "vs", "令和元年度").get("terms"));
    }

    @Test
    void aDepartmentAgainstTheOtherDepartmentsOfTheYear() throws Exception {
        JsonNode r = get("/api/terms", "org", "架空市", "year", "2020", "dept", "健康福祉部");
        assertEquals("健康福祉部", r.get("dept").asText());
        assertEquals(5, r.get("target").get("measures").asLong());
        assertEquals(34, r.get("reference").get("measures").asLong());
        assertTrue(r.get("target").get("label").asText().contains("健康福祉部"), r.get("target").toString());
        assertWellFormed(r, 2, 30);
        List<String> health = department(2020, "健康福祉部");
        List<String> others = new ArrayList<>(kakuuMeasures(2020));
        others.removeAll(health);
        assertEquals(34, others.size());
        // 相談: 4 times in 3 of 健康福祉部's lines, once elsewhere in 2020.
        JsonNode consult = term(r, "相談");
        assertNotNull(consult, r.get("terms").toString());
        assertCounts(consult, health, others);
        assertEquals(4, consult.get("targetCount").asLong());
        assertEquals(1, consult.get("referenceCount").asLong());

        // Without a year: the department's every year against the other departments' (old name: 2019–2021 only).
        JsonNode planning = get("/api/terms", "org", "架空市", "dept", "企画部");
        assertEquals(15, planning.get("target").get("measures").asLong());
        assertEquals(244 - 15, planning.get("reference").get("measures").asLong());
        JsonNode renamed = get("/api/terms", "org", "架空市", "dept", "政策企画部");
        assertEquals(29, renamed.get("target").get("measures").asLong());
        assertEquals(244 - 29, renamed.get("reference").get("measures").asLong());
    }

    @Test
    void limitAndMinimumCount() throws Exception {
        JsonNode all = get("/api/terms", "org", "架空市", "year", "2020", "limit", "200");
        JsonNode five = get("/api/terms", "org", "架空市", "year", "2020", "limit", "5");
        assertEquals(5, five.get("terms").size());
        for (int i = 0; i < 5; i++) assertEquals(all.get("terms").get(i), five.get("terms").get(i));
        assertEquals(30, get("/api/terms", "org", "架空市", "year", "2020").get("terms").size());

        JsonNode three = get("/api/terms", "org", "架空市", "year", "2020", "min_count", "3", "limit", "200");
        assertWellFormed(three, 3, 200);
        JsonNode one = get("/api/terms", "org", "架空市", "year", "2020", "min_count", "1", "limit", "200");
        assertWellFormed(one, 1, 200);
        assertTrue(countBelow(one, 2) > 0, "min_count=1 lets single occurrences in");
        assertEquals(0, countBelow(all, 2));
    }

    @Test
    void badRequestsAreJsonErrors() throws Exception {
        error(400, "/api/terms");
        error(400, "/api/terms", "year", "2020");
        error(400, "/api/terms", "org", "架空市");
        error(400, "/api/terms", "org", "架空市", "vs", "2019");
        error(400, "/api/terms", "org", "架空市", "dept", "健康福祉部", "vs", "2019");
        error(400, "/api/terms", "org", "架空市", "year", "2020", "vs", "2020");
        error(400, "/api/terms", "org", "架空市", "year", "2020", "vs", "R2");
        error(404, "/api/terms", "org", "どこか市", "year", "2020");
        error(400, "/api/terms", "org", "架空市", "year", "2020", "limit", "0");
        error(400, "/api/terms", "org", "架空市", "year", "2020", "limit", "201");
        error(400, "/api/terms", "org", "架空市", "year", "2020", "limit", "abc");
        error(400, "/api/terms", "org", "架空市", "year", "2020", "min_count", "0");
        error(400, "/api/terms", "org", "架空市", "year", "abc");
        error(404, "/api/terms", "org", "架空市", "year", "2030");
        error(404, "/api/terms", "org", "架空市", "year", "2020", "dept", "宇宙部");
    }

    /** A year with no plan is nothing to compare against, as it is for year (and for /api/diff). */
    @Test
    void aReferenceYearWithoutAPlanIsNotFound() throws Exception {
        error(404, "/api/terms", "org", "架空市", "year", "2020", "vs", "2030");
    }

    // ---- helpers ----

    /**
     * Sorted by G² descending; each G² recomputed from the term's counts and the token totals; only
     * terms over-used in the target and seen at least {@code minCount} times; no particles or single
     * characters.
     */
    private static void assertWellFormed(JsonNode r, int minCount, int limit) {
        long targetTokens = r.get("target").get("tokens").asLong();
        long referenceTokens = r.get("reference").get("tokens").asLong();
        assertTrue(targetTokens > 0 && referenceTokens > 0, r.get("target") + " " + r.get("reference"));
        JsonNode terms = r.get("terms");
        assertFalse(terms.isEmpty());
        assertTrue(terms.size() <= limit);
        double previous = Double.MAX_VALUE;
        for (JsonNode t : terms) {
            String term = t.get("term").asText();
            assertTrue(term.codePointCount(0, term.length()) >= 2, "no single characters: " + t);
            assertFalse(PARTICLES.contains(term), "no particles: " + t);
            long a = t.get("targetCount").asLong();
            long b = t.get("referenceCount").asLong();
            assertTrue(a >= minCount, "min_count: " + t);
            assertTrue(t.get("targetMeasures").asLong() <= a && t.get("targetMeasures").asLong() >= 1, t.toString());
            assertTrue(t.get("referenceMeasures").asLong() <= b, t.toString());
            assertTrue((double) a / targetTokens > (double) b / referenceTokens, "over-used in the target: " + t);
            double g2 = t.get("logLikelihood").asDouble();
            assertEquals(Math.round(logLikelihood(a, b, targetTokens, referenceTokens) * 1000) / 1000.0, g2, 1e-9, term);
            assertEquals(a * 1000.0 / targetTokens, t.get("targetPer1000").asDouble(), 0.0005001, term);
            assertEquals(b * 1000.0 / referenceTokens, t.get("referencePer1000").asDouble(), 0.0005001, term);
            assertTrue(g2 <= previous, "sorted by log-likelihood: " + terms);
            previous = g2;
        }
    }

    /** Dunning's G² = 2 Σ O ln(O / E), E from the two sides' token totals. */
    private static double logLikelihood(long a, long b, long targetTokens, long referenceTokens) {
        double n = targetTokens + referenceTokens;
        double e1 = targetTokens * (a + b) / n;
        double e2 = referenceTokens * (a + b) / n;
        return 2 * ((a == 0 ? 0 : a * Math.log(a / e1)) + (b == 0 ? 0 : b * Math.log(b / e2)));
    }

    private static void assertCounts(JsonNode term, List<?> target, List<?> reference) throws Exception {
        assertNotNull(term);
        List<String> t = lines(target);
        List<String> ref = lines(reference);
        String word = term.get("term").asText();
        assertEquals(t.stream().mapToInt(m -> occurrences(m, word)).sum(), term.get("targetCount").asLong(), word);
        assertEquals(t.stream().filter(m -> m.contains(word)).count(), term.get("targetMeasures").asLong(), word);
        assertEquals(ref.stream().mapToInt(m -> occurrences(m, word)).sum(), term.get("referenceCount").asLong(), word);
        assertEquals(ref.stream().filter(m -> m.contains(word)).count(), term.get("referenceMeasures").asLong(), word);
    }

    /** Measure lines: years (Integer) stand for all of that year's lines, strings are lines themselves. */
    private static List<String> lines(List<?> yearsOrLines) throws Exception {
        List<String> out = new ArrayList<>();
        for (Object o : yearsOrLines) {
            if (o instanceof Integer year) out.addAll(kakuuMeasures(year));
            else out.add((String) o);
        }
        return out;
    }

    private static List<String> department(int year, String name) throws Exception {
        return kakuu(year).stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow().measures();
    }

    private static JsonNode term(JsonNode r, String word) {
        for (JsonNode t : r.get("terms")) {
            if (t.get("term").asText().equals(word)) return t;
        }
        return null;
    }

    private static long countBelow(JsonNode r, int count) {
        long n = 0;
        for (JsonNode t : r.get("terms")) if (t.get("targetCount").asLong() < count) n++;
        return n;
    }
}
