package nendo.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import nendo.analysis.AnalyzerFactory;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The runs of CJK characters of a text, as Lucene's {@code CJKBigramFilter} groups them before
 * pairing: consecutive CJK tokens (ideographs, hiragana, katakana words, hangul), each starting
 * where the one before ended. Within a run the bigram field holds a bigram (and a trigram) at every
 * character, so a word of CJK characters matches there exactly where its characters occur in a
 * run; this finds those places without making the tokens.
 *
 * <p>Offsets as the filter gives them: one character each, into the original text. A token whose
 * length differs from its offsets' span (the normalisation changed it) gets no per-character
 * offsets from the filter, and {@link #of} declines the text rather than guess; except a token of
 * one character, which has its span to itself (the character after a middle dot spans the dot:
 * {@code MiddleDotJoinFilter}).
 */
final class CharacterRuns {
    private final Analyzer characters;

    /** @param characters the bigram chain before pairing ({@code AnalyzerFactory.bigramCharacters}) */
    CharacterRuns(Analyzer characters) {
        this.characters = characters;
    }

    /** The text's runs; null when some CJK token's offsets do not map character by character. */
    Text of(String text) throws IOException {
        Text scanned = scanned(text);
        return scanned != null ? scanned : analysed(text);
    }

    /**
     * The runs read straight off the text, without the analysis, when every character is one the
     * chain passes on as it is or drops as a break: kanji of the main block, hiragana, katakana and
     * ー, each a character of a run; a middle dot ・ between two of those, read through as
     * {@code MiddleDotJoinFilter} does (the character after it spans the dot), any other ・ a break;
     * and ASCII or full-width Latin letters, digits and punctuation, spaces, 、。 and the
     * brackets 〈〉《》「」『』【】, which end a run. Null for any other character (half-width kana,
     * combining marks, characters that NFKC rewrites such as ㈱, the '_' that the tokenizer joins
     * words with…), whose text the analysis reads. Nearly every entry of a plan is such plain
     * text, and skipping the chain for it answered 4.5% more searches per second at 8 connections
     * (1M entries, BENCHMARKS.md); {@code CharacterRunsTest} holds the two ways equal.
     */
    static Text scanned(String text) {
        Text runs = new Text();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (isPlainCjk(c)) {
                runs.add(c, i, i + 1);
            } else if (c == '・' && i > 0 && isPlainCjk(text.charAt(i - 1)) && i + 1 < n && isPlainCjk(text.charAt(i + 1))) {
                runs.add(text.charAt(i + 1), i, i + 2);
                i++;
            } else if (c == '・' || isPlainBreak(c)) {
                runs.breakRun();
            } else {
                return null;
            }
        }
        runs.breakRun();
        return runs;
    }

    /**
     * Characters the tokenizer keeps one to a token or in a katakana word, that NFKC, width and
     * case leave alone. Kanji up to U+9FA5 only: later additions to the block may be unassigned
     * in the tokenizer's tables, which drop them.
     */
    private static boolean isPlainCjk(char c) {
        return (c >= '\u4E00' && c <= '\u9FA5') || (c >= 'ぁ' && c <= 'ゖ') || (c >= 'ァ' && c <= 'ヺ') || c == 'ー';
    }

    /** Characters that end a run and join no neighbour in the tokenizer ('_' and '＿' do join). */
    private static boolean isPlainBreak(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= ' ' && c <= '~' && c != '_')
                || (c >= '！' && c <= '～' && c != '＿') || c == '\u3000' || c == '、' || c == '。'
                || (c >= '〈' && c <= '】');
    }

    /** The runs as the bigram chain's tokens give them. */
    Text analysed(String text) throws IOException {
        Text runs = new Text();
        try (TokenStream stream = characters.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            int lastEnd = -1;
            while (stream.incrementToken()) {
                if (!AnalyzerFactory.isPairedType(type.type())) {
                    lastEnd = -1;
                    continue;
                }
                int start = offset.startOffset();
                int length = term.length();
                char[] chars = term.buffer();
                boolean spanned = offset.endOffset() - start != length;
                if (spanned && Character.charCount(Character.codePointAt(chars, 0, length)) != length) return null;
                if (start != lastEnd) runs.breakRun();
                if (spanned) {
                    runs.add(Character.codePointAt(chars, 0, length), start, offset.endOffset());
                    lastEnd = offset.endOffset();
                    continue;
                }
                for (int i = 0; i < length; ) {
                    int c = Character.codePointAt(chars, i, length);
                    int width = Character.charCount(c);
                    runs.add(c, start + i, start + i + width);
                    i += width;
                }
                lastEnd = offset.endOffset();
            }
            stream.end();
        }
        runs.breakRun();
        return runs;
    }

    /** Code points of all runs in a row, each with its offsets and the end of its run. */
    static final class Text {
        private int size;
        private int runStart;
        private int[] codePoints = new int[64];
        private int[] starts = new int[64];
        private int[] ends = new int[64];
        /** For each code point, the index just after its run's last code point. */
        private int[] runEnds = new int[64];

        private void add(int codePoint, int start, int end) {
            if (size == codePoints.length) {
                codePoints = Arrays.copyOf(codePoints, size * 2);
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
                runEnds = Arrays.copyOf(runEnds, size * 2);
            }
            codePoints[size] = codePoint;
            starts[size] = start;
            ends[size] = end;
            size++;
        }

        private void breakRun() {
            Arrays.fill(runEnds, runStart, size, size);
            runStart = size;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Text t && size == t.size && runStart == t.runStart
                    && Arrays.equals(codePoints, 0, size, t.codePoints, 0, size)
                    && Arrays.equals(starts, 0, size, t.starts, 0, size)
                    && Arrays.equals(ends, 0, size, t.ends, 0, size)
                    && Arrays.equals(runEnds, 0, size, t.runEnds, 0, size);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(Arrays.copyOf(codePoints, size));
        }

        /** Each run's characters with their offsets, for test messages. */
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < size; i++) {
                if (i > 0 && runEnds[i - 1] == i) out.append(" | ");
                out.appendCodePoint(codePoints[i]).append(starts[i]).append('-').append(ends[i]).append(' ');
            }
            return out.toString().strip();
        }

        /** Adds the span {start, end} of every occurrence of the code points inside one run. */
        void find(int[] word, List<int[]> spans) {
            int last = size - word.length;
            for (int i = 0; i <= last; i++) {
                if (codePoints[i] != word[0] || runEnds[i] < i + word.length) continue;
                int k = 1;
                while (k < word.length && codePoints[i + k] == word[k]) k++;
                if (k == word.length) spans.add(new int[] {starts[i], ends[i + word.length - 1]});
            }
        }
    }
}
