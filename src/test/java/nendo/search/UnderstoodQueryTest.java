package nendo.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import nendo.analysis.AnalyzerFactory;
import nendo.analysis.Synonyms;
import nendo.index.PlanFields;
import org.junit.jupiter.api.Test;

/** The parser remembers recent query texts; what a text means must not depend on it. */
class UnderstoodQueryTest {
    private final UnderstoodQuery.Parser parser =
            new UnderstoodQuery.Parser(PlanFields.queryAnalyzer(new AnalyzerFactory()), Synonyms.none());

    @Test
    void aTextSearchedAgainIsUnderstoodOnce() {
        UnderstoodQuery first = parser.parse("ぼうさい 2019年度");
        assertSame(first, parser.parse("ぼうさい 2019年度"));
        assertEquals(java.util.List.of(2019), first.queryYears());
        assertNotEquals(first.text(), parser.parse("防災 2019年度").text());
    }

    @Test
    void aLongPastedTextIsParsedEachTimeAlike() {
        String pasted = "地域防災計画に基づく訓練を実施します。".repeat(20);
        UnderstoodQuery first = parser.parse(pasted);
        UnderstoodQuery again = parser.parse(pasted);
        assertNotSame(first, again);
        assertEquals(first, again);
    }
}
