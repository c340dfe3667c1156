package nendo.web;

import static nendo.web.AnalysisApiSupport.error;
import static nendo.web.AnalysisApiSupport.kakuu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** /api/measures/{id}/related: the same measure in other years, same organization first. */
class RelatedApiTest extends BundledApiTestBase {
    /** corpus/kakuu/2019.md, 総務部, first measure. */
    static final String CENTER_2019 = "架空市防災センターを拠点とした危機管理体制の強化に向け、防災関係機関との連携訓練を実施するとともに、"
            + "『架空市地域防災計画』の修正に取り組みます。";
    /** corpus/kakuu/2020.md, 総務部, first measure: the 2019 one carried on with new wording. */
    static final String CENTER_2020 = "架空市防災センターを拠点に防災関係機関との連携訓練を実施するとともに、近年の風水害の教訓を踏まえて"
            + "『架空市地域防災計画』を修正します。";

    /** The id of the one measure of {@code org}/{@code year}/{@code dept} matching {@code q}. */
    static String measureId(String q, String org, int year, String dept, String text) throws Exception {
        JsonNode hits = get("/api/search", "q", q, "org", org, "year", String.valueOf(year), "dept", dept, "kind", "measure")
                .get("hits");
        for (JsonNode h : hits) {
            if (h.get("text").asText().equals(text)) return h.get("id").asText();
        }
        throw new AssertionError("no hit with the text " + text + " in " + hits);
    }

    @Test
    void theDisasterCentreMeasureOf2019IsFollowedFirstByIts2020Continuation() throws Exception {
        // Sanity: the texts used here are the corpus's own lines.
        assertEquals(CENTER_2019, kakuu(2019).get(1).measures().get(0));
        assertEquals(CENTER_2020, kakuu(2020).get(1).measures().get(0));
        String id = measureId("防災センター", "架空市", 2019, "総務部", CENTER_2019);

        JsonNode r = get("/api/measures/" + id + "/related");
        JsonNode measure = r.get("measure");
        assertEquals(id, measure.get("id").asText());
        assertEquals(CENTER_2019, measure.get("text").asText());
        assertEquals(2019, measure.get("year").asInt());

        JsonNode related = r.get("related");
        assertTrue(related.size() >= 2 && related.size() <= 10, related.toString());
        JsonNode first = related.get(0);
        assertTrue(first.get("id").asText().startsWith("kakuu-2020-"), first.toString());
        assertEquals(CENTER_2020, first.get("text").asText());
        assertEquals(2020, first.get("year").asInt());
        assertEquals("令和2年度", first.get("era").asText());
        assertEquals("架空市", first.get("org").asText());
        assertEquals("総務部", first.get("department").asText());
        assertEquals("kakuu-2020", first.get("documentId").asText());
        assertTrue(first.get("sameOrganization").asBoolean());
        assertTrue(first.get("sample").asBoolean());
        // Cosine of tf-idf bigram vectors: not derivable by hand. Checked as sensible (the two texts share
        // 架空市防災センターを拠点, 防災関係機関との連携訓練を実施するとともに and 『架空市地域防災計画』,
        // clearly more than any other pair) and pinned; the same value as the diff's pair similarity.
        assertEquals(0.58, first.get("score").asDouble(), 1e-9);

        assertWellFormed(measure, related);
        // Pinned after checking (scores again): next comes 2024's 防災センター measure, which shares
        // 架空市防災センターを拠点 and 『架空市地域防災計画』の修正 with the 2019 text.
        assertEquals(kakuu(2024).get(1).measures().get(0), related.get(1).get("text").asText());
        // Every year from 2020 to 2024 has its own 防災センター measure in 総務部; all of them are related.
        for (int year = 2020; year <= 2024; year++) {
            String version = kakuu(year).get(1).measures().get(0);
            assertTrue(version.startsWith("架空市防災センター"), version);
            assertTrue(relatedTexts(related).contains(version), year + " " + version);
        }
    }

