package nendo.corpus;

/** Conventions of the corpus file format shared by the reader and the importer's draft writer. */
public final class PlanFileFormat {
    /**
     * Heading under which the importer leaves the measures it could not attribute. A file that still
     * has it is refused by {@code check} and {@code index}: an unreviewed draft never reaches search.
     */
    public static final String REVIEW_HEADING = "要確認（部を決められなかった事業）";

    /**
     * A measure whose text itself starts like Markdown block syntax (「1. 」, 「# 」, 「> 」, 「- 」)
     * is written with a backslash before that character, as Markdown escapes it; the reader drops
     * that one backslash again.
     */
    private static final java.util.regex.Pattern BLOCK_START =
            java.util.regex.Pattern.compile("^(?:\\d{1,9}[.)](?:\\s|$)|[#>+*=_`~|-])");

    /** The measure text as written in a list item, escaped if it would otherwise read as Markdown. */
    public static String escapeMeasure(String text) {
        if (!BLOCK_START.matcher(text).find()) return text;
        int digits = 0;
        while (digits < text.length() && Character.isDigit(text.charAt(digits)) && text.charAt(digits) < 128) digits++;
        return text.substring(0, digits) + "\\" + text.substring(digits);
    }

    /** Inverse of {@link #escapeMeasure}: drops the one backslash before leading block syntax. */
    public static String unescapeMeasure(String text) {
        int digits = 0;
        while (digits < text.length() && Character.isDigit(text.charAt(digits)) && text.charAt(digits) < 128) digits++;
        if (digits + 1 < text.length() && text.charAt(digits) == '\\'
                && BLOCK_START.matcher(text.substring(0, digits) + text.substring(digits + 1)).find()) {
            return text.substring(0, digits) + text.substring(digits + 1);
        }
        return text;
    }

    private PlanFileFormat() {}
}
