package nendo.analysis;

import com.ibm.icu.text.Normalizer2;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseIterationMarkCharFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapanesePartOfSpeechStopFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.UserDictionary;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.util.Version;

/**
 * The one place that builds analyzers. Indexing, querying, highlighting and tests all take their
 * analyzers from here, and {@link #signature()} names every setting (with the user dictionary's
 * checksum) so that an index built with other settings is detected and rebuilt.
 *
 * <p>Two views of the same text, so that neither decides alone:
 * <ul>
 *   <li>{@code japanese}: Kuromoji words (base forms, particles dropped) — precise, ranks real
 *       word matches, but misses words it cuts differently in context;
 *   <li>{@code bigram}: overlapping character pairs — finds any contiguous substring (浄化槽 in
 *       合併処理浄化槽), at the price of matches across word boundaries (京都 in 東京都).
 * </ul>
 * Both start with NFKC through a char filter, which keeps offsets pointing into the original text.
 */
public final class AnalyzerFactory {
    /** Bump when the chain changes in a way the signature below would not show. */
    private static final int CHAIN_VERSION = 1;
    private static final String USER_DICTIONARY = "userdict.txt";

    /** The tokenizer's types that {@code CJKBigramFilter} pairs with the flags used here. */
    private static final String[] PAIRED_TYPES = {
        StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC],
        StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HIRAGANA],
        StandardTokenizer.TOKEN_TYPES[StandardTokenizer.KATAKANA],
        StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HANGUL],
    };

    private final UserDictionary userDictionary;
    private final String userDictionaryChecksum;

    public AnalyzerFactory() {
        byte[] dictionary = readResource(USER_DICTIONARY);
        this.userDictionaryChecksum = sha256(dictionary);
        try {
            this.userDictionary = UserDictionary.open(
                    new StringReader(new String(dictionary, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("user dictionary " + USER_DICTIONARY + " is invalid", e);
        }
    }

    /** Kuromoji field analyzer; the same chain serves indexing and queries. */
    public Analyzer japanese() {
        return new KuromojiAnalyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = kuromojiByClause();
                return new TokenStreamComponents(tokenizer, wordFilters(tokenizer));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(new CJKWidthFilter(in));
            }
        };
    }

    /**
     * Reading analyzer: katakana readings of Kuromoji's words as bigrams across touching words
     * ({@link ReadingBigramFilter}), for queries typed in kana. Used for indexing and queries alike.
     */
    public Analyzer reading() {
        return reading(null);
    }

    /**
     * The reading analyzer for marking where a kana query matched in its hits: the tokens of
     * {@link #reading()}, with clauses seen before from a memo of its own (bounded, see
     * {@link ClauseMemo}): Kuromoji over every hit of every kana query was the costliest part of
     * their snippets, and the same hits come back page after page.
     */
    public Analyzer readingForMarks() {
        return reading(ClauseMemo.forSearches());
    }

    private Analyzer reading(ClauseMemo memo) {
        return new KuromojiAnalyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new KuromojiTokens(kuromoji(), memo).replay(true);
                return new TokenStreamComponents(tokenizer, new ReadingBigramFilter(tokenizer));
            }
        };
    }

    /**
     * The japanese, reading and terms chains over one Kuromoji pass, for indexing: all three start
     * with the same tokenizer, which is most of their cost. Gives exactly the tokens of
     * {@link #japanese()}, {@link #reading()} and {@link #terms()} (tested).
     */
    public KuromojiStreams kuromojiStreams() {
        return new KuromojiStreams(this::kuromoji, AnalyzerFactory::wordFilters, ReadingBigramFilter::new,
                NounCompoundFilter::new, reader -> new JapaneseIterationMarkCharFilter(nfkc(reader)));
    }

    private static TokenStream wordFilters(TokenStream tokens) {
        TokenStream stream = new JapaneseBaseFormFilter(tokens);
        stream = new JapanesePartOfSpeechStopFilter(stream, JapaneseAnalyzer.getDefaultStopTags());
        stream = new CJKWidthFilter(stream);
        stream = new StopFilter(stream, stopWords());
        stream = new JapaneseKatakanaStemFilter(stream);
        return new LowerCaseFilter(stream);
    }

    /**
     * Bigram analyzer for indexing: bigrams plus the first and last character of each run
     * ({@link RunEdgeFilter}), stacked at the same positions so that bigram phrases still line up;
     * an empty position marks each place where the text is not contiguous ({@link RunGapFilter}).
     * A trigram is stacked on each bigram the next one continues ({@link RunTrigramFilter}). A
     * one-character query (槽) finds an inner character as the first half of a bigram.
     */
    public Analyzer bigramIndex() {
        return bigram(true);
    }

    /** Bigram analyzer for queries: bigrams only (a lone character stays a unigram). */
    public Analyzer bigramQuery() {
        return bigram(false);
    }

    private Analyzer bigram(boolean index) {
        return characterChain(characters -> {
            TokenStream stream = new CJKBigramFilter(characters, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
                    | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, index);
            if (index) stream = new RunEdgeFilter(stream);
            stream = new RunGapFilter(stream, !index);
            if (index) stream = new RunTrigramFilter(stream);
            return stream;
        });
    }

    /**
     * The bigram chain before it pairs characters: NFKC, then tokens as {@link StandardTokenizer}
     * cuts them (a CJK token is one character, or a katakana word), width-folded and lower-cased,
     * read through a middle dot between CJK characters ({@link MiddleDotJoinFilter}).
     * Marking a hit reads its CJK runs from these instead of from the paired, stacked tokens, which
     * cost most of a snippet's time.
     */
    public Analyzer bigramCharacters() {
        return characterChain(characters -> characters);
    }

    /**
     * Whether a token of the character chain is one the bigram filter pairs (the types its flags
     * name below): what marks and the middle-dot join take for CJK.
     */
    public static boolean isPairedType(String type) {
        for (String t : PAIRED_TYPES) {
            if (t.equals(type)) return true;
        }
        return false;
    }

    /** NFKC, the tokenizer, width, case and middle dots: built here only, so the bigram chains cannot drift apart. */
    private static Analyzer characterChain(UnaryOperator<TokenStream> then) {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return MiddleDots.mark(nfkc(reader));
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream characters = new LowerCaseFilter(new CJKWidthFilter(tokenizer));
                return new TokenStreamComponents(tokenizer, then.apply(new MiddleDotJoinFilter(characters)));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(new CJKWidthFilter(in));
            }
        };
    }

    /**
     * Terms analyzer: nouns and noun compounds ({@link NounCompoundFilter}) from Kuromoji's normal
     * mode, which keeps compounds whole as the plans write them. Distinctive-term statistics are
     * counted from the field indexed with it. NFKC first, so ＤＸ and DX are one term; no lower-casing,
     * so terms are shown as written.
     */
    public Analyzer terms() {
        return new KuromojiAnalyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                // Search mode, as for words: touching nouns are joined into compounds anyway, and
                // one mode lets indexing share one Kuromoji pass between the three fields.
                Tokenizer tokenizer = kuromojiByClause();
                return new TokenStreamComponents(tokenizer, new NounCompoundFilter(tokenizer));
            }
        };
    }

    /**
     * Words as written, punctuation included, with offsets into the original text: the units in
     * which two versions of a measure are compared, so that a change is shown as whole words.
     */
    public Analyzer surfaceWords() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                return new TokenStreamComponents(
                        new JapaneseTokenizer(userDictionary, false, true, JapaneseTokenizer.Mode.NORMAL));
            }
        };
    }

    /** Finds suggestible words (noun runs, quoted names) with readings, using the same dictionary. */
    public Vocabulary vocabulary() {
        return new Vocabulary(userDictionary);
    }

    /** Every setting that changes which tokens a text produces; stored in each index commit. */
    public String signature() {
        return "nendo-analysis/" + CHAIN_VERSION
                + ";lucene=" + Version.LATEST
                + ";japanese=nfkc+iteration-marks+kuromoji(search,discard-compound,by-clause)+base-form"
                + "+pos-stop(default)+width+stop(default)+katakana-stem+lowercase"
                + ";userdict=sha256:" + userDictionaryChecksum
                + ";bigram=nfkc+middle-dot-mark+standard+width+lowercase+middle-dot-joins+cjk-bigram(han,hiragana,katakana,hangul;index-unigrams)+index-run-edges+run-gaps+index-trigrams"
                + ";reading=nfkc+iteration-marks+kuromoji(search,discard-compound,by-clause)+reading-bigrams"
                + "(katakana,small-kana,vu,no-long-vowel;run-gap=2;middle-dot-joins;kana-as-spelled)"
                + ";terms=nfkc+iteration-marks+kuromoji(search,by-clause)+noun-compounds(no-bare-era,no-fragments)";
    }

    private static CharArraySet stopWords() {
        return JapaneseAnalyzer.getDefaultStopSet();
    }

    /**
     * SEARCH mode splits long compounds; discarding the compound token keeps a flat token stream,
     * so phrase queries (contiguous words) behave.
     */
    private Tokenizer kuromoji() {
        return new JapaneseTokenizer(userDictionary, true, true, JapaneseTokenizer.Mode.SEARCH);
    }

    /** Kuromoji one clause at a time, as indexing runs it ({@link KuromojiTokens}). */
    private Tokenizer kuromojiByClause() {
        return new KuromojiTokens(kuromoji(), null).replay(true);
    }

    /** Analyzers over Kuromoji: NFKC, then iteration marks spelled out, before the tokenizer. */
    private abstract static class KuromojiAnalyzer extends Analyzer {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new JapaneseIterationMarkCharFilter(nfkc(reader));
        }
    }

    private static Reader nfkc(Reader reader) {
        return new ICUNormalizer2CharFilter(reader, Normalizer2.getNFKCInstance());
    }

    private static byte[] readResource(String name) {
        try (InputStream in = AnalyzerFactory.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource nendo/analysis/" + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
