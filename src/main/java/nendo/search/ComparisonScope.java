package nendo.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nendo.model.ClientError;
import nendo.model.Department;
import nendo.model.PlanDocument;

/**
 * The years and departments a theme comparison covers, with the measures in each: the plan
 * documents' departments in document order (a department listed without measures still has its
 * row), then the departments that only indexed measures name (records read from JSON Lines files),
 * by organization and name. Measure counts are always the index's, so that a cell's share divides
 * the hits of a search by the hits of the same search without the query.
 *
 * @param years each year in scope with its number of measures
 * @param rows  each department (canonical name) with its printed name and measures per year
 */
record ComparisonScope(Map<Integer, Integer> years, Map<RowKey, Map<Integer, Printed>> rows) {
    record RowKey(String org, String name) {}

    /**
     * The order cells of measures are read in: organization, department, year, then the printed
     * name with most measures first (a year no document lists goes by it). Counts kept in this
     * order sort again in one linear pass.
     */
    static final Comparator<Map.Entry<GroupCounter.Key, Long>> CELL_ORDER =
            Comparator.comparing((Map.Entry<GroupCounter.Key, Long> e) -> e.getKey().org())
                    .thenComparing(e -> e.getKey().department())
                    .thenComparingInt(e -> e.getKey().year())
                    .thenComparing(e -> -e.getValue())
                    .thenComparing(e -> e.getKey().printed());

    /** A department as printed in one year, and its measures that year. */
    record Printed(String name, int measures) {}

    /**
     * @param dept     the department asked for, or null for all
     * @param measures every measure of the organization (kind=measure, within the year range), by
     *                 organization × canonical department × printed name × year
     */
    static ComparisonScope of(ThemeComparison.Request request, AskedDepartment dept, List<Integer> queryYears,
                              Iterable<PlanDocument> documents, Map<GroupCounter.Key, Long> measures) {
        Map<Integer, Integer> years = new TreeMap<>();
        Map<RowKey, Map<Integer, Printed>> rows = new LinkedHashMap<>();
        Map<GroupCounter.Key, Long> perDepartment = GroupCounter.ignoringPrinted(measures);
        // The counted measures are the organization's already (the count's filter).
        boolean orgSeen = !measures.isEmpty();
        for (PlanDocument d : documents) {
            if (request.org() != null && !request.org().equals(d.organization())) continue;
            orgSeen = true;
            int year = d.fiscalYear();
            if (!inScope(request, queryYears, year)) continue;
            years.putIfAbsent(year, 0);
            for (Department part : d.departments()) {
                if (dept != null && !dept.canonicalIn(d.organization()).equals(part.canonical())) continue;
                long count = perDepartment.getOrDefault(new GroupCounter.Key(d.organization(), part.canonical(), null, year), 0L);
                rows.computeIfAbsent(new RowKey(d.organization(), part.canonical()), k -> new TreeMap<>())
                        .put(year, new Printed(part.name(), (int) count));
            }
        }
        // Departments and years that only measures name, in a stable order.
        List<Map.Entry<GroupCounter.Key, Long>> cells = new ArrayList<>(measures.entrySet());
        cells.sort(CELL_ORDER);
        // By organization and name: the order the sorted cells bring them in.
        Map<RowKey, Map<Integer, Printed>> recordRows = new LinkedHashMap<>();
        for (Map.Entry<GroupCounter.Key, Long> cell : cells) {
            GroupCounter.Key k = cell.getKey();
            if (!inScope(request, queryYears, k.year())) continue;
            // A year the organization has measures in, as a year it has a plan for, is in scope
            // even when the department asked for has none that year.
            years.putIfAbsent(k.year(), 0);
            if (dept != null && !dept.canonicalIn(k.org()).equals(k.department())) continue;
            RowKey row = new RowKey(k.org(), k.department());
            Map<Integer, Printed> listed = rows.get(row);
            if (listed != null && listed.containsKey(k.year())) continue;
            // A year no document lists: named as most of its measures print it.
            long count = perDepartment.get(new GroupCounter.Key(k.org(), k.department(), null, k.year()));
            (listed != null ? listed : recordRows.computeIfAbsent(row, r -> new TreeMap<>()))
                    .putIfAbsent(k.year(), new Printed(k.printed(), (int) count));
        }
        rows.putAll(recordRows);
        Map<Integer, Long> perYear = new HashMap<>();
        perDepartment.forEach((k, v) -> {
            if (years.containsKey(k.year()) && rows.containsKey(new RowKey(k.org(), k.department()))) {
                perYear.merge(k.year(), v, Long::sum);
            }
        });
        years.replaceAll((year, none) -> perYear.getOrDefault(year, 0L).intValue());
        if (request.org() != null && !orgSeen) {
            throw ClientError.notFound("団体「" + request.org() + "」の文書はありません");
        }
        if (dept != null && rows.isEmpty()) {
            throw ClientError.notFound("部「" + request.dept() + "」はこの範囲にありません");
        }
        return new ComparisonScope(years, rows);
    }

    /** The search's year filter ({@link SearchFilters}): within the range, and any year the query names. */
    private static boolean inScope(ThemeComparison.Request request, List<Integer> queryYears, int year) {
        if (request.yearFrom() != null && year < request.yearFrom()) return false;
        if (request.yearTo() != null && year > request.yearTo()) return false;
        return queryYears.isEmpty() || queryYears.contains(year);
    }
}
