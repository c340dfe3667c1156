package nendo.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import nendo.index.PlanFields;
import nendo.model.FiscalYear;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;

/**
 * One pass over a query's matches that counts them, counts facet values and (optionally) keeps the
 * top hits of the page. Facet values are counted by ordinal in arrays and named once per segment at
 * the end, never per hit: with a million measures a common word matches hundreds of thousands.
 */
final class FacetCounter implements CollectorManager<FacetCounter.Counting, FacetCounter.Result> {
    /** The field each facet dimension is counted from (doc values). */
    private static final Map<SearchFilters.Dimension, String> FIELDS = Map.of(
            SearchFilters.Dimension.YEAR, PlanFields.YEAR,
            SearchFilters.Dimension.DEPARTMENT, PlanFields.DEPARTMENT_CANONICAL,
            SearchFilters.Dimension.ORG, PlanFields.ORG);

    private final Set<SearchFilters.Dimension> dimensions;
    private final TopFieldCollectorManager top;
    private final IntPredicate yearFilter;

    /** The total, the page's top hits (null if none were asked for) and the counted dimensions. */
    record Result(int total, TopFieldDocs top, Map<SearchFilters.Dimension, List<SearchResponse.FacetValue>> facets) {}

    /**
     * @param sort order of the top hits, or null to count only
     * @param numHits how many top hits to keep
     */
    FacetCounter(Set<SearchFilters.Dimension> dimensions, Sort sort, int numHits) {
        this(dimensions, sort, numHits, null);
    }

    /**
     * @param yearFilter the request's year filter, checked here from doc values instead of in the
     *     query: the query then matches what the year facet counts (every filter but the year's),
     *     and the page, the total and the other facets take only the years that pass. One pass
     *     instead of two for a year-filtered search.
     */
    FacetCounter(Set<SearchFilters.Dimension> dimensions, Sort sort, int numHits, IntPredicate yearFilter) {
        this.dimensions = dimensions;
        this.yearFilter = yearFilter;
        // Every match is visited anyway (total and facets), so the collector may not stop early.
        this.top = sort == null || numHits <= 0 ? null
                : new TopFieldCollectorManager(sort, numHits, (FieldDoc) null, Integer.MAX_VALUE);
    }

    @Override
    public Counting newCollector() throws IOException {
        return new Counting(top == null ? null : top.newCollector());
    }

    @Override
    public Result reduce(Collection<Counting> collectors) throws IOException {
        int total = 0;
        Map<SearchFilters.Dimension, Map<String, Long>> counts = new EnumMap<>(SearchFilters.Dimension.class);
        List<TopFieldCollector> tops = new ArrayList<>();
        for (Counting c : collectors) {
            total += c.total;
            c.flushInto(counts);
            if (c.top != null) tops.add(c.top);
        }
        Map<SearchFilters.Dimension, List<SearchResponse.FacetValue>> facets = new EnumMap<>(SearchFilters.Dimension.class);
        for (SearchFilters.Dimension d : dimensions) facets.put(d, sorted(d, counts.getOrDefault(d, Map.of())));
        return new Result(total, top == null ? null : top.reduce(tops), facets);
    }

    /** Years newest first; other values by count, then by name. */
    private static List<SearchResponse.FacetValue> sorted(SearchFilters.Dimension d, Map<String, Long> counts) {
        List<SearchResponse.FacetValue> values = new ArrayList<>();
        counts.forEach((k, v) -> values.add(new SearchResponse.FacetValue(k, v)));
        values.sort(d == SearchFilters.Dimension.YEAR
                ? Comparator.comparing(SearchResponse.FacetValue::value).reversed()
                : Comparator.comparingLong(SearchResponse.FacetValue::count).reversed()
                        .thenComparing(SearchResponse.FacetValue::value));
        return values;
    }

    /** Counts of one search thread; per-segment ordinal counts are named when the search ends. */
    final class Counting implements Collector {
        private final TopFieldCollector top;
        private final int[] years = new int[FiscalYear.MAX - FiscalYear.MIN + 1];
        private final List<SegmentCounts> segments = new ArrayList<>();
        private int total;

        Counting(TopFieldCollector top) {
            this.top = top;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            LeafCollector page = top == null ? null : top.getLeafCollector(context);
            SortedNumericDocValues year = dimensions.contains(SearchFilters.Dimension.YEAR) || yearFilter != null
                    ? DocValues.getSortedNumeric(context.reader(), PlanFields.YEAR) : null;
            SegmentCounts department = segment(context, SearchFilters.Dimension.DEPARTMENT);
            SegmentCounts org = segment(context, SearchFilters.Dimension.ORG);
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    if (page != null) page.setScorer(scorer);
                }

                @Override
                public void collect(int doc) throws IOException {
                    int y = year != null && year.advanceExact(doc) ? (int) year.nextValue() : Integer.MIN_VALUE;
                    if (y >= FiscalYear.MIN && y <= FiscalYear.MAX) years[y - FiscalYear.MIN]++;
                    if (yearFilter != null && !yearFilter.test(y)) return;
                    total++;
                    if (page != null) page.collect(doc);
                    if (department != null) department.collect(doc);
                    if (org != null) org.collect(doc);
                }
            };
        }

        private SegmentCounts segment(LeafReaderContext context, SearchFilters.Dimension d) throws IOException {
            if (!dimensions.contains(d)) return null;
            // Each entry has at most one department and one organization: single-valued doc values.
            SortedDocValues values = DocValues.unwrapSingleton(DocValues.getSortedSet(context.reader(), FIELDS.get(d)));
            if (values == null) {
                throw new IllegalStateException(FIELDS.get(d) + " must hold one value per entry");
            }
            SegmentCounts counts = new SegmentCounts(d, values, new int[values.getValueCount()]);
            segments.add(counts);
            return counts;
        }

        @Override
        public ScoreMode scoreMode() {
            return top == null ? ScoreMode.COMPLETE_NO_SCORES : top.scoreMode();
        }

        void flushInto(Map<SearchFilters.Dimension, Map<String, Long>> counts) throws IOException {
            if (dimensions.contains(SearchFilters.Dimension.YEAR)) {
                Map<String, Long> yearCounts = counts.computeIfAbsent(SearchFilters.Dimension.YEAR, k -> new HashMap<>());
                for (int i = 0; i < years.length; i++) {
                    if (years[i] > 0) yearCounts.merge(Integer.toString(i + FiscalYear.MIN), (long) years[i], Long::sum);
                }
            }
            for (SegmentCounts s : segments) {
                Map<String, Long> named = counts.computeIfAbsent(s.dimension(), k -> new HashMap<>());
                for (int ord = 0; ord < s.counts().length; ord++) {
                    if (s.counts()[ord] > 0) named.merge(s.values().lookupOrd(ord).utf8ToString(), (long) s.counts()[ord], Long::sum);
                }
            }
        }
    }

    private record SegmentCounts(SearchFilters.Dimension dimension, SortedDocValues values, int[] counts) {
        void collect(int doc) throws IOException {
            if (values.advanceExact(doc)) counts[values.ordValue()]++;
        }
    }
}
