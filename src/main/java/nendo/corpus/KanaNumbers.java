package nendo.corpus;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers from 1 to 99 read in hiragana, as an era year is typed before kana-kanji conversion:
 * さん 3, じゅういち 11, にじゅうよ 24 (よねん is how 4年 is read), きゅう and く 9, なな and しち 7.
 */
final class KanaNumbers {
    /** Longer readings first, so that きゅう is not taken for く and a stray ゅう. */
    private static final String UNIT = "(きゅう|しち|よん|いち|さん|ろく|なな|はち|に|し|よ|ご|く)";
    private static final Pattern NUMBER = Pattern.compile(UNIT + "?(じゅう)?" + UNIT + "?");
    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("いち", 1), Map.entry("に", 2), Map.entry("さん", 3), Map.entry("よん", 4), Map.entry("よ", 4),
            Map.entry("し", 4), Map.entry("ご", 5), Map.entry("ろく", 6), Map.entry("なな", 7), Map.entry("しち", 7),
            Map.entry("はち", 8), Map.entry("きゅう", 9), Map.entry("く", 9));

    private KanaNumbers() {}

    /** The number, or 0 when the text is not one (0 is never a valid era year). */
    static int parse(String hiragana) {
        Matcher m = NUMBER.matcher(hiragana);
        if (!m.matches()) return 0;
        String tens = m.group(1);
        String ones = m.group(3);
        if (m.group(2) == null) {
            // Without じゅう there is exactly one digit: にさん is not a number.
            return tens != null && ones == null ? UNITS.get(tens) : 0;
        }
        if ("いち".equals(tens)) return 0;
        return (tens == null ? 1 : UNITS.get(tens)) * 10 + (ones == null ? 0 : UNITS.get(ones));
    }
}
