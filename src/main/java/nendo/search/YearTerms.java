package nendo.search;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import nendo.corpus.EraYears;
import nendo.model.FiscalYear;

/**
 * Takes fiscal years out of the query text (令和元年度, H31, 2019年度…) and turns them into year
 * filters: people type the year into the search box, and 令和元年度 as text would only find the few
 * entries that happen to say so.
 */
final class YearTerms {
    /** The query without its year terms, and the year sets that all must hold (OR within a set). */
    record Extracted(QuerySyntax.Parsed remaining, List<List<Integer>> years, List<String> notices) {}

    private YearTerms() {}

    static Extracted extract(QuerySyntax.Parsed parsed) {
        List<List<QuerySyntax.Term>> groups = new ArrayList<>();
        List<List<Integer>> years = new ArrayList<>();
        List<String> notices = new ArrayList<>(parsed.notices());
        for (List<QuerySyntax.Term> group : parsed.groups()) {
            List<Integer> groupYears = new ArrayList<>();
            for (QuerySyntax.Term term : group) {
                OptionalInt y = term.phrase() ? OptionalInt.empty() : EraYears.parse(term.text());
                if (y.isEmpty()) break;
                groupYears.add(y.getAsInt());
            }
            if (groupYears.size() == group.size()) {
                years.add(groupYears);
                for (int i = 0; i < group.size(); i++) {
                    notices.add("「" + group.get(i).text() + "」を年度 " + new FiscalYear(groupYears.get(i)).label()
                            + " の絞り込みとして扱いました");
                }
            } else {
                groups.add(group);
            }
        }
        QuerySyntax.Parsed remaining = new QuerySyntax.Parsed(List.copyOf(groups), parsed.excluded(), parsed.notices());
        return new Extracted(remaining, List.copyOf(years), List.copyOf(notices));
    }
}
