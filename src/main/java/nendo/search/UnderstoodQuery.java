package nendo.search;

import java.util.ArrayList;
import java.util.List;
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
 * @param years year sets taken from the text; each must hold
 */
record UnderstoodQuery(Query text, List<List<Integer>> years, List<String> notices,
                       List<SearchResponse.Expansion> expansions) {

    /** Parses query text; built once per archive and shared (it holds no per-request state). */
    static final class Parser {
        private final QuerySyntax syntax = new QuerySyntax();
        private final TextQueries textQueries;

        Parser(Analyzer queryAnalyzer, Synonyms synonyms) {
            this.textQueries = new TextQueries(queryAnalyzer, synonyms);
        }

        UnderstoodQuery parse(String q) {
            YearTerms.Extracted extracted = YearTerms.extract(syntax.parse(q));
            TextQueries.Built built = textQueries.build(extracted.remaining());
            Query text = built.query();
            List<String> notices = new ArrayList<>(extracted.notices());
            for (SearchResponse.Expansion e : built.expansions()) {
                notices.add("「" + e.word() + "」は " + String.join("・", e.alternatives()) + " も検索しました");
            }
            if (text == null && !extracted.remaining().isEmpty()) {
                // Only punctuation or symbols were typed: listing everything would look like a match.
                notices.add("検索語に検索できる文字がありません（記号だけの語は検索できません）");
                text = new MatchNoDocsQuery();
            }
            return new UnderstoodQuery(text, extracted.years(), List.copyOf(notices), built.expansions());
        }
    }

    /** Years named in the query text, for the response. */
    List<Integer> queryYears() {
        return years.stream().flatMap(List::stream).distinct().toList();
    }
}
