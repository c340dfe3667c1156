package nendo.corpus.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import nendo.corpus.ingest.ImportedPlan.ImportedDepartment;
import nendo.corpus.ingest.ImportedPlan.ImportedMeasure;
import nendo.corpus.ingest.ImportedPlan.ReportLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PlanImporter} on bytes: the same plan text saved in each encoding staff send imports to
 * the same plan, bytes that are no readable text are refused with a message, and compatibility
 * ideographs from PDF extraction are folded.
 */
class EncodingImportTest {
    private static final Charset SJIS = Charset.forName("windows-31j");
    private static final Charset EUC_JP = Charset.forName("EUC-JP");
    private static final String UNDETERMINED = "文字コードを判定できません";

    /** The seed with ☎ written as 電話: ☎ has no code in Shift_JIS or EUC-JP. */
    private static String seed;
    private static ImportedPlan utf8Plan;

    @BeforeAll
    static void readSeed() throws Exception {
        seed = Files.readString(PlanTextImporterTest.SEED, StandardCharsets.UTF_8).replace("☎", "電話");
        utf8Plan = importBytes(seed.getBytes(StandardCharsets.UTF_8));
    }

    private static PlanTextImporter.Options options() {
        return new PlanTextImporter.Options("三鷹市", null, Set.of(), true);
    }

    private static ImportedPlan importBytes(byte[] bytes) throws PlanImporter.ImportException {
        return new PlanImporter().read(bytes, options());
    }

    private static ImportedPlan withEncoding(ImportedPlan p, String encoding) {
        return new ImportedPlan(p.organization(), p.fiscalYear(), p.era(), p.series(), p.title(), p.intro(),
                p.contact(), encoding, p.departments(), p.review(), p.report());
    }

    private static byte[] withBom(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(bytes);
        return out.toByteArray();
    }

    static Stream<Arguments> encodings() {
        return Stream.of(
                Arguments.of("UTF-8", (Encoder) s -> s.getBytes(StandardCharsets.UTF_8)),
                Arguments.of("UTF-8 (BOM)", (Encoder) s -> withBom(s.getBytes(StandardCharsets.UTF_8))),
                Arguments.of("Shift_JIS", (Encoder) s -> strict(s, SJIS)),
                Arguments.of("EUC-JP", (Encoder) s -> strict(s, EUC_JP)));
    }

