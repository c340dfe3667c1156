package nendo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import nendo.corpus.CorpusException;
import nendo.corpus.PlanFileFormat;
import nendo.corpus.PlanFileParser;
import nendo.model.Department;
import nendo.model.Measure;
import nendo.model.PlanDocument;
import nendo.testing.TestArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nendo import} through {@link Main#run}: files written, exit codes, messages. */
class ImportCliTest {
    private static final Path SEED = Path.of("../shared/seeds/000_ed473fa6d39f6456.txt");
    private static final int NEEDS_REVIEW = 3;

    private static PlanDocument curated;
    private static byte[] seedBytes;

    @TempDir
    Path temp;

    /** An empty place for --corpus, so that the bundled corpus never leaks into a test. */
    private Path noCorpus;
    private Path out;

    @BeforeAll
    static void readCurated() throws Exception {
        curated = new PlanFileParser().parse(TestArchive.BUNDLED_CORPUS, TestArchive.BUNDLED_CORPUS.resolve("mitaka/2019.md"));
        seedBytes = Files.readAllBytes(SEED);
    }

    @BeforeEach
    void paths() {
        noCorpus = temp.resolve("no-corpus");
        out = temp.resolve("drafts/mitaka/2019.md");
    }

    private static CliResult run(String... args) {
        return CliResult.run(args);
    }

    private CliResult importSeed(String... extra) {
        List<String> args = new ArrayList<>(List.of("import", SEED.toString(), "--corpus", noCorpus.toString()));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    private static List<List<String>> structure(PlanDocument doc) {
        List<List<String>> rows = new ArrayList<>();
        for (Department d : doc.departments()) {
            List<String> row = new ArrayList<>(List.of(d.name()));
            d.measures().stream().map(Measure::text).forEach(row::add);
            rows.add(row);
        }
        return rows;
    }

    private static void assertNoStackTrace(CliResult r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "no stack trace: " + r);
    }

    // ------------------------------------------------------------------ drafts

    @Test
    void seedBecomesADraftAndItsOriginal() throws Exception {
        CliResult r = importSeed("--org", "三鷹市", "--out", out.toString());
        assertEquals(0, r.exit(), r.toString());

        Path original = out.resolveSibling("2019.original.txt");
        assertArrayEquals(seedBytes, Files.readAllBytes(original), "the original is kept byte for byte");
        PlanDocument doc = new PlanFileParser().parse(temp.resolve("drafts"), out);
        assertEquals("mitaka-2019", doc.id(), "id from the folder and the year");
        assertEquals("三鷹市", doc.organization());
        assertEquals(2019, doc.fiscalYear());
        assertEquals(curated.title(), doc.title());
        assertEquals(curated.intro(), doc.intro());
        assertEquals(curated.contact(), doc.contact());
        assertEquals("mitaka/2019.original.txt", doc.originalPath());
        assertEquals(structure(curated), structure(doc));
        assertTrue(doc.source().contains("000_ed473fa6d39f6456.txt"), doc.source());
        assertTrue(r.out().contains(out.toString()), r.toString());
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(List.of("2019.md", "2019.original.txt"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file left behind");
        }
    }

    @Test
    void reportLinesNameFileAndLine() {
        CliResult r = importSeed("--org", "三鷹市", "--out", out.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains(SEED + ":15: 問い合わせ先: 企画経営課☎内線2150"), r.toString());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith(SEED + ":71: ") && l.contains("総務部")), r.toString());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith(SEED + ":36: ") && l.contains("子ども政策部")), r.toString());
        assertTrue(r.err().contains("事業 24 件"), r.toString());
    }

    @Test
    void existingDraftIsNotOverwrittenWithoutForce() throws Exception {
        assertEquals(0, importSeed("--org", "三鷹市", "--out", out.toString()).exit());
        Files.writeString(out, "\n- 人が書き足した行\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        byte[] edited = Files.readAllBytes(out);

        CliResult again = importSeed("--org", "三鷹市", "--out", out.toString());
        assertEquals(2, again.exit(), again.toString());
        assertTrue(again.err().contains(out.toString()) && again.err().contains("--force"), again.toString());
        assertArrayEquals(edited, Files.readAllBytes(out), "the edited draft is untouched");
        assertArrayEquals(seedBytes, Files.readAllBytes(out.resolveSibling("2019.original.txt")));
        assertNoStackTrace(again);

        CliResult forced = importSeed("--org", "三鷹市", "--out", out.toString(), "--force");
        assertEquals(0, forced.exit(), forced.toString());
        assertFalse(Files.readString(out, StandardCharsets.UTF_8).contains("人が書き足した行"));
    }

    @Test
    void existingOriginalAloneAlsoStopsTheImportBeforeAnythingIsWritten() throws Exception {
        Path original = out.resolveSibling("2019.original.txt");
        Files.createDirectories(original.getParent());
        Files.writeString(original, "前の原文\n", StandardCharsets.UTF_8);

        CliResult r = importSeed("--org", "三鷹市", "--out", out.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains(original.toString()), r.toString());
        assertFalse(Files.exists(out), "no draft without its original");
        assertEquals("前の原文\n", Files.readString(original, StandardCharsets.UTF_8));
    }

    @Test
    void withoutOutTheDraftGoesToStdout() throws Exception {
        CliResult r = importSeed("--org", "三鷹市");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("---\n"), r.toString());
        assertTrue(r.out().contains("\n## 子ども政策部\n"), r.toString());
        assertTrue(r.out().contains("fiscalYear: 2019"), r.toString());
        assertFalse(r.out().contains("original:"), "no original is written without --out");
        assertFalse(Files.exists(temp.resolve("drafts")));
    }

    @Test
    void organizationComesFromTheFolderOfTheCorpus() throws Exception {
        Path corpus = temp.resolve("corpus");
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, corpus);
        Path draft = corpus.resolve("mitaka/2020.md");
        CliResult r = run("import", SEED.toString(), "--year", "2020", "--out", draft.toString(),
                "--corpus", corpus.toString());
        assertEquals(0, r.exit(), r.toString());
        String text = Files.readString(draft, StandardCharsets.UTF_8);
        assertTrue(text.contains("organization: 三鷹市"), text);
        assertTrue(text.contains("id: mitaka-2020"), text);
        assertTrue(text.contains("original: 2020.original.txt"), text);
        assertArrayEquals(seedBytes, Files.readAllBytes(corpus.resolve("mitaka/2020.original.txt")));
    }

    @Test
    void yearAndIdOptions() throws Exception {
        Path out2020 = out.resolveSibling("2020.md");
        CliResult r = importSeed("--org", "三鷹市", "--year", "令和2年度", "--id", "mitaka-2020b", "--out", out2020.toString());
        assertEquals(0, r.exit(), r.toString());
        PlanDocument doc = new PlanFileParser().parse(temp.resolve("drafts"), out2020);
        assertEquals(2020, doc.fiscalYear());
        assertEquals("mitaka-2020b", doc.id());
    }

    @Test
    void unreadableYearIsRefused() {
        CliResult r = importSeed("--org", "三鷹市", "--year", "いつか");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--year"), r.toString());
        assertNoStackTrace(r);
    }

    // ------------------------------------------------------------------ json

    @Test
    void jsonFormatPrintsThePlan() throws Exception {
        CliResult r = importSeed("--org", "三鷹市", "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode plan = new ObjectMapper().readTree(r.out());
        assertEquals(8, plan.get("departments").size(), r.out());
        assertEquals("企画部", plan.get("departments").get(0).get("name").asText());
        assertEquals("LABEL_AFTER", plan.get("departments").get(0).get("basis").asText());
        assertEquals(3, plan.get("departments").get(7).get("measures").size());
        assertEquals(curated.departments().get(0).measures().get(0).text(),
                plan.get("departments").get(0).get("measures").get(0).get("text").asText());
        assertEquals(16, plan.get("departments").get(0).get("measures").get(0).get("line").asInt());
        assertEquals(2019, plan.get("fiscalYear").asInt());
        assertEquals("令和元年度", plan.get("era").asText());
        assertEquals("三鷹市", plan.get("organization").asText());
        assertEquals("UTF-8", plan.get("encoding").asText());
        assertEquals(0, plan.get("review").size());
        assertTrue(plan.get("report").size() > 0);
    }

    // ------------------------------------------------------------------ review

    @Test
    void noInferLeavesMeasuresForReviewAndExitsThree() throws Exception {
        CliResult r = importSeed("--org", "三鷹市", "--out", out.toString(), "--no-infer");
        assertEquals(NEEDS_REVIEW, r.exit(), r.toString());
        assertTrue(r.err().contains("要確認"), r.toString());
        assertTrue(r.err().contains("うち要確認 9 件"), r.toString());
        String draft = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(draft.contains("\n## " + PlanFileFormat.REVIEW_HEADING + "\n"), draft);
        CorpusException e = assertThrows(CorpusException.class,
                () -> new PlanFileParser().parse(temp.resolve("drafts"), out));
        assertTrue(e.problem().line() > 0, e.problem().toString());
        assertArrayEquals(seedBytes, Files.readAllBytes(out.resolveSibling("2019.original.txt")));
    }

    @Test
    void noInferWithJsonListsTheReview() throws Exception {
        CliResult r = importSeed("--org", "三鷹市", "--format", "json", "--no-infer");
        assertEquals(NEEDS_REVIEW, r.exit(), r.toString());
        JsonNode plan = new ObjectMapper().readTree(r.out());
        assertEquals(5, plan.get("departments").size());
        assertEquals(9, plan.get("review").size());
        assertTrue(plan.get("review").get(0).get("reason").asText().contains("総務部"));
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void missingFile() {
        Path missing = temp.resolve("ない.txt");
        CliResult r = run("import", missing.toString(), "--org", "三鷹市", "--corpus", noCorpus.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains(missing.toString()), r.toString());
        assertNoStackTrace(r);
    }

    @Test
    void emptyFile() throws IOException {
        Path empty = Files.createFile(temp.resolve("empty.txt"));
        CliResult r = run("import", empty.toString(), "--org", "三鷹市", "--out", out.toString(),
                "--corpus", noCorpus.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains(empty.toString()) && r.err().contains("空"), r.toString());
        assertFalse(Files.exists(out));
        assertNoStackTrace(r);
    }

    @Test
    void undecodableBytes() throws IOException {
        byte[] bytes = new byte[2048];
        new Random(3L).nextBytes(bytes);
        bytes[0] = 'x';
        Path file = Files.write(temp.resolve("broken.txt"), bytes);
        CliResult r = run("import", file.toString(), "--org", "三鷹市", "--out", out.toString(),
                "--corpus", noCorpus.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains(file.toString()) && r.err().contains("文字コード"), r.toString());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(out.resolveSibling("2019.original.txt")));
        assertNoStackTrace(r);
    }

    @Test
    void shiftJisFileIsImportedAndKeptAsReceived() throws Exception {
        byte[] sjis = new String(seedBytes, StandardCharsets.UTF_8).replace("☎", "電話")
                .getBytes(java.nio.charset.Charset.forName("windows-31j"));
        Path file = Files.write(temp.resolve("sjis.txt"), sjis);
        CliResult r = run("import", file.toString(), "--org", "三鷹市", "--out", out.toString(),
                "--corpus", noCorpus.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("文字コード Shift_JIS"), r.toString());
        assertArrayEquals(sjis, Files.readAllBytes(out.resolveSibling("2019.original.txt")));
        PlanDocument doc = new PlanFileParser().parse(temp.resolve("drafts"), out);
        assertEquals(structure(curated), structure(doc));
        assertEquals("企画経営課電話内線2150", doc.contact());
    }

    @Test
    void missingOrganizationWithoutCorpus() {
        CliResult r = importSeed("--out", out.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--org"), r.toString());
        assertTrue(r.err().contains(SEED.toString()), r.toString());
        assertFalse(Files.exists(out));
        assertNoStackTrace(r);
    }

    @Test
    void missingYearIsRefusedWhenTheHeadlineHasNone() throws IOException {
        Path file = Files.writeString(temp.resolve("no-year.txt"), "【企画部】\n●次期基本計画を策定します。\n",
                StandardCharsets.UTF_8);
        CliResult r = run("import", file.toString(), "--org", "三鷹市", "--corpus", noCorpus.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains(file.toString()) && r.err().contains("--year"), r.toString());
        assertNoStackTrace(r);
    }
}
