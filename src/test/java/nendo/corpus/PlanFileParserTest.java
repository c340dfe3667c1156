package nendo.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nendo.model.CorpusProblem;
import nendo.model.Department;
import nendo.model.PlanDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanFileParserTest {
    private static final String FRONT = """
            ---
            id: test-2021
            organization: テスト市
            fiscalYear: 2021
            series: 各部の運営方針と目標
            title: 令和3年度「各部の運営方針と目標」
            sample: true
            resources:
              総務部: {staff: 120, budget: 3450000}
            ---
            """;

    @TempDir
    Path dir;

    private PlanDocument parse(String text) throws Exception {
        Path file = dir.resolve("t/2021.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return new PlanFileParser().parse(dir, file);
    }

    private CorpusProblem problem(String text) {
        return assertThrows(CorpusException.class, () -> parse(text)).problem();
    }

    @Test
    void wrappedLinesJoinWithoutSpaceAndInnerSpacesStay() throws Exception {
        PlanDocument doc = parse(FRONT + """

                ## 総務部

                全庁の防災体制を
                整えます。

                - 地域防災リーダーの
                  育成を図ります。
                - 「ウエルカム ベビー」を推進します。
                """);
        Department d = doc.departments().get(0);
        assertEquals("総務部", d.name());
        assertEquals("全庁の防災体制を整えます。", d.mission());
        assertEquals(120, d.staff());
        assertEquals(3450000L, d.budget());
        assertEquals("地域防災リーダーの育成を図ります。", d.measures().get(0).text());
        assertEquals("「ウエルカム ベビー」を推進します。", d.measures().get(1).text());
        assertEquals(17, d.measures().get(0).line());
        assertEquals("test-2021-01-02", d.measures().get(1).id());
        assertEquals("t/2021.md", doc.originalPath(), "without 'original' the plan file is its own original");
    }

    @Test
    void wrongTypeNamesTheLine() {
        CorpusProblem p = problem(FRONT.replace("fiscalYear: 2021", "fiscalYear: 令和3") + "\n## 総務部\n\n- 事業\n");
        assertEquals("t/2021.md", p.file());
        assertEquals(4, p.line());
    }

    @Test
    void aFileNamedAfterAYearMustHoldThatYear() throws Exception {
        CorpusProblem p = problem(FRONT.replace("fiscalYear: 2021", "fiscalYear: 2022") + "\n## 総務部\n\n- 事業\n");
        assertEquals("t/2021.md:4: fiscalYear は 2022 ですが、ファイル名の年度は 2021 です。どちらかの誤りを直してください"
                + "（fiscalYear 2022 does not match the file name 2021.md）", p.toString());

        // A name that is not a year says nothing about the year.
        Path draft = dir.resolve("t/draft.md");
        Files.writeString(draft, FRONT.replace("fiscalYear: 2021", "fiscalYear: 2022") + "\n## 総務部\n\n- 事業\n");
        assertEquals(2022, new PlanFileParser().parse(dir, draft).fiscalYear());
    }

    @Test
    void aFractionalYearOrStaffIsRefusedNotRoundedDown() {
        CorpusProblem year = problem(FRONT.replace("fiscalYear: 2021", "fiscalYear: 2021.5") + "\n## 総務部\n\n- 事業\n");
        assertEquals("t/2021.md:4: 項目 'fiscalYear' の値の型が正しくありません（西暦の年度を整数で書いてください。例: 2024）",
                year.toString());
        CorpusProblem staff = problem(FRONT.replace("staff: 120", "staff: 1.5") + "\n## 総務部\n\n- 事業\n");
        assertEquals(9, staff.line(), staff.toString());
        assertEquals(true, staff.message().contains("0 以上の整数"), staff.toString());
    }

    @Test
    void anEmptyMeasureIsCalledEmptyNotNested() {
        for (String empty : new String[] {"- ", "-", "-   "}) {
            CorpusProblem p = problem(FRONT + "\n## 総務部\n\n- 事業\n" + empty + "\n- 次の事業\n");
            assertEquals("t/2021.md:15: 事業の本文が空です（「- 」の後に事業を書くか、その行を消してください）", p.toString(),
                    "'" + empty + "'");
        }
        CorpusProblem nested = problem(FRONT + "\n## 総務部\n\n- 事業\n  - 入れ子\n");
        assertEquals(true, nested.message().contains("入れ子の箇条書きは使えません"), nested.toString());
    }

    @Test
    void unknownKeyNamesTheLine() {
        CorpusProblem p = problem(FRONT.replace("sample: true", "sampel: true") + "\n## 総務部\n\n- 事業\n");
        assertEquals(7, p.line());
        assertEquals(true, p.message().contains("sampel"), p.message());
    }

    @Test
    void measureBeforeAnyDepartmentIsRejected() {
        CorpusProblem p = problem(FRONT + "\n- 部のない事業\n\n## 総務部\n\n- 事業\n");
        assertEquals(12, p.line());
    }

    @Test
    void resourcesMustNameADepartment() {
        CorpusProblem p = problem(FRONT + "\n## 企画部\n\n- 事業\n");
        assertEquals(true, p.message().contains("総務部"), p.message());
    }

    @Test
    void missingFrontMatterAndUndecodableBytesAreReported() throws Exception {
        assertEquals(1, problem("## 総務部\n\n- 事業\n").line());
        Path file = dir.resolve("latin1.md");
        Files.write(file, (FRONT + "\n## 総務部\n\n- café crème brûlée\n").replaceAll("[^\\x00-\\x7F]", "")
                .concat("- caf\u00e9 cr\u00e8me\n").getBytes("ISO-8859-1"));
        CorpusException e = assertThrows(CorpusException.class, () -> new PlanFileParser().parse(dir, file));
        assertEquals(true, e.problem().message().contains("文字コードを判定できません"), e.problem().message());
    }

    @Test
    void shiftJisAndEucJpFilesReadLikeUtf8() throws Exception {
        String text = FRONT + "\n## 総務部\n\n- 防災訓練を実施し、地域の防災力を高めます。\n";
        Path utf8 = dir.resolve("utf8.md");
        Files.writeString(utf8, text);
        var expected = new PlanFileParser().parse(dir, utf8).departments();
        for (String charset : new String[] {"windows-31j", "EUC-JP"}) {
            Path file = dir.resolve(charset + ".md");
            Files.write(file, text.getBytes(charset));
            assertEquals(expected, new PlanFileParser().parse(dir, file).departments(), charset);
        }
    }
}
