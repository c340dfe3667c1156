package nendo.corpus.ingest;

import static nendo.testing.PlanPdfs.Side.ABOVE;
import static nendo.testing.PlanPdfs.Side.BELOW;
import static nendo.testing.PlanPdfs.Side.LEFT;
import static nendo.testing.PlanPdfs.Side.RIGHT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nendo.testing.PlanPdfs;
import nendo.testing.PlanPdfs.Column;
import nendo.testing.PlanPdfs.Dept;
import nendo.testing.PlanPdfs.Page;
import nendo.testing.PlanPdfs.Run;
import nendo.testing.PlanPdfs.Side;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** PdfText on PDFs generated like the newsletter page: reading order, labels, spaces, refusals. */
class PdfTextTest {
    /** Each department's measures (fictional, in the style of the plan). */
    private static final Map<String, List<String>> MEASURES = Map.of(
            "企画部", List.of(
                    "『第5次基本計画』の策定に向けて、市民参加による討議会を開催します。",
                    "行財政改革アクションプランに基づき、事務事業の見直しを進めます。",
                    "大学や企業と連携し、まちづくりの研究を進めます。"),
            "総務部", List.of(
                    "総合防災訓練を実施し、地域の防災力を高めます。",
                    "職員の働き方改革を進め、時差勤務を拡充します。"),
            "市民部", List.of(
                    "混雑期に臨時窓口を設け、待ち時間を短縮します。",
                    "市税の収納率の向上に努め、納税相談を充実します。",
                    "国民健康保険財政の健全化を図ります。"),
            "生活環境部", List.of(
                    "『ごみ処理総合計画』の改定に取り組みます。",
                    "商店会と連携し、地域のにぎわいづくりを支援します。"),
            "スポーツと文化部", List.of(
                    "元気創造プラザの利用者満足度の向上を目指します。",
                    "文学者の顕彰事業を実施します。"),
            "健康福祉部", List.of(
                    "「ウエルカム ベビー プロジェクト みたか」の推進に向け、妊婦面接を実施します。",
                    "地域で高齢者を支える仕組みづくりを推進します。"),
            "子ども政策部", List.of(
                    "子育て支援ビジョンの改定に取り組みます。",
                    "幼児教育・保育の無償化を円滑に実施します。"),
            "都市整備部", List.of(
                    "土地利用総合計画の改定に取り組みます。",
                    "下水道施設の長寿命化と地震対策を進めます。"));

    private final PdfText pdfText = new PdfText();

    @Test
    void twoColumnsReadAsColumnsWithEachLabelBeforeItsBox() throws IOException {
        Page page = new Page(true, List.of(
                new Column(0, 160, List.of(dept("企画部", ABOVE), dept("総務部", LEFT), dept("市民部", ABOVE))),
                new Column(1, 160, List.of(dept("スポーツと文化部", LEFT), dept("健康福祉部", ABOVE)))),
                List.of());

        String text = pdfText.extract(PlanPdfs.pdf(page));

        assertEquals(expected(page), text);
        assertTrue(labelsPrecedeTheirMeasures(text, page));
    }

    @Test
    void labelsRightOfAndBelowStaggeredBoxesAreMovedBeforeThem() throws IOException {
        Page page = new Page(true, List.of(
                new Column(0, 160, List.of(dept("企画部", RIGHT), dept("総務部", RIGHT), dept("市民部", RIGHT))),
                new Column(1, 205, List.of(dept("生活環境部", BELOW), dept("健康福祉部", BELOW), dept("子ども政策部", BELOW)))),
                List.of());
        byte[] pdf = PlanPdfs.pdf(page);

        // The case only means something if position-sorted extraction gets the labels wrong.
        String naive;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            naive = stripper.getText(doc);
        }
        assertFalse(labelsPrecedeTheirMeasures(naive, page), naive);

