package nendo.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
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
    private record Gram(String text, int start, int end, int positionIncrement) {}

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final ReadingAttribute reading = addAttribute(ReadingAttribute.class);
    private final FlagsAttribute flags = addAttribute(FlagsAttribute.class);
    private final Deque<Gram> pending = new ArrayDeque<>();
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
        Gram g = pending.poll();
        if (g == null) return false;
        clearAttributes();
        term.setEmpty().append(g.text());
        offset.setOffset(g.start(), g.end());
        position.setPositionIncrement(g.positionIncrement());
        return true;
    }

    private void readAll() throws IOException {
        StringBuilder chars = new StringBuilder();
        List<int[]> charOffsets = new ArrayList<>();
        int lastEnd = -1;
        boolean first = true;
        while (input.incrementToken()) {
            // A word spelled in kana reads as spelled, whatever the dictionary says (it rarely
            // differs: いう as ユウ), so that text matching a kana query by its characters always
            // matches it by reading too: TextQueries counts such a query's matches by reading alone.
            String r = reading.getReading();
            String kana = KanaFolding.fold(r == null || KanaFolding.isSpelledKana(term) ? term.toString() : r);
            if (kana.isEmpty() && lastEnd >= 0 && offset.startOffset() == lastEnd) {
                // Long-vowel marks alone (Kuromoji cuts わーく as わ ー く): nothing to read, and
                // the word goes on, as ワーク reads ワク.
                lastEnd = offset.endOffset();
                continue;
            }
            if (!KanaFolding.isKatakana(kana)) {
                first = flush(chars, charOffsets, first);
                lastEnd = -1;
                continue;
            }
            boolean afterDot = (flags.getFlags() & KuromojiTokens.AFTER_MIDDLE_DOT) != 0;
            if (offset.startOffset() != lastEnd && !(afterDot && lastEnd >= 0)) first = flush(chars, charOffsets, first);
            for (int i = 0; i < kana.length(); i++) {
                chars.append(kana.charAt(i));
                charOffsets.add(new int[] {offset.startOffset(), offset.endOffset()});
            }
            lastEnd = offset.endOffset();
        }
        flush(chars, charOffsets, first);
    }

    /** Emits the run's bigrams (a lone character as itself); returns whether nothing was emitted yet. */
    private boolean flush(StringBuilder chars, List<int[]> charOffsets, boolean first) {
        if (chars.isEmpty()) return first;
        int increment = first ? 1 : 3;
        if (chars.length() == 1) {
            pending.add(new Gram(chars.toString(), charOffsets.get(0)[0], charOffsets.get(0)[1], increment));
        }
        for (int i = 0; i + 1 < chars.length(); i++) {
            pending.add(new Gram(chars.substring(i, i + 2), charOffsets.get(i)[0], charOffsets.get(i + 1)[1],
                    i == 0 ? increment : 1));
        }
        chars.setLength(0);
        charOffsets.clear();
        return false;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        consumed = false;
    }
}
