package nendo.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import nendo.analysis.AnalyzerFactory;
import nendo.analysis.Synonyms;
import nendo.index.PlanFields;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spans marked from the bigram and reading tokens of a text, against the query the search itself builds. */
class BigramMarksTest {
    private static final AnalyzerFactory ANALYSIS = new AnalyzerFactory();
    private static final UnderstoodQuery.Parser PARSER =
            new UnderstoodQuery.Parser(PlanFields.queryAnalyzer(ANALYSIS), Synonyms.none());
    private static final Analyzer INDEX = PlanFields.indexAnalyzer(ANALYSIS);

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
        "防災           | 地域防災計画と防災訓練        | 地域[防災]計画と[防災]訓練",
        "防災計画       | 地域防災計画と防災、計画      | 地域[防災計画]と防災、計画",
        "槽             | 浄化槽の点検                  | 浄化[槽]の点検",
        "化             | 浄化槽の点検と化学            | 浄[化]槽の点検と[化]学",
        "ＤＸ化         | ＤＸ化を進め、DX化。          | [ＤＸ化]を進め、[DX化]。",
        "ライフ・ワーク | 市民のライフ・ワーク・バランス | 市民の[ライフ・ワーク]・バランス",
        "ＤＸ           | DXの推進と dx 人材            | [DX]の推進と [dx] 人材",
        "防災 -訓練     | 防災訓練                      | [防災]訓練",
        "京都           | 東京都の計画                  | 東[京都]の計画",
    })
    void marksWhatTheQueryMatches(String query, String text, String expected) throws IOException {
        assertEquals(expected, shown(BigramMarks.of(PARSER.parse(query).text(), INDEX, PlanFields.TEXT_BIGRAM), text));
    }

    /** A kana word found by its reading marks the words read so; never across a break in the reading. */
    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
        "ぼうさい     | 地域防災計画と防災訓練 | 地域[防災]計画と[防災]訓練",
        "ちいきふくし | 地域福祉の推進         | [地域福祉]の推進",
        "ボウサイ     | 防災、減災             | [防災]、減災",
        "ないかく     | 市内、各地で           | 市内、各地で",
    })
    void marksWhatAReadingMatches(String query, String text, String expected) throws IOException {
        assertEquals(expected, shown(BigramMarks.of(PARSER.parse(query).text(), INDEX, PlanFields.TEXT_READING), text));
    }

    private static String shown(BigramMarks marks, String text) throws IOException {
        List<int[]> spans = marks.spans(text);
        spans.sort(Comparator.comparingInt(s -> s[0]));
        StringBuilder shown = new StringBuilder();
        int at = 0;
        for (int[] s : spans) {
            shown.append(text, at, s[0]).append('[').append(text, s[0], s[1]).append(']');
            at = s[1];
        }
        return shown.append(text.substring(at)).toString();
    }
}
