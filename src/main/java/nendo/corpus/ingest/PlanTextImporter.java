package nendo.corpus.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nendo.corpus.CompatFolding;
import nendo.corpus.EraYears;
import nendo.corpus.ingest.ImportedPlan.ReportLine;
import nendo.model.FiscalYear;

/**
 * Reads the text extracted from a plan page: drops the standing notice above the headline, takes
 * the headline (title, series, fiscal year in any era form), the introduction and the contact
 * line, and hands the rest to the lexer and the department attribution.
 */
public final class PlanTextImporter {
    private static final String YEAR = "((?:令和|平成|昭和)(?:元|[0-9０-９]{1,2})年度|[0-9０-９]{4}年度|[RHＲＨ][0-9０-９]{1,2}年度)";
    /** The headline names the year and the series: 令和元年度「各部の運営方針と目標」を策定しました. */
    private static final Pattern HEADLINE = Pattern.compile(YEAR + ".*?「([^」]+)」");
    /** Or, on a cover or a booklet, without brackets: 令和3年度　各部の運営方針と目標. */
    private static final Pattern HEADLINE_PLAIN = Pattern.compile(
            "^" + YEAR + "[\\s\u3000]*([^、。「」\\s\u3000][^、。「」]{0,28}(?:方針|目標|計画|事業))$");
    private static final String DEFAULT_SERIES = "各部の運営方針と目標";
    private static final int MAX_HEADLINE = 60;
    private static final int MAX_KICKER = 30;

    /**
     * @param organization the organization the plan belongs to (raw pages rarely print it)
     * @param fiscalYear the year if given on the command line, else null (read from the headline)
     * @param knownDepartments department names already known for the organization
     * @param infer whether inferred attributions are placed (true) or left for review
     */
    public record Options(String organization, Integer fiscalYear, Set<String> knownDepartments, boolean infer) {}

    public ImportedPlan read(String rawText, String encoding, Options options) {
        List<ReportLine> report = new ArrayList<>();
        CompatFolding.Folded folded = CompatFolding.fold(rawText);
        if (folded.changed() > 0) {
            report.add(new ReportLine(0, ReportLine.Level.INFO,
                    "PDF 由来の互換文字 " + folded.changed() + " 文字を通常の漢字に直しました（例: ⽤ → 用）"));
        }
        List<String> lines = folded.text().lines().toList();

        int headline = findHeadline(lines);
        String title = null;
        String series = DEFAULT_SERIES;
        Integer year = options.fiscalYear();
        int bodyStart = 0;
        if (headline >= 0) {
            title = Labels.strip(lines.get(headline));
            Matcher m = headline(title);
            series = Labels.strip(m.group(2));
            OptionalInt headlineYear = EraYears.parse(m.group(1));
            if (year == null && headlineYear.isPresent()) year = headlineYear.getAsInt();
            if (year != null && headlineYear.isPresent() && headlineYear.getAsInt() != year) {
                report.add(new ReportLine(headline + 1, ReportLine.Level.WARNING, "--year の " + new FiscalYear(year).label()
                        + "は、見出しの年度 " + new FiscalYear(headlineYear.getAsInt()).label()
                        + "と違います。--year の年度で下書きを作りました。原文で確かめてください"));
            }
            int kicker = kicker(lines, headline);
            int preambleEnd = kicker >= 0 ? kicker : headline;
            if (preambleEnd > 0 && lines.subList(0, preambleEnd).stream().anyMatch(l -> !Labels.strip(l).isEmpty())) {
                report.add(new ReportLine(1, ReportLine.Level.INFO, "見出しより前の " + preambleEnd
                        + " 行（お知らせ・案内文）は計画の本文ではないので除きました"));
            }
            if (kicker >= 0) {
                report.add(new ReportLine(kicker + 1, ReportLine.Level.INFO,
                        "「" + Labels.strip(lines.get(kicker)) + "」は記事の見出しとして除きました"));
            }
            report.add(new ReportLine(headline + 1, ReportLine.Level.INFO, "見出し: " + title));
            bodyStart = headline + 1;
        } else {
            report.add(new ReportLine(0, ReportLine.Level.REVIEW,
                    "「令和○年度「各部の運営方針と目標」」のような見出しが見つかりません。title を確認してください"));
        }
        if (year == null) {
            report.add(new ReportLine(0, ReportLine.Level.REVIEW, "年度が分かりません（--year で指定してください）"));
        }

        PlanTextLexer lexer = new PlanTextLexer(options.knownDepartments());
        List<String> intro = new ArrayList<>();
        int i = bodyStart;
        StringBuilder paragraph = null;
        for (; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = Labels.strip(raw);
            if (lexer.startsBody(line)) break;
            if (line.isEmpty() || raw.startsWith("\u3000")) {
                if (paragraph != null) intro.add(paragraph.toString());
                paragraph = line.isEmpty() ? null : new StringBuilder(line);
            } else if (paragraph == null) {
                paragraph = new StringBuilder(line);
            } else {
                paragraph.append(line);
            }
        }
        if (paragraph != null) intro.add(paragraph.toString());

        List<PlanTextLexer.Token> tokens = lexer.tokens(lines.subList(i, lines.size()), i + 1);
        List<String> contacts = new ArrayList<>();
        for (PlanTextLexer.Token t : tokens) {
            if (t instanceof PlanTextLexer.Contact c) {
                contacts.add(c.text());
                report.add(new ReportLine(c.line(), ReportLine.Level.INFO, "問い合わせ先: " + c.text()));
            }
        }
        DepartmentAttribution.Result attributed = DepartmentAttribution.attribute(tokens, options.infer());
        report.addAll(attributed.report());
        if (!options.knownDepartments().isEmpty()) {
            for (ImportedPlan.ImportedDepartment d : attributed.departments()) {
                if (!options.knownDepartments().contains(d.name())) {
                    report.add(new ReportLine(d.measures().isEmpty() ? 0 : d.measures().get(0).line(), ReportLine.Level.WARNING,
                            "部「" + d.name() + "」はこの団体の既知の部名にありません（誤読か新しい部か確認し、新しい部なら aliases.yaml に追加してください）"));
                }
            }
        }
        report.sort(java.util.Comparator.comparingInt(ReportLine::line));

        return new ImportedPlan(options.organization(), year, year == null ? null : new FiscalYear(year).era(),
                series, title, intro.isEmpty() ? null : String.join("\n", intro),
                contacts.isEmpty() ? null : String.join(" / ", contacts), encoding,
                attributed.departments(), attributed.review(), report);
    }

    /** A matcher whose group 1 is the year and group 2 the series, or null if the line is no headline. */
    private static Matcher headline(String line) {
        Matcher bracketed = HEADLINE.matcher(line);
        if (bracketed.find()) return bracketed;
        Matcher plain = HEADLINE_PLAIN.matcher(line);
        return plain.matches() ? plain : null;
    }

    private static int findHeadline(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = Labels.strip(lines.get(i));
            if (line.length() <= MAX_HEADLINE && !line.endsWith("。") && headline(line) != null) return i;
        }
        return -1;
    }

    /** A short line right above the headline, after a blank line, is the article's kicker (各部の取り組みを紹介します). */
    private static int kicker(List<String> lines, int headline) {
        if (headline < 1) return -1;
        String above = Labels.strip(lines.get(headline - 1));
        boolean blankBefore = headline < 2 || Labels.strip(lines.get(headline - 2)).isEmpty();
        return !above.isEmpty() && above.length() <= MAX_KICKER && !above.contains("。") && blankBefore
                ? headline - 1 : -1;
    }
}
