package nendo.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import nendo.corpus.EraYears;
import nendo.corpus.GluedYears;
import nendo.model.FiscalYear;

/**
 * Takes fiscal years out of the query text (令和元年度, H31, 2019年度…) and turns them into year
 * filters: people type the year into the search box, and 令和元年度 as text would only find the few
 * entries that happen to say so. A year may stand as a word of its own or be glued to the start or
 * end of a word (令和3年度コロナ, see {@link GluedYears}).
 */
final class YearTerms {
    /**
     * The query without its year terms, and every year named, each once: a measure has one year, so
     * years named in the query are alternatives (R3 R4 コロナ), like years ticked in the year facet.
     */
    record Extracted(QuerySyntax.Parsed remaining, List<Integer> years, List<String> notices) {}

    private YearTerms() {}

    static Extracted extract(QuerySyntax.Parsed parsed) {
        List<List<QuerySyntax.Term>> groups = new ArrayList<>();
        Set<Integer> years = new LinkedHashSet<>();
        List<String> notices = new ArrayList<>(parsed.notices());
        for (List<QuerySyntax.Term> group : parsed.groups()) {
            if (allYears(group, years, notices)) continue;
            // A year glued to a word is taken only when the word must match by itself: in an OR
            // (令和3年度コロナ OR 防災) the year would bind one side only, which no filter can say.
            GluedYears.Split split = group.size() == 1 && !group.get(0).phrase()
                    ? GluedYears.split(group.get(0).text()) : null;
            if (split == null || split.rest().isEmpty()) {
                groups.add(group);
                continue;
            }
            String word = group.get(0).text();
            for (int i = 0; i < split.years().size(); i++) {
                years.add(split.years().get(i));
                notices.add("「" + word + "」の「" + split.expressions().get(i) + "」を年度 "
                        + new FiscalYear(split.years().get(i)).label() + " の絞り込みとして扱いました");
            }
            groups.add(List.of(new QuerySyntax.Term(split.rest(), false)));
        }
        QuerySyntax.Parsed remaining = new QuerySyntax.Parsed(List.copyOf(groups), parsed.excluded(), parsed.notices());
        return new Extracted(remaining, List.copyOf(years), List.copyOf(notices));
    }

    /**
     * Whether every term of the group is a year (or years in brackets: 令和元年度（2019年度）); if so
     * they are added with their notices.
     */
    private static boolean allYears(List<QuerySyntax.Term> group, Set<Integer> years, List<String> notices) {
        List<List<Integer>> found = new ArrayList<>();
        for (QuerySyntax.Term term : group) {
            if (term.phrase()) return false;
            // A word of its own may also be a bare year (防災 2019, FY2021): people type it so, and
            // as text it finds only entries that happen to print the number.
            OptionalInt y = EraYears.parseParameter(term.text());
            if (y.isPresent()) {
                found.add(List.of(y.getAsInt()));
                continue;
            }
            GluedYears.Split split = GluedYears.split(term.text());
            if (split == null || !split.rest().isEmpty()) return false;
            found.add(split.years());
        }
        for (int i = 0; i < group.size(); i++) {
            years.addAll(found.get(i));
            String labels = String.join("・", found.get(i).stream().distinct().map(y -> new FiscalYear(y).label()).toList());
            notices.add("「" + group.get(i).text() + "」を年度 " + labels + " の絞り込みとして扱いました");
        }
        return true;
    }
}
