package nendo.analysis;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Replaces Kuromoji's words by bigrams of their katakana readings, read across words that touch in
 * the text: 地域福祉 (チイキ + フクシ) becomes チイ イキ キフ フク クシ, so a query typed in kana
 * (ちいきふくし) matches however either side was cut into words. Each bigram keeps the offsets of
 * the words its two characters come from, so highlights land on the kanji. Words without a kana
 * reading (numbers, Latin letters) end a run, and so does anything the text has between two words
 * but a middle dot (ライフ・ワーク reads as ライフワーク, as in the character field). Runs are
 * separated by a position gap so that a phrase never matches across them. The gap is two empty
 * positions, not one: a run's last bigram at p covers p and p + 1, so the next run starts at p + 3
 * and a query may pin bigrams at p and p + 2 without the one between (ボウサイ as ボウ@0 サイ@2, the
 * search side's bigram cover) and still never join two runs.
 */
final class ReadingBigramFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final ReadingAttribute reading = addAttribute(ReadingAttribute.class);
    private final FlagsAttribute flags = addAttribute(FlagsAttribute.class);
    // Every word of every indexed text passes here (about 144 bigrams per record), so the run and
    // the bigrams live in reused arrays rather than a string and an object each.
    /** The current word's folded reading. */
    private final StringBuilder kana = new StringBuilder();
    /** The current run's characters, each with the offsets of the word it comes from. */
    private final Run run = new Run();
    /** Bigrams waiting to be emitted: each is 1 or 2 characters of {@link #gramChars} from its start. */
    private char[] gramChars = new char[32];
    private int[] gramLength = new int[16];
    private int[] gramStart = new int[16];
    private int[] gramEnd = new int[16];
    private int[] gramIncrement = new int[16];
    private int grams;
    private int next;
    private boolean consumed;

    ReadingBigramFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!consumed) {
            readAll();
            consumed = true;
        }
        if (next == grams) return false;
        clearAttributes();
        term.copyBuffer(gramChars, 2 * next, gramLength[next]);
        offset.setOffset(gramStart[next], gramEnd[next]);
        position.setPositionIncrement(gramIncrement[next]);
        next++;
        return true;
    }

    private void readAll() throws IOException {
        int lastEnd = -1;
        boolean first = true;
        while (input.incrementToken()) {
            // A word spelled in kana reads as spelled, whatever the dictionary says (it rarely
            // differs: いう as ユウ), so that text matching a kana query by its characters always
            // matches it by reading too: TextQueries counts such a query's matches by reading alone.
            kana.setLength(0);
            boolean spelled = KanaFolding.isSpelledKana(term);
            if (spelled) {
                KanaFolding.foldInto(term, kana);
            } else {
                String r = reading.getReading();
                KanaFolding.foldInto(r == null ? term : r, kana);
            }
            if (kana.isEmpty() && lastEnd >= 0 && offset.startOffset() == lastEnd) {
                // Long-vowel marks alone (Kuromoji cuts わーく as わ ー く): nothing to read, and
                // the word goes on, as ワーク reads ワク.
                lastEnd = offset.endOffset();
                continue;
            }
            if (!KanaFolding.isKatakana(kana)) {
                first = flush(first);
                lastEnd = -1;
                continue;
            }
            boolean afterDot = (flags.getFlags() & KuromojiTokens.AFTER_MIDDLE_DOT) != 0;
            if (offset.startOffset() != lastEnd && !(afterDot && lastEnd >= 0)) first = flush(first);
            int start = offset.startOffset();
            int end = offset.endOffset();
            // Kana read as spelled, one character for one, keep each character's own offsets, so
            // that ウェルカム marks ウェルカム within ウェルカムガイド, not the whole word; a reading
            // of kanji (or kana folded shorter, コンピューター) spans its word.
            boolean ownOffsets = spelled && kana.length() == term.length() && end - start == term.length();
            for (int i = 0; i < kana.length(); i++) {
                run.add(kana.charAt(i), ownOffsets ? start + i : start, ownOffsets ? start + i + 1 : end);
            }
            lastEnd = end;
        }
        flush(first);
    }

    /** Queues the run's bigrams (a lone character as itself); returns whether nothing was queued yet. */
    private boolean flush(boolean first) {
        if (run.length == 0) return first;
        int increment = first ? 1 : 3;
        if (run.length == 1) queue(run.chars[0], (char) 0, 1, run.starts[0], run.ends[0], increment);
        for (int i = 0; i + 1 < run.length; i++) {
            queue(run.chars[i], run.chars[i + 1], 2, run.starts[i], run.ends[i + 1], i == 0 ? increment : 1);
        }
        run.length = 0;
        return false;
    }

    private void queue(char a, char b, int length, int start, int end, int increment) {
        if (grams == gramLength.length) {
            int size = 2 * grams;
            gramChars = Arrays.copyOf(gramChars, 2 * size);
            gramLength = Arrays.copyOf(gramLength, size);
            gramStart = Arrays.copyOf(gramStart, size);
            gramEnd = Arrays.copyOf(gramEnd, size);
            gramIncrement = Arrays.copyOf(gramIncrement, size);
        }
        gramChars[2 * grams] = a;
        gramChars[2 * grams + 1] = b;
        gramLength[grams] = length;
        gramStart[grams] = start;
        gramEnd[grams] = end;
        gramIncrement[grams] = increment;
        grams++;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        run.length = 0;
        grams = 0;
        next = 0;
        consumed = false;
    }

    /** Characters of a run, each with its word's offsets. */
    private static final class Run {
        char[] chars = new char[32];
        int[] starts = new int[32];
        int[] ends = new int[32];
        int length;

        void add(char c, int start, int end) {
            if (length == chars.length) {
                chars = Arrays.copyOf(chars, 2 * length);
                starts = Arrays.copyOf(starts, 2 * length);
                ends = Arrays.copyOf(ends, 2 * length);
            }
            chars[length] = c;
            starts[length] = start;
            ends[length] = end;
            length++;
        }
    }
}
