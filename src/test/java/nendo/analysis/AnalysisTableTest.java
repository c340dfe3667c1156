package nendo.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every row of analysis-tokens.tsv through the production analyzers. */
class AnalysisTableTest {
    private static final AnalyzerFactory FACTORY = new AnalyzerFactory();

    static Stream<Arguments> rows() throws IOException {
        try (InputStream in = AnalysisTableTest.class.getResourceAsStream("/analysis-tokens.tsv")) {
            List<Arguments> rows = new ArrayList<>();
            int n = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t");
                if (cols.length != 3) throw new IllegalStateException("analysis-tokens.tsv:" + n + ": expected 3 columns");
                rows.add(Arguments.of(n, cols[0], cols[1], List.of(cols[2].trim().split(" "))));
            }
            return rows.stream();
        }
    }

    @ParameterizedTest(name = "line {0}: {1} {2}")
    @MethodSource("rows")
    void tokens(int line, String field, String input, List<String> expected) throws IOException {
        Analyzer analyzer = switch (field) {
            case "japanese" -> FACTORY.japanese();
            case "bigram" -> FACTORY.bigramQuery();
            case "bigram-index" -> FACTORY.bigramIndex();
            case "reading" -> FACTORY.reading();
            case "terms" -> FACTORY.terms();
            default -> throw new IllegalArgumentException("unknown field " + field + " at line " + line);
        };
        assertEquals(expected, tokens(analyzer, input));
    }

    @Test
    void signatureNamesTheUserDictionaryChecksum() {
        String signature = FACTORY.signature();
        assertEquals(signature, new AnalyzerFactory().signature(), "signature must be stable");
        org.junit.jupiter.api.Assertions.assertTrue(signature.matches(".*userdict=sha256:[0-9a-f]{64}.*"), signature);
    }

    static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        }
        return out;
    }
}