        String text = pdfText.extract(pdf);
        assertEquals(expected(page), text);
        assertTrue(labelsPrecedeTheirMeasures(text, page));
    }

    @Test
    void pagesAreReadInOrderAndABoxContinuedOnPageTwoFollowsPageOne() throws IOException {
        Page first = new Page(true, List.of(
                new Column(0, 160, List.of(dept("企画部", ABOVE), dept("総務部", ABOVE))),
                new Column(1, 160, List.of(dept("市民部", ABOVE), dept("生活環境部", ABOVE)))),
                List.of());
        Dept continued = new Dept(null, ABOVE, List.of("環境センターの跡地利活用について検討します。"));
        Page second = new Page(false, List.of(
                new Column(0, 60, List.of(continued, dept("都市整備部", ABOVE))),
                new Column(1, 60, List.of(dept("子ども政策部", LEFT)))),
                List.of());

        String text = pdfText.extract(PlanPdfs.pdf(first, second));

        assertEquals(expected(first, second), text);
        assertTrue(text.indexOf("生活環境部") < text.indexOf("●環境センターの跡地利活"));
    }

    @Test
    void spacesInsideALineAreKeptAndWrappedLinesStaySeparate() throws IOException {
        float body = 9;
        Page page = new Page(false, List.of(new Column(0, 60, List.of(dept("健康福祉部", ABOVE)))), List.of(
                // No space character, but a gap of 0.7 font sizes: a space.
                new Run(40, 700, body, "企画経営課"),
                new Run(40 + 5 * body + 0.7f * body, 700, body, "☎内線2150"),
                // A gap of 0.2 font sizes is only loose spacing: no space.
                new Run(40, 740, body, "相談・情報課"),
                new Run(40 + 6 * body + 0.2f * body, 740, body, "☎内線2151")));

        List<String> lines = Arrays.asList(pdfText.extract(PlanPdfs.pdf(page)).split("\n", -1));

        assertTrue(lines.contains("●「ウエルカム ベビー プロジ"), lines::toString);
        assertTrue(lines.contains("ェクト みたか」の推進に向け、"), lines::toString);
        assertTrue(lines.contains("企画経営課 ☎内線2150"), lines::toString);
        assertTrue(lines.contains("相談・情報課☎内線2151"), lines::toString);
    }

    @Test
    void aLabelEquallyNearTwoBoxesStaysWhereItFalls() throws IOException {
        List<String> upper = MEASURES.get("総務部");
        List<String> lower = MEASURES.get("市民部");
        float top = 160;
        float gapMiddle = top + PlanPdfs.boxHeight(upper) + 9; // boxes are 18 points apart
        Page page = new Page(false,
                List.of(new Column(0, top, List.of(new Dept(null, ABOVE, upper), new Dept(null, ABOVE, lower)))),
                // Right of the two boxes, level with the gap between them: neither box is nearer.
                List.of(new Run(PlanPdfs.COLUMN_X[0] + PlanPdfs.boxWidth() + 12, gapMiddle + 3.5f, 10, "企画部")));

        String text = pdfText.extract(PlanPdfs.pdf(page));

        String unlabelled = String.join("\n\n", box(upper), box(lower));
        assertEquals(unlabelled + "\n\n企画部\n", text);
    }

    @Test
    void bytesThatAreNotAPdfAreRefusedInJapanese() {
        byte[] garbage = "これは PDF ではありません".getBytes(StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> pdfText.extract(garbage));
        assertTrue(e.getMessage().startsWith("PDF として読めません"), e.getMessage());
    }

    @Test
    void aPdfWithoutTextIsRefusedInJapanese() throws IOException {
        byte[] frameOnly = PlanPdfs.frameOnly();
        IOException e = assertThrows(IOException.class, () -> pdfText.extract(frameOnly));
        assertEquals("PDF に文字が含まれていません（画像だけの PDF は取り込めません）", e.getMessage());
    }

    private static Dept dept(String label, Side side) {
        return new Dept(label, side, MEASURES.get(label));
    }

    /**
     * The contract: per page the header blocks (headline, intro, contact), then the left column's
     * boxes and the right column's, each as its label (if any) followed by its measures' lines;
     * one empty line between blocks and between the measures of a box, which are set apart.
     */
    private static String expected(Page... pages) {
        List<String> sections = new ArrayList<>();
        for (Page page : pages) {
            if (page.header()) {
                sections.add(PlanPdfs.HEADLINE);
                sections.add(String.join("\n", PlanPdfs.introLines()));
                sections.add(PlanPdfs.CONTACT);
            }
            for (Column column : page.columns()) {
                for (Dept dept : column.depts()) {
                    String box = box(dept.measures());
                    sections.add(dept.label() == null ? box : dept.label() + "\n" + box);
                }
            }
        }
        return String.join("\n\n", sections) + "\n";
    }

    private static String box(List<String> measures) {
        return String.join("\n\n", measures.stream().map(m -> String.join("\n", PlanPdfs.measureLines(m))).toList());
    }

    /** Whether every label is on a line of its own, followed (after blank lines) by its box's first line. */
    private static boolean labelsPrecedeTheirMeasures(String text, Page page) {
        List<String> lines = text.lines().map(String::strip).toList();
        for (Column column : page.columns()) {
            for (Dept dept : column.depts()) {
                int at = lines.indexOf(dept.label());
                if (at < 0) return false;
                String next = lines.subList(at + 1, lines.size()).stream()
                        .filter(l -> !l.isEmpty()).findFirst().orElse("");
                if (!next.equals(PlanPdfs.measureLines(dept.measures().get(0)).get(0))) return false;
            }
        }
        return true;
    }
}
