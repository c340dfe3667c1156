package nendo.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nendo.index.PlanFields;
import nendo.model.ClientError;
import nendo.model.FiscalYear;
import nendo.model.PlanDocument;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * A theme over time: how many measures match a query in each year and department, beside how many
 * measures there were, so that shares stay comparable when a plan grows or shrinks. A cell counts
 * exactly the hits of the equivalent search (same query, filters, kind=measure), which is what the
 * page opens when a cell is clicked; the measures beside it are that search's hits without the
 * query. Years and departments come from the plan documents and from the indexed measures, so
 * measures read from JSON Lines record files are compared as well.
 */
public final class ThemeComparison {
    /** A validated request; {@code org} and {@code dept} are optional. */
    public record Request(String q, String org, String dept, Integer yearFrom, Integer yearTo) {}

    /**
     * {@code queryYears} and {@code queryWithoutYears} as in {@link SearchResponse}: a cell is the
     * search of {@code queryWithoutYears} with the cell's year (the query's other years are columns
     * of their own).
     */
    public record Comparison(String q, List<Integer> queryYears, String queryWithoutYears, String org, String dept,
                             Integer yearFrom, Integer yearTo,
                             List<String> notices, List<SearchResponse.Expansion> expansions, long totalMatches,
                             List<YearTotal> years, List<DepartmentRow> departments) {}

    /** A year in scope: its measures, how many match, and the share (0..1). */
    public record YearTotal(int year, String era, int measures, long matches, double share) {}

    /** One department (canonical name) across the years; {@code names} are the names it was printed under. */
    public record DepartmentRow(String org, String name, List<String> names, long matches, List<Cell> cells) {}

    /** {@code printedName} and {@code measures} are null in a year the department did not exist. */
    public record Cell(int year, String printedName, Integer measures, long matches) {}

    private final UnderstoodQuery.Parser parser;
    private final GroupCounter groups;
    private final QueryNames queryNames;

    /** Every measure of the commit by cell, by organization ({@link #census(IndexSearcher, Request)}). */
    private final CommitMemo<Map<String, List<Map.Entry<GroupCounter.Key, Long>>>> census = new CommitMemo<>();

    /** What a layout depends on besides the commit: the scope, never the query's words. */
    private record LayoutKey(String org, String dept, Integer yearFrom, Integer yearTo, List<Integer> queryYears) {}

    /**
     * Scopes kept per commit. A layout is a row per department and a cell per year (organizations
     * summed beyond {@link AcrossOrganizations#ROWS_PER_ORGANIZATION_UP_TO}): thousands of cells at most.
     */
    private static final int LAYOUTS_KEPT = 64;

    /** Layouts of the commit's comparisons, the most recently used kept. */
    private final CommitMemo<LruMap<LayoutKey, ComparisonLayout>> layouts = new CommitMemo<>();

    ThemeComparison(UnderstoodQuery.Parser parser, GroupCounter groups, QueryNames queryNames) {
        this.parser = parser;
        this.groups = groups;
        this.queryNames = queryNames;
    }

    Comparison compare(IndexSearcher searcher, Request request, Iterable<PlanDocument> documents) throws IOException {
        if (request.q() == null || request.q().isBlank()) {
            throw ClientError.badRequest("q（キーワード）を指定してください（例: q=防災）");
        }
        UnderstoodQuery understood = parser.parse(request.q());
        if (understood.text() == null) {
            throw ClientError.badRequest("q に年度のほかキーワードを指定してください（例: q=防災）");
        }
        ComparisonLayout layout = layout(searcher, request, understood.years(), documents);
        Map<GroupCounter.Key, Long> counts = GroupCounter.ignoringPrinted(groups.count(searcher,
                new SearchFilters(filters(request, layout.dept()), understood.years()).apply(understood.text())));
        long[][] matches = layout.matches(counts);

        long[] matchesPerYear = new long[layout.years().size()];
        List<DepartmentRow> rows = new ArrayList<>();
        for (int r = 0; r < layout.rows().size(); r++) {
            ComparisonLayout.Row row = layout.rows().get(r);
            List<Cell> cells = new ArrayList<>(row.cells().size());
            long rowMatches = 0;
            for (int y = 0; y < row.cells().size(); y++) {
                Cell cell = row.cells().get(y);
                cells.add(new Cell(cell.year(), cell.printedName(), cell.measures(), matches[r][y]));
                rowMatches += matches[r][y];
                matchesPerYear[y] += matches[r][y];
            }
            rows.add(new DepartmentRow(row.org(), row.name(), row.names(), rowMatches, cells));
        }
        List<String> notices = new ArrayList<>(understood.notices());
        List<Integer> outside = understood.years().stream().filter(y -> (request.yearFrom() != null && y < request.yearFrom())
                || (request.yearTo() != null && y > request.yearTo())).toList();
        if (!outside.isEmpty()) {
            // R2 防災 with year_from=2022: the query's year is a column outside the range, so none is left.
            notices.add("検索語の年度 " + String.join("・", outside.stream().map(y -> new FiscalYear(y).label()).toList())
                    + " は指定の年度の範囲（year_from・year_to）の外です");
        }
        // A name among the words stays a word here (the comparison has its own organization and
        // department); a cell's search of these words must keep it one too, so it is quoted there.
        String words = queryNames.quoted(searcher, understood.withoutYears());
        if (!words.equals(understood.withoutYears())) {
            notices.add("年度比較では、検索語の団体名・部名は語として数えます（団体や部で絞るには、団体・部を選んでください）");
        }
        if (layout.summed()) {
            notices.add(String.format("%,d 団体あるため、部は全団体の合計です。団体ごとの推移は団体を選んでください",
                    layout.organizations()));
        }
        rows.sort(Comparator.comparingLong(DepartmentRow::matches).reversed());
        List<YearTotal> years = new ArrayList<>();
        long total = 0;
        int y = 0;
        for (Map.Entry<Integer, Integer> year : layout.years().entrySet()) {
            long yearMatches = matchesPerYear[y++];
            total += yearMatches;
            years.add(new YearTotal(year.getKey(), new FiscalYear(year.getKey()).era(), year.getValue(), yearMatches,
                    year.getValue() == 0 ? 0.0 : Math.round(10000.0 * yearMatches / year.getValue()) / 10000.0));
        }
        return new Comparison(request.q(), understood.queryYears(), words, request.org(),
                request.dept(), request.yearFrom(), request.yearTo(),
                notices, understood.expansions(), total, years, rows);
    }

