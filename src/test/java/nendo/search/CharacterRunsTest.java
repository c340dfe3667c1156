package nendo.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nendo.analysis.AnalyzerFactory;
import nendo.testing.SyntheticCorpus;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading a text's runs straight off its characters gives what the bigram chain's tokens give. */
class CharacterRunsTest {
    private static final CharacterRuns RUNS = new CharacterRuns(new AnalyzerFactory().bigramCharacters());

    @ParameterizedTest
    @ValueSource(strings = {
        "地域防災計画の見直し",
        "ライフ・ワーク・バランスの推進",
        "安全・安心なまちづくり（令和2年度：80％）",
        "ＤＸ化とDX化、AIの活用。",
        "・防災・",
        "防災・・訓練",
        "A・防災 と 防災・B",
        "らーめん「ラーメン」『こうえん』【公園】〈１〉《2》",
        "",
    })
    void plainTextIsScannedAsTheChainReadsIt(String text) throws IOException {
        CharacterRuns.Text scanned = CharacterRuns.scanned(text);
        assertNotNull(scanned, text);
        assertEquals(RUNS.analysed(text), scanned, text);
    }

    /** Characters the chain rewrites or joins on: the analysis reads these texts. */
    @ParameterizedTest
    @ValueSource(strings = {"ｶﾞｲﾄﾞ", "㈱三鷹", "防災_計画", "ガ\u3099", "佐々木", "𠮷野家", "ライフ･ワーク", "ライフ゠ワーク", "①防災"})
    void otherTextIsLeftToTheAnalysis(String text) throws IOException {
        assertNull(CharacterRuns.scanned(text), text);
        assertEquals(RUNS.analysed(text), RUNS.of(text), text);
    }

    /** Every line of the bundled corpus and of a synthetic one; most of them take the scan. */
    @Test
    void corpusLinesScanAsTheyAreAnalysed(@TempDir Path synthetic) throws IOException {
        SyntheticCorpus.write(synthetic, 12, 5);
        List<String> lines = new ArrayList<>();
        for (Path root : List.of(Path.of("corpus"), synthetic)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                    lines.addAll(readLines(f));
                }
            }
        }
        int scanned = 0;
        for (String line : lines) {
            CharacterRuns.Text fast = CharacterRuns.scanned(line);
            if (fast == null) continue;
            assertEquals(RUNS.analysed(line), fast, line);
            scanned++;
        }
        assertTrue(lines.size() > 1000, "lines " + lines.size());
        assertTrue(scanned > lines.size() * 3 / 4, scanned + " of " + lines.size() + " scanned");
    }

    /** UTF-8, or Shift_JIS where the synthetic corpus wrote it so. */
    private static List<String> readLines(Path f) throws IOException {
        try {
            return Files.readAllLines(f, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            return Files.readAllLines(f, Charset.forName("Windows-31J"));
        }
    }

    @Property(tries = 3000, generation = GenerationMode.RANDOMIZED)
    void anyMixOfScriptsScansAsItIsAnalysed(@ForAll("mixedTexts") String text) throws IOException {
        CharacterRuns.Text fast = CharacterRuns.scanned(text);
        if (fast != null) assertEquals(RUNS.analysed(text), fast, text);
        assertEquals(RUNS.analysed(text), RUNS.of(text), text);
    }

    /** Kanji, kana, dots, Latin, digits, breaks, and characters the chain rewrites, in any order. */
    @Provide
    Arbitrary<String> mixedTexts() {
        return Arbitraries.of(
                "防", "災", "計", "画", "あ", "ん", "ゖ", "ア", "ヺ", "ー", "・", "・", "･", "゠", "ヽ", "々", "〆",
                "A", "z", "1", "Ａ", "ｚ", "１", "_", "＿", "'", ".", ":", "-", "＆", "、", "。", "「", "」", "〜", "～",
                " ", "\u3000", "\n", "ｶ", "ﾞ", "\u3099", "㈱", "①", "𠮷", "\u9FA6", "\u9FFF", "\uFA11", "가")
                .list().ofMinSize(0).ofMaxSize(14).map(parts -> String.join("", parts));
    }
}
