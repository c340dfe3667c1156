package nendo.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.chrono.JapaneseDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.OptionalInt;
import nendo.model.FiscalYear;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EraYearsTest {
    @ParameterizedTest
    @CsvSource({"令和元年度,2019", "令和1年度,2019", "R1,2019", "R01,2019", "r1,2019", "平成31年度,2019", "H31,2019",
            "2019年度,2019", "２０１９年度,2019", "令和６年度,2024", "平成元年度,1989", "S63,1988", "令和元年,2019"})
    void forms(String text, int year) {
        assertEquals(OptionalInt.of(year), EraYears.parse(text));
    }

    /** Typed in kana before conversion: people search from phones and do not always convert. */
    @ParameterizedTest
    @CsvSource({"れいわがんねんど,2019", "れいわがんねん,2019", "レイワガンネンド,2019", "ﾚｲﾜｶﾞﾝﾈﾝﾄﾞ,2019",
            "へいせいさんじゅういちねんど,2019", "へいせい31ねんど,2019", "しょうわろくじゅうさんねん,1988",
            "れいわろくねんど,2024", "れいわよねんど,2022", "れいわよんねん,2022", "れいわくねん,2027",
            "れいわきゅうねん,2027", "れいわななねん,2025", "れいわしちねんど,2025", "へいせいじゅうねんど,1998",
            "へいせいにじゅうねん,2008", "へいせいじゅういちねん,1999", "令和がんねんど,2019", "れいわ元年度,2019",
            "れいわ2年,2020"})
    void kanaForms(String text, int year) {
        assertEquals(OptionalInt.of(year), EraYears.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"れいわ", "れいわねん", "れいわねんど", "れいわごにねん", "へいせいさんじゅうにねん", "へいせいいちじゅうねん",
            "ぼうさい", "れいわがんねんどけいかく", "しょうわななじゅうねん"})
    void notAYearInKana(String text) {
        assertTrue(EraYears.parse(text).isEmpty(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"防災", "2019", "平成32年度", "令和0年度", "R", "元年", "H", "ラグビーワールドカップ2019"})
    void notAYearInQueryText(String text) {
        assertTrue(EraYears.parse(text).isEmpty(), text);
    }

    @Test
    void parameterAcceptsBareYearsToo() {
        assertEquals(OptionalInt.of(2019), EraYears.parseParameter("2019"));
        assertEquals(OptionalInt.of(2019), EraYears.parseParameter("令和元年度"));
        assertTrue(EraYears.parseParameter("abc").isEmpty());
    }

    /** Every fiscal year 1989–2035 against the JDK's Japanese calendar, both ways. */
    @Test
    void agreesWithJapaneseDateForEveryYear() {
        for (int year = 1989; year <= 2035; year++) {
            // The era in force when the fiscal year starts (1 April) names it...
            JapaneseDate start = JapaneseDate.of(year, 4, 1);
            String era = start.getEra().getDisplayName(TextStyle.FULL, Locale.JAPANESE);
            int n = start.get(ChronoField.YEAR_OF_ERA);
            assertEquals(OptionalInt.of(year), EraYears.parse(era + n + "年度"), era + n);
            // ...and the name in use for most of it (from May) is the one we display.
            JapaneseDate may = JapaneseDate.of(year, 5, 1);
            String shown = may.getEra().getDisplayName(TextStyle.FULL, Locale.JAPANESE);
            int m = may.get(ChronoField.YEAR_OF_ERA);
            assertEquals(shown + (m == 1 ? "元" : Integer.toString(m)) + "年度", new FiscalYear(year).era());
            assertEquals(OptionalInt.of(year), EraYears.parse(new FiscalYear(year).era()));
        }
    }
}
