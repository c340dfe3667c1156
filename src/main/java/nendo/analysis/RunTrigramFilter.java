package nendo.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Stacks a trigram on each bigram that the next bigram continues: 保育士 → 保育 + 保育士 at p, 育士 at
 * p + 1. A three-character word is then one term to look up, with no positions to read, and a
 * longer word needs fewer, rarer terms than its bigrams (the search side's bigram cover picks them).
 * The trigram sits at its first bigram's position, so phrases may mix both. Two bigrams continue
 * each other only where they overlap in the text at neighbouring positions: never across a break
 * ({@link RunGapFilter} leaves an empty position there).
 */
final class RunTrigramFilter extends TokenFilter {
    /** Token type of the stacked trigrams. */
    static final String TRIPLE_TYPE = "<TRIPLE>";

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    /** The last bigram passed on and its place in the text, while the next token may continue it. */
    private final StringBuilder last = new StringBuilder();
    private boolean lastIsBigram;
    private int lastStart;
    private int lastEnd;
    /**
     * The bigram that continued the last one, held back while its trigram goes first. Only term,
     * offsets and increment differ between the two, so those are kept rather than a whole state.
     */
    private final StringBuilder held = new StringBuilder();
    private boolean holding;
    private int heldStart;
    private int heldEnd;

    RunTrigramFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (holding) {
            holding = false;
            term.setEmpty().append(held);
            offset.setOffset(heldStart, heldEnd);
            position.setPositionIncrement(1);
            type.setType(CJKBigramFilter.DOUBLE_TYPE);
            remember();
            return true;
        }
        if (!input.incrementToken()) return false;
        int increment = position.getPositionIncrement();
        boolean bigram = CJKBigramFilter.DOUBLE_TYPE.equals(type.type());
        if (bigram && lastIsBigram && increment == 1 && offset.startOffset() > lastStart
                && offset.startOffset() < lastEnd) {
            held.setLength(0);
            held.append(term);
            heldStart = offset.startOffset();
            heldEnd = offset.endOffset();
            holding = true;
            term.setEmpty().append(last).append(held, held.offsetByCodePoints(0, 1), held.length());
            offset.setOffset(lastStart, heldEnd);
            position.setPositionIncrement(0);
            type.setType(TRIPLE_TYPE);
            return true;
        }
        if (increment > 0 || bigram) remember();
        return true;
    }

    /** Remembers the current token if it is a bigram; anything else at a new position ends the chain. */
    private void remember() {
        lastIsBigram = CJKBigramFilter.DOUBLE_TYPE.equals(type.type());
        if (lastIsBigram) {
            last.setLength(0);
            last.append(term);
            lastStart = offset.startOffset();
            lastEnd = offset.endOffset();
        }
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        lastIsBigram = false;
        holding = false;
    }
}
