package nendo.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import nendo.index.PlanFields;
import nendo.model.FiscalYear;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * One pass over a query's matches that counts them, counts the year, department and organization
 * facets and keeps the top hits of the page. The query carries no year, department or
 * organization filter: those are checked here from doc values, so that each facet is counted with
 * every filter but its own (the other values stay selectable) in the same pass that finds the page,
 * and only entries that pass every filter are scored. Facet values are counted by ordinal in
 * arrays and named once per segment at the end, never per hit: a common word matches hundreds of
 * thousands of a million measures.
 */
final class FacetCounter implements CollectorManager<FacetCounter.Counting, FacetCounter.Result> {
    /**
     * Department and organization values listed per facet, the most hits first. An archive of every
     * municipality holds about 1,700 organizations: naming, sorting and sending all of them with
     * each search cost a third of the queries per second (1M measures, measured), and a list that
     * long is not read. A value the request filters on is listed even beyond the limit.
     */
    static final int FACET_LIMIT = 100;

    private final SearchFilters filters;
    private final HitPage page;
    private final OrdinalNames names;

    /**
     * The total, the page's top hits (null if none were asked for), the three facets (departments
     * and organizations cut at {@link #FACET_LIMIT}) and how many values each facet had.
     */
    record Result(int total, TopDocs top, Map<SearchFilters.Dimension, List<SearchResponse.FacetValue>> facets,
                  Map<SearchFilters.Dimension, Integer> valueCounts) {}

    /**
     * @param filters the request's filters, checked per entry
     * @param page keeps the top hits, or null to count only; every match is visited anyway (total
     *     and facets), so it may not stop early
     */
    FacetCounter(SearchFilters filters, HitPage page, OrdinalNames names) {
        this.filters = filters;
        this.page = page;
        this.names = names;
    }

    @Override
    public Counting newCollector() throws IOException {
        return new Counting(page == null ? null : page.newSlice());
    }

    @Override
    public Result reduce(Collection<Counting> collectors) throws IOException {
        int total = 0;
        Map<SearchFilters.Dimension, Map<String, Long>> counts = new EnumMap<>(SearchFilters.Dimension.class);
        for (SearchFilters.Dimension d : SearchFilters.Dimension.values()) counts.put(d, new HashMap<>());
        List<HitPage.Slice> tops = new ArrayList<>();
        for (Counting c : collectors) {
            total += c.total;
            c.flushInto(counts);
            if (c.top != null) tops.add(c.top);
        }
        Map<SearchFilters.Dimension, List<SearchResponse.FacetValue>> facets = new EnumMap<>(SearchFilters.Dimension.class);
        Map<SearchFilters.Dimension, Integer> valueCounts = new EnumMap<>(SearchFilters.Dimension.class);
        counts.forEach((d, named) -> {
            facets.put(d, sorted(d, named));
            valueCounts.put(d, named.size());
        });
        return new Result(total, page == null ? null : page.reduce(tops), facets, valueCounts);
    }

    /**
     * Years newest first; other values by count, then by name, the first {@link #FACET_LIMIT} of them
     * and after those any value the request filters on. Only the kept values are sorted: a full sort
     * of 1,700 organizations per search showed in the profile.
     */
    private List<SearchResponse.FacetValue> sorted(SearchFilters.Dimension d, Map<String, Long> counts) {
        List<SearchResponse.FacetValue> values = new ArrayList<>(counts.size());
        counts.forEach((k, v) -> values.add(new SearchResponse.FacetValue(k, v)));
        if (d == SearchFilters.Dimension.YEAR) {
            values.sort(Comparator.comparing(SearchResponse.FacetValue::value).reversed());
            return values;
        }
        if (values.size() <= FACET_LIMIT) {
            values.sort(FacetCounter::byCount);
            return values;
        }
        PriorityQueue<SearchResponse.FacetValue> top = new PriorityQueue<>(FACET_LIMIT + 1, (a, b) -> byCount(b, a));
        List<String> selected = d == SearchFilters.Dimension.ORG ? filters.orgNames() : filters.departmentNames();
        List<SearchResponse.FacetValue> kept = new ArrayList<>();
        for (SearchResponse.FacetValue v : values) {
            if (top.size() < FACET_LIMIT || byCount(v, top.peek()) < 0) {
                top.add(v);
                if (top.size() > FACET_LIMIT) lost(top.poll(), selected, kept);
            } else {
                lost(v, selected, kept);
            }
        }
        List<SearchResponse.FacetValue> list = new ArrayList<>(top);
        list.sort(FacetCounter::byCount);
        kept.sort(FacetCounter::byCount);
        list.addAll(kept);
        return list;
    }

    /** A value beyond the limit stays listed if the request filters on it. */
    private static void lost(SearchResponse.FacetValue v, List<String> selected, List<SearchResponse.FacetValue> kept) {
        if (selected.contains(v.value())) kept.add(v);
    }

