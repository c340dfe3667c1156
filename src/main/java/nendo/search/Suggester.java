package nendo.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /** {@code keyChars} and {@code readingChars}: the characters each holds, as bits (see {@link #chars}). */
    private record Entry(String text, String key, String reading, int count, long keyChars, long readingChars) {
        Entry(String text, String key, String reading, int count) {
            this(text, key, reading, count, chars(key), chars(reading));
        }
    }

    /** A word the index counted, with the number of entries that use it and its reading. */
    record CountedWord(String text, String reading, int count) {}

    private final List<Entry> entries;
    /** The words' texts, to tell a word of the archive at once. */
    private final Set<String> texts;

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
                    // A count is of entries, as for the records' words: a word said twice in one
                    // measure counts once (防災 29 times in 16 entries read as 29 hits).
                    Set<String> seen = new HashSet<>();
                    for (Vocabulary.Word w : vocabulary.words(text)) {
                        if (seen.add(w.text())) counts.computeIfAbsent(w.text(), k -> new int[1])[0]++;
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
        this.texts = Set.copyOf(counts.keySet());
    }

    /** Whether the word is one of the archive's words, as written. */
    boolean knows(String word) {
        return texts.contains(word);
    }

    /** Every word, most used first (for tests that check the search shortcuts against all words). */
    List<ArchiveViews.Suggestion> words() {
        return entries.stream().map(e -> suggestion(e, 0)).toList();
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

    /**
     * Words within a small edit distance of what was typed (or of its reading), closest first. Asked
     * on every search that finds nothing, over every word of the archive (tens of thousands with
     * records), so most words are ruled out by their characters before any distance is computed.
     */
    List<ArchiveViews.Suggestion> nearest(String typed, int limit) {
        String key = key(typed);
        if (key.length() < 2) return List.of();
        String folded = KanaFolding.isKanaWord(key) ? KanaFolding.fold(key) : null;
        int max = Math.max(1, key.length() / 3);
        // Entries are in order of use: per distance, the first found are the most used. Once the
        // closest distance has enough words, nothing later can come before them.
        List<List<Entry>> byDistance = new ArrayList<>();
        for (int d = 0; d <= max; d++) byDistance.add(new ArrayList<>());
        Distance distance = new Distance(max);
        long keyChars = chars(key);
        long foldedChars = folded == null ? 0 : chars(folded);
        for (Entry e : entries) {
            int d = max + 1;
            if (missing(keyChars, e.keyChars()) <= max) d = distance.of(key, e.key());
            if (folded != null && !e.reading().isEmpty() && missing(foldedChars, e.readingChars()) <= max) {
                d = Math.min(d, distance.of(folded, e.reading()));
            }
            if (d > 0 && d <= max) {
                byDistance.get(d).add(e);
                if (d == 1 && byDistance.get(1).size() == limit) break;
            }
        }
        return byDistance.stream().flatMap(List::stream).limit(limit).map(e -> suggestion(e, 0)).toList();
    }

    /**
     * Words read as this reading, most used first; when none is, the words whose reading is nearest
     * (a small edit distance). For a word typed half converted (ぼうさい訓練 → 防災訓練), which no
     * edit distance on its characters reaches. Asked only when a search finds nothing.
     *
     * @param typed the word as typed, never offered back
     */
    List<ArchiveViews.Suggestion> readAs(String reading, String typed, int limit) {
        if (reading.length() < 2) return List.of();
        List<ArchiveViews.Suggestion> same = new ArrayList<>();
        for (Entry e : entries) {
            if (e.reading().equals(reading) && !e.text().equals(typed)) {
                same.add(suggestion(e, 0));
                if (same.size() == limit) break;
            }
        }
        if (!same.isEmpty()) return same;
        int max = Math.max(1, reading.length() / 4);
        List<List<Entry>> byDistance = new ArrayList<>();
        for (int d = 0; d <= max; d++) byDistance.add(new ArrayList<>());
        Distance distance = new Distance(max);
        long readingChars = chars(reading);
        for (Entry e : entries) {
            if (e.reading().isEmpty() || e.text().equals(typed) || missing(readingChars, e.readingChars()) > max) continue;
            int d = distance.of(reading, e.reading());
            if (d <= max) byDistance.get(d).add(e);
        }
        return byDistance.stream().flatMap(List::stream).limit(limit).map(e -> suggestion(e, 0)).toList();
    }

    /**
     * The characters of a text as bits of a long (a character sets bit {@code c % 64}). A character
     * of the typed word whose bit a word lacks is not in that word, and each such character costs
     * at least one edit: a lower bound of the distance that needs no table.
     */
    private static long chars(String text) {
        long bits = 0;
        for (int i = 0; i < text.length(); i++) bits |= 1L << text.charAt(i);
        return bits;
    }

    /**
     * How many characters of the typed word are surely not in a word: its bits that the word lacks.
     * Counting distinct bits, not characters, keeps it a lower bound of the distance, and it is one
     * instruction per word: this runs over every word of the archive on each search that finds
     * nothing (a fifth of the benchmark's requests).
     */
    private static int missing(long typedChars, long chars) {
        return Long.bitCount(typedChars & ~chars);
    }

    private static ArchiveViews.Suggestion suggestion(Entry e, int markedPrefix) {
        StringBuilder html = new StringBuilder();
        if (markedPrefix > 0 && markedPrefix <= e.text().length()) {
            html.append("<mark>");
            HtmlText.escape(e.text(), 0, markedPrefix, html);
            html.append("</mark>");
            HtmlText.escape(e.text(), markedPrefix, e.text().length(), html);
        } else {
            HtmlText.escape(e.text(), 0, e.text().length(), html);
        }
        return new ArchiveViews.Suggestion(e.text(), e.reading(), e.count(), html.toString());
    }

    private static String key(String s) {
        return Normalizer.normalize(s == null ? "" : s.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance, giving up (returning max + 1) once it must exceed {@code max}; rows reused. */
    private static final class Distance {
        private final int max;
        private int[] prev = new int[32];
        private int[] cur = new int[32];

        Distance(int max) {
            this.max = max;
        }

        int of(String a, String b) {
            if (Math.abs(a.length() - b.length()) > max) return max + 1;
            if (prev.length <= b.length()) {
                prev = new int[b.length() + 1];
                cur = new int[b.length() + 1];
            }
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
}
