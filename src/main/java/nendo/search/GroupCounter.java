package nendo.search;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import nendo.index.PlanFields;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts matching entries per organization × canonical department × department as printed × year
 * from doc values, without loading stored fields, so a theme is counted over every year in one pass.
 * Counted by ordinals within a segment and named once per segment: a common word matches hundreds of
 * thousands of entries at a million.
 */
final class GroupCounter {
    /** One cell of the count; {@code printed} is null in {@link #ignoringPrinted} counts. */
    record Key(String org, String department, String printed, int year) {}

    private final OrdinalNames names;

    GroupCounter(OrdinalNames names) {
        this.names = names;
    }

    Map<Key, Long> count(IndexSearcher searcher, Query query) throws IOException {
        return searcher.search(query, new CollectorManager<Counting, Map<Key, Long>>() {
            @Override
            public Counting newCollector() {
                return new Counting();
            }

            @Override
            public Map<Key, Long> reduce(Collection<Counting> collectors) {
                Map<Key, Long> total = new HashMap<>();
                for (Counting c : collectors) c.counts.forEach((k, v) -> total.merge(k, v, Long::sum));
                return total;
            }
        });
    }

    /** The counts summed over the names a department was printed under. */
    static Map<Key, Long> ignoringPrinted(Map<Key, Long> counts) {
        Map<Key, Long> summed = new HashMap<>();
        counts.forEach((k, v) -> summed.merge(new Key(k.org(), k.department(), null, k.year()), v, Long::sum));
        return summed;
    }

    /** Ordinals of one cell within a segment. */
    private record Ords(int org, int department, int printed, int year) {}

    private final class Counting implements Collector {
        private final Map<Key, Long> counts = new HashMap<>();

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedDocValues orgs = single(context, PlanFields.ORG);
            SortedDocValues departments = single(context, PlanFields.DEPARTMENT_CANONICAL);
            SortedDocValues printed = single(context, PlanFields.DEPARTMENT);
            SortedNumericDocValues years = DocValues.getSortedNumeric(context.reader(), PlanFields.YEAR);
            Map<Ords, long[]> byOrds = new HashMap<>();
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {}

                @Override
                public void collect(int doc) throws IOException {
                    // Every section has one organization, department and year (EntryDocuments).
                    if (!orgs.advanceExact(doc) || !departments.advanceExact(doc) || !printed.advanceExact(doc)
                            || !years.advanceExact(doc)) {
                        return;
                    }
                    Ords key = new Ords(orgs.ordValue(), departments.ordValue(), printed.ordValue(),
                            (int) years.nextValue());
                    byOrds.computeIfAbsent(key, k -> new long[1])[0]++;
                }

                @Override
                public void finish() throws IOException {
                    // Named from the segment's names read once: 1,700 organizations × departments ×
                    // years make hundreds of thousands of cells, three lookups each.
                    String[] orgNames = names.of(context.reader(), PlanFields.ORG, orgs);
                    String[] departmentNames = names.of(context.reader(), PlanFields.DEPARTMENT_CANONICAL, departments);
                    String[] printedNames = names.of(context.reader(), PlanFields.DEPARTMENT, printed);
                    for (Map.Entry<Ords, long[]> e : byOrds.entrySet()) {
                        Ords o = e.getKey();
                        Key key = new Key(orgNames[o.org()], departmentNames[o.department()], printedNames[o.printed()],
                                o.year());
                        counts.merge(key, e.getValue()[0], Long::sum);
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        private static SortedDocValues single(LeafReaderContext context, String field) throws IOException {
            SortedDocValues values = DocValues.unwrapSingleton(DocValues.getSortedSet(context.reader(), field));
            if (values == null) throw new IllegalStateException(field + " must hold one value per entry");
            return values;
        }
    }
}
