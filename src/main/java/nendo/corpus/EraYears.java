package nendo.corpus;

import java.text.Normalizer;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nendo.model.ClientError;
import nendo.model.FiscalYear;

/**
 * Reads a fiscal year written the ways people write it: 2019年度, ２０１９年度, 令和元年度, 令和1年度,
 * 平成31年度, R1, R01, H31, and in kana as typed before conversion (れいわがんねんど,
 * へいせいさんじゅういちねん). A fiscal year starts in April and is named after the era in force when it
 * starts, except that FY2019 is also called 令和元年度 (the era changed on 1 May 2019): 平成31年度 and
 * 令和元年度 are both 2019.
 */
public final class EraYears {
    private static final Pattern WESTERN = Pattern.compile("(\\d{4})年度?");
    private static final Pattern BARE = Pattern.compile("(?:[Ff][Yy])?(\\d{4})");
    private static final Pattern ERA = Pattern.compile("(令和|平成|昭和)(元|\\d{1,2})年度?");
    private static final Pattern LETTER = Pattern.compile("([RHS])(\\d{1,2})(?:年度?)?");
    /** An era typed in kana before conversion (れいわがんねんど, へいせいさんじゅういちねん), kana folded to hiragana. */
    private static final Pattern KANA_ERA = Pattern.compile("(れいわ|へいせい|しょうわ|令和|平成|昭和)(がん|元|\\d{1,2}|\\p{IsHiragana}+?)(ねんど|ねん|年度|年)");

    private EraYears() {}

    /** The fiscal year a whole token denotes, or empty if it is not a year. */
    public static OptionalInt parse(String token) {
        if (token == null) return OptionalInt.empty();
        String t = Normalizer.normalize(token.strip(), Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        Matcher m = WESTERN.matcher(t);
        if (m.matches()) return valid(Integer.parseInt(m.group(1)));
        m = ERA.matcher(t);
        if (m.matches()) return fromEra(m.group(1), "元".equals(m.group(2)) ? 1 : Integer.parseInt(m.group(2)));
        m = LETTER.matcher(t);
        if (m.matches()) {
            String era = switch (m.group(1)) {
                case "R" -> "令和";
                case "H" -> "平成";
                default -> "昭和";
            };
            return fromEra(era, Integer.parseInt(m.group(2)));
        }
        m = KANA_ERA.matcher(hiragana(t));
        if (m.matches()) {
            String era = switch (m.group(1)) {
                case "れいわ", "令和" -> "令和";
                case "へいせい", "平成" -> "平成";
                default -> "昭和";
            };
            String n = m.group(2);
            int number = n.equals("がん") || n.equals("元") ? 1
                    : Character.isDigit(n.charAt(0)) ? Integer.parseInt(n) : KanaNumbers.parse(n);
            return fromEra(era, number);
        }
        return OptionalInt.empty();
    }

    /**
     * Katakana as hiragana (レイワ → れいわ); everything else as it is. Not the analysis' KanaFolding:
     * corpus comes before analysis, and that folding also enlarges small kana (ゅ), which numbers need.
     */
    private static String hiragana(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 'ァ' && c <= 'ヶ' ? (char) (c - 0x60) : c);
        }
        return b.toString();
    }

    /**
     * Like {@link #parse} but also accepts a bare 西暦 year (2019) and FY2019, as the year= parameter
     * does and as people type a year among search words (防災 2019).
     */
    public static OptionalInt parseParameter(String value) {
        if (value == null) return OptionalInt.empty();
        String t = Normalizer.normalize(value.strip(), Normalizer.Form.NFKC);
        Matcher m = BARE.matcher(t);
        if (m.matches()) return valid(Integer.parseInt(m.group(1)));
        return parse(t);
    }

    /**
     * The year a parameter names ({@link #parseParameter}), or a client error saying how to write
     * one. The API's {@code year=} and the command line's {@code --year} share it, so that both
     * accept the same forms and refuse the rest with the same words.
     *
     * @param name the parameter as the person wrote it (year_from, --year), named in the message
     */
    public static int parameter(String name, String value) {
        OptionalInt year = parseParameter(value);
        if (year.isPresent()) return year.getAsInt();
        String given = value == null ? "" : value;
        if (given.strip().matches("\\d+")) {
            throw ClientError.badRequest(name + ": 年度は " + FiscalYear.MIN + "〜" + FiscalYear.MAX
                    + " の範囲で指定してください: " + abbreviate(given.strip()));
        }
        throw ClientError.badRequest(name + " は年度（例: 2019、令和元年度、R1）で指定してください: '" + abbreviate(given) + "'");
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** Eras as they name fiscal years: 平成 ran 1989–2019 (31年度), 昭和 1926–1989 (64年度 is FY1989 too). */
    private static OptionalInt fromEra(String era, int n) {
        if (n < 1) return OptionalInt.empty();
        return switch (era) {
            case "令和" -> valid(2018 + n);
            case "平成" -> n <= 31 ? valid(1988 + n) : OptionalInt.empty();
            default -> n <= 64 ? valid(1925 + n) : OptionalInt.empty();
        };
    }

    private static OptionalInt valid(int year) {
        return year >= FiscalYear.MIN && year <= FiscalYear.MAX ? OptionalInt.of(year) : OptionalInt.empty();
    }
}
