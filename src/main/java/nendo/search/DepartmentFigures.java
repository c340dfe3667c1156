package nendo.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nendo.model.ClientError;
import nendo.model.Department;
import nendo.model.FiscalYear;
import nendo.model.PlanDocument;

/**
 * Staff and budget per department and year, as the documents give them (経営資源), followed under
 * each department's canonical name so that a rename does not break the series. Years in which a
 * document gives no figure keep a null, so a chart shows a gap rather than a false zero.
 */
public final class DepartmentFigures {
    /** One department's figures over the years; {@code name} is the canonical name. */
    public record Series(String name, List<YearFigure> years) {}

    /** A year's figures; {@code printedName} is the name the department had that year. */
    public record YearFigure(int year, String era, String printedName, Integer staff, Long budget, int measures) {}

    public record Figures(String org, List<Series> departments) {}

    private DepartmentFigures() {}

    static Figures of(Iterable<PlanDocument> documents, String org, String dept) {
        if (org == null) throw ClientError.badRequest("org を指定してください（例: org=架空市）");
        Map<String, List<YearFigure>> series = new LinkedHashMap<>();
        boolean orgSeen = false;
        for (PlanDocument d : documents) {
            if (!d.organization().equals(org)) continue;
            orgSeen = true;
            for (Department part : d.departments()) {
                if (dept != null && !dept.equals(part.canonical()) && !dept.equals(part.name())) continue;
                series.computeIfAbsent(part.canonical(), k -> new ArrayList<>()).add(new YearFigure(d.fiscalYear(),
                        new FiscalYear(d.fiscalYear()).era(), part.name(), part.staff(), part.budget(),
                        part.measures().size()));
            }
        }
        if (!orgSeen) {
            // Staff and budget are in the plan's front matter; JSON Lines records carry neither.
            throw ClientError.notFound("団体「" + org + "」の計画書（.md）はありません。職員数・予算は計画書から読みます");
        }
        if (series.isEmpty()) throw ClientError.notFound("団体「" + org + "」に部「" + dept + "」はありません");
        List<Series> list = new ArrayList<>();
        series.forEach((name, years) -> list.add(new Series(name, years.stream()
                .sorted(java.util.Comparator.comparingInt(YearFigure::year)).toList())));
        return new Figures(org, list);
    }
}
