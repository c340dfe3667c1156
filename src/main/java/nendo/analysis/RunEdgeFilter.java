package nendo.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Of the unigrams {@link CJKBigramFilter} stacks on a run's bigrams, keeps only the run's first and
 * last characters (and a character that stands alone): 東京都 → 東 東京 京都 都. Nearly half the
 * bigram field's tokens were inner unigrams, and they only ever served one-character queries: an
 * inner character is also the first half of the bigram at its position, so a lone character is
 * found as itself or as a bigram's first half (the search side's {@code CharacterQuery}). The
 * edges stay because a query that puts a character next to something that is not CJK (ＤＸ化,
 * 第2期) pins it to a run's edge, where the last character starts no bigram and the first must be
 * matched alone.
 */
final class RunEdgeFilter extends TokenFilter {
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    /** End offset of the last bigram passed on: a unigram starting before it is not a run's first. */
    private int bigramEnd = -1;
    /** A token read ahead to decide on the unigram before it. */
    private State pending;
    private boolean exhausted;

    RunEdgeFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!next()) return false;
        if (!CJKBigramFilter.SINGLE_TYPE.equals(type.type()) || offset.startOffset() >= bigramEnd) {
            passed();
            return true;
        }
        // Not a run's first character: it is inner if its own bigram follows at the same position.
        State unigram = captureState();
        int increment = position.getPositionIncrement();
        if (next()) {
            if (CJKBigramFilter.DOUBLE_TYPE.equals(type.type()) && position.getPositionIncrement() == 0) {
                position.setPositionIncrement(increment);
                passed();
                return true;
            }
            pending = captureState();
        }
        restoreState(unigram);
        passed();
        return true;
    }

    private boolean next() throws IOException {
        if (pending != null) {
            restoreState(pending);
            pending = null;
            return true;
        }
        if (exhausted) return false;
        exhausted = !input.incrementToken();
        return !exhausted;
    }

    private void passed() {
        if (CJKBigramFilter.DOUBLE_TYPE.equals(type.type())) bigramEnd = offset.endOffset();
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        bigramEnd = -1;
        pending = null;
        exhausted = false;
    }
}
