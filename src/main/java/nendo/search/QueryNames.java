package nendo.search;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import nendo.index.PlanFields;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * Organization and department names typed among the search words (三鷹市 防災, 総務部 防災,
 * 子ども政策部): people type them into the box, but a name is a field of an entry, not its text, so
 * as a word it finds nothing (or only the entries that happen to mention it). A word that is
 * exactly the name of an organization or of a department (current, or printed in some year) in the
 * searched index becomes a filter, as years do ({@link YearTerms}); names are per index, so this runs
 * per search and not in the parse that is remembered per text. A name in quotes, in an OR or after a
 * minus stays a word. The same names tell which department names of a filter are former names only
 * ({@link #formerNamesOnly}).
 */
final class QueryNames {
    /**
     * @param rest the query without the names taken (the query as typed when none was)
     * @param orgs organization names taken, each once
     * @param departments department names taken, each once
     */
    record Extracted(String rest, List<String> orgs, List<String> departments, List<String> notices) {
        boolean any() {
            return !orgs.isEmpty() || !departments.isEmpty();
        }
    }

    /** What separates words (after NFKC): spaces, 、, commas and + (QuerySyntax reads them as AND). */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s、,+|]+");

    /** Organization names, and department names current or printed in some year. */
    private record Names(Set<String> orgs, Set<String> departments, Set<String> current) {}

    private final QuerySyntax syntax = new QuerySyntax();
    private final CommitMemo<Names> known = new CommitMemo<>();

    Extracted extract(IndexSearcher searcher, String q) throws IOException {
        Extracted none = new Extracted(q == null ? "" : q, List.of(), List.of(), List.of());
        if (q == null || q.isBlank() || !mayHoldName(searcher, q)) return none;
        Names names = names(searcher);
        QuerySyntax.Parsed parsed = syntax.parse(q);
        List<List<QuerySyntax.Term>> kept = new ArrayList<>();
        Set<String> orgs = new LinkedHashSet<>();
        Set<String> departments = new LinkedHashSet<>();
        // The repairs of the text as typed (ー訓練 read as -訓練) are told before the names taken: the
        // rest is written anew and would not show them.
        List<String> notices = new ArrayList<>(parsed.notices());
        for (List<QuerySyntax.Term> group : parsed.groups()) {
            QuerySyntax.Term only = group.size() == 1 ? group.get(0) : null;
            if (only != null && !only.phrase() && names.orgs().contains(only.text())) {
                orgs.add(only.text());
                notices.add("「" + only.text() + "」を団体の絞り込みとして扱いました");
            } else if (only != null && !only.phrase() && names.departments().contains(only.text())) {
                departments.add(only.text());
                notices.add("「" + only.text() + "」を部の絞り込みとして扱いました");
            } else {
                kept.add(group);
            }
        }
        // A minus before a name excludes the word from the text, not the organization or department
        // (an entry seldom says its own department's name): say so rather than seem to exclude it.
        List<String> excludedNames = new ArrayList<>();
        for (QuerySyntax.Term term : parsed.excluded()) {
            if (!term.phrase() && (names.orgs().contains(term.text()) || names.departments().contains(term.text()))) {
                excludedNames.add("「-" + term.text() + "」は本文の語として除外しました（団体・部で除くことはできません。"
                        + "絞り込みで団体・部を選んでください）");
            }
        }
        if (orgs.isEmpty() && departments.isEmpty()) {
            return excludedNames.isEmpty() ? none : new Extracted(none.rest(), List.of(), List.of(), List.copyOf(excludedNames));
        }
        notices.addAll(excludedNames);
        String rest = QuerySyntax.text(new QuerySyntax.Parsed(List.copyOf(kept), parsed.excluded(), List.of()));
        return new Extracted(rest, List.copyOf(orgs), List.copyOf(departments), List.copyOf(notices));
    }

    /**
     * The text with each name that a search would take as a filter put in quotes, so that a search
     * of it keeps the name a word, as the comparison counts it ({@link ThemeComparison}): a cell
     * links to the search of its words, and 三鷹市 unquoted would there become the organization.
     *
     * @return the text as given when it holds no such name
     */
    String quoted(IndexSearcher searcher, String q) throws IOException {
        if (q == null || q.isBlank() || !mayHoldName(searcher, q)) return q;
        Names names = names(searcher);
        QuerySyntax.Parsed parsed = syntax.parse(q);
        boolean any = false;
        List<List<QuerySyntax.Term>> groups = new ArrayList<>();
        for (List<QuerySyntax.Term> group : parsed.groups()) {
            QuerySyntax.Term only = group.size() == 1 ? group.get(0) : null;
            if (only != null && !only.phrase()
                    && (names.orgs().contains(only.text()) || names.departments().contains(only.text()))) {
                groups.add(List.of(new QuerySyntax.Term(only.text(), true)));
                any = true;
            } else {
                groups.add(group);
            }
        }
        return any ? QuerySyntax.text(new QuerySyntax.Parsed(groups, parsed.excluded(), List.of())) : q;
    }

    /**
     * The request's department names that no department in its organizations (all, without an
     * organization filter) is called now: only those also match by the name printed that year.
     * A name that is one organization's current name and another's former one (企画部: 三鷹市's
     * department, 架空市's before it became 政策企画部) then means the current department, as the
     * department facet, which counts current names, says: 企画部 there counts 三鷹市's entries, and
     * choosing it must find those. In 架空市 alone, 企画部 is a former name and finds the years printed so.
     */
    List<String> formerNamesOnly(IndexSearcher searcher, SearchRequest r) throws IOException {
        List<String> former = new ArrayList<>();
        if (r.departments().isEmpty()) return former;
        if (r.orgs().isEmpty()) {
            // Without an organization filter the commit's current names say it, without a search.
            Set<String> current = names(searcher).current();
            for (String name : r.departments()) if (!current.contains(name)) former.add(name);
            return former;
        }
        Query orgs = KeywordField.newSetQuery(PlanFields.ORG, r.orgs().stream().map(BytesRef::new).toList());
        for (String name : r.departments()) {
            Query current = KeywordField.newExactQuery(PlanFields.DEPARTMENT_CANONICAL, name);
            current = new BooleanQuery.Builder().add(current, Occur.FILTER).add(orgs, Occur.FILTER).build();
            if (!SearchFilters.exists(searcher, current)) former.add(name);
        }
        return former;
    }

    /**
     * Whether any word as typed (in NFKC) is a name: most queries hold none, and this costs a set
     * lookup per word instead of parsing the query once more.
     */
    private boolean mayHoldName(IndexSearcher searcher, String q) throws IOException {
        Names names = names(searcher);
        for (String word : SEPARATORS.split(Normalizer.normalize(q, Normalizer.Form.NFKC).strip())) {
            if (word.startsWith("-")) word = word.substring(1);
            if (names.orgs().contains(word) || names.departments().contains(word)) return true;
        }
        return false;
    }

    /**
     * The names of the commit searched, read once from the terms of the keyword fields (a few
     * thousand at most, for every municipality). Terms of deleted entries stay until a merge: a name
     * only deleted entries had is still taken, and the search says so in its notice.
     */
    private Names names(IndexSearcher searcher) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        return known.get(reader, () -> {
            Set<String> current = terms(reader, PlanFields.DEPARTMENT_CANONICAL);
            Set<String> departments = new HashSet<>(current);
            departments.addAll(terms(reader, PlanFields.DEPARTMENT));
            return new Names(Set.copyOf(terms(reader, PlanFields.ORG)), Set.copyOf(departments), Set.copyOf(current));
        });
    }

    private static Set<String> terms(IndexReader reader, String field) throws IOException {
        Set<String> out = new HashSet<>();
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms == null) return out;
        TermsEnum it = terms.iterator();
        for (BytesRef term = it.next(); term != null; term = it.next()) out.add(term.utf8ToString());
        return out;
    }
}
