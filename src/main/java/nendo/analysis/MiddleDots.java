package nendo.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * The middle dot (ライフ・ワーク, 安全・安心, まち・ひと・しごと) is written or left out at will between
 * Japanese words: people type ライフワーク and 安全安心 for the same thing. Between two CJK characters
 * the character fields therefore read through it, in the text and in the query alike, so that both
 * spellings find each other; anywhere else it stays a break, as other punctuation does.
 */
public final class MiddleDots {
    /** What {@link #mark} turns every middle dot into: a character the bigram chain's tokenizer keeps. */
    static final char MARK = '゠';

    private MiddleDots() {}

    /**
     * The characters read through between CJK characters: the katakana middle dot, its half-width
     * form (as in the original text, before NFKC), and the double hyphen some texts use for it.
     */
    public static boolean joins(char c) {
        return c == '・' || c == '･' || c == MARK;
    }

    /**
     * The text with each middle dot that joins two CJK characters left out: the spelling the
     * analysis reads, for comparing words outside it (synonym groups). ー counts as katakana, as
     * it does for the tokenizer.
     */
    public static String withoutJoins(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean joining = joins(c) && i > 0 && i + 1 < text.length()
                    && isCjk(text.codePointBefore(i)) && isCjk(text.codePointAt(i + 1));
            if (!joining) out.append(c);
        }
        return out.toString();
    }

    private static boolean isCjk(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return c == 'ー' || script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /**
     * Replaces each middle dot by {@link #MARK}, one character for one, so offsets are untouched.
     * StandardTokenizer drops ・ without a trace, but keeps ゠ (Unicode gives it the word-break
     * property of katakana), so the filter after it ({@link MiddleDotJoinFilter}) can tell a dot from
     * a space or a 、 and decide where it joins two characters.
     */
    static Reader mark(Reader reader) {
        return new CharFilter(reader) {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                int n = input.read(buffer, offset, length);
                for (int i = offset; i < offset + n; i++) {
                    if (joins(buffer[i])) buffer[i] = MARK;
                }
                return n;
            }

            @Override
            protected int correct(int offset) {
                return offset;
            }
        };
    }
}
