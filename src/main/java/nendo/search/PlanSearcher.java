package nendo.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nendo.index.PlanFields;
import nendo.model.FiscalYear;
import nendo.model.PlanDocument;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.index.StoredFields;

/** Runs one search request on one searcher: hits of the page, total, facets, snippets. */
final class PlanSearcher {
    private static final SortField YEAR_DESC = new SortedNumericSortField(PlanFields.YEAR, SortField.Type.INT, true);
    private static final SortField YEAR_ASC = new SortedNumericSortField(PlanFields.YEAR, SortField.Type.INT, false);
    private static final SortField ORG = new SortedSetSortField(PlanFields.ORG, false);
    private static final SortField POSITION = new SortField(PlanFields.POSITION, SortField.Type.LONG);

    private final UnderstoodQuery.Parser parser;
    private final Snippets snippets;
    private final OrdinalNames ordinalNames;
    private final QueryNames queryNames;

    /** @param characters the bigram chain before pairing, for marking hits ({@link CharacterRuns}) */
    PlanSearcher(UnderstoodQuery.Parser parser, Analyzer indexAnalyzer, Analyzer characters, OrdinalNames ordinalNames,
                 QueryNames queryNames) {
        this.parser = parser;
        this.queryNames = queryNames;
        this.snippets = new Snippets(indexAnalyzer, characters);
        this.ordinalNames = ordinalNames;
    }

    /**
     * Loads what the first search would otherwise load while a person waits: Kuromoji's dictionary
     * (through the query parser) and the highlighter's analyzers.
     */
    void warmUp() throws IOException {
        Query query = parser.parse("防災 ぼうさい").text();
        snippets.marker(query).snippet("防災の取組を進めます。");
    }

    SearchResponse search(IndexSearcher searcher, SearchRequest request, Map<String, PlanDocument> documents)
            throws IOException {
        long started = System.nanoTime();
        QueryNames.Extracted names = queryNames.extract(searcher, request.q());
        UnderstoodQuery understood = parser.parse(names.rest());
        Query text = understood.text();
        // Names typed among the words filter like the org= and dept= the request gives: an entry
        // has one organization and one department, so either of those named may hold.
        SearchRequest filtered = names.any() ? request.withAlso(names.orgs(), names.departments()) : request;
        SearchFilters filters = new SearchFilters(filtered, understood.years(),
                queryNames.formerNamesOnly(searcher, filtered));

        int from = (request.page() - 1) * request.size();
        int kept = from + request.size();
        // One pass for the page, the total and the three facets: the year, department and
        // organization filters are checked from doc values (see FacetCounter). By relevance the
        // page adds the word tiers itself, to the entries that could reach it (RelevancePage).
        boolean byRelevance = text != null && request.sort() == SearchRequest.SortOrder.RELEVANCE;
        Query searched = byRelevance ? understood.ranked().scored() : text;
        HitPage page = byRelevance ? new RelevancePage(searcher, understood.ranked().tiers(), kept)
                : HitPage.sorted(sort(request), kept);
        FacetCounter.Result main = searcher.search(filters.unfiltered(searched, understood.wordRequired()),
                new FacetCounter(filters, page, ordinalNames));
        int total = main.total();
        List<SearchResponse.Hit> hits = new ArrayList<>();
        if (from < total) {
            StoredFields stored = searcher.storedFields();
            Snippets.Marker marker = snippets.marker(text);
            for (int i = from; i < main.top().scoreDocs.length; i++) {
                ScoreDoc sd = main.top().scoreDocs[i];
                hits.add(hit(stored.document(sd.doc), marker, sd.score, documents));
            }
        }
        Map<SearchFilters.Dimension, List<SearchResponse.FacetValue>> facetValues = main.facets();
        SearchResponse.Facets facets = new SearchResponse.Facets(facetValues.get(SearchFilters.Dimension.YEAR),
                facetValues.get(SearchFilters.Dimension.DEPARTMENT), facetValues.get(SearchFilters.Dimension.ORG),
                main.valueCounts().get(SearchFilters.Dimension.DEPARTMENT), main.valueCounts().get(SearchFilters.Dimension.ORG));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        List<String> notices = names.notices().isEmpty() ? understood.notices() : concat(names.notices(), understood.notices());
        return new SearchResponse(request.q(), total, request.page(), request.size(), tookMs, hits, facets,
                understood.queryYears(), names.orgs(), names.departments(), understood.withoutYears(),
                understood.expansions(), notices, List.of());
    }

    /** Each notice once: the rest of a query with names taken may repeat a repair of the whole. */
    private static List<String> concat(List<String> a, List<String> b) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /**
     * Whether a word finds anything on its own, in the whole archive: a word that does is what the
     * user meant, even when the search it was part of found nothing.
     */
    boolean findsAnything(IndexSearcher searcher, String word) throws IOException {
        Query text = parser.parse(word).text();
        return text != null && searcher.count(text) > 0;
    }

    private SearchResponse.Hit hit(Document doc, Snippets.Marker marker, float score, Map<String, PlanDocument> documents)
            throws IOException {
        String body = doc.get(PlanFields.TEXT);
        int year = doc.getField(PlanFields.YEAR).numericValue().intValue();
        PlanDocument plan = documents.get(doc.get(PlanFields.DOCUMENT_ID));
        return new SearchResponse.Hit(doc.get(PlanFields.ID), doc.get(PlanFields.ORG), year,
                new FiscalYear(year).era(), doc.get(PlanFields.DEPARTMENT), doc.get(PlanFields.DEPARTMENT_CANONICAL),
                doc.get(PlanFields.KIND), body,
                // A JSON Lines record has no plan document around it (its file is not one to open).
                marker.snippet(body), plan == null ? null : plan.id(), plan == null ? null : plan.title(),
                doc.getField(PlanFields.SAMPLE).numericValue().intValue() == 1, Float.isNaN(score) ? 0f : score);
    }

    /**
     * The sorts other than relevance with text (that is {@link RelevancePage}: score, newest year,
     * organization, position); browsing without text follows document order.
     */
    private static Sort sort(SearchRequest request) {
        return switch (request.sort()) {
            case YEAR_DESC -> new Sort(YEAR_DESC, ORG, POSITION);
            case YEAR_ASC -> new Sort(YEAR_ASC, ORG, POSITION);
            case RELEVANCE -> new Sort(ORG, YEAR_ASC, POSITION);
        };
    }
}
