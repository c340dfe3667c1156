package nendo.search;

import java.util.List;
import nendo.index.PlanFields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns parsed user text into a Lucene query over the two text fields. Each term must occur as
 * contiguous text (a bigram phrase), and a Kuromoji word phrase adds to the score, so that a real
 * word match (防災 as a word) ranks above a match that only bigrams see (京都 inside 東京都).
 */
final class TextQueries {
    /** How much more a match of whole words counts than a contiguous-characters match. */
    private static final float WORD_BOOST = 2.0f;

    private final QueryBuilder builder;

    TextQueries(Analyzer queryAnalyzer) {
        this.builder = new QueryBuilder(queryAnalyzer);
    }

    /** Null when nothing searchable is left (e.g. only punctuation); the caller then browses. */
    Query build(QuerySyntax.Parsed parsed) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int required = 0;
        for (List<QuerySyntax.Term> group : parsed.groups()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            int alternatives = 0;
            for (QuerySyntax.Term term : group) {
                Query q = term(term);
                if (q != null) {
                    any.add(q, Occur.SHOULD);
                    alternatives++;
                }
            }
            if (alternatives > 0) {
                all.add(any.build(), Occur.MUST);
                required++;
            }
        }
        int excluded = 0;
        for (QuerySyntax.Term term : parsed.excluded()) {
            Query q = term(term);
            if (q != null) {
                all.add(q, Occur.MUST_NOT);
                excluded++;
            }
        }
        if (required == 0 && excluded == 0) return null;
        if (required == 0) all.add(new MatchAllDocsQuery(), Occur.MUST);
        return all.build();
    }

    /** Contiguous characters are required; the word-level phrase only adds score. */
    private Query term(QuerySyntax.Term term) {
        Query chars = builder.createPhraseQuery(PlanFields.TEXT_BIGRAM, term.text());
        if (chars == null) return null;
        Query words = builder.createPhraseQuery(PlanFields.TEXT_JA, term.text());
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(chars, Occur.MUST);
        if (words != null) b.add(new BoostQuery(words, WORD_BOOST), Occur.SHOULD);
        return b.build();
    }
}
