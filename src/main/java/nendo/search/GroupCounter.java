package nendo.search;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import nendo.index.PlanFields;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts matching entries per organization × canonical department × year from doc values, without
 * loading stored fields, so a theme is counted over every year in one pass.
 */
final class GroupCounter {
    /** One cell of the count. */
    record Key(String org, String department, int year) {}

    private GroupCounter() {}

    static Map<Key, Long> count(IndexSearcher searcher, Query query) throws IOException {
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

    private static final class Counting extends SimpleCollector {
        private final Map<Key, Long> counts = new HashMap<>();
        private SortedSetDocValues orgs;
        private SortedSetDocValues departments;
        private SortedNumericDocValues years;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            orgs = DocValues.getSortedSet(context.reader(), PlanFields.ORG);
            departments = DocValues.getSortedSet(context.reader(), PlanFields.DEPARTMENT_CANONICAL);
            years = DocValues.getSortedNumeric(context.reader(), PlanFields.YEAR);
        }

        @Override
        public void collect(int doc) throws IOException {
            // Every measure has one organization, one department and one year (EntryDocuments).
            if (!orgs.advanceExact(doc) || !departments.advanceExact(doc) || !years.advanceExact(doc)) return;
            Key key = new Key(orgs.lookupOrd(orgs.nextOrd()).utf8ToString(),
                    departments.lookupOrd(departments.nextOrd()).utf8ToString(), (int) years.nextValue());
            counts.merge(key, 1L, Long::sum);
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
