package nendo.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nendo.index.PlanFields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * How alike two measures are: the cosine of their character-bigram vectors weighted by tf·idf, with
 * document frequencies taken from the index. Bigrams rather than words, because a measure carried
 * into the next year is mostly the same character runs with a few phrases rewritten, and bigrams see
 * that regardless of how Kuromoji cuts new words; idf keeps the boilerplate every measure shares
 * (〜を図ります, 〜します) from making unrelated measures look alike. Scores are 0..1.
 */
final class MeasureSimilarity {
    private final Analyzer bigrams;

    /** A measure's unit-length weight vector. */
    record Vector(Map<String, Double> weights) {
        /** The heaviest terms first: what a query for similar measures should ask for. */
        List<String> strongest(int n) {
            return weights.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(n).map(Map.Entry::getKey).toList();
        }
    }

    MeasureSimilarity(Analyzer queryAnalyzer) {
        this.bigrams = queryAnalyzer;
    }

    Vector vector(IndexReader reader, String text) throws IOException {
        Map<String, Integer> tf = new HashMap<>();
        try (TokenStream ts = bigrams.tokenStream(PlanFields.TEXT_BIGRAM, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) tf.merge(term.toString(), 1, Integer::sum);
            ts.end();
        }
        int n = Math.max(1, reader.numDocs());
        Map<String, Double> weights = new HashMap<>();
        double norm = 0;
        for (Map.Entry<String, Integer> e : tf.entrySet()) {
            int df = reader.docFreq(new Term(PlanFields.TEXT_BIGRAM, e.getKey()));
            double w = (1 + Math.log(e.getValue())) * Math.log(1.0 + (double) n / (df + 1));
            weights.put(e.getKey(), w);
            norm += w * w;
        }
        double length = Math.sqrt(norm);
        if (length > 0) weights.replaceAll((k, w) -> w / length);
        return new Vector(weights);
    }

    static double cosine(Vector a, Vector b) {
        Map<String, Double> small = a.weights().size() <= b.weights().size() ? a.weights() : b.weights();
        Map<String, Double> large = small == a.weights() ? b.weights() : a.weights();
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double other = large.get(e.getKey());
            if (other != null) dot += e.getValue() * other;
        }
        return Math.min(1.0, dot);
    }

    /** Scores are shown and compared with three decimals, so tests and CSV agree on exact values. */
    static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
