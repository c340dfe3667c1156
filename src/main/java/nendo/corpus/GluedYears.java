package nendo.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fiscal years written against a word, as people type them without a space: 令和3年度コロナ,
 * コロナ令和2年度, 2020年度コロナ, R2コロナ, 令和元年度（2019年度）. Only forms that cannot be
 * anything but a fiscal year are taken, at the start or the end of the word (or in brackets there):
 * <ul>
 *   <li>an era with its year and 年度 (令和3年度). Not with 年 alone: 令和元年東日本台風 and
 *       平成30年7月豪雨 are names, not years to filter on;</li>
 *   <li>four digits and 年度 (2020年度). Not with 年 alone: 2020年東京大会 is the event's name;</li>
 *   <li>a letter and its year (R2, H31, R3年度) next to kanji or kana, never to Latin letters or
 *       digits (COVIDR2), and not before a counter that makes it a name or a number (R2号線,
 *       H2型).</li>
 * </ul>
 * A bare 元年度 names no era and stays a word.
 */
public final class GluedYears {
    private static final String YEAR = "((?:令和|平成|昭和)(?:元|\\d{1,2})年度|\\d{4}年度|[RHSrhs]\\d{1,2}(?:年度)?)";
    private static final String OPEN = "([(\\[【「『〔]?)";
    private static final String CLOSE = "([)\\]】」』〕]?)";
    private static final Pattern AT_START = Pattern.compile(OPEN + YEAR + CLOSE);
    private static final Pattern AT_END = Pattern.compile(OPEN + YEAR + CLOSE + "$");
    /** After a letter form these make it a name or a number of something else (R2号線, H2型, S1級). */
    private static final String COUNTERS = "年月日号型系条期回級線";

    /**
     * @param years       the years taken, in the order they stood
     * @param expressions the text of each year as typed (without brackets), for the notice
     * @param rest        the word without them; empty when the word was nothing but years
     */
    public record Split(List<Integer> years, List<String> expressions, String rest) {}

    private GluedYears() {}

    /**
     * The years at the edges of a word and what is left, or null when no year is glued to it. The
     * word is NFKC-normalized already (full-width digits and brackets are ASCII).
     */
    public static Split split(String word) {
        if (!mayHoldYear(word)) return null;
        List<Integer> years = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        String rest = word;
        while (!rest.isEmpty()) {
            String shorter = takeStart(rest, years, expressions);
            if (shorter == null) shorter = takeEnd(rest, years, expressions);
            if (shorter == null) break;
            rest = shorter;
        }
        return years.isEmpty() ? null : new Split(List.copyOf(years), List.copyOf(expressions), rest);
    }

    /** Every form holds a digit or 元: most words hold neither, and are passed over without a regex. */
    private static boolean mayHoldYear(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if ((c >= '0' && c <= '9') || c == '元') return true;
        }
        return false;
    }

    private static String takeStart(String text, List<Integer> years, List<String> expressions) {
        Matcher m = AT_START.matcher(text);
        if (!m.lookingAt() || !bracketed(m)) return null;
        String year = m.group(2);
        int after = m.end();
        if (m.group(1).isEmpty() && after < text.length() && !fitsBeside(year, text.charAt(after), true)) return null;
        return take(year, text.substring(after), years, expressions);
    }

    private static String takeEnd(String text, List<Integer> years, List<String> expressions) {
        Matcher m = AT_END.matcher(text);
        // The earliest start that reaches the end: 12020年度 must not give 2020年度.
        if (!m.find() || !bracketed(m)) return null;
        String year = m.group(2);
        int before = m.start();
        if (m.group(1).isEmpty() && before > 0 && !fitsBeside(year, text.charAt(before - 1), false)) return null;
        return take(year, text.substring(0, before), years, expressions);
    }

    private static String take(String year, String rest, List<Integer> years, List<String> expressions) {
        OptionalInt y = EraYears.parse(year);
        if (y.isEmpty()) return null;
        years.add(y.getAsInt());
        expressions.add(year);
        return rest;
    }

    /** Brackets around a year come in pairs; a lone one belongs to the word. */
    private static boolean bracketed(Matcher m) {
        return m.group(1).isEmpty() == m.group(3).isEmpty();
    }

    /**
     * Whether a year may stand against this character of the word: never against a digit (12020年度),
     * and a letter form only against kanji or kana, and not before a counter.
     */
    private static boolean fitsBeside(String year, char c, boolean yearFirst) {
        if (Character.isDigit(c)) return false;
        if (!isLatin(year.charAt(0))) return true;
        if (year.endsWith("年度")) return !isLatin(c);
        if (yearFirst && COUNTERS.indexOf(c) >= 0) return false;
        return isKanaOrKanji(c);
    }

    private static boolean isLatin(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isKanaOrKanji(char c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || c == 'ー';
    }
}
