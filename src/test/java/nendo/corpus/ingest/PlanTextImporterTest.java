package nendo.corpus.ingest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nendo.corpus.CorpusException;
import nendo.corpus.PlanFileFormat;
import nendo.corpus.PlanFileParser;
import nendo.corpus.ingest.ImportedPlan.Basis;
import nendo.corpus.ingest.ImportedPlan.ImportedDepartment;
import nendo.corpus.ingest.ImportedPlan.ImportedMeasure;
import nendo.corpus.ingest.ImportedPlan.ReportLine;
import nendo.corpus.ingest.ImportedPlan.ReviewItem;
import nendo.model.Department;
import nendo.model.Measure;
import nendo.model.PlanDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The raw-text importer and its draft: the seed (Mitaka FY2019, labels printed after their boxes)
 * against the curated corpus/mitaka/2019.md, and hand-written texts in the one-column layout
 * (labels before their measures), with the ambiguous cases that must go to review.
 */
class PlanTextImporterTest {
    /** The seed as extracted from the PDF (shared/README.md, "Reading the seed"). */
    static final Path SEED = Path.of("../shared/seeds/000_ed473fa6d39f6456.txt");
    static final Path CORPUS = Path.of("corpus");
    static final List<String> MITAKA_DEPARTMENTS = List.of("企画部", "総務部", "都市整備部", "市民部", "生活環境部",
            "スポーツと文化部", "健康福祉部", "子ども政策部");
    /** Departments whose measures the seed's layout only lets the importer infer. */
    static final List<String> INFERRED = List.of("総務部", "都市整備部", "子ども政策部");

    private static PlanDocument curated;
    private static String seed;
    private static List<String> seedLines;

    @BeforeAll
    static void readSeedAndCuratedDocument() throws Exception {
        curated = new PlanFileParser().parse(CORPUS, CORPUS.resolve("mitaka/2019.md"));
        seed = Files.readString(SEED, StandardCharsets.UTF_8);
        seedLines = seed.lines().toList();
    }

