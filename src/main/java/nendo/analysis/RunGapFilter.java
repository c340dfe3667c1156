package nendo.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Bigram positions that say where the text is contiguous. Where the tokenizer skipped something
 * (ライフ・ワーク, 防災、計画) the index leaves one empty position, so two characters at neighbouring
 * positions are always neighbours in the text: a query may then pin 防災 at p and 計画 at p + 2 and
 * leave out 災計 (see the search side's bigram cover), without matching 防災、計画.
 *
 * <p>The query side holds bigrams only, so a run of n characters takes n - 1 positions there but n
 * in the index (its last character sits after its last bigram, {@link RunEdgeFilter}): after a run
 * that ended with a bigram the next run starts one position later, plus the empty position when
 * text was skipped, as in the index.
 */
final class RunGapFilter extends TokenFilter {
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final boolean query;
    private int lastEnd = -1;
    private boolean lastWasBigram;

    /** @param query true for the query side (bigrams only), false for the index (with run edges) */
    RunGapFilter(TokenStream input, boolean query) {
        super(input);
        this.query = query;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) return false;
        if (lastEnd >= 0 && position.getPositionIncrement() > 0) {
            int extra = offset.startOffset() > lastEnd ? 1 : 0;
            if (query && offset.startOffset() >= lastEnd && lastWasBigram) extra++;
            position.setPositionIncrement(position.getPositionIncrement() + extra);
        }
        lastWasBigram = CJKBigramFilter.DOUBLE_TYPE.equals(type.type());
        lastEnd = Math.max(lastEnd, offset.endOffset());
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        lastEnd = -1;
        lastWasBigram = false;
    }
}
