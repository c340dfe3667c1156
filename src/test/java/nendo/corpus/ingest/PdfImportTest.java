package nendo.corpus.ingest;

import static nendo.testing.PlanPdfs.Side.BELOW;
import static nendo.testing.PlanPdfs.Side.RIGHT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nendo.cli.Main;
import nendo.corpus.PlanFileParser;
import nendo.model.Department;
import nendo.model.Measure;
import nendo.model.PlanDocument;
import nendo.testing.PlanPdfs;
import nendo.testing.PlanPdfs.Column;
import nendo.testing.PlanPdfs.Dept;
import nendo.testing.PlanPdfs.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated two-column plan PDF, labels beside their boxes, imports with the right departments. */
class PdfImportTest {
    private static final Map<String, List<String>> PLAN = new LinkedHashMap<>();

    static {
        PLAN.put("企画部", List.of("『第5次基本計画』の策定に向けて、市民参加による討議会を開催します。",
                "行財政改革アクションプランに基づき、事務事業の見直しを進めます。"));
        PLAN.put("総務部", List.of("総合防災訓練を実施し、地域の防災力を高めます。",
                "職員の働き方改革を進め、時差勤務を拡充します。", "庁舎の長寿命化に向けた改修計画を策定します。"));
        PLAN.put("市民部", List.of("混雑期に臨時窓口を設け、待ち時間を短縮します。",
                "国民健康保険財政の健全化を図ります。"));
        PLAN.put("生活環境部", List.of("『ごみ処理総合計画』の改定に取り組みます。",
                "商店会と連携し、地域のにぎわいづくりを支援します。"));
        PLAN.put("健康福祉部", List.of("「ウエルカム ベビー プロジェクト みたか」の推進に向け、妊婦面接を実施します。",
                "地域で高齢者を支える仕組みづくりを推進します。", "健康ポイント事業を拡充します。"));
        PLAN.put("子ども政策部", List.of("子育て支援ビジョンの改定に取り組みます。",
                "幼児教育・保育の無償化を円滑に実施します。"));
    }

    @TempDir
    Path dir;

    /** Labels right of and below staggered boxes: the layout whose naive text order scrambles them. */
    private static byte[] scrambledPage() throws Exception {
        List<String> names = List.copyOf(PLAN.keySet());
        return PlanPdfs.pdf(new Page(true, List.of(
                new Column(0, 160, names.subList(0, 3).stream().map(n -> new Dept(n, RIGHT, PLAN.get(n))).toList()),
                new Column(1, 205, names.subList(3, 6).stream().map(n -> new Dept(n, BELOW, PLAN.get(n))).toList())),
                List.of()));
    }

    @Test
    void twoColumnPdfImportsWithTheRightDepartments() throws Exception {
        ImportedPlan plan = new PlanImporter().read(scrambledPage(),
                new PlanTextImporter.Options("三鷹市", null, Set.of(), true));
        assertEquals("PDF", plan.encoding());
        assertEquals(2020, plan.fiscalYear());
        assertEquals("令和2年度", plan.era());
        assertEquals(PlanPdfs.HEADLINE, plan.title());
        assertEquals("各部の運営方針と目標", plan.series());
        assertEquals(PlanPdfs.CONTACT, plan.contact());
        assertEquals(List.of(), plan.review());
        Map<String, List<String>> read = new LinkedHashMap<>();
        for (ImportedPlan.ImportedDepartment d : plan.departments()) {
            read.put(d.name(), d.measures().stream().map(ImportedPlan.ImportedMeasure::text).toList());
            assertEquals(ImportedPlan.Basis.LABEL_BEFORE, d.basis(), d.name() + " is placed by position, not inferred");
        }
        assertEquals(PLAN, read);
    }

    @Test
    void importCommandKeepsThePdfAsTheOriginalAndWritesAValidDraft() throws Exception {
        byte[] pdf = scrambledPage();
        Path input = dir.resolve("newsletter.pdf");
        Files.write(input, pdf);
        Path out = dir.resolve("corpus/mitaka/2020.md");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exit = Main.run(new String[] {"import", input.toString(), "--org", "三鷹市", "--out", out.toString(),
                "--corpus", dir.resolve("corpus").toString()}, new PrintWriter(stdout, true), new PrintWriter(stderr, true));
        assertEquals(0, exit, stdout + "\n" + stderr);
        assertArrayEquals(pdf, Files.readAllBytes(dir.resolve("corpus/mitaka/2020.original.pdf")));

        PlanDocument doc = new PlanFileParser().parse(dir.resolve("corpus"), out);
        assertEquals("mitaka-2020", doc.id());
        assertEquals("mitaka/2020.original.pdf", doc.originalPath());
        Map<String, List<String>> parsed = new LinkedHashMap<>();
        for (Department d : doc.departments()) parsed.put(d.name(), d.measures().stream().map(Measure::text).toList());
        assertEquals(PLAN, parsed);
        assertTrue(stderr.toString().contains("文字コード PDF"), stderr.toString());

        // Served from the archive: the imported year is searchable and its original is the PDF itself.
        try (nendo.testing.TestArchive archive = nendo.testing.TestArchive.of(dir, dir.resolve("corpus"))) {
            String base = archive.serve();
            var http = java.net.http.HttpClient.newHttpClient();
            var response = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(base + "/api/documents/mitaka-2020/original")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode());
            assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElse(""));
            assertArrayEquals(pdf, response.body());
            assertEquals(1, archive.nendo().archive().search(nendo.search.SearchRequest.of("健康ポイント")).total());
        }
    }
}
