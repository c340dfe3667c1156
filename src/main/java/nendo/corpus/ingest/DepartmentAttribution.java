package nendo.corpus.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nendo.corpus.ingest.ImportedPlan.Basis;
import nendo.corpus.ingest.ImportedPlan.ImportedDepartment;
import nendo.corpus.ingest.ImportedPlan.ImportedMeasure;
import nendo.corpus.ingest.ImportedPlan.ReportLine;
import nendo.corpus.ingest.ImportedPlan.ReviewItem;
import nendo.corpus.ingest.PlanTextLexer.Label;
import nendo.corpus.ingest.PlanTextLexer.Measure;
import nendo.corpus.ingest.PlanTextLexer.Stray;
import nendo.corpus.ingest.PlanTextLexer.Token;

/**
 * Decides which department each measure belongs to. Two layouts are recognised from where the
 * first label falls: labels before their measures (one column, and PDFs read by position), or
 * labels after them (a multi-column page read column by column, as in the seed). In the second,
 * a run of measures followed by one label is certain; a run followed by several labels is split
 * only by the box size every certain box shares; a label left over and a run left without a
 * label are paired only when each is the only one. Anything else goes to review with a reason:
 * a wrong department is never silent.
 */
final class DepartmentAttribution {
    record Result(List<ImportedDepartment> departments, List<ReviewItem> review, List<ReportLine> report) {}

    private final boolean infer;
    private final Map<String, Dept> departments = new LinkedHashMap<>();
    private final List<ReviewItem> review = new ArrayList<>();
    private final List<ReportLine> report = new ArrayList<>();

    /** @param infer whether inferred attributions (box size, elimination) are placed or sent to review */
    private DepartmentAttribution(boolean infer) {
        this.infer = infer;
    }

    /**
     * Chooses the layout from evidence that only one of them produces: a page whose labels come
     * after their boxes starts with a measure, ends with a label and prints two labels together
     * (the second belonging to a box in another column); a page whose labels come before their
     * boxes starts with a label, ends with a measure and has mission paragraphs right after its
     * labels. A single stray measure above the first label thus no longer turns a labels-before
     * page into a labels-after one (which would shift every department by one box).
     */
    static Result attribute(List<Token> tokens, boolean infer) {
        DepartmentAttribution a = new DepartmentAttribution(infer);
        int firstLabel = indexOf(tokens, Label.class);
        int firstMeasure = indexOf(tokens, Measure.class);
        if (firstMeasure < 0) {
            a.report.add(new ReportLine(0, ReportLine.Level.REVIEW, "事業（● などで始まる項目）が見つかりません"));
            a.labelsBefore(tokens);
        } else if (firstLabel < 0) {
            tokens.stream().filter(Measure.class::isInstance).map(Measure.class::cast)
                    .forEach(m -> a.toReview(m, "部名が一つも見つかりません"));
        } else if (labelsComeFirst(tokens, firstLabel < firstMeasure)) {
            a.labelsBefore(tokens);
        } else {
            a.labelsAfter(tokens);
        }
        return a.result();
    }

