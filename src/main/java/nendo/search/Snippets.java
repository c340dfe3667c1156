package nendo.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nendo.index.PlanFields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Builds the HTML snippet of a hit: the text escaped, with what matched in {@code <mark>}.
 * Lucene's UnifiedHighlighter finds the matches by re-analysing the stored text with the index
 * analyzers (so offsets point into the verbatim text, NFKC notwithstanding); matches from the
 * word field and the bigram field are merged, and only the escaping and marking are ours.
 */
final class Snippets {
    /** Texts longer than this are cut to a window around the first match. */
    static final int MAX_CHARS = 200;
    private static final int CONTEXT_BEFORE = 40;

    private final UnifiedHighlighter highlighter;
    private final Analyzer indexAnalyzer;
    private final CharacterRuns runs;

    /**
     * @param indexAnalyzer the index's analysis, per field
     * @param characters the bigram chain before pairing, for {@link CharacterRuns}
     */
    Snippets(Analyzer indexAnalyzer, Analyzer characters) {
        this.indexAnalyzer = indexAnalyzer;
        this.runs = new CharacterRuns(characters);
        this.highlighter = UnifiedHighlighter.builderWithoutSearcher(indexAnalyzer)
                .withBreakIterator(WholeBreakIterator::new)
                .withFormatter(new SpanFormatter())
                .withMaxLength(Integer.MAX_VALUE - 1)
                .build();
    }

    /** Marks the matches of one query; made once per search, used for each hit of the page. */
    Marker marker(Query query) {
        return new Marker(query, BigramMarks.of(query, indexAnalyzer, PlanFields.TEXT_BIGRAM, runs),
                BigramMarks.of(query, indexAnalyzer, PlanFields.TEXT_READING, null));
    }

    final class Marker {
        private final Query query;
        private final BigramMarks bigrams;
        private final BigramMarks readings;

        private Marker(Query query, BigramMarks bigrams, BigramMarks readings) {
            this.query = query;
            this.bigrams = bigrams;
            this.readings = readings;
        }

        String snippet(String text) throws IOException {
            List<int[]> spans = new ArrayList<>();
            if (query != null) {
                // Every word must match as contiguous characters, so the bigram field marks what
                // matched; it is cheap to re-analyse, unlike the two Kuromoji fields (measured: a
                // fifth of a search's time went into highlighting all three). Readings only when
                // the query has a kana word (Kuromoji then runs over the hit); words only when
                // characters alone mark nothing (a base form: 行う → 行い).
                spans.addAll(bigrams.spans(text));
                spans.addAll(readings.spans(text));
                if (spans.isEmpty()) spans.addAll(matches(PlanFields.TEXT_JA, query, text));
            }
            return render(text, merge(spans));
        }
    }

    @SuppressWarnings("unchecked")
    private List<int[]> matches(String field, Query query, String text) throws IOException {
        Object result = highlighter.highlightWithoutSearcher(field, query, text, 1);
        return result == null ? List.of() : (List<int[]>) result;
    }

    private static List<int[]> merge(List<int[]> spans) {
        spans.sort(Comparator.comparingInt((int[] s) -> s[0]).thenComparingInt(s -> s[1]));
        List<int[]> merged = new ArrayList<>();
        for (int[] s : spans) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
            else merged.add(new int[] {s[0], s[1]});
        }
        return merged;
    }

    static String render(String text, List<int[]> spans) {
        int from = 0;
        int to = text.length();
        if (text.length() > MAX_CHARS) {
            int first = spans.isEmpty() ? 0 : spans.get(0)[0];
            from = Math.max(0, first - CONTEXT_BEFORE);
            to = Math.min(text.length(), from + MAX_CHARS);
        }
        StringBuilder html = new StringBuilder();
        if (from > 0) html.append('…');
        int pos = from;
        for (int[] s : spans) {
            int start = Math.max(s[0], from);
            int end = Math.min(s[1], to);
            if (start >= end) continue;
            HtmlText.escape(text, pos, start, html);
            html.append("<mark>");
            HtmlText.escape(text, start, end, html);
            html.append("</mark>");
            pos = end;
        }
        HtmlText.escape(text, pos, to, html);
        if (to < text.length()) html.append('…');
        return html.toString();
    }

    /** Hands back the match offsets instead of formatted text. */
    private static final class SpanFormatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            List<int[]> spans = new ArrayList<>();
            for (Passage p : passages) {
                for (int i = 0; i < p.getNumMatches(); i++) {
                    spans.add(new int[] {p.getMatchStarts()[i], p.getMatchEnds()[i]});
                }
            }
            return spans;
        }
    }
}
