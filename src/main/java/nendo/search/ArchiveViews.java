package nendo.search;

import java.util.List;
import nendo.model.CorpusProblem;

/** Records the archive answers with, besides search: documents, measures, years, health. */
public final class ArchiveViews {
    private ArchiveViews() {}

    public record DocumentSummary(String id, String org, int year, String era, String series, String title,
                                  String source, boolean sample, int departments, int measures) {}

    public record DocumentList(List<DocumentSummary> documents) {}

    public record MeasureRef(String id, String text) {}

    public record DepartmentView(String name, String mission, Integer staff, Long budget, List<MeasureRef> measures) {}

    public record DocumentView(String id, String org, int year, String era, String series, String title,
                               String source, boolean sample, String intro, String contact,
                               List<DepartmentView> departments) {}

    public record MeasureView(String id, String org, int year, String era, String department, String kind,
                              String text, String documentId, String documentTitle, boolean sample, int position) {}

    public record YearCount(int year, String era, int documents, int measures) {}

    public record YearList(List<YearCount> years) {}

    public record DepartmentCount(String name, long count) {}

    public record DepartmentList(List<DepartmentCount> departments) {}

    /** A completion; {@code html} is the text HTML-escaped with the typed prefix in {@code <mark>}. */
    public record Suggestion(String text, String reading, int count, String html) {}

    public record SuggestList(String query, List<Suggestion> suggestions) {}

    public record Health(String status, int documents, int measures, int missions, List<CorpusProblem> invalidFiles,
                         String builtAt, String analysis) {}
}
