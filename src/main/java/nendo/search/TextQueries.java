package nendo.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import nendo.analysis.KanaFolding;
import nendo.analysis.Synonyms;
import nendo.index.PlanFields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns parsed user text into a Lucene query over the text fields. Each word must occur as
 * contiguous text (a bigram phrase), and a Kuromoji word phrase adds a tier to the score, so that a real
 * word match (防災 as a word) ranks above a match that only bigrams see (京都 inside 東京都).
 * Unquoted words are also looked up in the synonym list; a quoted phrase is taken literally.
 */
final class TextQueries {
    /** Added once per word matched as a word: larger than any bigram-only BM25 score here. */
    private static final float WORD_TIER = 50.0f;
    /** A reading match is a guess at the kanji meant: it counts less than the literal text. */
    private static final float READING_BOOST = 0.5f;
    /**
     * Added when a kana word matched by reading is also in the text as typed, so the spelling typed
     * ranks above a variant (バイオリン, ヴァイオリン) or kanji read the same (こども above 子供). A
     * constant rather than the characters' BM25, which would have to be matched and scored for every
     * entry; it outweighs the reading score's spread between entries unless one is far shorter or
     * says the word far more often (the reading score is halved, and both entries share its idf).
     */
    private static final float SPELLING_TIER = 25.0f;
    /** A synonym is what the user probably meant, not what they typed: it counts half. */
    private static final float SYNONYM_BOOST = 0.5f;
    /**
     * Added to a match of the word typed when its synonyms are searched too, so that it ranks above
     * an entry that only says a synonym: a synonym's score is half its word tier and half its
     * characters' score, and the word typed can lack its own word tier where the text cuts it
     * differently (ライフ・ワーク・バランス, where Kuromoji reads the typed word as ライフワーク + バランス).
     */
    private static final float LITERAL_TIER = WORD_TIER;
    /** One or two kana are too ambiguous to search by sound (の, した…). */
    private static final int MIN_READING_LENGTH = 3;
    /** What the bigram tokenizer skips inside a word: punctuation (・、) and spaces. */
    private static final Pattern BREAKS = Pattern.compile("[\\p{P}\\p{Z}\\s]+");

    private final QueryBuilder builder;
    private final Synonyms synonyms;

    /**
     * The query and the synonym expansions it used, for the response; and the same query split for
     * the page's ranking: {@code ranked.scored()} without the word tiers that {@link RelevancePage}
     * adds itself (same matches; its score plus the tiers an entry holds is the query's score).
     * {@code wordRequired}: at least one word must match, so every match is an entry with text.
     */
    record Built(Query query, List<SearchResponse.Expansion> expansions, RelevancePage.Ranked ranked,
                 boolean wordRequired) {}

    /**
     * A word's query; {@code scored} and {@code tiers} are set when the query is just the two: the
     * matches are those of {@code scored}, and each tier adds a constant to the entries it holds.
     */
    private record Word(Query query, Query scored, List<RelevancePage.Tier> tiers) {
        static Word of(Query query) {
            return query == null ? null : new Word(query, null, List.of());
        }
    }

    TextQueries(Analyzer queryAnalyzer, Synonyms synonyms) {
        this.builder = new QueryBuilder(queryAnalyzer);
        this.synonyms = synonyms;
    }

