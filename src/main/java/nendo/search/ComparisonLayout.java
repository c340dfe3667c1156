package nendo.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of a theme comparison that the query does not change: the years in scope with their
 * measures, and the rows (one per department, or per department name summed over organizations)
 * with each year's printed name and measures. A comparison only adds its matches to it.
 *
 * <p>Kept per index commit and scope ({@link ThemeComparison}): over every municipality's records
 * (1,700 organizations, 1M measures) laying out the 560,000 cells of organization × department ×
 * year took 0.4–0.8 s of each comparison, and counting the query's matches about 3% of that.
 */
final class ComparisonLayout {
    /** A row before the query: {@code cells} hold the printed names and measures, no matches. */
    record Row(String org, String name, List<String> names, List<ThemeComparison.Cell> cells) {}

    /** Where a count lands: the row's organization (null when summed) and department. */
    private record RowKey(String org, String name) {}

    private final AskedDepartment dept;
    private final Map<Integer, Integer> years;
    private final List<Row> rows;
    private final long organizations;
    private final boolean summed;
    private final Map<RowKey, Integer> rowIndex = new HashMap<>();
    private final Map<Integer, Integer> yearIndex = new HashMap<>();

    private ComparisonLayout(AskedDepartment dept, Map<Integer, Integer> years, List<Row> rows, long organizations,
                             boolean summed) {
        this.dept = dept;
        this.years = years;
        this.rows = rows;
        this.organizations = organizations;
        this.summed = summed;
        for (int i = 0; i < rows.size(); i++) rowIndex.put(new RowKey(rows.get(i).org(), rows.get(i).name()), i);
        int y = 0;
        for (int year : years.keySet()) yearIndex.put(year, y++);
    }

    /**
     * Rows in the scope's order, each with a cell for every year in scope. Beyond
     * {@link AcrossOrganizations#ROWS_PER_ORGANIZATION_UP_TO} organizations, a comparison over all
     * of them sums their rows by department name.
     *
     * @param dept the department asked for, or null for all
     */
    static ComparisonLayout of(AskedDepartment dept, ComparisonScope scope, boolean allOrganizations) {
        List<Row> rows = new ArrayList<>();
        Set<String> orgs = new LinkedHashSet<>();
        for (Map.Entry<ComparisonScope.RowKey, Map<Integer, ComparisonScope.Printed>> row : scope.rows().entrySet()) {
            List<ThemeComparison.Cell> cells = new ArrayList<>();
            Set<String> names = new LinkedHashSet<>();
            for (int year : scope.years().keySet()) {
                ComparisonScope.Printed printed = row.getValue().get(year);
                if (printed != null) names.add(printed.name());
                cells.add(new ThemeComparison.Cell(year, printed == null ? null : printed.name(),
                        printed == null ? null : printed.measures(), 0));
            }
            orgs.add(row.getKey().org());
            rows.add(new Row(row.getKey().org(), row.getKey().name(), List.copyOf(names), cells));
        }
        long organizations = allOrganizations ? orgs.size() : 1;
        boolean summed = organizations > AcrossOrganizations.ROWS_PER_ORGANIZATION_UP_TO;
        return new ComparisonLayout(dept, scope.years(), summed ? AcrossOrganizations.sum(rows) : List.copyOf(rows),
                organizations, summed);
    }

    /** The department asked for under its current names (one per organization), or empty for all. */
    List<String> dept() {
        return dept == null ? List.of() : dept.names();
    }

    /** Each year in scope, in order, with its measures. */
    Map<Integer, Integer> years() {
        return years;
    }

    List<Row> rows() {
        return rows;
    }

    long organizations() {
        return organizations;
    }

    boolean summed() {
        return summed;
    }

    /**
     * The matches of each row (index as in {@link #rows()}) per year in scope (in year order), from
     * counts by organization, canonical department and year. A count outside the rows or years is
     * not part of the comparison.
     */
    long[][] matches(Map<GroupCounter.Key, Long> counts) {
        long[][] matches = new long[rows.size()][years.size()];
        counts.forEach((k, v) -> {
            // The filter's names are every organization's; each counts under its own only.
            if (dept != null && !dept.canonicalIn(k.org()).equals(k.department())) return;
            Integer row = rowIndex.get(new RowKey(summed ? null : k.org(), k.department()));
            Integer year = yearIndex.get(k.year());
            if (row != null && year != null) matches[row][year] += v;
        });
        return matches;
    }
}
