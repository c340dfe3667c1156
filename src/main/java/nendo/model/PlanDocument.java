package nendo.model;

import java.util.List;

/**
 * One fiscal year's 「各部の運営方針と目標」 of one organization, as structured in the corpus.
 * {@code originalPath} is relative to the corpus root: the verbatim original, or the plan file
 * itself when no separate original exists. {@code seriesCanonical} is the series' current name when
 * the series was renamed (corpus/aliases.yaml), else {@code series}.
 */
public record PlanDocument(
        String id,
        String organization,
        int fiscalYear,
        String series,
        String seriesCanonical,
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

    public PlanDocument withNames(String canonicalSeries, List<Department> renamed) {
        return new PlanDocument(id, organization, fiscalYear, series, canonicalSeries, title, source, sample, intro,
                contact, sourcePath, originalPath, renamed);
    }

    public String era() {
        return new FiscalYear(fiscalYear).era();
    }

    public int measureCount() {
        return departments.stream().mapToInt(d -> d.measures().size()).sum();
    }
}
