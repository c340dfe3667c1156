package nendo.corpus;

import java.text.Normalizer;

/**
 * Folds the compatibility characters PDF extraction produces for ideographs (Kangxi radicals such
 * as ⽤ U+2F64 for 用, CJK radicals supplement, CJK compatibility ideographs) to the ordinary
 * ideograph with NFKC. Only those blocks are folded: full NFKC would also turn the full-width
 * brackets and digits the documents really print (（）、１０月) into ASCII, changing the text.
 */
public final class CompatFolding {
    /** Folded text and how many characters were changed, for the import report. */
    public record Folded(String text, int changed) {}

    private CompatFolding() {}

    public static Folded fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int changed = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isCompatIdeograph(cp)) {
                String folded = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
                if (!folded.equals(new String(Character.toChars(cp)))) changed++;
                out.append(folded);
            } else {
                out.appendCodePoint(cp);
            }
        }
        return new Folded(out.toString(), changed);
    }

    private static boolean isCompatIdeograph(int cp) {
        return (cp >= 0x2E80 && cp <= 0x2FDF)        // CJK radicals supplement, Kangxi radicals
                || (cp >= 0xF900 && cp <= 0xFAFF)    // CJK compatibility ideographs
                || (cp >= 0x2F800 && cp <= 0x2FA1F); // CJK compatibility ideographs supplement
    }
}
