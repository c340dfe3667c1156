package nendo.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import nendo.index.PlanFields;
import nendo.model.FiscalYear;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The filters of a request, one per facet dimension: as Lucene queries, and as tests of an entry's
 * doc values for the search pass that counts each facet with all filters but its own.
 */
final class SearchFilters {
    enum Dimension { YEAR, DEPARTMENT, ORG }

    private final Query year;
    private final Query department;
    private final Query org;
    private final Query kind;
    /** Whether the kinds asked for include every kind of entry that holds text (measure and mission). */
    private final boolean allTextKinds;
    private final List<String> departmentNames;
    /** Of {@link #departmentNames}, those matched by the name printed that year too. */
    private final List<String> printedNames;
    private final List<String> orgNames;
    /**
     * The year filter as a table over {@link FiscalYear#MIN}..{@link FiscalYear#MAX}, the same
     * condition as {@link #year}; null without one. It is read for every match of a search (the
     * facet pass): one array load where a chain of predicates cost 2% of the samples at c=8.
     */
    private final boolean[] yearsAccepted;

    /**
     * @param queryYears years taken from the query text ({@link YearTerms}). They belong to the year
     *     dimension with the year= parameter: one filter, any year named in either (a measure has one
     *     year, so R3 R4 コロナ, or R3 コロナ with 2020 ticked, means either year)
     */
    SearchFilters(SearchRequest r, List<Integer> queryYears) {
        this(r, queryYears, r.departments());
    }

    /**
     * @param printedNames the department names also matched by the name an entry's department was
     *     printed under that year, not only by its current name; a subset of the request's
     */
    SearchFilters(SearchRequest r, List<Integer> queryYears, List<String> printedNames) {
        List<Query> years = new ArrayList<>();
        Set<Integer> named = new LinkedHashSet<>(queryYears);
        named.addAll(r.years());
        if (!named.isEmpty()) {
            years.add(IntField.newSetQuery(PlanFields.YEAR, named.stream().mapToInt(Integer::intValue).toArray()));
        }
        if (r.yearFrom() != null || r.yearTo() != null) {
            years.add(IntField.newRangeQuery(PlanFields.YEAR,
                    r.yearFrom() == null ? Integer.MIN_VALUE : r.yearFrom(),
                    r.yearTo() == null ? Integer.MAX_VALUE : r.yearTo()));
        }
        this.year = and(years);
        IntPredicate accepts = named.isEmpty() ? y -> true : named::contains;
        int from = r.yearFrom() == null ? Integer.MIN_VALUE : r.yearFrom();
        int to = r.yearTo() == null ? Integer.MAX_VALUE : r.yearTo();
        this.yearsAccepted = this.year == null ? null : table(accepts.and(y -> y >= from && y <= to));
        this.departmentNames = List.copyOf(r.departments());
        this.printedNames = List.copyOf(printedNames);
        this.orgNames = List.copyOf(r.orgs());
        this.department = r.departments().isEmpty() ? null : departments(r.departments(), printedNames);
        this.org = r.orgs().isEmpty() ? null : KeywordField.newSetQuery(PlanFields.ORG, bytes(r.orgs()));
        // Document entries carry no text and are never hits.
        this.kind = KeywordField.newSetQuery(PlanFields.KIND,
                bytes(r.kinds().isEmpty() ? List.of(PlanFields.KIND_MEASURE, PlanFields.KIND_MISSION) : r.kinds()));
        this.allTextKinds = r.kinds().isEmpty()
                || r.kinds().containsAll(List.of(PlanFields.KIND_MEASURE, PlanFields.KIND_MISSION));
    }

    /** Entries of these departments, each by the name used that year or by its canonical name (across renames). */
    static Query departments(List<String> names) {
        return departments(names, names);
    }

    /** Entries of departments now called one of {@code names}, or printed that year as one of {@code printed}. */
    private static Query departments(List<String> names, List<String> printed) {
        Query current = KeywordField.newSetQuery(PlanFields.DEPARTMENT_CANONICAL, bytes(names));
        if (printed.isEmpty()) return new org.apache.lucene.search.ConstantScoreQuery(current);
        return or(List.of(KeywordField.newSetQuery(PlanFields.DEPARTMENT, bytes(printed)), current));
    }

    /**
     * Whether any live entry matches: stops at the first. A count would read every posting of a
     * large department once the index holds deleted entries (after an update in place), on every
     * search filtered by department.
     */
    static boolean exists(IndexSearcher searcher, Query query) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) continue;
            Bits live = leaf.reader().getLiveDocs();
            DocIdSetIterator docs = scorer.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live == null || live.get(doc)) return true;
            }
        }
        return false;
    }

    /** Whether an entry of this year passes the year filter (true without one). */
    boolean yearAccepted(int year) {
        return yearsAccepted == null
                || (year >= FiscalYear.MIN && year <= FiscalYear.MAX && yearsAccepted[year - FiscalYear.MIN]);
    }

    private static boolean[] table(IntPredicate accepts) {
        boolean[] table = new boolean[FiscalYear.MAX - FiscalYear.MIN + 1];
        for (int i = 0; i < table.length; i++) table[i] = accepts.test(FiscalYear.MIN + i);
        return table;
    }

    /** Departments asked for, each by the name used that year or by its canonical name; empty: all. */
    List<String> departmentNames() {
        return departmentNames;
    }

    /** Of the departments asked for, those also matched by the name printed that year. */
    List<String> printedNames() {
        return printedNames;
    }

    /** Organizations asked for; empty: all. */
    List<String> orgNames() {
        return orgNames;
    }

    /**
     * The text query (or all entries) of the kinds asked for, with no year, department or
     * organization filter.
     *
     * @param wordRequired the text query only matches entries that hold text: when every kind with
     *     text is asked for, the kind filter then excludes nothing and is left out (measured on 1M
     *     records: +2-4% queries per second, from one clause fewer in every match's conjunction)
     */
    Query unfiltered(Query text, boolean wordRequired) {
        if (text != null && wordRequired && allTextKinds) return text;
        return withKinds(text).build();
    }

    /** The text query (or all entries) with every filter. */
    Query apply(Query text) {
        BooleanQuery.Builder b = withKinds(text);
        if (year != null) b.add(year, Occur.FILTER);
        if (department != null) b.add(department, Occur.FILTER);
        if (org != null) b.add(org, Occur.FILTER);
        return b.build();
    }

    private BooleanQuery.Builder withKinds(Query text) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(text == null ? new MatchAllDocsQuery() : text, text == null ? Occur.FILTER : Occur.MUST);
        return b.add(kind, Occur.FILTER);
    }

    private static List<BytesRef> bytes(List<String> values) {
        return values.stream().map(BytesRef::new).toList();
    }

    private static Query or(List<Query> queries) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        queries.forEach(q -> b.add(q, Occur.SHOULD));
        return new org.apache.lucene.search.ConstantScoreQuery(b.build());
    }

    private static Query and(List<Query> queries) {
        if (queries.isEmpty()) return null;
        if (queries.size() == 1) return queries.get(0);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        queries.forEach(q -> b.add(q, Occur.FILTER));
        return b.build();
    }
}
