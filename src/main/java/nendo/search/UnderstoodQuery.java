package nendo.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import nendo.analysis.Synonyms;

/**
 * What the user typed, understood once the same way for every feature that takes a query (search,
 * compare, export): year terms become year filters, words become the text query with synonyms,
 * and each step that changed the meaning leaves a notice for the user.
 *
 * @param text the text query, null when nothing but filters was typed
 * @param ranked the text query split for a relevance-sorted page ({@link RelevancePage}), null with text
 * @param years years named in the text, each once; any of them (and of the year= parameter) may hold
 * @param withoutYears the text as read without its years, to search the same words for other years
 * @param wordRequired whether every match must hold a word of the text, and so is an entry with text
 */
record UnderstoodQuery(Query text, RelevancePage.Ranked ranked, List<Integer> years, List<String> notices,
                       List<SearchResponse.Expansion> expansions, boolean wordRequired, String withoutYears) {

    /**
     * Parses query text; built once per archive and shared. Remembers the queries it parsed
     * recently: the same words are searched again and again (paging, filters, popular themes), and
     * understanding them runs Kuromoji and builds the whole query tree (measured: 3% of a search).
     * What a text means depends only on the text and the synonyms, fixed for the archive, and
     * Lucene queries are immutable, so one parse serves every request.
     */
    static final class Parser {
        /** A few megabytes at most; emptied when full, so an unusual burst of queries cannot grow it. */
        private static final int RECENT = 4096;
        /** Longer texts are pasted passages, not searches that come back. */
        private static final int LONGEST_REMEMBERED = 200;

        private final QuerySyntax syntax = new QuerySyntax();
        private final TextQueries textQueries;
        private final ConcurrentHashMap<String, UnderstoodQuery> recent = new ConcurrentHashMap<>();

        Parser(Analyzer queryAnalyzer, Synonyms synonyms) {
            this.textQueries = new TextQueries(queryAnalyzer, synonyms);
        }

        UnderstoodQuery parse(String q) {
            if (q == null || q.length() > LONGEST_REMEMBERED) return understand(q);
            UnderstoodQuery known = recent.get(q);
            if (known != null) return known;
            UnderstoodQuery understood = understand(q);
            if (recent.size() >= RECENT) recent.clear();
            recent.put(q, understood);
            return understood;
        }

        private UnderstoodQuery understand(String q) {
            YearTerms.Extracted extracted = YearTerms.extract(syntax.parse(q));
            TextQueries.Built built = textQueries.build(extracted.remaining());
            Query text = built.query();
            RelevancePage.Ranked ranked = built.ranked();
            List<String> notices = new ArrayList<>(extracted.notices());
            for (SearchResponse.Expansion e : built.expansions()) {
                notices.add("「" + e.word() + "」は " + String.join("・", e.alternatives()) + " も検索しました");
            }
            if (text == null && !extracted.remaining().isEmpty()) {
                // Only punctuation or symbols were typed: listing everything would look like a match.
                notices.add("検索語に検索できる文字がありません（記号だけの語は検索できません）");
                text = new MatchNoDocsQuery();
                ranked = new RelevancePage.Ranked(text, List.of());
            }
            String withoutYears = extracted.years().isEmpty() ? (q == null ? "" : q)
                    : QuerySyntax.text(extracted.remaining());
            // Each notice once: a repair or a year repeated in the text is told once (令和元年度 令和元年度).
            return new UnderstoodQuery(text, ranked, extracted.years(), List.copyOf(new LinkedHashSet<>(notices)),
                    built.expansions(),
                    built.wordRequired(), withoutYears);
        }
    }

    /** Years named in the query text, for the response. */
    List<Integer> queryYears() {
        return years;
    }
}
