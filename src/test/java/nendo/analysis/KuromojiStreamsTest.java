package nendo.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/**
 * Indexing runs Kuromoji once for the words, the readings and the terms, and takes clauses it has
 * seen from a memo; the tokens must be exactly those of the japanese(), reading() and terms()
 * analyzers that queries and statistics use, or searches would silently miss.
 */
class KuromojiStreamsTest {
    private final AnalyzerFactory factory = new AnalyzerFactory();

    @Test
    void sameTokensAsTheQueryAnalyzersOverTheBundledCorpus() throws IOException {
        List<String> texts = texts();
        try (KuromojiStreams shared = factory.kuromojiStreams()) {
            Analyzer words = factory.japanese();
            Analyzer readings = factory.reading();
            Analyzer terms = factory.terms();
            for (String text : texts) {
                // Twice per text: the second run reuses the thread's chains.
                for (int round = 0; round < 2; round++) {
                    KuromojiStreams.Streams streams = shared.of(text);
                    List<String> sharedWords = tokens(streams.words());
                    List<String> sharedReadings = tokens(streams.readings());
                    List<String> sharedTerms = tokens(streams.terms());
                    assertEquals(tokens(words.tokenStream("f", text)), sharedWords, text);
                    assertEquals(tokens(readings.tokenStream("f", text)), sharedReadings, text);
                    assertEquals(tokens(terms.tokenStream("f", text)), sharedTerms, text);
                }
            }
            // The second round of each text, at least, came from the memo.
            double reused = shared.endBuild();
            assertTrue(reused > 0.5, "clauses reused: " + reused);
        }
    }

    /** Marking a kana query's hits reads the same readings, clauses seen before from its own memo. */
    @Test
    void readingsForMarksAreTheReadings() throws IOException {
        Analyzer readings = factory.reading();
        Analyzer remembering = factory.readingForMarks();
        List<String> texts = texts();
        for (int round = 0; round < 2; round++) {
            for (String text : texts) {
                assertEquals(tokens(readings.tokenStream("f", text)), tokens(remembering.tokenStream("f", text)), text);
            }
        }
    }

    /** The bundled corpus's lines, and texts at the edges of what the memo cuts and keeps. */
    private static List<String> texts() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("corpus"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.isBlank()) texts.add(line);
                }
            }
        }
        assertFalse(texts.size() < 100, "expected the bundled corpus lines");
        texts.add("ＤＸの推進、ﾃﾞｼﾞﾀﾙ化々と「防災」（令和元年度）");
        texts.add("");
        texts.add("ぼうさいセンターを拠点とした危機管理体制");
        // Clause edges the memo cuts at: punctuation runs, brackets and half-width marks that NFKC
        // turns into 、 and 。, text after the last mark, a long clause the memo does not keep.
        texts.add("市民との協働により、、防災訓練を実施します。（目標：12件）。「防災」、地域ｶﾞｲﾄﾞ､ＤＸ｡続く");
        texts.add("、。");
        texts.add("𠮷野家の🍣、防災。");
        texts.add("公共施設等総合管理計画に基づく".repeat(8) + "、防災");
        return texts;
    }

    /** Term, position increment and offsets of every token, consumed the way IndexWriter does. */
    private static List<String> tokens(TokenStream stream) throws IOException {
        List<String> out = new ArrayList<>();
        try (stream) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term + "/" + inc.getPositionIncrement() + "/" + offset.startOffset() + "-" + offset.endOffset());
            }
            stream.end();
            out.add("end/" + inc.getPositionIncrement() + "/" + offset.endOffset());
        }
        return out;
    }
}
