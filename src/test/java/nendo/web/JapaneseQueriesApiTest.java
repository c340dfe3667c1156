package nendo.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The examples of "search that understands how people type Japanese", through the HTTP API. */
/** The examples of "search that understands how people type Japanese", through the HTTP API. */
class JapaneseQueriesApiTest extends BundledApiTestBase {
    /** Each query finds entries containing the expected text, and every hit of the first page does. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "ぼうさい, 防災", "ボウサイ, 防災", "ちいきふくし, 地域福祉", "ウェルカム, ウ",
            "ＥＢＰＭ, EBPM", "浄化槽, 合併処理浄化槽", "元年, 令和元年度", "長寿命化, 長寿命化", "協働, 協働",
            "すまほ, スマートフォン"})
    void findsTheTextPeopleMean(String query, String expected) throws Exception {
        JsonNode r = get("/api/search", "q", query, "size", "100");
        assertTrue(r.get("total").asInt() > 0, query);
        assertTrue(texts(r).stream().anyMatch(t -> t.contains(expected)), query + " should find " + expected);
    }

    @Test
    void variantsAndSynonymsAreExpandedAndReported() throws Exception {
        JsonNode kokuho = get("/api/search", "q", "国保", "org", "三鷹市");
        assertTrue(texts(kokuho).stream().anyMatch(t -> t.contains("国民健康保険")));
        assertEquals("国保", kokuho.get("expansions").get(0).get("word").asText());
        JsonNode gomi = get("/api/search", "q", "ゴミ", "org", "三鷹市");
        assertTrue(texts(gomi).stream().anyMatch(t -> t.contains("ごみ処理総合計画")));
        JsonNode wlb = get("/api/search", "q", "ワークライフバランス", "org", "三鷹市");
        assertEquals(List.of("mitaka-2019-02-03"), List.of(wlb.get("hits").get(0).get("id").asText()));
        JsonNode children = get("/api/search", "q", "子供", "org", "三鷹市");
        assertTrue(children.get("total").asInt() >= 2, "子供 finds Mitaka's 子ども measures");
        JsonNode dx = get("/api/search", "q", "デジタルトランスフォーメーション", "year", "2024");
        assertTrue(texts(dx).stream().anyMatch(t -> t.contains("DX") || t.contains("ＤＸ")));
    }

    @Test
    void fullWidthTextIsHighlightedAtTheRightOffsets() throws Exception {
        JsonNode r = get("/api/search", "q", "DX", "year", "2023", "size", "100");
        boolean fullWidth = false;
        for (JsonNode h : r.get("hits")) {
            String snippet = h.get("snippet").asText();
            if (h.get("text").asText().contains("ＤＸ")) {
                assertTrue(snippet.contains("<mark>ＤＸ</mark>"), snippet);
                fullWidth = true;
            }
        }
        assertTrue(fullWidth, "the 2023 sample writes ＤＸ in full width once");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"令和元年度 防災", "令和1年度 防災", "R1 防災", "R01 防災", "平成31年度 防災", "H31 防災", "2019年度 防災",
            "２０１９年度 防災", "れいわがんねんど 防災", "へいせいさんじゅういちねんど 防災"})
    void eraFormsBecomeTheSameYearFilter(String query) throws Exception {
        JsonNode r = get("/api/search", "q", query);
        assertEquals(2019, r.get("queryYears").get(0).asInt());
        assertEquals(5, r.get("total").asInt());
        r.get("hits").forEach(h -> {
            assertEquals(2019, h.get("year").asInt());
            assertEquals("令和元年度", h.get("era").asText());
        });
        assertEquals(5, get("/api/search", "q", "防災", "year", query.split(" ")[0]).get("total").asInt(),
                "year= accepts the same form");
    }

    @Test
    void boundaryNoiseRanksBelowAndCompoundsStayContiguous() throws Exception {
        JsonNode kyoto = get("/api/search", "q", "京都");
        kyoto.get("hits").forEach(h -> assertTrue(h.get("text").asText().contains("東京都")));
        JsonNode jinzai = get("/api/search", "q", "人材育成", "size", "100");
        texts(jinzai).forEach(t -> assertTrue(t.contains("人材育成"), t));
    }

    @Test
    void suggestionsCompleteFromKanaAndAreEscaped() throws Exception {
        JsonNode s = get("/api/suggest", "q", "ぼう");
        assertEquals("防災", s.get("suggestions").get(0).get("text").asText());
        JsonNode k = get("/api/suggest", "q", "防");
        assertEquals("<mark>防</mark>災", k.get("suggestions").get(0).get("html").asText());
        JsonNode none = get("/api/search", "q", "防災訓連");
        assertEquals(0, none.get("total").asInt());
        assertTrue(none.get("alternatives").toString().contains("防災訓練"));
    }
}
