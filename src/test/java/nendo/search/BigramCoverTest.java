package nendo.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.Normalizer2;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nendo.analysis.AnalyzerFactory;
import nendo.analysis.MiddleDots;
import nendo.analysis.Synonyms;
import nendo.index.PlanFields;
import nendo.testing.TestArchive;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The thinned bigram phrase (trigrams where they fit) and reading phrase: fewer terms, and exactly the
 * matches of the full phrase.
 */
class BigramCoverTest {
    private static final AnalyzerFactory ANALYSIS = new AnalyzerFactory();
    private static final QueryBuilder QUERIES = new QueryBuilder(PlanFields.queryAnalyzer(ANALYSIS));

    /** The bundled corpus, indexed once for the tests that compare with its texts. */
    @TempDir
    static Path dir;
    private static TestArchive archive;
    private static DirectoryReader reader;
    private static IndexSearcher searcher;
    /** Each entry's text under NFKC, by document number ("" for entries without text). */
    private static List<String> texts;

    @BeforeAll
    static void indexBundledCorpus() throws IOException {
        archive = TestArchive.bundled(dir);
        reader = DirectoryReader.open(FSDirectory.open(dir.resolve("index")));
        searcher = new IndexSearcher(reader);
        Normalizer2 nfkc = Normalizer2.getNFKCInstance();
        StoredFields stored = reader.storedFields();
        texts = new ArrayList<>();
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            String text = stored.document(doc).get(PlanFields.TEXT);
            texts.add(text == null ? "" : nfkc.normalize(text));
        }
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        archive.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "防災         | 防災@0",
        "避難所       | 避難所@0",
        "防災計画     | 防災計@0 災計画@1",
        "地域防災計画 | 地域防@0 災計画@3",
        "食品ロス削減 | 食品ロ@0 ス削減@3",
        "地域防災、計画 | 地域防@0 域防災@1 計画@5",
        "防災dx計画   | 防災@0 dx@2 計画@3",
        "防災、計画   | 防災@0 計画@3",
        "dx化計画     | dx@0 化計画@1",
    })
    void keepsTheFewestTermsThatCoverEveryCharacter(String text, String expected) {
        Query thin = BigramCover.of(QUERIES.createPhraseQuery(PlanFields.TEXT_BIGRAM, text));
        List<String> shown = new ArrayList<>();
        if (thin instanceof PhraseQuery phrase) {
            for (int i = 0; i < phrase.getTerms().length; i++) {
                shown.add(phrase.getTerms()[i].text() + "@" + phrase.getPositions()[i]);
            }
        } else {
            thin.visit(new org.apache.lucene.search.QueryVisitor() {
                @Override
                public void consumeTerms(Query q, org.apache.lucene.index.Term... terms) {
                    for (var t : terms) shown.add(t.text() + "@0");
                }
            });
        }
        assertEquals(expected, String.join(" ", shown));
    }

    /**
     * Every run of 3 to 9 characters taken from the bundled corpus's texts, punctuation included:
     * the thinned phrase finds the same entries as the full one, and for runs of CJK characters
     * exactly the entries whose text holds the run. Every CJK character alone, which the index
     * holds alone only at a run's edges, finds exactly the entries that hold it.
     */
    @Test
    void matchesWhatTheFullPhraseMatches() throws IOException {
        Set<String> runs = new LinkedHashSet<>();
        for (String text : texts) {
            for (int start = 0; start + 3 <= text.length(); start += 11) {
                for (int length = 3; length <= 9 && start + length <= text.length(); length += 2) {
                    runs.add(text.substring(start, start + length));
                }
            }
        }
        // Runs the text holds only with a break inside (防災、計画 → 防災計画): a phrase thinned
        // over an index without the empty positions at breaks would match them. A middle dot
        // between CJK characters is read through (町会・自治 → 町会自治 matches), the others not.
        for (String text : texts) {
            for (int i = 2; i + 3 <= text.length(); i++) {
                String joined = text.substring(i - 2, i) + text.substring(i + 1, i + 3);
                if ("、・　 ".indexOf(text.charAt(i)) >= 0 && joined.codePoints().allMatch(BigramCoverTest::isCjk)) {
                    runs.add(joined);
                }
            }
        }
        for (String text : texts) {
            text.codePoints().filter(BigramCoverTest::isCjk).forEach(cp -> runs.add(Character.toString(cp)));
        }
        int thinned = 0;
        int compared = 0;
        for (String run : runs) {
            Query full = QUERIES.createPhraseQuery(PlanFields.TEXT_BIGRAM, run);
            if (full == null) continue;
            Query thin = BigramCover.of(full);
            if (thin != full) thinned++;
            Set<Integer> expected;
            if (full instanceof TermQuery lone && BigramCover.isLoneCharacter(lone.getTerm().text())) {
                // A character alone means any entry that holds it, wherever in a run it stands.
                expected = holding(texts, lone.getTerm().text());
            } else {
                expected = docs(searcher, full);
            }
            assertEquals(expected, docs(searcher, thin), run);
            if (run.codePoints().allMatch(BigramCoverTest::isCjk)) {
                assertEquals(holding(texts, run), expected, run);
            }
            compared++;
        }
        assertTrue(compared > 1000, "compared " + compared);
        assertTrue(thinned > compared / 2, "thinned " + thinned + " of " + compared);
    }

    /**
     * Reading phrases (the kana field, bigrams only): runs of 3 to 9 kana taken from the index's
     * reading runs, and the last two kana of one run joined to the first two of the next. The
     * thinned phrase (bigrams two apart) finds exactly what the full phrase finds; with a single
     * empty position between runs it would also join two runs.
     */
    @Test
    void readingCoverMatchesWhatTheFullReadingPhraseMatches() throws IOException {
        Set<String> queries = new LinkedHashSet<>();
        int joinedRuns = 0;
        for (String text : texts) {
            List<String> runs = readingRuns(text);
            for (int r = 0; r < runs.size(); r++) {
                String run = runs.get(r);
                for (int start = 0; start + 3 <= run.length(); start += 7) {
                    for (int length = 3; length <= 9 && start + length <= run.length(); length += 2) {
                        queries.add(run.substring(start, start + length));
                    }
                }
                if (r + 1 < runs.size() && run.length() >= 2 && runs.get(r + 1).length() >= 2) {
                    if (queries.add(run.substring(run.length() - 2) + runs.get(r + 1).substring(0, 2))) joinedRuns++;
                }
            }
        }
        int thinned = 0;
        for (String kana : queries) {
            Query full = QUERIES.createPhraseQuery(PlanFields.TEXT_READING, kana);
            if (full == null) continue;
            Query thin = BigramCover.ofReadings(full);
            if (thin != full) thinned++;
            assertEquals(docs(searcher, full), docs(searcher, thin), kana);
        }
        assertTrue(joinedRuns > 50, "joined runs " + joinedRuns);
        assertTrue(thinned > queries.size() / 2, "thinned " + thinned + " of " + queries.size());
    }

    /**
     * A kana word is counted by its reading alone (TextQueries), which must then find every entry
     * its characters find: every stretch of 3 to 9 kana in the bundled corpus's texts (a middle
     * dot inside read through, as a resident would leave it out) that reads as spelled. The
     * search's own query finds exactly what the characters or the reading find.
     */
    @Test
    void aKanaWordsReadingFindsEveryEntryItsCharactersFind() throws IOException {
        UnderstoodQuery.Parser parser = new UnderstoodQuery.Parser(PlanFields.queryAnalyzer(ANALYSIS), Synonyms.none());
        Set<String> words = new TreeSet<>();
        Matcher kana = Pattern.compile("[ぁ-ゔァ-ヴー]+(?:・[ぁ-ゔァ-ヴー]+)*").matcher("");
        for (String text : texts) {
            kana.reset(text);
            while (kana.find()) {
                String run = kana.group().replace("・", "");
                for (int start = 0; start < run.length(); start++) {
                    for (int end = start + 3; end <= Math.min(run.length(), start + 9); end++) {
                        String word = run.substring(start, end);
                        if (TextQueries.readsAsSpelled(word)) words.add(word);
                    }
                }
            }
        }
        int withVariants = 0;
        for (String word : words) {
            Set<Integer> byCharacters = docs(searcher, BigramCover.of(QUERIES.createPhraseQuery(PlanFields.TEXT_BIGRAM, word)));
            Set<Integer> byReading = docs(searcher, BigramCover.ofReadings(QUERIES.createPhraseQuery(PlanFields.TEXT_READING, word)));
            assertTrue(byReading.containsAll(byCharacters), word);
            assertFalse(byCharacters.isEmpty(), word);
            assertEquals(byReading, docs(searcher, parser.parse("\"" + word + "\"").text()), word);
            if (byReading.size() > byCharacters.size()) withVariants++;
        }
        assertTrue(words.size() > 300, "words " + words.size());
        assertTrue(withVariants > 0, "no word found a spelling variant");
    }

    /** The kana runs the reading field holds for a text, rebuilt from its bigrams and position gaps. */
    private static List<String> readingRuns(String text) throws IOException {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        try (var tokens = ANALYSIS.reading().tokenStream(PlanFields.TEXT_READING, text)) {
            var term = tokens.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            var increment = tokens.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (increment.getPositionIncrement() > 1 || run.isEmpty()) {
                    if (!run.isEmpty()) runs.add(run.toString());
                    run.setLength(0);
                    run.append(term);
                } else {
                    run.append(term.charAt(term.length() - 1));
                }
            }
            tokens.end();
        }
        if (!run.isEmpty()) runs.add(run.toString());
        return runs;
    }

    /**
     * A character next to Latin letters or digits (ＤＸ化, 2期, 化dx) stands at the edge of its run,
     * which the index holds alone: the phrase finds exactly the entries with that word next to it,
     * though the text's run may go on (ＤＸ化を).
     */
    @Test
    void findsACharacterNextToLatinAtTheEdgeOfItsRun() throws IOException {
        Pattern edge = Pattern.compile("(?<![\\p{Alnum}.,_'-])(\\p{Alnum}+\\p{IsHan}|\\p{IsHan}\\p{Alnum}+)(?![\\p{Alnum}.,_'-])");
        List<String> lower = texts.stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).toList();
        Set<String> words = new TreeSet<>();
        for (String normal : lower) {
            Matcher m = edge.matcher(normal);
            while (m.find()) words.add(m.group(1));
        }
        assertTrue(words.size() >= 5, "words " + words);
        for (String word : words) {
            Query query = BigramCover.of(QUERIES.createPhraseQuery(PlanFields.TEXT_BIGRAM, word));
            Pattern alone = Pattern.compile("(?<![\\p{Alnum}.,_'-])" + Pattern.quote(word)
                    + (Character.isLetterOrDigit(word.charAt(word.length() - 1)) && !isCjk(word.codePointBefore(word.length()))
                            ? "(?![\\p{Alnum}.,_'-])" : ""));
            Set<Integer> expected = new TreeSet<>();
            for (int doc = 0; doc < lower.size(); doc++) {
                if (alone.matcher(lower.get(doc)).find()) expected.add(doc);
            }
            assertEquals(expected, docs(searcher, query), word);
        }
    }

    /** The entries whose text holds the run, a middle dot between two CJK characters read through. */
    private static Set<Integer> holding(List<String> texts, String run) {
        Set<Integer> holding = new TreeSet<>();
        for (int doc = 0; doc < texts.size(); doc++) {
            if (withoutJoiningDots(texts.get(doc)).contains(run)) holding.add(doc);
        }
        return holding;
    }

    private static String withoutJoiningDots(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean joins = MiddleDots.joins(c) && i > 0 && i + 1 < text.length()
                    && isCjk(text.codePointBefore(i)) && isCjk(text.codePointAt(i + 1));
            if (!joins) out.append(c);
        }
        return out.toString();
    }

    private static Set<Integer> docs(IndexSearcher searcher, Query query) throws IOException {
        Set<Integer> docs = new TreeSet<>();
        for (ScoreDoc sd : searcher.search(query, Math.max(1, searcher.getIndexReader().maxDoc())).scoreDocs) docs.add(sd.doc);
        return docs;
    }

    private static boolean isCjk(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA;
    }
}
