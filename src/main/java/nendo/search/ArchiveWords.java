package nendo.search;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import nendo.analysis.Vocabulary;
import nendo.index.PlanFields;
import nendo.model.PlanDocument;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

/**
 * The words that suggestions complete, per index commit. Plan documents give their words, department
 * names and quoted names, read from their text. JSON Lines records have no document to read, so their
 * words come from the terms field the index already counted (nouns and noun compounds, by the number
 * of entries that use them): without these an archive of records alone would suggest nothing.
 *
 * <p>Built on the first suggestion asked of a commit, not when the commit opens: at a million records
 * reading the words takes longer than the first search should wait.
 */
final class ArchiveWords {
    /**
     * Most used words taken from the index. Suggestions list the most used first, so rarer words
     * would only show for prefixes nothing else starts with; the cap bounds the memory and the
     * readings to compute for an archive of many municipalities (millions of distinct compounds).
     */
    static final int MAX_COUNTED_WORDS = 50_000;

    private final Vocabulary vocabulary;
    /** Typing sends a request per pause; one build per commit is enough for all of them. */
    private final CommitMemo<Suggester> built = new CommitMemo<>();

    ArchiveWords(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    Suggester suggester(IndexSearcher s, Map<String, PlanDocument> documents) throws IOException {
        return built.get(s.getIndexReader(), () -> {
            boolean holdsRecords = s.count(RecordCollections.query(documents.keySet())) > 0;
            List<Suggester.CountedWord> counted = holdsRecords ? mostUsed(s.getIndexReader()) : List.of();
            return new Suggester(documents.values(), vocabulary, counted);
        });
    }

    /**
     * Queries to offer when a search finds nothing: for a word typed half converted, mixing kana
     * and kanji (ぼうさい訓練, 防災くんれん), the query with the archive's words read the same
     * (防災訓練) in its place; then the words nearest to what was typed. Such a word is left as it is
     * in the search itself (子育て支援 and 空き家 mix kana and kanji too, and find what they say), and
     * only a word that finds nothing on its own is read again: 学校給食 空き家 finds nothing because
     * the two never meet, and offering 空き for 空き家 would mislead.
     *
     * @param findsAnything whether a word alone finds something in the archive
     */
    List<String> alternatives(IndexSearcher s, Map<String, PlanDocument> documents, String q, int limit,
                              WordCheck findsAnything) throws IOException {
        Suggester suggester = suggester(s, documents);
        Set<String> offered = new LinkedHashSet<>();
        String typed = Normalizer.normalize(q, Normalizer.Form.NFKC).strip();
        for (List<QuerySyntax.Term> group : YearTerms.extract(new QuerySyntax().parse(q)).remaining().groups()) {
            for (QuerySyntax.Term term : group) {
                // A word of the archive's vocabulary is known without a search (the count is the cost).
                if (term.phrase() || !mixesKanaAndKanji(term.text()) || suggester.knows(term.text())
                        || findsAnything.test(term.text())) {
                    continue;
                }
                for (ArchiveViews.Suggestion word : suggester.readAs(vocabulary.typedReading(term.text()), term.text(), limit)) {
                    offered.add(typed.replace(term.text(), word.text()));
                }
            }
        }
        for (ArchiveViews.Suggestion word : suggester.nearest(q, limit)) offered.add(word.text());
        return offered.stream().limit(limit).toList();
    }

    /** A test of a word against the index. */
    @FunctionalInterface
    interface WordCheck {
        boolean test(String word) throws IOException;
    }

    private static boolean mixesKanaAndKanji(String word) {
        boolean kana = false;
        boolean kanji = false;
        for (int i = 0; i < word.length(); i++) {
            Character.UnicodeScript script = Character.UnicodeScript.of(word.charAt(i));
            kana |= script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
            kanji |= script == Character.UnicodeScript.HAN;
        }
        return kana && kanji;
    }

    /** The most used suggestible words of the terms field, with their readings. */
    private List<Suggester.CountedWord> mostUsed(IndexReader reader) throws IOException {
        record Counted(String text, int count) {}
        Comparator<Counted> byUse = Comparator.comparingInt(Counted::count).thenComparing(Counted::text,
                Comparator.reverseOrder());
        PriorityQueue<Counted> top = new PriorityQueue<>(byUse);
        Terms terms = MultiTerms.getTerms(reader, PlanFields.TEXT_TERMS);
        if (terms == null) return List.of();
        TermsEnum it = terms.iterator();
        for (BytesRef term = it.next(); term != null; term = it.next()) {
            int count = it.docFreq();
            if (top.size() == MAX_COUNTED_WORDS && count <= top.peek().count()) continue;
            String text = term.utf8ToString();
            if (!Vocabulary.suggestible(text)) continue;
            top.add(new Counted(text, count));
            if (top.size() > MAX_COUNTED_WORDS) top.poll();
        }
        List<Counted> words = new ArrayList<>(top);
        List<String> readings = vocabulary.readings(words.stream().map(Counted::text).toList());
        List<Suggester.CountedWord> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            out.add(new Suggester.CountedWord(words.get(i).text(), readings.get(i), words.get(i).count()));
        }
        return out;
    }
}
