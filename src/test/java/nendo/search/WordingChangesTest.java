package nendo.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import nendo.analysis.AnalyzerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Changed wording between two versions of a measure: whole words, and both texts recoverable. */
class WordingChangesTest {
    private static final WordingChanges CHANGES = new WordingChanges(new AnalyzerFactory().surfaceWords());

    @Test
    void aRewrittenPhraseIsOneRemovalAndOneAddition() {
        List<WordingChanges.Segment> s = CHANGES.between(
                "架空市防災センターを拠点とした危機管理体制の強化に向け、防災関係機関との連携訓練を実施します。",
                "架空市防災センターを拠点に防災関係機関との連携訓練を実施します。");
        assertEquals("架空市防災センターを拠点[-とした危機管理体制の強化に向け、-]{+に+}防災関係機関との連携訓練を実施します。",
                render(s));
    }

    @Test
    void aChangedNumberIsShownAsTheNumber() {
        assertEquals("認可保育所[-2-]{+1+}園の新設により、保育定員を[-120-]{+90+}人拡大します。", render(CHANGES.between(
                "認可保育所2園の新設により、保育定員を120人拡大します。", "認可保育所1園の新設により、保育定員を90人拡大します。")));
    }

    @Test
    void identicalTextsAreOneUnchangedSegment() {
        List<WordingChanges.Segment> s = CHANGES.between("市税の収納率の向上を図ります。", "市税の収納率の向上を図ります。");
        assertEquals(List.of(new WordingChanges.Segment(WordingChanges.Op.same, "市税の収納率の向上を図ります。")), s);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "市民満足度調査を実施します。|令和元年度に実施した市民満足度調査の結果を踏まえ、計画を策定します。",
        "ＤＸ  の推進|DXの推進",
        "|新しい事業を始めます。",
        "事業を終えます。|",
        "a,b \"c\"|a, b 'c'",
    })
    void bothTextsCanBeRebuiltFromTheSegments(String before, String after) {
        before = before == null ? "" : before;
        after = after == null ? "" : after;
        List<WordingChanges.Segment> s = CHANGES.between(before, after);
        assertEquals(before, join(s, WordingChanges.Op.added));
        assertEquals(after, join(s, WordingChanges.Op.removed));
        for (int i = 1; i < s.size(); i++) {
            assertTrue(!(s.get(i).op() == WordingChanges.Op.same && s.get(i - 1).op() == WordingChanges.Op.same),
                    "adjacent unchanged segments are merged: " + s);
        }
    }

    private static String join(List<WordingChanges.Segment> segments, WordingChanges.Op skip) {
        return segments.stream().filter(x -> x.op() != skip).map(WordingChanges.Segment::text).collect(Collectors.joining());
    }

    private static String render(List<WordingChanges.Segment> segments) {
        return segments.stream().map(x -> switch (x.op()) {
            case same -> x.text();
            case removed -> "[-" + x.text() + "-]";
            case added -> "{+" + x.text() + "+}";
        }).collect(Collectors.joining());
    }
}
