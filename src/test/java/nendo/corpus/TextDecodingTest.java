package nendo.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reading bytes as text: which encodings are recognised, and that a guess is never mojibake. */
class TextDecodingTest {
    private static final Charset SJIS = Charset.forName("windows-31j");
    private static final Charset EUC_JP = Charset.forName("EUC-JP");
    private static final String UNDETERMINED = "文字コードを判定できません";

    /** The curated Mitaka plan file with ☎ written as 電話 (☎ has no Shift_JIS or EUC-JP code). */
    private static String plan;

    @BeforeAll
    static void readPlan() throws Exception {
        plan = Files.readString(Path.of("corpus/mitaka/2019.md"), StandardCharsets.UTF_8).replace("☎", "電話");
    }

    private static byte[] bom(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(bytes);
        return out.toByteArray();
    }

    private static TextDecoding.Decoded decode(byte[] bytes) throws TextDecoding.UndeterminedEncodingException {
        return TextDecoding.decode(bytes);
    }

    // ------------------------------------------------------------------ recognised

    @Test
    void utf8() throws Exception {
        TextDecoding.Decoded d = decode(plan.getBytes(StandardCharsets.UTF_8));
        assertEquals(plan, d.text());
        assertEquals("UTF-8", d.encoding());
        assertEquals(StandardCharsets.UTF_8, d.charset());
    }

    @Test
    void utf8WithBomLosesTheBom() throws Exception {
        TextDecoding.Decoded d = decode(bom(plan.getBytes(StandardCharsets.UTF_8)));
        assertEquals(plan, d.text());
        assertFalse(d.text().startsWith("\uFEFF"));
        assertEquals("UTF-8 (BOM)", d.encoding());
        assertEquals(StandardCharsets.UTF_8, d.charset());
    }

    @Test
    void shiftJisIsReadAsWindows31j() throws Exception {
        TextDecoding.Decoded d = decode(plan.getBytes(SJIS));
        assertEquals(plan, d.text());
        assertEquals("Shift_JIS", d.encoding());
        assertEquals(SJIS, d.charset());
    }

    @Test
    void shiftJisWithNecCharacters() throws Exception {
        // ① ㈱ Ⅲ are in Windows-31J (NEC row 13) but not in plain Shift_JIS; municipal systems use them.
        String text = "①市民会館の改修を㈱三鷹設計に委託し、第Ⅲ期工事に着手します。\n②公園の整備を進めます。\n";
        TextDecoding.Decoded d = decode(text.getBytes(SJIS));
        assertEquals(text, d.text());
        assertEquals("Shift_JIS", d.encoding());
    }

    @Test
    void eucJp() throws Exception {
        TextDecoding.Decoded d = decode(plan.getBytes(EUC_JP));
        assertEquals(plan, d.text());
        assertEquals("EUC-JP", d.encoding());
        assertEquals(EUC_JP, d.charset());
    }

    @Test
    void shortLegacyTextsAreRecognised() throws Exception {
        String text = "令和3年度「各部の運営方針と目標」\n\n【企画部】\n●次期基本計画の策定に向けて、市民会議を開催します。\n";
        assertEquals(text, decode(text.getBytes(SJIS)).text());
        assertEquals("Shift_JIS", decode(text.getBytes(SJIS)).encoding());
        assertEquals(text, decode(text.getBytes(EUC_JP)).text());
        assertEquals("EUC-JP", decode(text.getBytes(EUC_JP)).encoding());
    }

    @Test
    void asciiIsUtf8() throws Exception {
        assertEquals("UTF-8", decode("id: kakuu-2024\n".getBytes(StandardCharsets.US_ASCII)).encoding());
    }

    // ------------------------------------------------------------------ refused

    @Test
    void randomBytesAreRefused() {
        byte[] bytes = new byte[4096];
        new Random(7L).nextBytes(bytes);
        assertUndetermined(bytes);
    }

