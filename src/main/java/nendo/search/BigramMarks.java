package nendo.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import nendo.analysis.MiddleDots;
import nendo.index.PlanFields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Where a query's bigram phrases occur in a text, as character spans: phrases of the bigram field
 * (every word of a query must occur as contiguous characters, so these spans are what matched) or
 * of the reading field (a kana word found by its reading; the spans are the words read so). Found
 * by walking the text's tokens of that field once: the highlighter's general machinery (an
 * in-memory index per text for phrases) cost a tenth of a search's time for the same answer, and
 * for readings, on top of Kuromoji's own time, 4–11% of the throughput (measured on 1M).
 */
final class BigramMarks {
    /**
     * One phrase of the query: its terms and their positions relative to the first. A lone
     * character ({@link CharacterQuery}) is that character alone, or the first half of a bigram
     * (not of a trigram, which starts at the same position).
     */
    private record Phrase(String[] terms, int[] offsets, boolean lone) {}

    private final List<Phrase> phrases;
    /** Each term of the phrases (a lone character too) and its number, looked up without making strings. */
    private final CharArrayMap<Integer> numbers;
    /** The phrases' terms as numbers; for a lone character, its number. */
    private final int[][] numbered;
    private final Analyzer analyzer;
    private final String field;
    /**
     * Each phrase as the CJK characters it stands for, when every phrase is such characters in a
     * row (nearly every query): these are found in the text's character runs, and the text need
     * not go through the whole bigram chain. Null otherwise.
     */
    private final int[][] words;
    private final CharacterRuns runs;

    private BigramMarks(List<Phrase> phrases, Analyzer analyzer, String field, CharacterRuns runs) {
        this.phrases = phrases;
        this.analyzer = analyzer;
        this.field = field;
        this.words = runs == null || phrases.isEmpty() ? null : words(phrases);
        this.runs = runs;
        this.numbers = new CharArrayMap<>(8, false);
        this.numbered = new int[phrases.size()][];
        for (int p = 0; p < phrases.size(); p++) {
            String[] terms = phrases.get(p).terms();
            numbered[p] = new int[terms.length];
            for (int i = 0; i < terms.length; i++) {
                Integer known = numbers.get(terms[i]);
                if (known == null) numbers.put(terms[i], known = numbers.size());
                numbered[p][i] = known;
            }
        }
    }