    /** The query is null when nothing searchable is left (e.g. only punctuation). */
    Built build(QuerySyntax.Parsed parsed) {
        List<SearchResponse.Expansion> expansions = new ArrayList<>();
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        BooleanQuery.Builder scored = new BooleanQuery.Builder();
        List<RelevancePage.Tier> tiers = new ArrayList<>();
        int required = 0;
        for (List<QuerySyntax.Term> group : parsed.groups()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            List<Word> words = new ArrayList<>();
            for (QuerySyntax.Term term : group) {
                Word w = expanded(term, expansions);
                if (w != null) {
                    any.add(w.query(), Occur.SHOULD);
                    words.add(w);
                }
            }
            if (words.isEmpty()) continue;
            Query either = any.build();
            all.add(either, Occur.MUST);
            required++;
            // A required word alone in its group that is a scored query and tiers: the page adds
            // the tiers itself, only to the matches that could reach it.
            Word only = words.size() == 1 ? words.get(0) : null;
            if (only != null && only.scored() != null) {
                scored.add(only.scored(), Occur.MUST);
                tiers.addAll(only.tiers());
            } else {
                scored.add(either, Occur.MUST);
            }
        }
        int excluded = 0;
        for (QuerySyntax.Term term : parsed.excluded()) {
            Word w = expanded(term, expansions);
            if (w != null) {
                all.add(w.query(), Occur.MUST_NOT);
                scored.add(w.query(), Occur.MUST_NOT);
                excluded++;
            }
        }
        if (required == 0 && excluded == 0) return new Built(null, List.copyOf(expansions), null, false);
        if (required == 0) {
            all.add(new MatchAllDocsQuery(), Occur.MUST);
            scored.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        return new Built(all.build(), List.copyOf(expansions),
                new RelevancePage.Ranked(scored.build(), List.copyOf(tiers)), required > 0);
    }

    /** The word or any of its synonyms; a quoted phrase is never expanded. */
    private Word expanded(QuerySyntax.Term term, List<SearchResponse.Expansion> expansions) {
        Word literal = word(term.text());
        List<String> others = term.phrase() ? List.of() : synonyms.alternatives(term.text());
        if (others.isEmpty()) return literal;
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        if (literal != null) any.add(ScorePlus.of(literal.query(), LITERAL_TIER), Occur.SHOULD);
        for (String other : others) {
            Word w = word(other);
            if (w != null) any.add(new BoostQuery(w.query(), SYNONYM_BOOST), Occur.SHOULD);
        }
        expansions.add(new SearchResponse.Expansion(term.text(), others));
        return Word.of(any.build());
    }

    /**
     * The word's characters as a bigram phrase. The index keeps the breaks of the text (ライフ・ワーク),
     * so a word typed with a break matches text with one there; Japanese writes ・ and spaces
     * optionally, so it also matches the text written without them (ライフワーク).
     */
    private Query characters(String text) {
        Query typed = BigramCover.of(builder.createPhraseQuery(PlanFields.TEXT_BIGRAM, text));
        String joined = BREAKS.matcher(text).replaceAll("");
        if (typed == null || joined.isEmpty() || joined.equals(text)) return typed;
        Query unbroken = BigramCover.of(builder.createPhraseQuery(PlanFields.TEXT_BIGRAM, joined));
        if (unbroken == null || unbroken.equals(typed)) return typed;
        return new BooleanQuery.Builder().add(typed, Occur.SHOULD).add(unbroken, Occur.SHOULD).build();
    }

    /**
     * The word phrase's words, each required, positions left out (the field has none: see
     * {@link PlanFields#WORDS_TYPE}): the characters are already required contiguous, so entries
     * holding the words as words but not in that order are rare, while reading every position of
     * every match cost (measured) a tenth of the search time.
     */
    private static Query allWords(Query phrase) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        if (phrase instanceof PhraseQuery words) {
            // A word repeated in the phrase (の…の) is asked for once.
            for (Term t : new LinkedHashSet<>(List.of(words.getTerms()))) all.add(new TermQuery(t), Occur.FILTER);
        } else if (phrase instanceof MultiPhraseQuery stacked) {
            // Kuromoji as configured never stacks words (compounds are discarded), but a
            // positional query on this field would fail: stacked words are alternatives.
            for (Term[] alternatives : stacked.getTermArrays()) {
                BooleanQuery.Builder any = new BooleanQuery.Builder();
                for (Term t : alternatives) any.add(new TermQuery(t), Occur.SHOULD);
                all.add(any.build(), Occur.FILTER);
            }
        } else {
            return phrase;
        }
        return all.build();
    }

