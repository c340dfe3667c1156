package nendo.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nendo.corpus.CorpusReader;
import nendo.search.RelevanceTest.Evaluation;
import nendo.search.RelevanceTest.Hit;
import nendo.search.RelevanceTest.Judgment;
import nendo.search.RelevanceTest.Ranker;
import nendo.search.RelevanceTest.Score;
import nendo.testing.TestArchive;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The judged collection of {@link RelevanceTest} against the usual setups, built with plain Lucene from
 * the same entries (every measure and mission of the bundled corpus, one document each):
 * <ul>
 *   <li>{@code ja}: one field analysed by the stock {@link JapaneseAnalyzer} (Kuromoji, search mode,
 *       base forms, POS and stop filtering, width folding, katakana stemming: Solr's {@code text_ja});
 *   <li>{@code cjk}: one field analysed by {@link CJKAnalyzer} (character bigrams).
 * </ul>
 * Both are queried like Solr's standard parser with {@code q.op=AND}: each whitespace-separated word
 * becomes {@code QueryBuilder.createBooleanQuery(field, word, MUST)} and all words are required. To be
 * fair to them they also get what that parser understands, {@code "..."} as a phrase query and
 * {@code A OR B}; they do not understand era years (令和元年度 is just text to them) nor {@code -word}
 * (the word goes to the analyzer, which drops the minus sign). nendo must be at least as good as each
 * baseline overall on recall@10 and on MRR.
 */
class BaselineComparisonTest {
    static final String ID = "id";
    static final String TEXT = "text";
    static final String JA = "ja";
    static final String CJK = "cjk";

    @TempDir
    static Path dir;
    static TestArchive archive;
    static Directory baselineDir;
    static DirectoryReader baselineReader;
    static Analyzer analyzer;

    @BeforeAll
    static void build() throws IOException {
        archive = TestArchive.bundled(dir.resolve("nendo"));
        analyzer = new PerFieldAnalyzerWrapper(new KeywordAnalyzer(),
                Map.of(JA, new JapaneseAnalyzer(), CJK, new CJKAnalyzer()));
        baselineDir = FSDirectory.open(dir.resolve("baseline"));
        Map<String, String> entries = RelevanceTest.corpusEntries(new CorpusReader().read(TestArchive.BUNDLED_CORPUS));
        try (IndexWriter w = new IndexWriter(baselineDir, new IndexWriterConfig(analyzer))) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                Document doc = new Document();
                doc.add(new StringField(ID, e.getKey(), Field.Store.YES));
                doc.add(new StoredField(TEXT, e.getValue()));
                doc.add(new TextField(JA, e.getValue(), Field.Store.NO));
                doc.add(new TextField(CJK, e.getValue(), Field.Store.NO));
                w.addDocument(doc);
            }
        }
        baselineReader = DirectoryReader.open(baselineDir);
    }

    @AfterAll
    static void close() throws IOException {
        if (baselineReader != null) baselineReader.close();
        if (baselineDir != null) baselineDir.close();
        if (archive != null) archive.close();
    }

    /** A plain Lucene field queried like Solr's standard parser with q.op=AND (see the class comment). */
    static Ranker baseline(String field) {
        QueryBuilder builder = new QueryBuilder(analyzer);
        IndexSearcher searcher = new IndexSearcher(baselineReader);
        return q -> {
            Query query = parse(builder, field, q);
            if (query == null) return List.of();
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(query, RelevanceTest.K).scoreDocs) {
                Document d = searcher.storedFields().document(sd.doc);
                hits.add(new Hit(d.get(ID), d.get(TEXT)));
            }
            return hits;
        };
    }

    /** Words and "phrases" are all required; OR between two of them makes either enough. */
    static Query parse(QueryBuilder builder, String field, String q) {
        List<String> tokens = tokens(q);
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        for (int i = 0; i < tokens.size(); i++) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            int alternatives = 0;
            Query first = clause(builder, field, tokens.get(i));
            if (first != null) {
                any.add(first, Occur.SHOULD);
                alternatives++;
            }
            while (i + 2 < tokens.size() && tokens.get(i + 1).equals("OR")) {
                Query next = clause(builder, field, tokens.get(i + 2));
                if (next != null) {
                    any.add(next, Occur.SHOULD);
                    alternatives++;
                }
                i += 2;
            }
            if (alternatives > 0) {
                all.add(any.build(), Occur.MUST);
                clauses++;
            }
        }
        return clauses == 0 ? null : all.build();
    }

    private static Query clause(QueryBuilder builder, String field, String token) {
        if (token.length() > 2 && token.startsWith("\"") && token.endsWith("\"")) {
            return builder.createPhraseQuery(field, token.substring(1, token.length() - 1));
        }
        return builder.createBooleanQuery(field, token, Occur.MUST);
    }

    /** Whitespace (half- or full-width) separates words; a quoted phrase is one token, quotes kept. */
    static List<String> tokens(String q) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int close = q.indexOf('"', i + 1);
                int end = close < 0 ? q.length() : close + 1;
                tokens.add(close < 0 ? q.substring(i) + "\"" : q.substring(i, end));
                i = end;
            } else {
                int start = i;
                while (i < q.length() && !Character.isWhitespace(q.charAt(i))) i++;
                tokens.add(q.substring(start, i));
            }
        }
        return tokens;
    }

    @Test
    void nendoIsAtLeastAsGoodAsEachBaseline() {
        List<Judgment> judgments = RelevanceTest.judgments();
        Evaluation nendo = RelevanceTest.evaluate("nendo", judgments, RelevanceTest.nendo(archive.nendo().archive()));
        Evaluation ja = RelevanceTest.evaluate("JapaneseAnalyzer (ja)", judgments, baseline(JA));
        Evaluation cjk = RelevanceTest.evaluate("CJKAnalyzer (bigram)", judgments, baseline(CJK));
        System.out.println("nendo against plain Lucene baselines on " + judgments.size()
                + " judged queries (recall@10, MRR; noise = hits for queries with no relevant entry):");
        System.out.println(RelevanceTest.table(List.of(nendo, ja, cjk)));
        System.out.println(RelevanceTest.misses(ja));
        System.out.println(RelevanceTest.misses(cjk));

        Score n = nendo.overall();
        for (Evaluation baseline : List.of(ja, cjk)) {
            Score b = baseline.overall();
            String what = String.format(Locale.ROOT, "nendo recall@10=%s MRR=%s vs %s recall@10=%s MRR=%s",
                    RelevanceTest.fmt(n.recall()), RelevanceTest.fmt(n.mrr()), baseline.system(),
                    RelevanceTest.fmt(b.recall()), RelevanceTest.fmt(b.mrr()));
            System.out.println(what);
            assertTrue(n.recall() >= b.recall(), what);
            assertTrue(n.mrr() >= b.mrr(), what);
        }
    }
}
