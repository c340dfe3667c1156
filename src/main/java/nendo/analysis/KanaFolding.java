package nendo.analysis;

import java.util.function.IntPredicate;

/**
 * Folds kana so that spellings of one sound compare equal: hiragana to katakana, small kana to
 * full size (ウェルカム = ウエルカム), ヴ syllables to their バ-row equivalents (ヴァイオリン =
 * バイオリン), and long-vowel marks dropped (コンピューター = コンピュータ).
 */
public final class KanaFolding {
    private static final String SMALL = "ァィゥェォッャュョヮヵヶ";
    private static final String LARGE = "アイウエオツヤユヨワカケ";

    private KanaFolding() {}

    public static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        foldInto(text, out);
        return out.toString();
    }

    /** Appends {@link #fold} of the text (without making strings: it runs per indexed word). */
    static void foldInto(CharSequence text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = katakana(text.charAt(i));
            if (c == 'ー') continue;
            if (c == 'ヴ') {
                char next = i + 1 < text.length() ? katakana(text.charAt(i + 1)) : 0;
                int v = "ァィェォ".indexOf(next);
                if (v >= 0) {
                    out.append("バビベボ".charAt(v));
                    i++;
                } else {
                    out.append('ブ');
                }
                continue;
            }
            int small = SMALL.indexOf(c);
            out.append(small >= 0 ? LARGE.charAt(small) : c);
        }
    }

    private static char katakana(char c) {
        return c >= 'ぁ' && c <= 'ゖ' ? (char) (c + ('ァ' - 'ぁ')) : c;
    }

    /**
     * True for a word written in kana and long-vowel marks only (ネットワーク, いじめ, ハザードまっぷ),
     * but not ヶ or ヵ (ゖ, ゕ), which are read as counters and particles: 霞ヶ関 is カスミガセキ.
     * Such a word reads as it is spelled ({@code ReadingBigramFilter} takes its reading from its
     * spelling, not the dictionary), so in the reading field it is exactly {@link #fold} of its text.
     */
    public static boolean isSpelledKana(CharSequence text) {
        return consistsOf(text, c -> c >= 'ぁ' && c <= 'ゔ' || c >= 'ァ' && c <= 'ヴ' || c == 'ー');
    }

    /** True for a non-empty string of katakana only (after {@link #fold}). */
    public static boolean isKatakana(CharSequence text) {
        return consistsOf(text, c -> c >= 'ァ' && c <= 'ヺ');
    }

    /** False for runs of digits and punctuation only (2022, 10月 stays), which make poor suggestions. */
    static boolean hasNonDigit(CharSequence text) {
        return text.chars().anyMatch(c -> !Character.isDigit(c) && Character.isLetter(c));
    }

    /** True if a query word is written in kana only (hiragana, katakana, long-vowel mark). */
    public static boolean isKanaWord(String text) {
        return consistsOf(text, c -> c >= 'ぁ' && c <= 'ゖ' || c >= 'ァ' && c <= 'ヺ' || c == 'ー');
    }

    /** Whether the text is not empty and every character passes (a loop: it runs per indexed word). */
    private static boolean consistsOf(CharSequence text, IntPredicate allowed) {
        if (text.isEmpty()) return false;
        for (int i = 0; i < text.length(); i++) {
            if (!allowed.test(text.charAt(i))) return false;
        }
        return true;
    }
}
