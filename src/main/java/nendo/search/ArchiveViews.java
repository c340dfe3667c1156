package nendo.search;

import java.util.List;
import nendo.model.CorpusProblem;

/** Records the archive answers with, besides search: documents, measures, years, health. */
public final class ArchiveViews {
    private ArchiveViews() {}

    public record DocumentSummary(String id, String org, int year, String era, String series, String title,
                                  String source, boolean sample, int departments, int measures) {}

    /**
     * The plan documents, and the measures read from JSON Lines records ({@code records}, which
     * belong to no plan document) by organization.
     */
    public record DocumentList(List<DocumentSummary> documents, List<RecordCollection> records) {}

    /** An organization's record measures: how many, from which year to which, and per year (newest first). */
    public record RecordCollection(String org, long measures, int fromYear, int toYear, List<RecordYear> years) {}

    public record RecordYear(int year, String era, long measures) {}

    public record MeasureRef(String id, String text) {}

    /** {@code name} as printed that year; {@code canonical} the name it is followed under across years. */
    public record DepartmentView(String name, String canonical, String mission, Integer staff, Long budget,
                                 List<MeasureRef> measures) {}

    public record DocumentView(String id, String org, int year, String era, String series, String seriesCanonical,
                               String title,
                               String source, boolean sample, String intro, String contact,
                               List<DepartmentView> departments) {}

    public record MeasureView(String id, String org, int year, String era, String department,
                              String departmentCanonical, String kind,
                              String text, String documentId, String documentTitle, boolean sample, int position) {}

    public record YearCount(int year, String era, int documents, int measures) {}

    public record YearList(List<YearCount> years) {}

    /** A department under its canonical name, with every name it was printed under and when. */
    public record DepartmentCount(String name, long count, List<NameUse> names) {}

    /** A name a department was printed under, from one fiscal year to another. */
    public record NameUse(String name, int fromYear, int toYear) {}

    public record DepartmentList(List<DepartmentCount> departments) {}

    /** A completion; {@code html} is the text HTML-escaped with the typed prefix in {@code <mark>}. */
    public record Suggestion(String text, String reading, int count, String html) {}

    public record SuggestList(String query, List<Suggestion> suggestions) {}

    /**
     * {@code keptFiles}: invalid files whose last good version is still served from the previous
     * index, so that one broken edit never removes a published document. {@code rebuilding}: a
     * rebuild is under way; until it commits, answers (and these counts) are the index's as built
     * at {@code builtAt}.
     */
    public record Health(String status, int documents, int measures, int missions, List<CorpusProblem> invalidFiles,
                         List<String> keptFiles, String builtAt, String analysis, boolean rebuilding) {}
}
