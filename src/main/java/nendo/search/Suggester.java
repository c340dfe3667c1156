package nendo.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nendo.analysis.KanaFolding;
import nendo.analysis.Vocabulary;
import nendo.model.Department;
import nendo.model.Measure;
import nendo.model.PlanDocument;

/**
 * Completes what people start typing from the archive's own vocabulary: kanji prefixes (防 → 防災…),
 * kana prefixes matched against readings (ぼう → 防災…), and, when a search finds nothing, the
 * nearest words by edit distance. Built once per index commit ({@link ArchiveWords}) from the plan
 * documents it holds and the words the index counted in its records.
 */
final class Suggester {
    static final int MAX_SUGGESTIONS = 10;

    private record Entry(String text, String key, String reading, int count) {}

    /** A word the index counted, with the number of entries that use it and its reading. */
    record CountedWord(String text, String reading, int count) {}

    private final List<Entry> entries;

    /**
     * @param counted words counted in the index (records); a word also found in the documents keeps
     *     the larger of its two counts, since both say how much the archive uses it
     */
    Suggester(Iterable<PlanDocument> documents, Vocabulary vocabulary, List<CountedWord> counted) {
        Map<String, int[]> counts = new HashMap<>();
        Map<String, String> readings = new HashMap<>();
        for (PlanDocument doc : documents) {
            for (Department dept : doc.departments()) {
                counts.computeIfAbsent(dept.name(), k -> new int[1])[0]++;
                List<String> texts = new ArrayList<>();
                if (dept.mission() != null) texts.add(dept.mission());
                dept.measures().stream().map(Measure::text).forEach(texts::add);
                for (String text : texts) {
                    for (Vocabulary.Word w : vocabulary.words(text)) {
                        counts.computeIfAbsent(w.text(), k -> new int[1])[0]++;
                        readings.putIfAbsent(w.text(), w.reading());
                    }
                }
            }
        }
        for (CountedWord w : counted) {
            counts.merge(w.text(), new int[] {w.count()}, (a, b) -> a[0] >= b[0] ? a : b);
            readings.putIfAbsent(w.text(), w.reading());
        }
        List<Entry> list = new ArrayList<>();
        counts.forEach((text, c) -> list.add(new Entry(text, key(text), readings.getOrDefault(text, ""), c[0])));
        list.sort(Comparator.comparingInt(Entry::count).reversed().thenComparingInt(e -> e.text().length())
                .thenComparing(Entry::text));
        this.entries = List.copyOf(list);
    }

    List<ArchiveViews.Suggestion> complete(String typed) {
        String key = key(typed);
        if (key.isEmpty()) return List.of();
        String folded = KanaFolding.isKanaWord(key) ? KanaFolding.fold(key) : null;
        List<ArchiveViews.Suggestion> out = new ArrayList<>();
        for (Entry e : entries) {
            boolean bySurface = e.key().startsWith(key);
            boolean byReading = folded != null && !folded.isEmpty() && e.reading().startsWith(folded);
            if (bySurface || byReading) {
                out.add(suggestion(e, bySurface ? key.length() : 0));
                if (out.size() == MAX_SUGGESTIONS) break;
            }
        }
        return out;
    }

    /** Words within a small edit distance of what was typed (or of its reading), closest first. */
    List<ArchiveViews.Suggestion> nearest(String typed, int limit) {
        String key = key(typed);
        if (key.length() < 2) return List.of();
        String folded = KanaFolding.isKanaWord(key) ? KanaFolding.fold(key) : null;
        int max = Math.max(1, key.length() / 3);
        record Scored(Entry entry, int distance) {}
        List<Scored> scored = new ArrayList<>();
        for (Entry e : entries) {
            if (Math.abs(e.key().length() - key.length()) > max && folded == null) continue;
            int d = distance(key, e.key(), max);
            if (folded != null && !e.reading().isEmpty()) d = Math.min(d, distance(folded, e.reading(), max));
            if (d > 0 && d <= max) scored.add(new Scored(e, d));
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(s -> -s.entry().count()));
        return scored.stream().limit(limit).map(s -> suggestion(s.entry(), 0)).toList();
    }

    private static ArchiveViews.Suggestion suggestion(Entry e, int markedPrefix) {
        StringBuilder html = new StringBuilder();
        if (markedPrefix > 0 && markedPrefix <= e.text().length()) {
            html.append("<mark>");
            Snippets.escape(e.text(), 0, markedPrefix, html);
            html.append("</mark>");
            Snippets.escape(e.text(), markedPrefix, e.text().length(), html);
        } else {
            Snippets.escape(e.text(), 0, e.text().length(), html);
        }
        return new ArchiveViews.Suggestion(e.text(), e.reading(), e.count(), html.toString());
    }

    private static String key(String s) {
        return Normalizer.normalize(s == null ? "" : s.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance, giving up (returning max + 1) once it must exceed {@code max}. */
    private static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) return max + 1;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) return max + 1;
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
