package nendo.search;

import java.util.List;

/**
 * A search as the API receives it, already validated. Empty {@code q} with filters lists entries in
 * document order (browsing).
 */
public record SearchRequest(String q, List<Integer> years, Integer yearFrom, Integer yearTo,
                            List<String> departments, List<String> orgs, List<String> kinds,
                            int page, int size, SortOrder sort) {
    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_QUERY_LENGTH = 1000;
    /** Deepest result reachable by paging; beyond it people refine the query instead. */
    public static final int MAX_WINDOW = 10_000;

    public SearchRequest {
        q = q == null ? "" : q;
        years = List.copyOf(years);
        departments = List.copyOf(departments);
        orgs = List.copyOf(orgs);
        kinds = List.copyOf(kinds);
    }

    public static SearchRequest of(String q) {
        return new SearchRequest(q, List.of(), null, null, List.of(), List.of(), List.of(), 1, DEFAULT_SIZE,
                SortOrder.RELEVANCE);
    }

    /** Result order; browsing without text falls back to document order for RELEVANCE. */
    public enum SortOrder {
        RELEVANCE("relevance"), YEAR_DESC("year_desc"), YEAR_ASC("year_asc");

        private final String param;

        SortOrder(String param) {
            this.param = param;
        }

        public String param() {
            return param;
        }

        public static SortOrder fromParam(String value) {
            for (SortOrder s : values()) {
                if (s.param.equals(value)) return s;
            }
            return null;
        }
    }

    /** The same request, also accepting these organizations and departments (each once). */
    public SearchRequest withAlso(List<String> moreOrgs, List<String> moreDepartments) {
        return new SearchRequest(q, years, yearFrom, yearTo, union(departments, moreDepartments), union(orgs, moreOrgs),
                kinds, page, size, sort);
    }

    private static List<String> union(List<String> a, List<String> b) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
