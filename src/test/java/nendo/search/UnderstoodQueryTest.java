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

    /** Each distinct notice once, however often the text repeats what caused it. */
    @Test
    void eachNoticeIsToldOnce() {
        assertEquals(java.util.List.of("「令和元年度」を年度 2019（令和元年度） の絞り込みとして扱いました"),
                parser.parse("令和元年度 令和元年度 防災").notices());
        assertEquals(1, parser.parse("防災 - ".repeat(15)).notices().size());
        assertEquals(1, parser.parse("OR ".repeat(300) + "防災").notices().size());
    }

    /** Emoji are dropped like symbols; a word of nothing but emoji is told it has nothing to search. */
    @Test
    void emojiAreDroppedLikeSymbols() {
        UnderstoodQuery glued = parser.parse("防災😀");
        assertEquals(parser.parse("防災").text(), glued.text());
        assertEquals(java.util.List.of("絵文字は検索できないため「防災😀」を「防災」として検索しました"), glued.notices());
        UnderstoodQuery alone = parser.parse("😀");
        assertEquals(new org.apache.lucene.search.MatchNoDocsQuery(), alone.text());
        assertEquals(parser.parse("!!!").notices().get(0), alone.notices().get(alone.notices().size() - 1));
        assertEquals(parser.parse("防災").text(), parser.parse("👍🏻防災🇯🇵").text());
        // Digits, # and * are emoji components too (keycaps), but stay what they are.
        assertEquals(java.util.List.of(), parser.parse("1,000人 #防災").notices());
    }

    /** A bare year or FY2021 as a word of its own is a year too, as people type it; a number out of range or quoted is not. */
    @Test
    void aBareYearAmongTheWordsIsAYear() {
        for (String q : new String[] {"防災 2019", "2019 防災", "防災 ２０１９", "防災 FY2019", "防災 fy2019"}) {
            UnderstoodQuery understood = parser.parse(q);
            assertEquals(java.util.List.of(2019), understood.queryYears(), q);
            assertEquals(parser.parse("防災").text(), understood.text(), q);
            assertEquals("防災", understood.withoutYears(), q);
        }
        assertEquals(java.util.List.of(), parser.parse("防災 5000").queryYears());
        assertEquals(java.util.List.of(), parser.parse("防災 \"2019\"").queryYears());
        assertEquals(java.util.List.of(), parser.parse("防災 20190").queryYears());
    }
}
