package nendo.corpus.ingest;

import java.util.regex.Pattern;

/**
 * Recognises the short lines a plan page prints beside a department's box (企画部, 子ども政策部,
 * 教育委員会事務局). A label is only a label when it is the whole line (or the text before a bullet
 * on the same line): a wrapped sentence that happens to end in 部 carries particles or punctuation
 * before it, or follows a line that did not end a sentence, and the importer checks that too.
 */
public final class Labels {
    /** Organisational units that head a box in 「各部の運営方針と目標」. */
    private static final Pattern LABEL = Pattern.compile(
            "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ー・]{1,14}(部|局|室|本部|委員会|事務局)");
    /** Particles that only occur inside sentences, never inside a department name. */
    private static final Pattern SENTENCE_PARTICLE = Pattern.compile("[をにがはで]|から|より|など|ため");

    private Labels() {}

    /** Whether {@code text} (one line, or the part of it before a bullet) reads as a department label. */
    public static boolean isDepartmentLabel(String text) {
        String t = strip(text);
        if (!LABEL.matcher(t).matches()) return false;
        // スポーツと文化部 and 子ども政策部 have kana; a wrapped phrase like 「を担う総務部」 has particles.
        String stem = t.substring(0, t.length() - 1);
        return !SENTENCE_PARTICLE.matcher(stem).find();
    }

    /** Strips ASCII and ideographic spaces from both ends. */
    public static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) start++;
        while (end > start && isSpace(s.charAt(end - 1))) end--;
        return s.substring(start, end);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u3000' || c == '\u00A0';
    }
}
