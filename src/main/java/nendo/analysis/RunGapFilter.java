package nendo.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Keeps query bigram positions in line with the index across a break in the text (ライフ・ワーク):
 * the index also holds unigrams, so a run of n characters takes n positions there but only n - 1
 * bigram positions in a query. After a run that ended with a bigram, the next run starts one
 * position later, as it does in the index.
 */
final class RunGapFilter extends TokenFilter {
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private int lastEnd = -1;
    private boolean lastWasBigram;

    RunGapFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) return false;
        if (lastEnd >= 0 && offset.startOffset() >= lastEnd && lastWasBigram) {
            position.setPositionIncrement(position.getPositionIncrement() + 1);
        }
        lastWasBigram = CJKBigramFilter.DOUBLE_TYPE.equals(type.type());
        lastEnd = offset.endOffset();
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        lastEnd = -1;
        lastWasBigram = false;
    }
}
