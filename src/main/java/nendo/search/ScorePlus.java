package nendo.search;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * A query's own score plus a constant, for a tier on top of a score. The same as the query plus a
 * constant-score copy of it, without matching the query twice for every entry.
 */
final class ScorePlus extends DoubleValuesSource {
    private final double constant;

    private ScorePlus(double constant) {
        this.constant = constant;
    }

    /** {@code query}'s matches, each scored {@code constant} above what {@code query} gives it. */
    static Query of(Query query, float constant) {
        return new FunctionScoreQuery(query, new ScorePlus(constant));
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) {
        return new DoubleValues() {
            @Override
            public double doubleValue() throws IOException {
                return scores.doubleValue() + constant;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                return scores.advanceExact(doc);
            }
        };
    }

    @Override
    public boolean needsScores() {
        return true;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public Explanation explain(LeafReaderContext ctx, int docId, Explanation scoreExplanation) {
        return Explanation.match(scoreExplanation.getValue().doubleValue() + constant,
                "score + " + constant, scoreExplanation);
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return true;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(constant);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScorePlus other && other.constant == constant;
    }

    @Override
    public String toString() {
        return "score+" + constant;
    }
}
