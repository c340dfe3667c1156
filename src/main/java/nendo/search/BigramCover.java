package nendo.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Fits a query's bigrams to what the index holds. Thins a bigram phrase to the bigrams that cover
 * its characters: 防災計画 needs 防災 at p and 計画 at p + 2, not 災計 between them. Half the terms
 * means half the postings and positions to read for the same matches, because in the index a
 * bigram sits on every position where two contiguous characters meet, and positions are contiguous
 * only where the text is ({@code RunGapFilter} in the analysis): characters pinned at p + 1 and
 * p + 2 by the kept bigrams are then the bigram 災計 too.
 */
final class BigramCover {
    private BigramCover() {}

    /**
     * The same matches with fewer terms; a lone character as a prefix; anything else as it is.
     * The index holds a character alone only at the edges of a run ({@code RunEdgeFilter}): an
     * inner character is the first half of the bigram at its position, so 化 is 化 or 化*.
     * Inside a phrase a lone character always sits next to something that is not CJK (ＤＸ化),
     * which pins it to a run's edge, so there the plain term is exact.
     */
    static Query of(Query query) {
        if (query instanceof TermQuery single && isLoneCharacter(single.getTerm().text())) {
            return new PrefixQuery(single.getTerm());
        }
        if (!(query instanceof PhraseQuery phrase) || phrase.getSlop() != 0) return query;
        Term[] terms = phrase.getTerms();
        int[] positions = phrase.getPositions();
        if (terms.length < 3) return query;
        List<Integer> kept = new ArrayList<>();
        int coveredTo = Integer.MIN_VALUE;
        int i = 0;
        // Greedy interval cover: take the leftmost position not yet covered, and of the terms that
        // cover it the one that reaches furthest. A term covers its position and, for a bigram, the next.
        while (i < terms.length) {
            if (end(terms[i], positions[i]) <= coveredTo) {
                i++;
                continue;
            }
            int point = Math.max(coveredTo, positions[i]);
            int best = -1;
            int bestEnd = point;
            for (; i < terms.length && positions[i] <= point; i++) {
                int end = end(terms[i], positions[i]);
                if (end > bestEnd) {
                    best = i;
                    bestEnd = end;
                }
            }
            kept.add(best);
            coveredTo = bestEnd;
        }
        if (kept.size() == terms.length) return query;
        PhraseQuery.Builder thin = new PhraseQuery.Builder();
        for (int k : kept) thin.add(terms[k], positions[k]);
        return thin.build();
    }

    /** Exclusive end of the positions a term pins: two for a CJK bigram, one for anything else. */
    private static int end(Term term, int position) {
        String text = term.text();
        return position + (text.codePointCount(0, text.length()) == 2 && isCjk(text.codePointAt(0))
                && isCjk(text.codePointBefore(text.length())) ? 2 : 1);
    }

    static boolean isLoneCharacter(String text) {
        return text.codePointCount(0, text.length()) == 1 && isCjk(text.codePointAt(0));
    }

    private static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || codePoint == 'ー';
    }
}
