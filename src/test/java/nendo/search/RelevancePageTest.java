package nendo.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nendo.analysis.AnalyzerFactory;
import nendo.analysis.Synonyms;
import nendo.index.PlanFields;
import nendo.testing.TestArchive;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relevance page, which adds the word tiers only where they could matter, ranks exactly as
 * Lucene's own sort of the whole query (tiers inside) over the bundled corpus, page by page.
 */
class RelevancePageTest {
    /** The order the page promises: score, newest year, organization, position (then index order). */
    private static final Sort LUCENE = new Sort(SortField.FIELD_SCORE,
            new SortedNumericSortField(PlanFields.YEAR, SortField.Type.INT, true),
            new SortedSetSortField(PlanFields.ORG, false), new SortField(PlanFields.POSITION, SortField.Type.LONG));

    @TempDir
    static Path dir;
    static TestArchive archive;
    static DirectoryReader reader;
    static UnderstoodQuery.Parser parser;
    static PlanSearcher page;

    @BeforeAll
    static void build() throws IOException {
        archive = TestArchive.bundled(dir);
        reader = DirectoryReader.open(FSDirectory.open(dir.resolve("index")));
        AnalyzerFactory analysis = new AnalyzerFactory();
        parser = new UnderstoodQuery.Parser(PlanFields.queryAnalyzer(analysis), Synonyms.bundled());
        page = new PlanSearcher(parser, PlanFields.indexAnalyzer(analysis), analysis.bigramCharacters(), new OrdinalNames(),
                new QueryNames());
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        archive.close();
    }

    /**
     * Same text, year and organization: the earlier place in its document comes first, even when
     * that document was indexed later (its entries come later in index order).
     */
    @Test
    void tiesGoToTheEarlierPlaceInTheDocument(@TempDir Path other) throws IOException {
        Path corpus = other.resolve("corpus");
        Files.createDirectories(corpus.resolve("x"));
        for (String name : List.of("a", "b")) {
            String filler = name.equals("a") ? "- 窓口を案内します。\n- 庁舎を管理します。\n" : "";
            Files.writeString(corpus.resolve("x/2020" + name + ".md"), """
                    ---
                    id: x-2020%s
                    organization: テスト市
                    fiscalYear: 2020
                    series: 運営方針 %s
                    title: テスト
                    ---

                    ## 総務部

                    %s- 防災訓練を行います。
                    """.formatted(name, name, filler));
        }
        try (TestArchive small = TestArchive.of(other, corpus)) {
            PlanArchive a = small.nendo().archive();
            SearchResponse r = a.search(SearchRequest.of("防災"));
            assertEquals(List.of("x-2020b-01-01", "x-2020a-01-03"), r.hits().stream().map(SearchResponse.Hit::id).toList());
            // A page of one: the tie is decided against the entry kept so far, not in the final sort.
            SearchResponse first = a.search(new SearchRequest("防災", List.of(), null, null, List.of(), List.of(),
                    List.of(), 1, 1, SearchRequest.SortOrder.RELEVANCE));
            assertEquals(List.of("x-2020b-01-01"), first.hits().stream().map(SearchResponse.Hit::id).toList());
        }
    }

    @ParameterizedTest(name = "{0} page {1} of {2}")
    @CsvSource(delimiter = '|', value = {
        "防災                | 1 | 10",
        "防災                | 2 | 5",
        "推進                | 1 | 20",
        "推進                | 4 | 7",
        "市                  | 1 | 10",
        "防災 計画           | 1 | 10",
        "地域 福祉 推進      | 1 | 10",
        "\"地域福祉\"        | 1 | 10",
        "京都                | 1 | 10",
        "ぼうさい            | 1 | 10",
        "子ども              | 1 | 10",
        "防災 -訓練          | 1 | 10",
        "防災 OR 減災        | 1 | 10",
        "2019年度 防災       | 1 | 10",
        "事業                | 3 | 100",
    })
    void ranksAsTheWholeQuerySortedByLucene(String q, int pageNumber, int size) throws IOException {
        SearchRequest request = new SearchRequest(q, List.of(), null, null, List.of(), List.of(), List.of(),
                pageNumber, size, SearchRequest.SortOrder.RELEVANCE);
        IndexSearcher searcher = new IndexSearcher(reader);
        SearchResponse got = page.search(searcher, request, Map.of());

        UnderstoodQuery understood = parser.parse(q);
        int from = (pageNumber - 1) * size;
        TopFieldDocs expected = searcher.search(new SearchFilters(request, understood.years()).apply(understood.text()),
                new TopFieldCollectorManager(LUCENE, from + size, (FieldDoc) null, Integer.MAX_VALUE));
        List<String> expectedIds = new ArrayList<>();
        List<Float> expectedScores = new ArrayList<>();
        for (int i = from; i < expected.scoreDocs.length; i++) {
            ScoreDoc sd = expected.scoreDocs[i];
            expectedIds.add(searcher.storedFields().document(sd.doc).get(PlanFields.ID));
            expectedScores.add((Float) ((FieldDoc) sd).fields[0]);
        }
        assertEquals(expected.totalHits.value(), got.total(), q);
        assertTrue(got.total() > 0, q);
        assertEquals(expectedIds, got.hits().stream().map(SearchResponse.Hit::id).toList(), q);
        for (int i = 0; i < expectedScores.size(); i++) {
            assertEquals(expectedScores.get(i), got.hits().get(i).score(), 1e-4f, q + " score of hit " + i);
        }
    }
}