    static ImportedPlan read(String text, boolean infer) {
        return new PlanTextImporter().read(text, "UTF-8", new PlanTextImporter.Options("三鷹市", null, Set.of(), infer));
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = PlanTextImporterTest.class.getResourceAsStream("/import/" + name)) {
            assertNotNull(in, "fixture /import/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<String> names(ImportedPlan plan) {
        return plan.departments().stream().map(ImportedDepartment::name).toList();
    }

    static List<String> texts(ImportedDepartment dept) {
        return dept.measures().stream().map(ImportedMeasure::text).toList();
    }

    static List<String> curatedTexts(String department) {
        return curated.departments().stream().filter(d -> d.name().equals(department)).findFirst().orElseThrow()
                .measures().stream().map(Measure::text).toList();
    }

    static ImportedDepartment department(ImportedPlan plan, String name) {
        return plan.departments().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no department " + name + " in " + names(plan)));
    }

    /** Every measure of the plan, placed or not. */
    static List<String> allMeasureTexts(ImportedPlan plan) {
        List<String> all = new ArrayList<>();
        plan.departments().forEach(d -> all.addAll(texts(d)));
        plan.review().forEach(r -> all.add(r.text()));
        return all;
    }

    /** Writes a draft as {@code root/<folder>/<year>.md} (with the original beside it when given). */
    static Path writeDraft(Path root, String folder, String draft, String originalName, String original)
            throws IOException {
        Path dir = Files.createDirectories(root.resolve(folder));
        if (originalName != null) Files.writeString(dir.resolve(originalName), original, StandardCharsets.UTF_8);
        // Named <year>.md as in the corpus, which check requires to match fiscalYear.
        java.util.regex.Matcher year = java.util.regex.Pattern.compile("(?m)^fiscalYear: (\\d{4})$").matcher(draft);
        Path file = dir.resolve((year.find() ? year.group(1) : "draft") + ".md");
        Files.writeString(file, draft, StandardCharsets.UTF_8);
        return file;
    }

    static int lineOf(String text, String wholeLine) {
        List<String> lines = text.lines().toList();
        int i = lines.indexOf(wholeLine);
        assertTrue(i >= 0, "no line '" + wholeLine + "' in\n" + text);
        return i + 1;
    }

    // ================================================================== the seed

    @Nested
    class Seed {
        private final ImportedPlan plan = read(seed, true);

        @Test
        void departmentsAndMeasuresAreTheCuratedOnesCharacterForCharacter() {
            assertEquals(MITAKA_DEPARTMENTS, names(plan));
            for (ImportedDepartment d : plan.departments()) {
                assertEquals(curatedTexts(d.name()), texts(d), d.name());
                assertNull(d.mission(), d.name() + ": the newsletter prints no mission");
            }
            assertEquals(List.of(), plan.review());
            assertEquals(24, plan.measureCount());
        }

        @Test
        void metadataIsTheCuratedDocumentsMetadata() {
            assertAll(
                    () -> assertEquals("三鷹市", plan.organization()),
                    () -> assertEquals(2019, plan.fiscalYear()),
                    () -> assertEquals("令和元年度", plan.era()),
                    () -> assertEquals("各部の運営方針と目標", plan.series()),
                    () -> assertEquals(curated.title(), plan.title()),
                    () -> assertEquals("令和元年度「各部の運営方針と目標」を策定しました", plan.title()),
                    () -> assertEquals("企画経営課☎内線2150", plan.contact()),
                    () -> assertEquals(curated.intro(), plan.intro()),
                    () -> assertEquals("UTF-8", plan.encoding()));
        }

        @Test
        void standingNoticeAndKickerAreNotPartOfThePlan() {
            List<String> everything = new ArrayList<>(allMeasureTexts(plan));
            everything.add(plan.intro());
            everything.add(plan.title());
            everything.add(plan.contact());
            for (String text : everything) {
                for (String notice : List.of("市外局番", "ファクス", "冊子", "市立図書館", "各部の取り組みを紹介します")) {
                    assertFalse(text.contains(notice), notice + " in: " + text);
                }
            }
            assertTrue(plan.report().stream().anyMatch(r -> r.line() == 1 && r.level() == ReportLine.Level.INFO
                    && r.message().contains("お知らせ")), "the dropped notice is reported: " + plan.report());
            assertTrue(plan.report().stream().anyMatch(r -> r.line() == 6
                    && r.message().contains("各部の取り組みを紹介します")), "the dropped kicker is reported: " + plan.report());
        }

        @Test
        void eachDepartmentSaysHowItWasAttributed() {
            Map<String, Basis> expected = new LinkedHashMap<>();
            expected.put("企画部", Basis.LABEL_AFTER);
            expected.put("総務部", Basis.BOX_SIZE);
            expected.put("都市整備部", Basis.BOX_SIZE);
            expected.put("市民部", Basis.LABEL_AFTER);
            expected.put("生活環境部", Basis.LABEL_AFTER);
            expected.put("スポーツと文化部", Basis.LABEL_AFTER);
            expected.put("健康福祉部", Basis.LABEL_AFTER);
            expected.put("子ども政策部", Basis.ELIMINATION);
            Map<String, Basis> actual = new LinkedHashMap<>();
            plan.departments().forEach(d -> actual.put(d.name(), d.basis()));
            assertEquals(expected, actual);
        }

        @Test
        void inferredDepartmentsAreWarnedAboutAtTheirLabelLine() {
            for (String dept : INFERRED) {
                int labelLine = seedLines.indexOf(dept) + 1;
                assertTrue(labelLine > 0, dept);
                assertTrue(plan.report().stream().anyMatch(r -> r.line() == labelLine
                                && r.level() == ReportLine.Level.WARNING && r.message().contains("「" + dept + "」")
                                && r.message().contains("推定")),
                        dept + " at line " + labelLine + ": " + plan.report());
            }
            assertEquals(3, plan.report().stream().filter(r -> r.level() == ReportLine.Level.WARNING).count(),
                    plan.report().toString());
        }

        @Test
        void eachMeasureRecordsTheLineOfItsBullet() {
            for (ImportedDepartment d : plan.departments()) {
                for (ImportedMeasure m : d.measures()) {
                    String line = seedLines.get(m.line() - 1);
                    assertTrue(line.contains("●" + m.text().substring(0, 8)), m.line() + ": " + line);
                }
            }
            assertEquals(16, plan.departments().get(0).measures().get(0).line());
        }

        @Test
        void knownDepartmentNamesGiveTheSameResult() {
            ImportedPlan withKnown = new PlanTextImporter().read(seed, "UTF-8",
                    new PlanTextImporter.Options("三鷹市", null, Set.copyOf(MITAKA_DEPARTMENTS), true));
            assertEquals(plan, withKnown);
        }

        @Test
        void yearGivenByTheCallerWinsOverTheHeadline() {
            ImportedPlan given = new PlanTextImporter().read(seed, "UTF-8",
                    new PlanTextImporter.Options("三鷹市", 2020, Set.of(), true));
            assertEquals(2020, given.fiscalYear());
            assertEquals("令和2年度", given.era());
            assertEquals(plan.departments(), given.departments());
        }
    }

    @Nested
    class SeedWithoutInference {
        private final ImportedPlan plan = read(seed, false);

        @Test
        void inferredMeasuresAwaitReviewWithTheirReason() {
            List<String> expected = new ArrayList<>();
            INFERRED.forEach(d -> expected.addAll(curatedTexts(d)));
            assertEquals(expected, plan.review().stream().map(ReviewItem::text).toList());
            for (int i = 0; i < 9; i++) {
                ReviewItem item = plan.review().get(i);
                String dept = INFERRED.get(i / 3);
                assertTrue(item.reason().contains("「" + dept + "」") && item.reason().contains("推定"),
                        item.reason());
                assertTrue(seedLines.get(item.line() - 1).contains("●" + item.text().substring(0, 8)),
                        item.line() + ": " + item.text());
                assertTrue(plan.report().stream().anyMatch(r -> r.line() == item.line()
                        && r.level() == ReportLine.Level.REVIEW && r.message().startsWith(item.reason())), item.text());
            }
        }

        @Test
        void certainDepartmentsAreStillPlaced() {
            assertEquals(List.of("企画部", "市民部", "生活環境部", "スポーツと文化部", "健康福祉部"), names(plan));
            for (ImportedDepartment d : plan.departments()) {
                assertEquals(Basis.LABEL_AFTER, d.basis(), d.name());
                assertEquals(curatedTexts(d.name()), texts(d), d.name());
            }
            assertEquals(24, plan.measureCount());
        }

        @Test
        void draftHasTheReviewHeadingWithTheNineMeasures() {
            String draft = new DraftWriter().write(plan, "mitaka-2019", "テスト", "2019.original.txt");
            int heading = lineOf(draft, "## " + PlanFileFormat.REVIEW_HEADING);
            List<String> after = draft.lines().skip(heading).filter(l -> l.startsWith("- ")).toList();
            assertEquals(plan.review().stream().map(r -> "- " + r.text()).toList(), after);
            assertTrue(draft.contains("9 件"), "the header comment counts the measures to review");
        }
    }

    @Nested
    class SeedDraft {
        @TempDir
        Path root;

        @Test
        void draftParsesToTheCuratedDocument() throws Exception {
            ImportedPlan plan = read(seed, true);
            String draft = new DraftWriter().write(plan, "mitaka-2019", "広報紙（テスト）", "2019.original.txt");
            assertFalse(draft.contains(PlanFileFormat.REVIEW_HEADING), draft);
            Path file = writeDraft(root, "mitaka", draft, "2019.original.txt", seed);

            PlanDocument doc = new PlanFileParser().parse(root, file);
            assertAll(
                    () -> assertEquals("mitaka-2019", doc.id()),
                    () -> assertEquals(curated.organization(), doc.organization()),
                    () -> assertEquals(curated.fiscalYear(), doc.fiscalYear()),
                    () -> assertEquals(curated.series(), doc.series()),
                    () -> assertEquals(curated.title(), doc.title()),
                    () -> assertEquals(curated.intro(), doc.intro()),
                    () -> assertEquals(curated.contact(), doc.contact()),
                    () -> assertEquals("広報紙（テスト）", doc.source()),
                    () -> assertFalse(doc.sample()),
                    () -> assertEquals("mitaka/2019.original.txt", doc.originalPath()),
                    () -> assertEquals(structure(curated), structure(doc)));
        }

        @Test
        void draftCommentsNameTheInferredDepartmentsAndTheEncoding() {
            String draft = new DraftWriter().write(read(seed, true), "mitaka-2019", "テスト", null);
            List<String> comments = draft.lines().skip(1).takeWhile(l -> l.startsWith("#")).toList();
            assertTrue(comments.get(0).contains("UTF-8"), comments.toString());
            for (String dept : INFERRED) {
                assertTrue(comments.stream().anyMatch(c -> c.contains("「" + dept + "」") && c.contains("推定")),
                        dept + ": " + comments);
            }
            for (String certain : List.of("企画部", "市民部", "健康福祉部")) {
                assertTrue(comments.stream().noneMatch(c -> c.contains("「" + certain + "」")), certain);
            }
        }

        @Test
        void draftAwaitingReviewIsRefusedAtTheReviewHeading() throws Exception {
            String draft = new DraftWriter().write(read(seed, false), "mitaka-2019", "テスト", "2019.original.txt");
            Path file = writeDraft(root, "mitaka", draft, "2019.original.txt", seed);
            CorpusException e = assertThrows(CorpusException.class, () -> new PlanFileParser().parse(root, file));
            assertEquals("mitaka/2019.md", e.problem().file());
            assertEquals(lineOf(draft, "## " + PlanFileFormat.REVIEW_HEADING), e.problem().line(), e.problem().toString());
            assertTrue(e.problem().message().contains(PlanFileFormat.REVIEW_HEADING), e.problem().message());
        }
    }

    /** Department names, missions and measure texts, in order. */
    static List<List<String>> structure(PlanDocument doc) {
        List<List<String>> out = new ArrayList<>();
        for (Department d : doc.departments()) {
            List<String> row = new ArrayList<>();
            row.add(d.name());
            row.add(String.valueOf(d.mission()));
            d.measures().forEach(m -> row.add(m.text()));
            out.add(row);
        }
        return out;
    }

    static List<List<String>> structure(ImportedPlan plan) {
        List<List<String>> out = new ArrayList<>();
        for (ImportedDepartment d : plan.departments()) {
            List<String> row = new ArrayList<>();
            row.add(d.name());
            row.add(String.valueOf(d.mission()));
            row.addAll(texts(d));
            out.add(row);
        }
        return out;
    }

    // ================================================================== labels before their measures

    @Nested
    class LabelsBefore {
        private ImportedPlan plan;
        private List<String> lines;

        @BeforeEach
        void importFixture() throws IOException {
            String text = fixture("labels-before.txt");
            lines = text.lines().toList();
            plan = PlanTextImporterTest.read(text, false);
        }

        @Test
        void headlineIntroAndContact() {
            assertAll(
                    () -> assertEquals("令和3年度「各部の運営方針と目標」", plan.title()),
                    () -> assertEquals("各部の運営方針と目標", plan.series()),
                    () -> assertEquals(2021, plan.fiscalYear()),
                    () -> assertEquals("令和3年度", plan.era()),
                    () -> assertEquals("「各部の運営方針と目標」は、各部が主体的に取り組むための「部の経営の全体構想」を示すものです。",
                            plan.intro()),
                    () -> assertEquals("問い合わせ　企画部企画調整課　電話0422-45-1151", plan.contact()));
        }

        @Test
        void departmentsMissionsAndMeasuresExactly() {
            List<ImportedDepartment> expected = List.of(
                    new ImportedDepartment("企画部", Basis.LABEL_BEFORE,
                            "市政全体の総合調整と政策立案を担い、市民とともに持続可能なまちづくりを進めます。", List.of(
                                    new ImportedMeasure("次期基本計画の策定に向けて、市民会議を開催し、幅広い意見を集めます。", 11),
                                    new ImportedMeasure("自治体DXを推進し、行政手続のオンライン化を進めます。", 13))),
                    new ImportedDepartment("総務部", Basis.LABEL_BEFORE, null, List.of(
                            new ImportedMeasure("防災センターを拠点に、ハード・ソフトの両面から地域防災力の強化を図ります。", 16),
                            new ImportedMeasure("業務改善と時差勤務を進め、職員のライフ・ワーク・バランスの推進を図ります。", 18))),
                    new ImportedDepartment("都市整備部", Basis.LABEL_BEFORE, null, List.of(
                            new ImportedMeasure("駅前広場の再整備に向けて、基本設計を行い、令和4年10月から工事に着手します。", 22),
                            new ImportedMeasure("雨水貯留施設の整備を進めます。", 24))),
                    new ImportedDepartment("子ども政策部", Basis.LABEL_BEFORE,
                            "安心して子どもを産み育てられるまちを目指します。", List.of(
                                    new ImportedMeasure("幼児教育・保育の無償化について、円滑な実施に取り組みます。", 28),
                                    new ImportedMeasure("放課後の居場所づくりを進めます。", 30))));
            assertEquals(expected, plan.departments());
            assertEquals(List.of(), plan.review());
        }

        @Test
        void measureLinesPointAtTheirNumbers() {
            for (ImportedDepartment d : plan.departments()) {
                for (ImportedMeasure m : d.measures()) {
                    String line = lines.get(m.line() - 1);
                    assertTrue(line.matches("^(1．|2．|\\(1\\) |\\(2\\) |①|②).*") && line.contains(m.text().substring(0, 5)),
                            m.line() + ": " + line);
                }
            }
        }

        @Test
        void nothingIsWarnedAbout() {
            assertEquals(List.of(), plan.report().stream().filter(r -> r.level() != ReportLine.Level.INFO).toList());
        }

        @Test
        void draftParsesWithMissions(@TempDir Path root) throws Exception {
            String draft = new DraftWriter().write(plan, "kakuu-2021", "テスト", null);
            Path file = writeDraft(root, "kakuu", draft, null, null);
            PlanDocument doc = new PlanFileParser().parse(root, file);
            assertEquals(structure(plan), structure(doc));
            assertEquals(2021, doc.fiscalYear());
            assertEquals(plan.intro(), doc.intro());
            assertEquals(plan.contact(), doc.contact());
            assertEquals("kakuu/2021.md", doc.originalPath(), "no original: the draft is its own original");
        }
    }

    @Nested
    class Continuations {
        private static final String HEAD = "令和3年度「各部の運営方針と目標」\n\n【スポーツと文化部】\n";

        @Test
        void wrappedLinesStartingWithNakaguroOrDigitsContinueTheMeasure() {
            ImportedPlan plan = read(HEAD + """
                    ●三鷹中央防災公園について、ハード
                    ・ソフトの両面から総点検します。
                    ●幼児教育・保育の無償化が
                    10月から実施されます。
                    ●東日本大震災の教訓を踏まえ、
                    3．11を忘れない防災訓練を実施します。
                    """, true);
            assertEquals(List.of("三鷹中央防災公園について、ハード・ソフトの両面から総点検します。",
                    "幼児教育・保育の無償化が10月から実施されます。",
                    "東日本大震災の教訓を踏まえ、3．11を忘れない防災訓練を実施します。"), texts(department(plan, "スポーツと文化部")));
        }

        @Test
        void departmentNameWrappedInsideASentenceIsNotALabel() {
            ImportedPlan plan = read(HEAD + """
                    ●妊娠期からの支援について、
                    健康福祉部
                    と連携して取り組みます。
                    ●高齢者の見守りを進めます。
                    """, true);
            assertEquals(List.of("スポーツと文化部"), names(plan));
            assertEquals(List.of("妊娠期からの支援について、健康福祉部と連携して取り組みます。", "高齢者の見守りを進めます。"),
                    texts(department(plan, "スポーツと文化部")));
        }

        @Test
        void secondSentenceOnItsOwnLineStaysInTheMeasureEvenWhenItMentionsAPhone() {
            // A line that happens to start a measure's second sentence is not a contact line.
            ImportedPlan plan = read(HEAD + """
                    ●子育て相談の窓口を拡充し、相談体制の充実を図ります。
                    また、電話相談は2024年4月から24時間対応とします。
                    ●高齢者の見守りを進めます。
                    """, true);
            assertEquals(List.of("子育て相談の窓口を拡充し、相談体制の充実を図ります。また、電話相談は2024年4月から24時間対応とします。",
                    "高齢者の見守りを進めます。"), texts(department(plan, "スポーツと文化部")));
            assertNull(plan.contact());
        }

        @Test
        void measureTextStartingWithAnAsciiNumberStillGivesAParsableDraft(@TempDir Path root) throws Exception {
            ImportedPlan plan = read(HEAD + "●1. 防災訓練を実施します。\n●2. 職員研修を充実します。\n", true);
            String draft = new DraftWriter().write(plan, "kakuu-2021", "テスト", null);
            PlanDocument doc = new PlanFileParser().parse(root, writeDraft(root, "kakuu", draft, null, null));
            assertEquals(structure(plan), structure(doc));
        }
    }

    // ================================================================== what must go to review

    @Nested
    class Review {
        @Test
        void measureBeforeTheFirstLabelIsNeverSilentlyPlaced() {
            ImportedPlan plan = read("""
                    令和3年度「各部の運営方針と目標」

                    ●どの部の事業か分からない事業を実施します。

                    【企画部】
                    市政全体の総合調整を担います。
                    1．次期基本計画を策定します。
                    2．自治体DXを推進します。

                    【総務部】
                    1．防災訓練を実施します。
                    2．職員研修を充実します。
                    """, true);
            String stray = "どの部の事業か分からない事業を実施します。";
            assertAll(
                    () -> assertTrue(plan.departments().stream().noneMatch(d -> texts(d).contains(stray)),
                            "placed silently: " + structure(plan)),
                    () -> assertEquals(List.of(stray), plan.review().stream().map(ReviewItem::text).toList()),
                    () -> assertEquals(3, plan.review().isEmpty() ? -1 : plan.review().get(0).line()),
                    () -> assertFalse(plan.review().isEmpty() || plan.review().get(0).reason().isBlank()),
                    () -> assertEquals(List.of(
                            new ImportedDepartment("企画部", Basis.LABEL_BEFORE, "市政全体の総合調整を担います。", List.of(
                                    new ImportedMeasure("次期基本計画を策定します。", 7),
                                    new ImportedMeasure("自治体DXを推進します。", 8))),
                            new ImportedDepartment("総務部", Basis.LABEL_BEFORE, null, List.of(
                                    new ImportedMeasure("防災訓練を実施します。", 11),
                                    new ImportedMeasure("職員研修を充実します。", 12)))), plan.departments()));
        }

        @Test
        void ambiguousRunBeforeTwoLabelsAwaitsReview() throws IOException {
            ImportedPlan plan = read(fixture("ambiguous-run.txt"), true);
            assertEquals(List.of(
                    new ImportedDepartment("企画部", Basis.LABEL_AFTER, null, List.of(
                            new ImportedMeasure("企画部の一つ目の事業を実施します。", 3),
                            new ImportedMeasure("企画部の二つ目の事業を実施します。", 4),
                            new ImportedMeasure("企画部の三つ目の事業を実施します。", 6))),
                    new ImportedDepartment("市民部", Basis.LABEL_AFTER, null, List.of(
                            new ImportedMeasure("市民部の一つ目の事業を実施します。", 20),
                            new ImportedMeasure("市民部の二つ目の事業を実施します。", 21),
                            new ImportedMeasure("市民部の三つ目の事業を実施します。", 22)))), plan.departments());
            List<String> ambiguous = List.of("防災訓練を実施します。", "職員研修を充実します。", "窓口を改善します。",
                    "道路を補修します。", "公園を整備します。");
            assertEquals(ambiguous, plan.review().stream().map(ReviewItem::text).toList());
            assertEquals(List.of(10, 11, 12, 13, 14), plan.review().stream().map(ReviewItem::line).toList());
            for (ReviewItem item : plan.review()) {
                assertTrue(item.reason().contains("総務部") && item.reason().contains("都市整備部"), item.reason());
            }
            for (int labelLine : List.of(16, 18)) {
                assertTrue(plan.report().stream().anyMatch(r -> r.line() == labelLine
                        && r.level() == ReportLine.Level.WARNING), labelLine + ": " + plan.report());
            }
            assertEquals(plan, read(fixture("ambiguous-run.txt"), false), "nothing here was inferred");
        }

        @Test
        void ambiguousDraftIsRefusedUntilReviewed(@TempDir Path root) throws Exception {
            String draft = new DraftWriter().write(read(fixture("ambiguous-run.txt"), true), "kakuu-2021", "テスト", null);
            Path file = writeDraft(root, "kakuu", draft, null, null);
            CorpusException e = assertThrows(CorpusException.class, () -> new PlanFileParser().parse(root, file));
            assertEquals(lineOf(draft, "## " + PlanFileFormat.REVIEW_HEADING), e.problem().line());
        }

        @Test
        void textWithoutAnyLabelSendsEveryMeasureToReview() {
            ImportedPlan plan = read("令和3年度「各部の運営方針と目標」\n\n●一つ目の事業を実施します。\n●二つ目の事業を実施します。\n", true);
            assertEquals(List.of(), plan.departments());
            assertEquals(List.of("一つ目の事業を実施します。", "二つ目の事業を実施します。"),
                    plan.review().stream().map(ReviewItem::text).toList());
            assertTrue(plan.review().stream().allMatch(r -> !r.reason().isBlank()));
        }

        @Test
        void textWithoutMeasuresIsReported() {
            ImportedPlan plan = read("令和3年度「各部の運営方針と目標」\n\n企画部\n", true);
            assertEquals(0, plan.measureCount());
            assertTrue(plan.report().stream().anyMatch(r -> r.level() == ReportLine.Level.REVIEW), plan.report().toString());
        }
    }

    // ================================================================== headlines

    static Stream<Arguments> headlines() {
        return Stream.of(
                Arguments.of("令和3年度「各部の運営方針と目標」", 2021, "令和3年度", "各部の運営方針と目標"),
                Arguments.of("2021年度「各部の運営方針と目標」", 2021, "令和3年度", "各部の運営方針と目標"),
                Arguments.of("２０２１年度「各部の運営方針と目標」", 2021, "令和3年度", "各部の運営方針と目標"),
                Arguments.of("R3年度「各部の運営方針と目標」", 2021, "令和3年度", "各部の運営方針と目標"),
                Arguments.of("平成31年度「各部の運営方針と目標」", 2019, "令和元年度", "各部の運営方針と目標"),
                Arguments.of("令和6年度「各部の経営方針と主要事業」", 2024, "令和6年度", "各部の経営方針と主要事業"),
                Arguments.of("2021年度 各部の運営方針と目標", 2021, "令和3年度", "各部の運営方針と目標"),
                Arguments.of("令和3年度　各部の運営方針と目標", 2021, "令和3年度", "各部の運営方針と目標"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headlines")
    void headlineGivesYearEraSeriesAndTitle(String headline, int year, String era, String series) {
        ImportedPlan plan = read(headline + "\n\n【企画部】\n●次期基本計画を策定します。\n", true);
        assertAll(
                () -> assertEquals(year, plan.fiscalYear()),
                () -> assertEquals(era, plan.era()),
                () -> assertEquals(series, plan.series()),
                () -> assertEquals(headline, plan.title()),
                () -> assertNull(plan.intro(), "the headline is not intro text"),
                () -> assertEquals(List.of("企画部"), names(plan)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"【企画部】", "［企画部］", "[企画部]", "〔企画部〕", "〈企画部〉", "《企画部》", "■企画部", "企画部", "　企画部　"})
    void labelFormsPrintedAboveABox(String label) {
        // Every bracket the lexer accepts around a label must also end the intro, or the first box is lost in it.
        ImportedPlan plan = read("令和3年度「各部の運営方針と目標」\n\n" + label
                + "\n1．次期基本計画を策定します。\n\n【総務部】\n1．防災訓練を実施します。\n", true);
        assertEquals(List.of(
                new ImportedDepartment("企画部", Basis.LABEL_BEFORE, null, List.of(new ImportedMeasure("次期基本計画を策定します。", 4))),
                new ImportedDepartment("総務部", Basis.LABEL_BEFORE, null, List.of(new ImportedMeasure("防災訓練を実施します。", 7)))),
                plan.departments());
    }

    @Test
    void missingHeadlineLeavesYearAndTitleForReview() {
        ImportedPlan plan = read("【企画部】\n●次期基本計画を策定します。\n", true);
        assertNull(plan.fiscalYear());
        assertNull(plan.title());
        assertTrue(plan.report().stream().anyMatch(r -> r.level() == ReportLine.Level.REVIEW
                && r.message().contains("年度")), plan.report().toString());
        assertEquals(List.of("企画部"), names(plan));
    }
}