    @Test
    void latin1FrenchIsRefused() {
        String french = "Le conseil municipal a adopté le budget. Les élèves découvriront la forêt près du château.\n";
        assertUndetermined(french.repeat(3).getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void truncatedShiftJisIsRefused() {
        byte[] sjis = plan.getBytes(SJIS);
        int cut = sjis.length / 2;
        while ((sjis[cut] & 0xFF) < 0x81) cut++;
        assertUndetermined(Arrays.copyOf(sjis, cut + 1));
    }

    @Test
    void truncatedUtf8IsRefused() {
        byte[] utf8 = plan.getBytes(StandardCharsets.UTF_8);
        int cut = utf8.length / 2;
        while ((utf8[cut] & 0xC0) != 0xC0) cut++; // the first byte of a multi-byte character
        assertUndetermined(Arrays.copyOf(utf8, cut + 1));
    }

    @Test
    void bomFollowedByInvalidUtf8IsRefusedNamingUtf8() {
        byte[] bytes = bom(plan.getBytes(SJIS));
        TextDecoding.UndeterminedEncodingException e = assertThrows(TextDecoding.UndeterminedEncodingException.class,
                () -> decode(bytes));
        assertTrue(e.getMessage().contains("BOM") && e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void iso2022JpIsNeverReturnedAsUtf8WithEscapeSequences() {
        // ISO-2022-JP is 7-bit, hence also valid UTF-8; taking it as UTF-8 would store ESC $ B ... as text.
        byte[] jis = plan.getBytes(Charset.forName("ISO-2022-JP"));
        try {
            TextDecoding.Decoded d = decode(jis);
            assertFalse(d.text().contains("\u001B"), "decoded as " + d.encoding() + " with escape sequences left in");
            assertEquals(plan, d.text(), d.encoding());
        } catch (TextDecoding.UndeterminedEncodingException refused) {
            assertTrue(refused.getMessage().contains(UNDETERMINED), refused.getMessage());
        }
    }

    private static void assertUndetermined(byte[] bytes) {
        TextDecoding.UndeterminedEncodingException e = assertThrows(TextDecoding.UndeterminedEncodingException.class,
                () -> decode(bytes));
        assertTrue(e.getMessage().contains(UNDETERMINED), e.getMessage());
    }

    // ------------------------------------------------------------------ decodeAs

    @Test
    void decodeAsAKnownCharset() throws Exception {
        assertEquals(plan, TextDecoding.decodeAs(SJIS, plan.getBytes(SJIS)));
        assertEquals(plan, TextDecoding.decodeAs(StandardCharsets.UTF_8, bom(plan.getBytes(StandardCharsets.UTF_8))));
        assertThrows(TextDecoding.UndeterminedEncodingException.class,
                () -> TextDecoding.decodeAs(StandardCharsets.UTF_8, plan.getBytes(SJIS)));
    }

    // ------------------------------------------------------------------ compatibility folding

    @Test
    void kangxiRadicalFoldsToTheIdeograph() {
        CompatFolding.Folded f = CompatFolding.fold("土地利\u2F64と活\u2F64");
        assertEquals("土地利用と活用", f.text());
        assertEquals(2, f.changed());
    }

    @Test
    void radicalsSupplementAndCompatibilityIdeographsFold() {
        // ⺟ CJK RADICAL MOTHER → 母; 豈 U+F900 CJK COMPATIBILITY IDEOGRAPH → 豈 U+8C48; 丽 U+2F800 → 丽 U+4E3D.
        CompatFolding.Folded f = CompatFolding.fold("\u2E9F子\uF900\uD87E\uDC00");
        assertEquals("母子\u8C48\u4E3D", f.text());
        assertEquals(3, f.changed());
    }

    @Test
    void fullWidthBracketsDigitsAndKanaAreKept() {
        String text = "（仮称）１０月、「ゆりかご」『計画』ＥＢＰＭ　ｱｲｳ ①㈱ ～ 2022年";
        CompatFolding.Folded f = CompatFolding.fold(text);
        assertEquals(text, f.text());
        assertEquals(0, f.changed());
    }
}
