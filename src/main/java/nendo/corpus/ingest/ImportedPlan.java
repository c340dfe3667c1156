package nendo.corpus.ingest;

import java.util.List;

/**
 * What the importer made of a raw text: the plan as far as it could be read, the measures it
 * could not attribute to a department, and a line-by-line report. This is also the JSON that
 * {@code import --format json} prints for scripts.
 */
public record ImportedPlan(
        String organization,
        Integer fiscalYear,
        String era,
        String series,
        String title,
        String intro,
        String contact,
        String encoding,
        List<ImportedDepartment> departments,
        List<ReviewItem> review,
        List<ReportLine> report) {

    public ImportedPlan {
        departments = List.copyOf(departments);
        review = List.copyOf(review);
        report = List.copyOf(report);
    }

    /**
     * Whether a person must act before the draft is a corpus file: measures left unplaced, or any
     * 要確認 line (no headline, no measures at all).
     */
    public boolean needsReview() {
        return !review.isEmpty() || report.stream().anyMatch(r -> r.level() == ReportLine.Level.REVIEW);
    }

    public int measureCount() {
        return departments.stream().mapToInt(d -> d.measures().size()).sum() + review.size();
    }

    /** How a department was attributed to its measures; anything but the first two is an inference. */
    public enum Basis {
        /** The label was printed right after the box's measures (the seed's multi-column layout). */
        LABEL_AFTER("部名が事業の直後にあります", false),
        /** The label was printed right before its measures (one-column layouts, and PDFs read by position). */
        LABEL_BEFORE("部名が事業の直前にあります", false),
        /** Several boxes ended by several labels, split by the box size the certain boxes share. */
        BOX_SIZE("推定です（部名が続けて現れたため、ほかの部と同じ事業数で区切りました）", true),
        /** The only label left without measures paired with the only measures left without a label. */
        ELIMINATION("推定です（事業のない部名と部名のない事業が一組だけ残ったので組み合わせました）", true);

        private final String description;
        private final boolean inferred;

        Basis(String description, boolean inferred) {
            this.description = description;
            this.inferred = inferred;
        }

        public String description() {
            return description;
        }

        public boolean inferred() {
            return inferred;
        }
    }

    public record ImportedMeasure(String text, int line) {}

    public record ImportedDepartment(String name, Basis basis, String mission, List<ImportedMeasure> measures) {
        public ImportedDepartment {
            measures = List.copyOf(measures);
        }
    }

    /** A measure that needs a person: its text, where it starts, and why it was not placed. */
    public record ReviewItem(String text, int line, String reason) {}

    /** One line of the import report; {@code line} is 0 when it concerns the whole file. */
    public record ReportLine(int line, Level level, String message) {
        public enum Level { INFO, WARNING, REVIEW }
    }
}
