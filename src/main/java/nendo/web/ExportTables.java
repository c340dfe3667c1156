package nendo.web;

import java.util.stream.Collectors;
import nendo.search.DepartmentFigures;
import nendo.search.DistinctiveTerms;
import nendo.search.RelatedMeasures;
import nendo.search.SearchResponse;
import nendo.search.ThemeComparison;
import nendo.search.WordingChanges;
import nendo.search.YearDiff;

/**
 * Each API answer as a flat table for spreadsheets: one row per hit, per cell of a matrix, per
 * measure of a diff. Field names (second argument of each column) are documented in the README and
 * match the JSON names where there is one.
 */
final class ExportTables {
    private ExportTables() {}

    static CsvTable search(SearchResponse r) {
        CsvTable.Builder t = new CsvTable.Builder()
                .column("ID", "id").column("団体", "org").column("年度", "year").column("和暦", "era")
                .column("部（当時の名称）", "department").column("部（現在の名称）", "department_canonical")
                .column("種別", "kind").column("本文", "text").column("文書ID", "document_id")
                .column("文書名", "document_title").column("サンプル", "sample").column("スコア", "score");
        for (SearchResponse.Hit h : r.hits()) {
            t.row(h.id(), h.org(), h.year(), h.era(), h.department(), h.departmentCanonical(), kindLabel(h.kind()), h.text(),
                    h.documentId(), h.documentTitle(), yesNo(h.sample()), h.score());
        }
        return t.build();
    }

    /**
     * A kind of entry as the page names it: the cells under Japanese headers are read by people in
     * a spreadsheet, not by programs (which take format=json, where kind stays measure/mission).
     */
    static String kindLabel(String kind) {
        if (kind == null) return null;
        return switch (kind) {
            case "measure" -> "主要事業";
            case "mission" -> "部の使命・目標";
            default -> kind;
        };
    }

    /** A yes/no cell in the language of the headers. */
    static String yesNo(boolean value) {
        return value ? "はい" : "いいえ";
    }

    /** The matrix in long form, one row per department × year, then one 全体 row per year. */
    static CsvTable compare(ThemeComparison.Comparison r) {
        CsvTable.Builder t = new CsvTable.Builder()
                .column("団体", "org").column("部", "department").column("当年度の部名", "printed_name")
                .column("年度", "year").column("和暦", "era").column("該当事業数", "matches")
                .column("事業数", "measures").column("割合", "share");
        for (ThemeComparison.DepartmentRow row : r.departments()) {
            for (ThemeComparison.Cell c : row.cells()) {
                Double share = c.measures() == null || c.measures() == 0 ? null : (double) c.matches() / c.measures();
                t.row(row.org(), row.name(), c.printedName(), c.year(), era(r, c.year()), c.matches(), c.measures(),
                        share == null ? null : round(share));
            }
        }
        for (ThemeComparison.YearTotal y : r.years()) {
            t.row(r.org(), "全体", null, y.year(), y.era(), y.matches(), y.measures(), round(y.share()));
        }
        return t.build();
    }

    static CsvTable related(RelatedMeasures.Related r) {
        CsvTable.Builder t = new CsvTable.Builder()
                .column("元の事業ID", "source_id").column("ID", "id").column("団体", "org").column("年度", "year")
                .column("和暦", "era").column("部（当時の名称）", "department")
                .column("部（現在の名称）", "department_canonical").column("類似度", "score")
                .column("同じ団体", "same_organization").column("本文", "text");
        for (RelatedMeasures.RelatedMeasure m : r.related()) {
            t.row(r.measure().id(), m.id(), m.org(), m.year(), m.era(), m.department(), m.departmentCanonical(),
                    m.score(), yesNo(m.sameOrganization()), m.text());
        }
        return t.build();
    }

    /** One row per measure of either year: status continued (with both texts), ended or new. */
    static CsvTable diff(YearDiff.Result r) {
        CsvTable.Builder t = new CsvTable.Builder()
                .column("部", "department").column("部の変化", "relation").column("区分", "status")
                .column("類似度", "similarity").column(r.from() + "年度の事業ID", "from_id")
                .column(r.from() + "年度の部名", "from_department").column(r.from() + "年度の本文", "from_text")
                .column(r.to() + "年度の事業ID", "to_id").column(r.to() + "年度の部名", "to_department")
                .column(r.to() + "年度の本文", "to_text").column("削られた語句", "removed")
                .column("加わった語句", "added");
        for (YearDiff.DepartmentDiff d : r.departments()) {
            for (YearDiff.Pair p : d.continued()) {
                t.row(d.name(), d.relation(), "continued", p.similarity(), p.from().id(), p.from().department(),
                        p.from().text(), p.to().id(), p.to().department(), p.to().text(),
                        changed(p, WordingChanges.Op.removed), changed(p, WordingChanges.Op.added));
            }
            for (YearDiff.DiffMeasure m : d.ended()) {
                t.row(d.name(), d.relation(), "ended", null, m.id(), m.department(), m.text(), null, null, null, null, null);
            }
            for (YearDiff.DiffMeasure m : d.added()) {
                t.row(d.name(), d.relation(), "new", null, null, null, null, m.id(), m.department(), m.text(), null, null);
            }
        }
        return t.build();
    }

    static CsvTable terms(DistinctiveTerms.Result r) {
        CsvTable.Builder t = new CsvTable.Builder()
                .column("順位", "rank").column("語", "term").column("対象の出現数", "target_count")
                .column("対象の事業数", "target_measures").column("比較対象の出現数", "reference_count")
                .column("比較対象の事業数", "reference_measures").column("対象の千語あたり", "target_per_1000")
                .column("比較対象の千語あたり", "reference_per_1000").column("対数尤度比", "log_likelihood");
        int rank = 0;
        for (DistinctiveTerms.KeyTerm k : r.terms()) {
            t.row(++rank, k.term(), k.targetCount(), k.targetMeasures(), k.referenceCount(), k.referenceMeasures(),
                    k.targetPer1000(), k.referencePer1000(), k.logLikelihood());
        }
        return t.build();
    }

    static CsvTable figures(DepartmentFigures.Figures r) {
        CsvTable.Builder t = new CsvTable.Builder()
                .column("団体", "org").column("部", "department").column("当年度の部名", "printed_name")
                .column("年度", "year").column("和暦", "era").column("職員数（人）", "staff")
                .column("予算（千円）", "budget").column("事業数", "measures");
        for (DepartmentFigures.Series s : r.departments()) {
            for (DepartmentFigures.YearFigure y : s.years()) {
                t.row(r.org(), s.name(), y.printedName(), y.year(), y.era(), y.staff(), y.budget(), y.measures());
            }
        }
        return t.build();
    }

    /** The changed words of one side, each change separated by " / ". */
    private static String changed(YearDiff.Pair p, WordingChanges.Op op) {
        String joined = p.changes().stream().filter(s -> s.op() == op).map(WordingChanges.Segment::text)
                .collect(Collectors.joining(" / "));
        return joined.isEmpty() ? null : joined;
    }

    private static String era(ThemeComparison.Comparison r, int year) {
        return r.years().stream().filter(y -> y.year() == year).map(ThemeComparison.YearTotal::era).findFirst()
                .orElse(null);
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
