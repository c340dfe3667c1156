package nendo.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
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

/** Counts matching entries per value of a doc-values field (year, department, organization). */
final class FacetCounter {
    private FacetCounter() {}

    static List<SearchResponse.FacetValue> count(IndexSearcher searcher, Query query, String field) throws IOException {
        Map<String, Long> counts = searcher.search(query, new Manager(field));
        List<SearchResponse.FacetValue> values = new ArrayList<>();
        counts.forEach((k, v) -> values.add(new SearchResponse.FacetValue(k, v)));
        Comparator<SearchResponse.FacetValue> order = PlanFields.YEAR.equals(field)
                ? Comparator.comparing(SearchResponse.FacetValue::value).reversed()
                : Comparator.comparingLong(SearchResponse.FacetValue::count).reversed()
                        .thenComparing(SearchResponse.FacetValue::value);
        values.sort(order);
        return values;
    }

    private record Manager(String field) implements CollectorManager<Counting, Map<String, Long>> {
        @Override
        public Counting newCollector() {
            return new Counting(field);
        }

        @Override
        public Map<String, Long> reduce(Collection<Counting> collectors) {
            Map<String, Long> total = new HashMap<>();
            for (Counting c : collectors) c.counts.forEach((k, v) -> total.merge(k, v, Long::sum));
            return total;
        }
    }

    /** Reads the year from numeric doc values and the other fields from sorted-set doc values. */
    private static final class Counting extends SimpleCollector {
        private final String field;
        private final boolean numeric;
        private final Map<String, Long> counts = new HashMap<>();
        private SortedSetDocValues terms;
        private SortedNumericDocValues numbers;

        Counting(String field) {
            this.field = field;
            this.numeric = PlanFields.YEAR.equals(field);
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            if (numeric) numbers = DocValues.getSortedNumeric(context.reader(), field);
            else terms = DocValues.getSortedSet(context.reader(), field);
        }

        @Override
        public void collect(int doc) throws IOException {
            if (numeric) {
                if (numbers.advanceExact(doc)) {
                    for (int i = 0; i < numbers.docValueCount(); i++) {
                        counts.merge(Long.toString(numbers.nextValue()), 1L, Long::sum);
                    }
                }
            } else if (terms.advanceExact(doc)) {
                for (int i = 0; i < terms.docValueCount(); i++) {
                    counts.merge(terms.lookupOrd(terms.nextOrd()).utf8ToString(), 1L, Long::sum);
                }
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