    /** Encodes, failing on a character the charset has no code for (String.getBytes would write '?'). */
    static byte[] strict(String text, Charset charset) {
        try {
            ByteBuffer buffer = charset.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            return Arrays.copyOf(buffer.array(), buffer.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("test text not encodable in " + charset, e);
        }
    }

    @FunctionalInterface
    interface Encoder {
        byte[] encode(String text);
    }

    @Test
    void utf8SeedIsTheCuratedPlan() {
        assertEquals(PlanTextImporterTest.MITAKA_DEPARTMENTS,
                utf8Plan.departments().stream().map(ImportedDepartment::name).toList());
        assertEquals(24, utf8Plan.measureCount());
        assertEquals(List.of(), utf8Plan.review());
        assertEquals("企画経営課電話内線2150", utf8Plan.contact());
        assertEquals("UTF-8", utf8Plan.encoding());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void seedImportsToTheSamePlanInEveryEncoding(String name, Encoder encoder) throws Exception {
        ImportedPlan plan = importBytes(encoder.encode(seed));
        assertEquals(name, plan.encoding());
        assertEquals(withEncoding(utf8Plan, name), plan);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void windowsLineEndingsChangeNothing(String name, Encoder encoder) throws Exception {
        ImportedPlan plan = importBytes(encoder.encode(seed.replace("\n", "\r\n")));
        assertEquals(withEncoding(utf8Plan, name), plan);
        assertTrue(PlanTextImporterTest.allMeasureTexts(plan).stream().noneMatch(t -> t.contains("\r")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void shortOneColumnTextImportsTheSameInEveryEncoding(String name, Encoder encoder) throws Exception {
        // ① ② are not in EUC-JP (JIS X 0208); the same numbering as 1） 2）.
        String text = PlanTextImporterTest.fixture("labels-before.txt").replace("①", "1）").replace("②", "2）");
        ImportedPlan expected = importBytes(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(withEncoding(expected, name), importBytes(encoder.encode(text)));
        assertEquals(4, expected.departments().size());
    }

    // ------------------------------------------------------------------ refused

    @Test
    void randomBytesAreRefused() {
        byte[] bytes = new byte[4096];
        new Random(20190401L).nextBytes(bytes);
        bytes[0] = 'x'; // not a PDF by accident
        assertRefused(bytes);
    }

    @Test
    void frenchLatin1TextIsRefused() {
        String french = """
                Le conseil municipal a adopté le budget de l'année.
                Les élèves de l'école maternelle découvriront la forêt près du château.
                Ça coûte très cher, déjà ; la commune prévoit des économies.
                """;
        assertRefused(french.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void truncatedShiftJisIsRefused() {
        byte[] sjis = strict(seed, SJIS);
        int cut = sjis.length / 2;
        while ((sjis[cut] & 0xFF) < 0x81) cut++; // stop right after the lead byte of a two-byte character
        assertRefused(Arrays.copyOf(sjis, cut + 1));
    }

    @Test
    void shiftJisWithBrokenBytesIsRefused() {
        byte[] sjis = strict(seed, SJIS);
        int middle = sjis.length / 3;
        while ((sjis[middle] & 0xFF) < 0x81) middle++;
        sjis[middle + 1] = (byte) 0x7F; // a lead byte followed by an invalid trail byte
        sjis[sjis.length / 2] = (byte) 0xFF;
        assertRefused(sjis);
    }

    @Test
    void utf8WithBomAndBrokenBytesIsRefused() {
        byte[] bytes = withBom(seed.getBytes(StandardCharsets.UTF_8));
        bytes[bytes.length / 2] = (byte) 0xFF;
        PlanImporter.ImportException e = assertThrows(PlanImporter.ImportException.class, () -> importBytes(bytes));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
        assertTrue(hasJapanese(e.getMessage()), e.getMessage());
    }

    @Test
    void emptyFileIsRefused() {
        PlanImporter.ImportException e = assertThrows(PlanImporter.ImportException.class,
                () -> importBytes(new byte[0]));
        assertEquals("ファイルが空です", e.getMessage());
    }

    @Test
    void bytesStartingLikeAPdfAreReadAsPdfNotAsText() {
        byte[] fake = "%PDF-1.4\nこれは PDF ではありません。\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(PlanImporter.Kind.PDF, PlanImporter.kindOf(fake));
        assertEquals(PlanImporter.Kind.TEXT, PlanImporter.kindOf(seed.getBytes(StandardCharsets.UTF_8)));
        PlanImporter.ImportException e = assertThrows(PlanImporter.ImportException.class, () -> importBytes(fake));
        assertTrue(e.getMessage().startsWith("PDF"), e.getMessage());
    }

    private static void assertRefused(byte[] bytes) {
        PlanImporter.ImportException e = assertThrows(PlanImporter.ImportException.class, () -> importBytes(bytes),
                "these bytes must not be imported as text");
        assertTrue(e.getMessage().contains(UNDETERMINED), e.getMessage());
        assertTrue(e.getMessage().contains("Shift_JIS") && e.getMessage().contains("EUC-JP"),
                "the message says which encodings work: " + e.getMessage());
    }

    private static boolean hasJapanese(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    // ------------------------------------------------------------------ compatibility ideographs

    @Test
    void kangxiRadicalsFromPdfExtractionAreFoldedAndReported() throws Exception {
        long count = seed.chars().filter(c -> c == '用').count();
        assertEquals(8, count, "用 in the seed");
        String extracted = seed.replace('用', '\u2F64'); // ⽤ KANGXI RADICAL USE, as some PDFs map the glyph
        ImportedPlan plan = importBytes(extracted.getBytes(StandardCharsets.UTF_8));

        assertEquals(utf8Plan.departments(), plan.departments(), "measures read as if typed with 用");
        assertEquals(utf8Plan.intro(), plan.intro());
        assertEquals(utf8Plan.title(), plan.title());
        for (String text : PlanTextImporterTest.allMeasureTexts(plan)) {
            assertFalse(text.codePoints().anyMatch(c -> c >= 0x2E80 && c <= 0x2FDF), text);
        }
        List<ReportLine> folding = plan.report().stream().filter(r -> r.message().contains("互換文字")).toList();
        assertEquals(1, folding.size(), plan.report().toString());
        assertTrue(folding.get(0).message().contains("8 文字"), folding.get(0).message());
        assertEquals(0, folding.get(0).line());
        assertEquals(utf8Plan.report().size() + 1, plan.report().size(), "only the folding line is added");
    }

    @Test
    void foldingKeepsFullWidthDigitsAndBrackets() throws Exception {
        String text = "令和3年度「各部の運営方針と目標」\n\n【企画部】\n●（仮称）市民会館の活\u2F64を１０月から検討します。\n";
        ImportedPlan plan = importBytes(text.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(new ImportedMeasure("（仮称）市民会館の活用を１０月から検討します。", 4)),
                plan.departments().get(0).measures());
    }
}
