package nendo.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;

/**
 * Keeps the hits of the requested page during {@link FacetCounter}'s one pass over the matches.
 * The pass has read each entry's year and organization for the facets already and hands them on.
 */
interface HitPage {
    /** What one search thread keeps. */
    Slice newSlice() throws IOException;

    /** The page's hits of all slices, best first. */
    TopDocs reduce(List<Slice> slices) throws IOException;

    interface Slice {
        Leaf leaf(LeafReaderContext context, SortedDocValues org) throws IOException;

        ScoreMode scoreMode();
    }

    interface Leaf {
        void setScorer(Scorable scorer) throws IOException;

        /**
         * An entry that passed every filter.
         *
         * @param year its year
         * @param org its organization's ordinal in the segment, -1 if it has none
         */
        void collect(int doc, int year, int org) throws IOException;
    }

    /** A page in a Lucene sort order: by year, or in document order when browsing. */
    static HitPage sorted(Sort sort, int size) {
        TopFieldCollectorManager manager = new TopFieldCollectorManager(sort, size, (FieldDoc) null, Integer.MAX_VALUE);
        record Sorted(TopFieldCollector collector) implements Slice {
            @Override
            public Leaf leaf(LeafReaderContext context, SortedDocValues org) throws IOException {
                LeafCollector leaf = collector.getLeafCollector(context);
                return new Leaf() {
                    @Override
                    public void setScorer(Scorable scorer) throws IOException {
                        leaf.setScorer(scorer);
                    }

                    @Override
                    public void collect(int doc, int year, int org) throws IOException {
                        leaf.collect(doc);
                    }
                };
            }

            @Override
            public ScoreMode scoreMode() {
                return collector.scoreMode();
            }
        }
        return new HitPage() {
            @Override
            public Slice newSlice() {
                return new Sorted(manager.newCollector());
            }

            @Override
            public TopDocs reduce(List<Slice> slices) throws IOException {
                return manager.reduce(slices.stream().map(s -> ((Sorted) s).collector()).toList());
            }
        };
    }
}