    /**
     * The query's phrases and terms on one field, {@link PlanFields#TEXT_BIGRAM} or
     * {@link PlanFields#TEXT_READING}, excluded words left out. With {@code runs} (bigram field
     * only), words of CJK characters are found in the text's runs of them instead of its tokens.
     */
    static BigramMarks of(Query query, Analyzer indexAnalyzer, String field, CharacterRuns runs) {
        List<Phrase> phrases = new ArrayList<>();
        if (query != null) {
            query.visit(new QueryVisitor() {
                @Override
                public boolean acceptField(String visited) {
                    return field.equals(visited);
                }

                @Override
                public void consumeTerms(Query q, Term... terms) {
                    if (q instanceof PhraseQuery phrase) {
                        int[] positions = phrase.getPositions();
                        String[] texts = new String[terms.length];
                        int[] offsets = new int[terms.length];
                        for (int i = 0; i < terms.length; i++) {
                            texts[i] = terms[i].text();
                            offsets[i] = positions[i] - positions[0];
                        }
                        phrases.add(new Phrase(texts, offsets, false));
                    } else {
                        for (Term t : terms) phrases.add(new Phrase(new String[] {t.text()}, new int[] {0}, false));
                    }
                }

                @Override
                public void consumeTermsMatching(Query q, String visited, Supplier<ByteRunAutomaton> automaton) {
                    if (q instanceof CharacterQuery character) {
                        phrases.add(new Phrase(new String[] {character.character()}, new int[] {0}, true));
                    }
                }

                @Override
                public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                    return occur == Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
                }
            });
        }
        return new BigramMarks(phrases, indexAnalyzer, field, runs);
    }

    private static int[][] words(List<Phrase> phrases) {
        int[][] words = new int[phrases.size()][];
        for (int p = 0; p < phrases.size(); p++) {
            words[p] = word(phrases.get(p));
            if (words[p] == null) return null;
        }
        return words;
    }

    /**
     * The characters a phrase of bigrams and trigrams (or a lone character) pins in a row, or null
     * if it is anything else: a term holding a CJK letter is an n-gram of CJK tokens, since the
     * tokenizer never puts one in a word of other letters, and in a run positions are characters.
     */
    private static int[] word(Phrase phrase) {
        int length = 0;
        int[][] terms = new int[phrase.terms().length][];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = phrase.terms()[i].codePoints().toArray();
            boolean gram = phrase.lone() ? terms[i].length == 1 : terms[i].length == 2 || terms[i].length == 3;
            if (!gram || Arrays.stream(terms[i]).noneMatch(BigramMarks::isCjkLetter)) return null;
            if (phrase.lone() && !isCjkLetter(terms[i][0])) return null;
            length = Math.max(length, phrase.offsets()[i] + terms[i].length);
        }
        int[] word = new int[length];
        Arrays.fill(word, -1);
        for (int i = 0; i < terms.length; i++) {
            for (int k = 0; k < terms[i].length; k++) {
                int at = phrase.offsets()[i] + k;
                if (word[at] != -1 && word[at] != terms[i][k]) return null;
                word[at] = terms[i][k];
            }
        }
        return Arrays.stream(word).anyMatch(c -> c == -1) ? null : word;
    }

    private static boolean isCjkLetter(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /** Whether texts are marked from their character runs (for tests: the fast way is the usual one). */
    boolean findsInRuns() {
        return words != null;
    }

    boolean isEmpty() {
        return phrases.isEmpty();
    }

    /**
     * Spans {start, end} of every occurrence of every phrase, in no particular order; none starts or
     * ends on a middle dot. The character after a dot that the analysis reads through spans the dot
     * ({@code MiddleDotJoinFilter}), so ワーク in ライフ・ワーク would otherwise be marked from the dot.
     */
    List<int[]> spans(String text) throws IOException {
        List<int[]> spans = new ArrayList<>();
        if (phrases.isEmpty()) return spans;
        CharacterRuns.Text cjk = words == null ? null : runs.of(text);
        if (cjk != null) {
            for (int[] word : words) cjk.find(word, spans);
        } else {
            tokenSpans(text, spans);
        }
        for (int[] span : spans) {
            while (span[0] < span[1] && MiddleDots.joins(text.charAt(span[0]))) span[0]++;
            while (span[1] > span[0] && MiddleDots.joins(text.charAt(span[1] - 1))) span[1]--;
        }
        return spans;
    }

    private void tokenSpans(String text, List<int[]> spans) throws IOException {
        SeenTokens seen = seen(text);
        for (int r = 0; r < seen.size; r = seen.nextPosition(r)) {
            for (int p = 0; p < phrases.size(); p++) {
                int[] terms = numbered[p];
                if (phrases.get(p).lone()) {
                    int[] span = seen.characterSpan(r, terms[0]);
                    if (span != null) spans.add(span);
                    continue;
                }
                int first = seen.find(seen.position[r], terms[0], true);
                int last = first;
                for (int i = 1; i < terms.length && last >= 0; i++) {
                    last = seen.find(seen.position[r] + phrases.get(p).offsets()[i], terms[i], true);
                }
                if (last >= 0) spans.add(new int[] {seen.start[first], seen.end[last]});
            }
        }
    }

    /**
     * The text's tokens that are terms of the phrases, and the bigrams a lone character starts:
     * nearly all tokens are neither and are passed over without making strings.
     */
    private SeenTokens seen(String text) throws IOException {
        SeenTokens seen = new SeenTokens();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                int step = increment.getPositionIncrement();
                position += step;
                if (step > 0) seen.starts(position, offset.startOffset());
                char[] chars = term.buffer();
                Integer exact = numbers.get(chars, 0, term.length());
                if (exact != null) seen.add(position, exact, true, offset.startOffset(), offset.endOffset());
                int head = Character.charCount(Character.codePointAt(chars, 0, term.length()));
                if (head < term.length() && Character.codePointCount(chars, 0, term.length()) == 2) {
                    Integer character = numbers.get(chars, 0, head);
                    if (character != null) seen.add(position, character, false, offset.startOffset(), offset.endOffset());
                }
            }
            stream.end();
        }
        return seen;
    }
}