    @Test
    void sameOrganizationComesFirstEvenOverAHigherScore() throws Exception {
        String text = kakuu(2020).get(0).measures().get(0); // 令和元年度に実施した市民満足度調査…『架空市基本計画（第2次改定）』を策定します。
        String id = measureId("市民満足度調査", "架空市", 2020, "企画部", text);
        JsonNode r = get("/api/measures/" + id + "/related", "limit", "50");
        JsonNode related = r.get("related");
        assertWellFormed(r.get("measure"), related);
        boolean other = false;
        double lowestSame = Double.MAX_VALUE;
        double highestOther = -1;
        for (JsonNode m : related) {
            if (m.get("sameOrganization").asBoolean()) {
                assertEquals("架空市", m.get("org").asText());
                lowestSame = Math.min(lowestSame, m.get("score").asDouble());
            } else {
                other = true;
                assertEquals("三鷹市", m.get("org").asText());
                highestOther = Math.max(highestOther, m.get("score").asDouble());
            }
        }
        assertTrue(other, "三鷹市's 2019 基本計画 measure is related: " + related);
        // Pinned after checking: 三鷹市's 『第4次三鷹市基本計画』の第2次改定 measure scores above the last 架空市
        // one, so this list shows the organization ordering rather than plain score order.
        assertTrue(highestOther > lowestSame, related.toString());
    }

    @Test
    void limitCutsTheSameList() throws Exception {
        String id = measureId("防災センター", "架空市", 2019, "総務部", CENTER_2019);
        List<String> all = ids(get("/api/measures/" + id + "/related", "limit", "50").get("related"));
        assertTrue(all.size() >= 3, all.toString());
        assertEquals(all.subList(0, 1), ids(get("/api/measures/" + id + "/related", "limit", "1").get("related")));
        assertEquals(all.subList(0, 3), ids(get("/api/measures/" + id + "/related", "limit", "3").get("related")));
        assertEquals(all.subList(0, Math.min(10, all.size())), ids(get("/api/measures/" + id + "/related").get("related")));
    }

    @Test
    void unknownMeasureOrBadLimitIsAJsonError() throws Exception {
        error(404, "/api/measures/kakuu-1999-01-01/related");
        error(404, "/api/measures/nope/related", "limit", "5");
        String id = measureId("防災センター", "架空市", 2019, "総務部", CENTER_2019);
        error(400, "/api/measures/" + id + "/related", "limit", "0");
        error(400, "/api/measures/" + id + "/related", "limit", "1000");
        error(400, "/api/measures/" + id + "/related", "limit", "-1");
        error(400, "/api/measures/" + id + "/related", "limit", "abc");
    }

    /** Other years only, no duplicates, same organization first then score descending, scores in [0.15, 1]. */
    static void assertWellFormed(JsonNode measure, JsonNode related) {
        Set<String> seen = new HashSet<>();
        boolean sameOrgBlock = true;
        double previous = Double.MAX_VALUE;
        for (JsonNode m : related) {
            assertTrue(seen.add(m.get("id").asText()), "listed once: " + m);
            assertNotEquals(measure.get("id").asText(), m.get("id").asText());
            assertNotEquals(measure.get("year").asInt(), m.get("year").asInt(), "other years only: " + m);
            boolean same = m.get("sameOrganization").asBoolean();
            assertEquals(measure.get("org").asText().equals(m.get("org").asText()), same, m.toString());
            if (!same && sameOrgBlock) {
                sameOrgBlock = false;
                previous = Double.MAX_VALUE;
            }
            assertFalse(same && !sameOrgBlock, "same organization first: " + related);
            double score = m.get("score").asDouble();
            assertTrue(score >= 0.15 && score <= 1.0, "score in [0.15, 1]: " + m);
            assertTrue(score <= previous, "score descending within a block: " + related);
            previous = score;
        }
    }

    private static List<String> relatedTexts(JsonNode related) {
        List<String> out = new ArrayList<>();
        related.forEach(m -> out.add(m.get("text").asText()));
        return out;
    }

    private static List<String> ids(JsonNode related) {
        List<String> out = new ArrayList<>();
        related.forEach(m -> out.add(m.get("id").asText()));
        return out;
    }
}
