package nendo.search;

import java.util.List;

/**
 * One page of hits, with facet counts and how the query was read: {@code queryYears} are fiscal
 * years taken from the query text as filters (any of them, and of the year= parameter, may hold),
 * {@code queryOrgs} and {@code queryDepartments} organization and department names taken from it
 * the same way (with org= and dept=), {@code queryWithoutYears} the query as read without any of
 * them (the query itself when it names none: searched with them as year=, org= and dept= it is the
 * same search), {@code expansions} the synonyms searched too, and
 * {@code notices} explain repairs and interpretations in Japanese; {@code alternatives} are nearby
 * words from the archive's vocabulary, offered when the words found nothing, with or without the
 * filters.
 */
public record SearchResponse(String query, long total, int page, int size, long tookMs, List<Hit> hits,
                             Facets facets, List<Integer> queryYears, List<String> queryOrgs,
                             List<String> queryDepartments, String queryWithoutYears, List<Expansion> expansions,
                             List<String> notices, List<String> alternatives) {

    /** The same response offering other words to try (used when nothing was found). */
    public SearchResponse withAlternatives(List<String> words) {
        return new SearchResponse(query, total, page, size, tookMs, hits, facets, queryYears, queryOrgs, queryDepartments,
                queryWithoutYears, expansions, notices, List.copyOf(words));
    }

    /** A query word that was also searched as its synonyms (synonyms.txt). */
    public record Expansion(String word, List<String> alternatives) {}

    /**
     * One matching entry. {@code snippet} is HTML-escaped text with matches in {@code <mark>};
     * {@code department} is the name used that year, {@code departmentCanonical} its current name.
     */
    public record Hit(String id, String org, int year, String era, String department, String departmentCanonical,
                      String kind, String text,
                      String snippet, String documentId, String documentTitle, boolean sample, float score) {}

    /**
     * Counts per value, each computed with every filter except its own (drill-sideways). Departments
     * and organizations list the 100 values with most hits (and any value filtered on);
     * {@code departmentValues} and {@code orgValues} say how many values had hits in all.
     */
    public record Facets(List<FacetValue> year, List<FacetValue> department, List<FacetValue> org,
                         int departmentValues, int orgValues) {
        /** Whether any facet value has hits: the query's words match entries outside some filter. */
        public boolean found() {
            return !year.isEmpty() || !department.isEmpty() || !org.isEmpty();
        }
    }

    public record FacetValue(String value, long count) {}
}
