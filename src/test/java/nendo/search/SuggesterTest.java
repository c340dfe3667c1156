package nendo.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nendo.analysis.AnalyzerFactory;
import nendo.analysis.KanaFolding;
import nendo.corpus.CorpusReader;
import nendo.model.Department;
import nendo.model.Measure;
import nendo.model.PlanDocument;
import nendo.testing.TestArchive;
import org.junit.jupiter.api.Test;

/**
 * The nearest words offered when a search finds nothing skip most words by their characters and
 * stop once the closest distance has enough words; they must be exactly what comparing every word
 * gives. Checked over misspellings of every word of the bundled plans.
 */
class SuggesterTest {
    private static final int LIMIT = 5;

    @Test
    void nearestWordsAreThoseOfComparingEveryWord() {
        AnalyzerFactory analysis = new AnalyzerFactory();
        Suggester suggester = new Suggester(new CorpusReader().read(TestArchive.BUNDLED_CORPUS).documents(),
                analysis.vocabulary(), List.of());
        List<ArchiveViews.Suggestion> words = suggester.words();
        assertTrue(words.size() > 1000, "vocabulary: " + words.size());
        Set<String> typed = new LinkedHashSet<>();
        for (ArchiveViews.Suggestion w : words) {
            String t = w.text();
            typed.add(t.substring(1));                           // first character missing
            typed.add(t.substring(0, t.length() - 1) + "の");    // last one mistyped
            typed.add(t.charAt(0) + "ー" + t.substring(1));      // one too many
            if (!w.reading().isEmpty()) typed.add(hiragana(w.reading()).substring(1));
        }
        int offered = 0;
        for (String t : typed) {
            List<String> expected = everyWord(words, t);
            assertEquals(expected, suggester.nearest(t, LIMIT).stream().map(ArchiveViews.Suggestion::text).toList(), t);
            offered += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(offered > typed.size() / 2, offered + " of " + typed.size());
    }

    @Test
    void aWordSaidTwiceInOneMeasureCountsOnce() {
        Department dept = new Department("総務部", "総務部", List.of(), null, null, null, List.of(
                new Measure("m1", "防災を学び、防災に備えます。", 1),
                new Measure("m2", "防災の日に備えます。", 2),
                new Measure("m3", "子育て支援を進めます。", 3)));
        PlanDocument doc = new PlanDocument("d", "市", 2019, "s", "s", "t", null, false, null, null, "p", "p",
                List.of(dept));
        Suggester suggester = new Suggester(List.of(doc), new AnalyzerFactory().vocabulary(), List.of());
        ArchiveViews.Suggestion bousai = suggester.complete("防災").stream()
                .filter(s -> s.text().equals("防災")).findFirst().orElseThrow();
        assertEquals(2, bousai.count(), "entries that say 防災, not its occurrences");
    }

    /** The plain way: every word's distance, closest first, then the most used (words are in that order). */
    private static List<String> everyWord(List<ArchiveViews.Suggestion> words, String typed) {
        String key = Normalizer.normalize(typed.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (key.length() < 2) return List.of();
        String folded = KanaFolding.isKanaWord(key) ? KanaFolding.fold(key) : null;
        int max = Math.max(1, key.length() / 3);
        record Scored(String text, int distance) {}
        List<Scored> scored = new ArrayList<>();
        for (ArchiveViews.Suggestion w : words) {
            String wordKey = Normalizer.normalize(w.text(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
            int d = levenshtein(key, wordKey);
            if (folded != null && !w.reading().isEmpty()) d = Math.min(d, levenshtein(folded, w.reading()));
            if (d > 0 && d <= max) scored.add(new Scored(w.text(), d));
        }
        scored.sort(Comparator.comparingInt(Scored::distance));
        return scored.stream().limit(LIMIT).map(Scored::text).toList();
    }

    private static int levenshtein(String a, String b) {
        int[][] t = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) t[i][0] = i;
        for (int j = 0; j <= b.length(); j++) t[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                t[i][j] = Math.min(Math.min(t[i - 1][j] + 1, t[i][j - 1] + 1), t[i - 1][j - 1] + cost);
            }
        }
        return t[a.length()][b.length()];
    }

    private static String hiragana(String katakana) {
        StringBuilder out = new StringBuilder();
        katakana.chars().forEach(c -> out.append((char) (c >= 'ァ' && c <= 'ヶ' ? c - 0x60 : c)));
        return out.toString();
    }
}
