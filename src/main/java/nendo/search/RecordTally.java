package nendo.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nendo.index.PlanFields;
import org.apache.lucene.document.KeywordField;
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
 * How many entries of JSON Lines records there are per organization, year and department. Records
 * have no plan document, so the year and department lists, which are read from the documents,
 * would not know them; this counts them from doc values in one pass over the index.
 */
final class RecordTally {
    /** Entries of one organization, year and department (as named and as canonical). */
    record Row(String org, int year, String canonical, String department, long count) {}

    private final List<Row> rows;

    private RecordTally(List<Row> rows) {
        this.rows = rows;
    }

    List<Row> rows() {
        return rows;
    }

    /** @param planDocuments ids of the plan documents: entries of these are not records */
    static RecordTally of(IndexSearcher searcher, Set<String> planDocuments) throws IOException {
        // Measures only, as the documents' own counts are.
        Query measures = KeywordField.newExactQuery(PlanFields.KIND, PlanFields.KIND_MEASURE);
        Map<Row, Long> counts = searcher.search(measures, new Manager(planDocuments));
        List<Row> rows = new ArrayList<>();
        counts.forEach((k, v) -> rows.add(new Row(k.org(), k.year(), k.canonical(), k.department(), v)));
        // A stable order (the lists keep the order they first meet a department in).
        rows.sort(Comparator.comparing(Row::org).thenComparingInt(Row::year).thenComparing(Row::canonical)
                .thenComparing(Row::department));
        return new RecordTally(List.copyOf(rows));
    }

    private record Manager(Set<String> planDocuments) implements CollectorManager<Counting, Map<Row, Long>> {
        @Override
        public Counting newCollector() {
            return new Counting(planDocuments);
        }

        @Override
        public Map<Row, Long> reduce(Collection<Counting> collectors) {
            Map<Row, Long> all = new HashMap<>();
            for (Counting c : collectors) c.counts.forEach((k, v) -> all.merge(k, v, Long::sum));
            return all;
        }
    }

    /** Counts by ordinals per segment (a million lookups of strings would be slow) and names them once. */
    private static final class Counting implements Collector {
        private final Set<String> planDocuments;
        /** The rows' own counts are 0 here; the count is the map's value. */
        private final Map<Row, Long> counts = new HashMap<>();

        Counting(Set<String> planDocuments) {
            this.planDocuments = planDocuments;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedDocValues docIds = single(context, PlanFields.DOCUMENT_ID);
            SortedDocValues orgs = single(context, PlanFields.ORG);
            SortedDocValues canonicals = single(context, PlanFields.DEPARTMENT_CANONICAL);
            SortedDocValues departments = single(context, PlanFields.DEPARTMENT);
            SortedNumericDocValues years = DocValues.getSortedNumeric(context.reader(), PlanFields.YEAR);
            boolean[] ofPlan = new boolean[docIds.getValueCount()];
            for (int ord = 0; ord < ofPlan.length; ord++) {
                ofPlan[ord] = planDocuments.contains(docIds.lookupOrd(ord).utf8ToString());
            }
            Map<List<Integer>, long[]> byOrds = new HashMap<>();
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {}

                @Override
                public void collect(int doc) throws IOException {
                    if (!docIds.advanceExact(doc) || ofPlan[docIds.ordValue()]) return;
                    int year = years.advanceExact(doc) ? (int) years.nextValue() : 0;
                    List<Integer> key = List.of(ord(orgs, doc), year, ord(canonicals, doc), ord(departments, doc));
                    byOrds.computeIfAbsent(key, k -> new long[1])[0]++;
                }

                @Override
                public void finish() throws IOException {
                    for (Map.Entry<List<Integer>, long[]> e : byOrds.entrySet()) {
                        List<Integer> k = e.getKey();
                        Row row = new Row(name(orgs, k.get(0)), k.get(1), name(canonicals, k.get(2)),
                                name(departments, k.get(3)), 0);
                        counts.merge(row, e.getValue()[0], Long::sum);
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

        private static int ord(SortedDocValues values, int doc) throws IOException {
            return values.advanceExact(doc) ? values.ordValue() : -1;
        }

        private static String name(SortedDocValues values, int ord) throws IOException {
            return ord < 0 ? "" : values.lookupOrd(ord).utf8ToString();
        }
    }
}
