package nendo.model;

/**
 * A Japanese fiscal year (年度, April to March), named by the calendar year in which it starts.
 * The era name (和暦) is derived, never stored: corpus files carry only the 西暦 year.
 */
public record FiscalYear(int value) {
    public static final int MIN = 1947;
    public static final int MAX = 2100;

    public FiscalYear {
        if (value < MIN || value > MAX) {
            throw new IllegalArgumentException("年度は " + MIN + "〜" + MAX + " の範囲で指定してください: " + value);
        }
    }

    /**
     * 令和元年度 for 2019. A fiscal year is named after the era in force for most of it, so FY2019
     * (April 2019 – March 2020) is 令和元年度 although April 2019 was still 平成31年.
     */
    public String era() {
        if (value >= 2019) return "令和" + eraYear(value - 2018) + "年度";
        if (value >= 1989) return "平成" + eraYear(value - 1988) + "年度";
        return "昭和" + eraYear(value - 1925) + "年度";
    }

    /** "2019（令和元年度）", the way the page and the CLI show a year. */
    public String label() {
        return value + "（" + era() + "）";
    }

    private static String eraYear(int n) {
        return n == 1 ? "元" : Integer.toString(n);
    }
}