    /**
     * Contiguous characters are required; the word-level phrase only adds score. A word typed in
     * kana may instead match by reading (ぼうさい → 防災), scored below a literal match.
     */
    private Word word(String text) {
        Query chars = characters(text);
        if (chars == null) return null;
        Query words = allWords(builder.createPhraseQuery(PlanFields.TEXT_JA, text));
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(chars, Occur.MUST);
        if (words != null) {
            // A constant tier on top of the characters' BM25: length normalisation alone could
            // still let a short entry that only bigrams match (京都 in 東京都) outrank a long one with
            // the real word. Constant, because the words' own BM25 ranked nearly as the characters'
            // does and cost a scan of every position of every match (measured: 7% of QPS).
            b.add(new BoostQuery(new ConstantScoreQuery(words), WORD_TIER), Occur.SHOULD);
        }
        Query literal = b.build();
        if (text.length() < MIN_READING_LENGTH || !KanaFolding.isKanaWord(text)) {
            return words == null ? Word.of(literal)
                    : new Word(literal, chars, List.of(new RelevancePage.Tier(words, WORD_TIER)));
        }
        Query reading = BigramCover.ofReadings(builder.createPhraseQuery(PlanFields.TEXT_READING, text));
        if (reading == null) return Word.of(literal);
        Query byReading = new BoostQuery(reading, READING_BOOST);
        if (readsAsSpelled(text)) return spelledByReading(byReading, chars, words);
        return Word.of(new BooleanQuery.Builder()
                .add(literal, Occur.SHOULD)
                .add(byReading, Occur.SHOULD)
                .build());
    }

    /**
     * Whether every entry holding the word's characters also holds its reading, so the reading
     * alone finds all its matches: a kana word reads as spelled in the index, and a folded
     * spelling of two kana or more is a phrase that any text containing the word contains. A word
     * starting with a small vowel or ending in ヴ is left out: in the text the ヴ and the vowel
     * fold together (ヴァ → バ) across the word's edge.
     */
    static boolean readsAsSpelled(String text) {
        return KanaFolding.isSpelledKana(text)
                && "ァィェォぁぃぇぉ".indexOf(text.charAt(0)) < 0
                && "ヴゔ".indexOf(text.charAt(text.length() - 1)) < 0
                && KanaFolding.fold(text).length() >= 2;
    }

    /**
     * A kana word found by its reading alone: its characters (the text as typed) and its words
     * become tiers on top of the reading's score, instead of a second phrase to match and score for
     * every entry. Matching both phrases cost about as much again as the reading alone (measured:
     * ネットワーク, 58,000 matches in 1M), and every entry the characters find, the reading finds.
     */
    private static Word spelledByReading(Query byReading, Query chars, Query words) {
        List<RelevancePage.Tier> tiers = new ArrayList<>();
        tiers.add(new RelevancePage.Tier(chars, SPELLING_TIER));
        if (words != null) {
            Query spelledWords = new BooleanQuery.Builder().add(chars, Occur.FILTER).add(words, Occur.FILTER).build();
            tiers.add(new RelevancePage.Tier(spelledWords, WORD_TIER));
        }
        // The same score as one query, where the page cannot add tiers (a synonym, an OR): the
        // characters once, so that snippets see one phrase.
        BooleanQuery.Builder spelled = new BooleanQuery.Builder()
                .add(new BoostQuery(new ConstantScoreQuery(chars), SPELLING_TIER), Occur.MUST);
        if (words != null) spelled.add(new BoostQuery(new ConstantScoreQuery(words), WORD_TIER), Occur.SHOULD);
        Query whole = new BooleanQuery.Builder().add(byReading, Occur.MUST).add(spelled.build(), Occur.SHOULD).build();
        return new Word(whole, byReading, List.copyOf(tiers));
    }
}