    /** More hits first, then by name. */
    private static int byCount(SearchResponse.FacetValue a, SearchResponse.FacetValue b) {
        return a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.value().compareTo(b.value());
    }

    /** Counts of one search thread; per-segment ordinal counts are named when the search ends. */
    final class Counting implements Collector {
        private final HitPage.Slice top;
        private final int[] years = new int[FiscalYear.MAX - FiscalYear.MIN + 1];
        private final List<SegmentCounts> segments = new ArrayList<>();
        private int total;

        Counting(HitPage.Slice top) {
            this.top = top;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedNumericDocValues year = DocValues.getSortedNumeric(context.reader(), PlanFields.YEAR);
            SegmentCounts department = segment(context, SearchFilters.Dimension.DEPARTMENT, PlanFields.DEPARTMENT_CANONICAL);
            SegmentCounts org = segment(context, SearchFilters.Dimension.ORG, PlanFields.ORG);
            HitPage.Leaf page = top == null ? null : top.leaf(context, org.values());
            // A department is asked for by its canonical name, or by the name used that year where no
            // department in scope is called so now (QueryNames.formerNamesOnly).
            boolean[] canonicalAccepted = accepted(department.values(), filters.departmentNames());
            SortedDocValues printed = canonicalAccepted == null || filters.printedNames().isEmpty() ? null
                    : single(context, PlanFields.DEPARTMENT);
            boolean[] printedAccepted = accepted(printed, filters.printedNames());
            boolean[] orgAccepted = accepted(org.values(), filters.orgNames());
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    if (page != null) page.setScorer(scorer);
                }

                @Override
                public void collect(int doc) throws IOException {
                    int y = year.advanceExact(doc) ? (int) year.nextValue() : Integer.MIN_VALUE;
                    int d = department.values().advanceExact(doc) ? department.values().ordValue() : -1;
                    int o = org.values().advanceExact(doc) ? org.values().ordValue() : -1;
                    boolean yearOk = filters.yearAccepted(y);
                    boolean orgOk = orgAccepted == null || (o >= 0 && orgAccepted[o]);
                    boolean departmentOk = canonicalAccepted == null || (d >= 0 && canonicalAccepted[d])
                            || (printedAccepted != null && printed.advanceExact(doc) && printedAccepted[printed.ordValue()]);
                    if (departmentOk && orgOk && y >= FiscalYear.MIN && y <= FiscalYear.MAX) years[y - FiscalYear.MIN]++;
                    if (yearOk && orgOk && d >= 0) department.counts()[d]++;
                    if (yearOk && departmentOk && o >= 0) org.counts()[o]++;
                    if (yearOk && departmentOk && orgOk) {
                        total++;
                        if (page != null) page.collect(doc, y, o);
                    }
                }
            };
        }

        private SegmentCounts segment(LeafReaderContext context, SearchFilters.Dimension d, String field) throws IOException {
            SortedDocValues values = single(context, field);
            SegmentCounts counts = new SegmentCounts(d, context.reader(), field, values, new int[values.getValueCount()]);
            segments.add(counts);
            return counts;
        }

        @Override
        public ScoreMode scoreMode() {
            return top == null ? ScoreMode.COMPLETE_NO_SCORES : top.scoreMode();
        }

        void flushInto(Map<SearchFilters.Dimension, Map<String, Long>> counts) throws IOException {
            Map<String, Long> yearCounts = counts.get(SearchFilters.Dimension.YEAR);
            for (int i = 0; i < years.length; i++) {
                if (years[i] > 0) yearCounts.merge(Integer.toString(i + FiscalYear.MIN), (long) years[i], Long::sum);
            }
            for (SegmentCounts s : segments) {
                Map<String, Long> named = counts.get(s.dimension());
                String[] ordNames = names.of(s.segment(), s.field(), s.values());
                for (int ord = 0; ord < s.counts().length; ord++) {
                    if (s.counts()[ord] > 0) named.merge(ordNames[ord], (long) s.counts()[ord], Long::sum);
                }
            }
        }
    }

    /** Each entry has at most one department and one organization: single-valued doc values. */
    private static SortedDocValues single(LeafReaderContext context, String field) throws IOException {
        SortedDocValues values = DocValues.unwrapSingleton(DocValues.getSortedSet(context.reader(), field));
        if (values == null) throw new IllegalStateException(field + " must hold one value per entry");
        return values;
    }

    /** Which ordinals of this segment are among the names; null when there is no such filter. */
    private static boolean[] accepted(SortedDocValues values, List<String> names) throws IOException {
        if (names.isEmpty() || values == null) return null;
        boolean[] accepted = new boolean[values.getValueCount()];
        for (String name : names) {
            int ord = values.lookupTerm(new BytesRef(name));
            if (ord >= 0) accepted[ord] = true;
        }
        return accepted;
    }

    private record SegmentCounts(SearchFilters.Dimension dimension, LeafReader segment, String field,
                                 SortedDocValues values, int[] counts) {}
}
