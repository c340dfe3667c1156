package nendo.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nendo.index.PlanFields;
import org.apache.lucene.analysis.Analyzer;
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

    private record Token(String term, int start, int end) {}

    private final List<Phrase> phrases;
    private final Analyzer analyzer;
    private final String field;

    private BigramMarks(List<Phrase> phrases, Analyzer analyzer, String field) {
        this.phrases = phrases;
        this.analyzer = analyzer;
        this.field = field;
    }

    /**
     * The query's phrases and terms on one field, {@link PlanFields#TEXT_BIGRAM} or
     * {@link PlanFields#TEXT_READING}, excluded words left out.
     */
    static BigramMarks of(Query query, Analyzer indexAnalyzer, String field) {
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
        return new BigramMarks(phrases, indexAnalyzer, field);
    }

    boolean isEmpty() {
        return phrases.isEmpty();
    }

    /** Spans {start, end} of every occurrence of every phrase, in no particular order. */
    List<int[]> spans(String text) throws IOException {
        List<int[]> spans = new ArrayList<>();
        if (phrases.isEmpty()) return spans;
        // Tokens by position: a run's edge character and a bigram share one position in the index analysis.
        Map<Integer, List<Token>> byPosition = new HashMap<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                byPosition.computeIfAbsent(position, p -> new ArrayList<>(2))
                        .add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        }
        for (Map.Entry<Integer, List<Token>> at : byPosition.entrySet()) {
            for (Phrase phrase : phrases) {
                if (phrase.lone()) {
                    int[] span = characterSpan(at.getValue(), phrase.terms()[0], byPosition.get(at.getKey() + 1));
                    if (span != null) spans.add(span);
                    continue;
                }
                Token first = find(at.getValue(), phrase.terms()[0]);
                if (first == null) continue;
                Token last = first;
                for (int i = 1; i < phrase.terms().length && last != null; i++) {
                    List<Token> there = byPosition.get(at.getKey() + phrase.offsets()[i]);
                    last = there == null ? null : find(there, phrase.terms()[i]);
                }
                if (last != null) spans.add(new int[] {first.start(), last.end()});
            }
        }
        return spans;
    }

    /** The character where it stands alone, or the first half of the bigram it starts: up to where the next position starts. */
    private static int[] characterSpan(List<Token> tokens, String character, List<Token> next) {
        Token bigram = null;
        for (Token t : tokens) {
            if (t.term().equals(character)) return new int[] {t.start(), t.end()};
            if (bigram == null && t.term().startsWith(character)
                    && t.term().codePointCount(0, t.term().length()) == 2) bigram = t;
        }
        if (bigram == null) return null;
        int end = next == null || next.isEmpty() ? bigram.end() : next.get(0).start();
        return new int[] {bigram.start(), Math.min(end, bigram.end())};
    }

    private static Token find(List<Token> tokens, String term) {
        for (Token t : tokens) {
            if (t.term().equals(term)) return t;
        }
        return null;
    }
}