    /** The comparison's layout for this commit and scope, laid out on first use. */
    private ComparisonLayout layout(IndexSearcher searcher, Request request, List<Integer> queryYears,
                                    Iterable<PlanDocument> documents) throws IOException {
        LayoutKey key = new LayoutKey(request.org(), request.dept(), request.yearFrom(), request.yearTo(), queryYears);
        LruMap<LayoutKey, ComparisonLayout> byScope = layouts.get(searcher.getIndexReader(), () -> new LruMap<>(LAYOUTS_KEPT));
        synchronized (byScope) {
            ComparisonLayout kept = byScope.get(key);
            if (kept != null) return kept;
        }
        // Every measure in the organization by department and year: the denominators, and the
        // departments and years of measures that no plan document lists (record files).
        Map<GroupCounter.Key, Long> measures = measures(searcher, request);
        // A theme is followed through renames: a former name (企画部) stands for the department
        // under its current name, so the years after the rename are counted too.
        AskedDepartment dept = request.dept() == null ? null
                : AskedDepartment.of(request.dept(), request.org(), documents, measures.keySet());
        ComparisonScope scope = ComparisonScope.of(request, dept, queryYears, documents, measures);
        ComparisonLayout laid = ComparisonLayout.of(dept, scope, request.org() == null);
        synchronized (byScope) {
            byScope.put(key, laid);
        }
        return laid;
    }

    /** The measures of the request's organization and years by cell: what its filters would count. */
    private Map<GroupCounter.Key, Long> measures(IndexSearcher searcher, Request request) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        // One organization's measures are a short pass of their own: the census is built for a
        // comparison of every organization, and serves later ones too.
        Map<String, List<Map.Entry<GroupCounter.Key, Long>>> byOrg = census.peek(reader);
        if (byOrg == null && request.org() != null) return groups.count(searcher, everyMeasure(request));
        if (byOrg == null) byOrg = census.get(reader, () -> census(searcher, request));
        int from = request.yearFrom() == null ? Integer.MIN_VALUE : request.yearFrom();
        int to = request.yearTo() == null ? Integer.MAX_VALUE : request.yearTo();
        Iterable<List<Map.Entry<GroupCounter.Key, Long>>> orgs = request.org() == null ? byOrg.values()
                : List.of(byOrg.getOrDefault(request.org(), List.of()));
        Map<GroupCounter.Key, Long> measures = new LinkedHashMap<>();
        for (List<Map.Entry<GroupCounter.Key, Long>> cells : orgs) {
            for (Map.Entry<GroupCounter.Key, Long> cell : cells) {
                if (cell.getKey().year() >= from && cell.getKey().year() <= to) measures.put(cell.getKey(), cell.getValue());
            }
        }
        return measures;
    }

    /**
     * Every measure of the commit counted by cell, by organization. A comparison's denominators are
     * the cells of its organization and years: filtering this in memory replaces a pass over every
     * entry, which took most of a comparison without an organization (2.5 s of it at ten million
     * entries).
     */
    private Map<String, List<Map.Entry<GroupCounter.Key, Long>>> census(IndexSearcher searcher, Request request)
            throws IOException {
        Request everywhere = new Request(request.q(), null, null, null, null);
        List<Map.Entry<GroupCounter.Key, Long>> cells =
                new ArrayList<>(groups.count(searcher, everyMeasure(everywhere)).entrySet());
        // In the order the scope reads them, so that its sort is one pass; by organization, so
        // that one organization's comparison reads only its own cells.
        cells.sort(ComparisonScope.CELL_ORDER);
        Map<String, List<Map.Entry<GroupCounter.Key, Long>>> byOrg = new LinkedHashMap<>();
        for (Map.Entry<GroupCounter.Key, Long> cell : cells) {
            byOrg.computeIfAbsent(cell.getKey().org(), o -> new ArrayList<>()).add(cell);
        }
        return byOrg;
    }

    /** Every measure within the request's organization and years, whatever the query. */
    private static Query everyMeasure(Request request) {
        return new SearchFilters(filters(request, List.of()), List.of()).apply(null);
    }

    /** The equivalent search's filters: the organization, measures only, and the department if given. */
    private static SearchRequest filters(Request request, List<String> depts) {
        return new SearchRequest(request.q(), List.of(), request.yearFrom(), request.yearTo(),
                depts, request.org() == null ? List.of() : List.of(request.org()),
                List.of(PlanFields.KIND_MEASURE), 1, 1, SearchRequest.SortOrder.RELEVANCE);
    }

    /** A map that forgets its least recently used entry beyond a size; callers synchronize. */
    private static final class LruMap<K, V> extends LinkedHashMap<K, V> {
        private final int size;

        LruMap(int size) {
            super(16, 0.75f, true);
            this.size = size;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > size;
        }
    }
}
