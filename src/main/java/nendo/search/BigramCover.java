package nendo.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Fits a query's bigrams to what the index holds. Thins a bigram phrase to the fewest terms that
 * cover its characters, using the trigrams the index stacks on its bigrams ({@code RunTrigramFilter}):
 * 避難所 is the one term 避難所, 防災計画 needs 防災計 at p and 災計画 at p + 1, 地域防災計画 地域防 at p and
 * 災計画 at p + 3. Fewer and rarer terms mean fewer postings and positions to read for the same
 * matches, because in the index a bigram (and a trigram, where three characters run on) sits on
 * every position where contiguous characters meet, and positions are contiguous only where the
 * text is ({@code RunGapFilter} in the analysis): characters pinned at p .. p + 2 and p + 3 .. p + 5
 * by the kept terms are then contiguous too.
 */
final class BigramCover {
    private BigramCover() {}

    /**
     * The same matches with fewer terms; a lone character as itself or a bigram's first half;
     * anything else as it is. The index holds a character alone only at the edges of a run
     * ({@code RunEdgeFilter}): an inner character is the first half of the bigram at its position,
     * so 化 is 化 or 化 and one more ({@link CharacterQuery}).
     * Inside a phrase a lone character always sits next to something that is not CJK (ＤＸ化),
     * which pins it to a run's edge, so there the plain term is exact.
     */
    static Query of(Query query) {
        if (query instanceof TermQuery single && isLoneCharacter(single.getTerm().text())) {
            return new CharacterQuery(single.getTerm());
        }
        return cover(query, true);
    }

    /**
     * A reading phrase with the fewest bigrams that cover its kana (ボウサイ → ボウ@0 サイ@2): the
     * reading field holds bigrams only, no trigrams, and leaves two empty positions between runs
     * ({@code ReadingBigramFilter}), so bigrams pinned two apart are still one run.
     */
    static Query ofReadings(Query query) {
        return cover(query, false);
    }

    private static Query cover(Query query, boolean trigrams) {
        if (!(query instanceof PhraseQuery phrase) || phrase.getSlop() != 0) return query;
        List<Term> terms = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        if (trigrams) {
            withTrigrams(phrase, terms, positions);
        } else {
            terms.addAll(List.of(phrase.getTerms()));
            for (int p : phrase.getPositions()) positions.add(p);
        }
        if (terms.size() < 2) return query;
        List<Integer> kept = new ArrayList<>();
        int coveredTo = Integer.MIN_VALUE;
        int i = 0;
        // Greedy interval cover: take the leftmost position not yet covered, and of the terms that
        // cover it the one that reaches furthest. A term covers its position and, for a bigram, the
        // next; a trigram the next two.
        while (i < terms.size()) {
            if (end(terms.get(i), positions.get(i)) <= coveredTo) {
                i++;
                continue;
            }
            int point = Math.max(coveredTo, positions.get(i));
            int best = -1;
            int bestEnd = point;
            for (; i < terms.size() && positions.get(i) <= point; i++) {
                int end = end(terms.get(i), positions.get(i));
                if (end > bestEnd) {
                    best = i;
                    bestEnd = end;
                }
            }
            kept.add(best);
            coveredTo = bestEnd;
        }
        if (kept.size() == 1) return new TermQuery(terms.get(kept.get(0)));
        if (kept.size() == phrase.getTerms().length) return query;
        PhraseQuery.Builder thin = new PhraseQuery.Builder();
        for (int k : kept) thin.add(terms.get(k), positions.get(k));
        return thin.build();
    }

    /**
     * The phrase's terms in position order, each CJK bigram followed by the trigram it makes with
     * the next bigram when that one continues it (保育 at p, 育士 at p + 1: 保育士 at p), as the index
     * stacks them.
     */
    private static void withTrigrams(PhraseQuery phrase, List<Term> terms, List<Integer> positions) {
        Term[] given = phrase.getTerms();
        int[] at = phrase.getPositions();
        for (int i = 0; i < given.length; i++) {
            terms.add(given[i]);
            positions.add(at[i]);
            if (i + 1 < given.length && at[i + 1] == at[i] + 1 && isBigram(given[i].text())
                    && isBigram(given[i + 1].text())) {
                String first = given[i].text();
                String next = given[i + 1].text();
                int middle = next.codePointAt(0);
                if (first.codePointBefore(first.length()) == middle) {
                    terms.add(new Term(given[i].field(), first + next.substring(next.offsetByCodePoints(0, 1))));
                    positions.add(at[i]);
                }
            }
        }
    }

    /** Exclusive end of the positions a term pins: three for a CJK trigram, two for a bigram, else one. */
    private static int end(Term term, int position) {
        String text = term.text();
        int length = text.codePointCount(0, text.length());
        return position + (length >= 2 && length <= 3 && allCjk(text) ? length : 1);
    }

    private static boolean isBigram(String text) {
        return text.codePointCount(0, text.length()) == 2 && allCjk(text);
    }

    private static boolean allCjk(String text) {
        return text.codePoints().allMatch(BigramCover::isCjk);
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
