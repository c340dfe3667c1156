package nendo.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.text.Normalizer;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Years typed against a word: which are taken, and what is left of the word. */
class GluedYearsTest {
    @ParameterizedTest(name = "{0} → {1} + {2}")
    @CsvSource(delimiterString = "|", textBlock = """
            令和3年度コロナ          | 2021      | コロナ
            2020年度コロナ           | 2020      | コロナ
            R2コロナ                 | 2020      | コロナ
            r2コロナ                 | 2020      | コロナ
            R3年度コロナ             | 2021      | コロナ
            コロナ令和2年度          | 2020      | コロナ
            コロナR2                 | 2020      | コロナ
            令和２年度コロナ対策     | 2020      | コロナ対策
            令和元年度（2019年度）   | 2019 2019 |
            防災（令和3年度）        | 2021      | 防災
            【R4】防災               | 2022      | 防災
            平成31年度防災訓練       | 2019      | 防災訓練
            令和3年度コロナ令和4年度  | 2021 2022 | コロナ
            COVID(R2)                | 2020      | COVID
            """)
    void takesTheYearsAtTheEdges(String typed, String years, String rest) {
        GluedYears.Split split = GluedYears.split(nfkc(typed));
        assertEquals(years, split.years().stream().map(String::valueOf).collect(Collectors.joining(" ")));
        assertEquals(rest == null ? "" : rest, split.rest());
    }

    /** Digits that are content, names that hold a year, and words with no year at all. */
    @ParameterizedTest
    @ValueSource(strings = {"2020年東京大会", "令和元年東日本台風", "平成30年7月豪雨", "元年度事業", "R2号線", "H2型",
            "COVIDR2", "12020年度", "2020年度3月", "防災令和3年度訓練", "保育士", "子育て支援", "1,000人", "第3期計画",
            "R3年コロナ", "R2D2", "(令和3年度"})
    void leavesWordsWhoseDigitsAreContent(String typed) {
        assertNull(GluedYears.split(nfkc(typed)), typed);
    }

    private static String nfkc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC);
    }
}