    private static boolean labelsComeFirst(List<Token> tokens, boolean labelIsFirst) {
        List<Token> structural = tokens.stream().filter(t -> t instanceof Label || t instanceof Measure).toList();
        int before = 0;
        int after = 0;
        if (labelIsFirst) before++; else after++;
        if (structural.get(structural.size() - 1) instanceof Label) after++; else before++;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!(tokens.get(i) instanceof Label)) continue;
            if (tokens.get(i + 1) instanceof Stray) before++;   // a mission paragraph under its label
            if (tokens.get(i + 1) instanceof Label) after++;    // two labels printed together
        }
        return before > after || (before == after && labelIsFirst);
    }

    private Result result() {
        List<ImportedDepartment> result = departments.values().stream()
                .filter(d -> !d.measures.isEmpty() || d.mission != null)
                .map(d -> new ImportedDepartment(d.name, d.basis, d.mission, d.measures)).toList();
        return new Result(result, review, report);
    }

    private void labelsBefore(List<Token> tokens) {
        report.add(new ReportLine(0, ReportLine.Level.INFO, "配置: 部名が事業の前にある形式として読みました"));
        Dept current = null;
        for (Token t : tokens) {
            if (t instanceof Label l) {
                if (current != null && current.measures.isEmpty() && current.mission == null) {
                    report.add(new ReportLine(current.line, ReportLine.Level.WARNING,
                            "部「" + current.name + "」の直後に部「" + l.name() + "」があり、「" + current.name + "」には事業がありません"));
                }
                current = dept(l, Basis.LABEL_BEFORE);
            } else if (t instanceof Measure m) {
                if (current == null) toReview(m, "最初の部名より前にあり、どの部の事業か分かりません");
                else current.measures.add(new ImportedMeasure(m.text(), m.line()));
            } else if (t instanceof Stray s) {
                // Text between a label and its first measure is the department's mission (使命).
                if (current != null && current.measures.isEmpty()) {
                    current.mission = current.mission == null ? s.text() : current.mission + "\n" + s.text();
                } else {
                    stray(s);
                }
            }
        }
        if (current != null && current.measures.isEmpty() && current.mission == null) {
            report.add(new ReportLine(current.line, ReportLine.Level.WARNING, "部「" + current.name + "」には事業がありません"));
        }
    }

    private void labelsAfter(List<Token> tokens) {
        report.add(new ReportLine(0, ReportLine.Level.INFO,
                "配置: 部名が事業の後にある形式（多段組みを列ごとに読んだもの）として読みました"));
        List<Run> runs = new ArrayList<>();
        Run run = new Run();
        for (Token t : tokens) {
            switch (t) {
                case Measure m -> {
                    if (!run.labels.isEmpty()) {
                        runs.add(run);
                        run = new Run();
                    }
                    run.measures.add(m);
                }
                case Label l -> run.labels.add(l);
                case Stray s -> stray(s);
                default -> { }
            }
        }
        if (!run.measures.isEmpty() || !run.labels.isEmpty()) runs.add(run);

        List<Integer> certainSizes = runs.stream().filter(r -> r.labels.size() == 1)
                .map(r -> r.measures.size()).distinct().toList();
        int boxSize = certainSizes.size() == 1 ? certainSizes.get(0) : 0;
        List<Label> leftover = new ArrayList<>();
        List<Run> unlabeled = new ArrayList<>();
        for (Run r : runs) {
            int n = r.measures.size();
            int k = r.labels.size();
            if (k == 0) {
                unlabeled.add(r);
            } else if (k == 1) {
                place(dept(r.labels.get(0), Basis.LABEL_AFTER), r.measures);
            } else if (boxSize > 0 && n % boxSize == 0 && n / boxSize <= k) {
                int boxes = n / boxSize;
                for (int b = 0; b < boxes; b++) {
                    Basis basis = boxes == 1 ? Basis.LABEL_AFTER : Basis.BOX_SIZE;
                    placeOrReview(r.labels.get(b), basis, r.measures.subList(b * boxSize, (b + 1) * boxSize));
                }
                leftover.addAll(r.labels.subList(boxes, k));
            } else {
                String names = r.labels.stream().map(Label::name).collect(Collectors.joining("、"));
                r.measures.forEach(m -> toReview(m, "部名（" + names + "）が続けて現れ、どこで区切るか決められません"));
                leftover.addAll(r.labels);
            }
        }
        if (leftover.size() == 1 && unlabeled.size() == 1) {
            placeOrReview(leftover.remove(0), Basis.ELIMINATION, unlabeled.remove(0).measures);
        }
        for (Run r : unlabeled) {
            r.measures.forEach(m -> toReview(m, "この事業の後に部名がありません"));
        }
        for (Label l : leftover) {
            report.add(new ReportLine(l.line(), ReportLine.Level.WARNING, "部名「" + l.name() + "」に対応する事業が見つかりません"));
        }
    }

    private void placeOrReview(Label label, Basis basis, List<Measure> measures) {
        if (!basis.inferred() || infer) {
            place(dept(label, basis), measures);
            if (basis.inferred()) {
                report.add(new ReportLine(label.line(), ReportLine.Level.WARNING,
                        "部「" + label.name() + "」の事業 " + measures.size() + " 件は" + basis.description()
                                + "。原文で確認してください"));
            }
        } else {
            measures.forEach(m -> toReview(m, "部「" + label.name() + "」の事業と思われますが、" + basis.description()));
        }
    }

    private void place(Dept dept, List<Measure> measures) {
        measures.forEach(m -> dept.measures.add(new ImportedMeasure(m.text(), m.line())));
    }

    private Dept dept(Label label, Basis basis) {
        Dept existing = departments.get(label.name());
        if (existing != null) {
            report.add(new ReportLine(label.line(), ReportLine.Level.WARNING,
                    "部名「" + label.name() + "」が二度現れました（" + existing.line + " 行目にもあります）。事業は同じ部にまとめました"));
            return existing;
        }
        Dept d = new Dept(label.name(), basis, label.line());
        departments.put(label.name(), d);
        return d;
    }

    private void toReview(Measure m, String reason) {
        review.add(new ReviewItem(m.text(), m.line(), reason));
        report.add(new ReportLine(m.line(), ReportLine.Level.REVIEW, reason + "（" + head(m.text()) + "）"));
    }

    private void stray(Stray s) {
        report.add(new ReportLine(s.line(), ReportLine.Level.WARNING,
                "事業にも部の説明にも当たらない文を除きました（" + head(s.text()) + "）"));
    }

    static String head(String text) {
        return text.length() <= 24 ? text : text.substring(0, 24) + "…";
    }

    private static int indexOf(List<Token> tokens, Class<? extends Token> type) {
        for (int i = 0; i < tokens.size(); i++) if (type.isInstance(tokens.get(i))) return i;
        return -1;
    }

    private static final class Run {
        final List<Measure> measures = new ArrayList<>();
        final List<Label> labels = new ArrayList<>();
    }

    private static final class Dept {
        final String name;
        final Basis basis;
        final int line;
        String mission;
        final List<ImportedMeasure> measures = new ArrayList<>();

        Dept(String name, Basis basis, int line) {
            this.name = name;
            this.basis = basis;
            this.line = line;
        }
    }
}
