package nendo.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import nendo.index.PlanFields;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

/**
 * The page of a search sorted by relevance: score, then newest year, organization, position in the
 * document (and index order), as PlanSearcher's relevance sort. The score is the characters' BM25
 * plus a constant tier for each word the entry holds as a word ({@link TextQueries}); the tiers of
 * plain words are left out of the scored query and added here, and only for an entry whose score
 * with every tier could still reach the page. Asking every match whether it holds the words
 * (advancing the word postings per match) took about a seventh of a search (measured on 1M), while
 * most matches are already out of the page on their characters' score, or on the year or
 * organization when their score can at most tie.
 */
final class RelevancePage implements HitPage {
    /** A tier: the entries its query matches (matched, not scored) and what it adds to their score. */
    record Tier(Query query, float score) {}

    /**
     * A text query split for this page.
     *
     * @param scored the query without the tiers (same matches)
     * @param tiers what to add to its score per entry
     */
    record Ranked(Query scored, List<Tier> tiers) {}

    /** Best first: score, newer year, organization (none first), position, index order. */
    private static final Comparator<Entry> ORDER = Comparator.comparingDouble((Entry e) -> -e.score)
            .thenComparingInt(e -> -e.year)
            .thenComparing(e -> e.org, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(e -> e.position)
            .thenComparingInt(e -> e.doc);

    private record Entry(float score, int year, BytesRef org, long position, int doc) {}

    private final Weight[] tiers;
    private final float[] tierScores;
    private final float allTiers;
    private final int size;

    RelevancePage(IndexSearcher searcher, List<Tier> tiers, int size) throws IOException {
        this.tiers = new Weight[tiers.size()];
        this.tierScores = new float[tiers.size()];
        float all = 0;
        for (int i = 0; i < this.tiers.length; i++) {
            this.tiers[i] = searcher.createWeight(searcher.rewrite(tiers.get(i).query()), ScoreMode.COMPLETE_NO_SCORES, 1f);
            this.tierScores[i] = tiers.get(i).score();
            all += tierScores[i];
        }
        this.allTiers = all;
        this.size = size;
    }

    @Override
    public Slice newSlice() {
        return new Best();
    }

    @Override
    public TopDocs reduce(List<Slice> slices) {
        List<Entry> all = new ArrayList<>();
        for (Slice s : slices) all.addAll(((Best) s).queue);
        all.sort(ORDER);
        ScoreDoc[] page = all.stream().limit(size).map(e -> new ScoreDoc(e.doc, e.score)).toArray(ScoreDoc[]::new);
        return new TopDocs(new TotalHits(page.length, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), page);
    }

    /** The best entries one search thread has seen; the head of the queue is the worst of them. */
    private final class Best implements Slice {
        private final PriorityQueue<Entry> queue = new PriorityQueue<>(size + 1, ORDER.reversed());

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
        }

        @Override
        public Leaf leaf(LeafReaderContext context, SortedDocValues orgs) throws IOException {
            NumericDocValues positions = DocValues.getNumeric(context.reader(), PlanFields.POSITION);
            Tiers held = new Tiers(context);
            return new Leaf() {
                private Scorable scorer;
                /** The worst kept entry for which {@link #worstOrg} was looked up in this segment. */
                private Entry orgLookedUp;
                /** Its organization's ordinal here, or -(insertion point) - 1 when this segment lacks it. */
                private int worstOrg;

                @Override
                public void setScorer(Scorable scorer) {
                    this.scorer = scorer;
                }

                @Override
                public void collect(int doc, int year, int org) throws IOException {
                    float characters = scorer.score();
                    Entry worst = queue.size() < size ? null : queue.peek();
                    if (worst != null) {
                        // Float sums round monotonically: with every tier it is the most it can be.
                        float most = characters + allTiers;
                        if (most < worst.score) return;
                        if (most == worst.score && !beatsOnTies(doc, year, org, worst)) return;
                    }
                    float score = characters + held.score(doc);
                    if (worst != null && (score < worst.score || score == worst.score && !beatsOnTies(doc, year, org, worst))) {
                        return;
                    }
                    BytesRef name = org < 0 ? null : BytesRef.deepCopyOf(orgs.lookupOrd(org));
                    queue.add(new Entry(score, year, name, position(doc), context.docBase + doc));
                    if (queue.size() > size) queue.poll();
                }

                /** Whether the entry, at the same score as the worst kept one, comes before it. */
                private boolean beatsOnTies(int doc, int year, int org, Entry worst) throws IOException {
                    if (year != worst.year) return year > worst.year;
                    int byOrg = compareOrg(org, worst);
                    if (byOrg != 0) return byOrg < 0;
                    long position = position(doc);
                    if (position != worst.position) return position < worst.position;
                    return context.docBase + doc < worst.doc;
                }

                private int compareOrg(int org, Entry worst) throws IOException {
                    if (org < 0 || worst.org == null) return org < 0 ? (worst.org == null ? 0 : -1) : 1;
                    if (orgLookedUp != worst) {
                        worstOrg = orgs.lookupTerm(worst.org);
                        orgLookedUp = worst;
                    }
                    if (worstOrg >= 0) return Integer.compare(org, worstOrg);
                    return org < -worstOrg - 1 ? -1 : 1;
                }

                private long position(int doc) throws IOException {
                    return positions.advanceExact(doc) ? positions.longValue() : 0L;
                }
            };
        }
    }

    /** The tiers in one segment, each asked only for entries that could reach the page. */
    private final class Tiers {
        private final DocIdSetIterator[] approximations;
        private final TwoPhaseIterator[] exact;

        Tiers(LeafReaderContext context) throws IOException {
            approximations = new DocIdSetIterator[tiers.length];
            exact = new TwoPhaseIterator[tiers.length];
            for (int i = 0; i < tiers.length; i++) {
                ScorerSupplier supplier = tiers[i].scorerSupplier(context);
                if (supplier == null) continue;
                Scorer scorer = supplier.get(Long.MAX_VALUE);
                exact[i] = scorer.twoPhaseIterator();
                approximations[i] = exact[i] == null ? scorer.iterator() : exact[i].approximation();
            }
        }

        /** What the tiers add for this entry; entries are asked in increasing order. */
        float score(int doc) throws IOException {
            float sum = 0;
            for (int i = 0; i < approximations.length; i++) {
                DocIdSetIterator it = approximations[i];
                if (it == null) continue;
                int at = it.docID() < doc ? it.advance(doc) : it.docID();
                if (at == doc && (exact[i] == null || exact[i].matches())) sum += tierScores[i];
            }
            return sum;
        }
    }
}
