package nendo.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.text.Normalizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import nendo.analysis.AnalyzerFactory;
import nendo.analysis.Synonyms;
import nendo.index.PlanFields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spans marked from the bigram and reading tokens of a text, against the query the search itself builds. */
class BigramMarksTest {
    private static final AnalyzerFactory ANALYSIS = new AnalyzerFactory();
    private static final UnderstoodQuery.Parser PARSER =
            new UnderstoodQuery.Parser(PlanFields.queryAnalyzer(ANALYSIS), Synonyms.none());
    private static final Analyzer INDEX = PlanFields.indexAnalyzer(ANALYSIS);
    private static final CharacterRuns RUNS = new CharacterRuns(ANALYSIS.bigramCharacters());

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
        "防災           | 地域防災計画と防災訓練        | 地域[防災]計画と[防災]訓練",
        "防災計画       | 地域防災計画と防災、計画      | 地域[防災計画]と防災、計画",
        "槽             | 浄化槽の点検                  | 浄化[槽]の点検",
        "化             | 浄化槽の点検と化学            | 浄[化]槽の点検と[化]学",
        "ＤＸ化         | ＤＸ化を進め、DX化。          | [ＤＸ化]を進め、[DX化]。",
        "ライフ・ワーク | 市民のライフ・ワーク・バランス | 市民の[ライフ・ワーク]・バランス",
        "ライフワーク   | 市民のライフ・ワーク・バランス | 市民の[ライフ・ワーク]・バランス",
        "ワーク         | ライフ・ワーク・バランス      | ライフ・[ワーク]・バランス",
        "安心           | 安全・安心と安全、安心        | 安全・[安心]と安全、[安心]",
        "安全安心       | 安全・安心と安全、安心        | [安全・安心]と安全、安心",
        "ＤＸ           | DXの推進と dx 人材            | [DX]の推進と [dx] 人材",
        "防災 -訓練     | 防災訓練                      | [防災]訓練",
        "京都           | 東京都の計画                  | 東[京都]の計画",
    })
    void marksWhatTheQueryMatches(String query, String text, String expected) throws IOException {
        assertEquals(expected, shown(BigramMarks.of(PARSER.parse(query).text(), INDEX, PlanFields.TEXT_BIGRAM, RUNS), text));
    }

    /** A kana word found by its reading marks the words read so; never across a break in the reading. */
    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', value = {
        "ぼうさい     | 地域防災計画と防災訓練 | 地域[防災]計画と[防災]訓練",
        "ちいきふくし | 地域福祉の推進         | [地域福祉]の推進",
        "ボウサイ     | 防災、減災             | [防災]、減災",
        "ないかく     | 市内、各地で           | 市内、各地で",
        "らいふわーく | ライフ・ワーク・バランス | [ライフ・ワーク]・バランス",
    })
    void marksWhatAReadingMatches(String query, String text, String expected) throws IOException {
        assertEquals(expected, shown(BigramMarks.of(PARSER.parse(query).text(), INDEX, PlanFields.TEXT_READING, null), text));
    }

    /**
     * Finding a word in the text's character runs marks exactly what walking the text's bigram
     * tokens marks: every line of the bundled corpus, against words cut from the lines themselves
     * (1 to 9 characters, some with their katakana half-width or letters full-width, some across a
     * break) and lines rewritten the same ways.
     */
    @Test
    void charactersInRunsMarkWhatTheBigramTokensMark() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("corpus"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.isBlank()) lines.add(line);
                }
            }
        }
        Random random = new Random(7);
        int compared = 0;
        int inRuns = 0;
        for (int n = 0; n < 6000; n++) {
            String line = lines.get(random.nextInt(lines.size()));
            int length = 1 + random.nextInt(9);
            int from = random.nextInt(Math.max(1, line.length() - length));
            String cut = line.substring(from, Math.min(line.length(), from + length)).strip();
            String word = n % 7 == 0 ? HALF_WIDTH.apply(cut) : cut;
            String text = switch (n % 5) {
                case 0 -> HALF_WIDTH.apply(line);
                case 1 -> line.replace("ー", "ｰ") + " ＡＢＣ化と abc 化";
                default -> line;
            };
            Query query = word.isBlank() ? null : PARSER.parse(word).text();
            if (query == null) continue;
            BigramMarks fast = BigramMarks.of(query, INDEX, PlanFields.TEXT_BIGRAM, RUNS);
            BigramMarks walked = BigramMarks.of(query, INDEX, PlanFields.TEXT_BIGRAM, null);
            assertEquals(distinct(walked.spans(text)), distinct(fast.spans(text)), () -> word + " in " + text);
            compared++;
            if (fast.findsInRuns() && RUNS.of(text) != null) inRuns++;
        }
        // The comparison means something only if many words take the runs (random cuts often hold
        // punctuation, digits or Markdown, which go through the tokens).
        assertTrue(compared > 5000, "compared " + compared);
        assertTrue(inRuns > compared * 2 / 5, inRuns + " of " + compared + " found in runs");
    }

    /**
     * Half-width katakana (ガ as the two characters ｶﾞ, so that normalising shortens the text), kana
     * with combining voicing marks, and full-width Latin letters, as older documents and people
     * type them.
     */
    private static final UnaryOperator<String> HALF_WIDTH = s -> {
        StringBuilder out = new StringBuilder();
        for (char c : Normalizer.normalize(s, Normalizer.Form.NFD).toCharArray()) {
            int k = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン\u3099\u309A".indexOf(c);
            if (k >= 0) out.append("ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝﾞﾟ".charAt(k));
            else if (c >= 'A' && c <= 'Z') out.append((char) (c - 'A' + 'Ａ'));
            else out.append(c);
        }
        return out.toString();
    };

    private static List<String> distinct(List<int[]> spans) {
        return spans.stream().map(s -> s[0] + "-" + s[1]).distinct().sorted().toList();
    }

    private static String shown(BigramMarks marks, String text) throws IOException {
        List<int[]> spans = marks.spans(text);
        spans.sort(Comparator.comparingInt(s -> s[0]));
        StringBuilder shown = new StringBuilder();
        int at = 0;
        for (int[] s : spans) {
            shown.append(text, at, s[0]).append('[').append(text, s[0], s[1]).append(']');
            at = s[1];
        }
        return shown.append(text.substring(at)).toString();
    }
}
