package nendo.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    /** The id of a department's mission entry; departments are numbered from 1 in document order. */
    public String missionId(int department) {
        return String.format(Locale.ROOT, "%s-%02d-mission", id, department);
    }

    /**
     * The ids this document's entries take in the index (its own, its departments' missions, its
     * measures): a JSON Lines record may not reuse one.
     */
    public List<String> entryIds() {
        List<String> ids = new ArrayList<>();
        ids.add(id);
        for (int d = 0; d < departments.size(); d++) {
            Department dept = departments.get(d);
            if (dept.mission() != null) ids.add(missionId(d + 1));
            dept.measures().forEach(m -> ids.add(m.id()));
        }
        return ids;
    }
}
