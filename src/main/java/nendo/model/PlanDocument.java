package nendo.model;

import java.util.List;

/**
 * One fiscal year's 「各部の運営方針と目標」 of one organization, as structured in the corpus.
 * {@code originalPath} is relative to the corpus root: the verbatim original, or the plan file
 * itself when no separate original exists.
 */
public record PlanDocument(
        String id,
        String organization,
        int fiscalYear,
        String series,
        String title,
        String source,
        boolean sample,
        String intro,
        String contact,
        String sourcePath,
        String originalPath,
        List<Department> departments) {

    public PlanDocument {
        departments = List.copyOf(departments);
    }

    public String era() {
        return new FiscalYear(fiscalYear).era();
    }

    public int measureCount() {
        return departments.stream().mapToInt(d -> d.measures().size()).sum();
    }
}
