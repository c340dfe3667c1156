package nendo.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.nio.file.Path;
import nendo.corpus.CorpusReader;
import nendo.corpus.CorpusSnapshot;
import nendo.model.Department;
import nendo.model.Measure;
import nendo.model.PlanDocument;
import nendo.testing.TestArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our own relevance test collection: every judged query of {@code relevance/judgments.tsv} runs
 * through {@link PlanArchive#search} on the bundled corpus (first page of 10, relevance order), and
 * recall@10 and MRR are reported overall and per kind of difficulty, and must not fall below the
 * thresholds below.
 *
 * <p>recall@10 of a query = |relevant ∩ top 10| / min(|relevant|, 10); MRR = mean of 1 / rank of the
 * first relevant hit (0 if none in the top 10). Queries with no relevant entry (京都, whose characters
 * only occur inside 東京都) have neither: they are left out of the averages, their hits are counted as
 * noise, and every hit nendo returns for them must at least contain the typed characters.
 * For boundary queries with true word matches, no other hit may rank above a true match.
 */
class RelevanceTest {
    // Thresholds: what nendo achieves (145 queries: recall@10 0.946, MRR 0.977 with readings, synonyms
    // and the query position fix; 0.807 / 0.842 before them) less a small margin. Raise them as search
    // improves; never lower them to make a change pass.
    /** Overall recall@10 of nendo may not fall below this. */
    static final double MIN_RECALL_AT_10 = 0.93;
    /** Overall MRR of nendo may not fall below this. */
    static final double MIN_MRR = 0.96;
    /**
     * Boundary queries with true word matches where some other hit ranks above a true match: at most
     * this many (ガイド: ガイドライン outranks ウェルカムガイド, both being katakana runs that Kuromoji keeps whole).
     */
    static final int MAX_BOUNDARY_NOISE_FIRST = 1;

    static final int K = 10;
    static final String RESOURCE = "/relevance/judgments.tsv";
    static final String OVERALL = "overall";

    @TempDir
    static Path dir;
    static TestArchive archive;

    @BeforeAll
    static void build() throws IOException {
        archive = TestArchive.bundled(dir);
    }

    @AfterAll
    static void close() throws IOException {
        if (archive != null) archive.close();
    }

    // ---------------------------------------------------------------- the collection

    /** One judged query, from line {@code line} of the file. */
    record Judgment(int line, String query, String kind, Set<String> relevant, String note) {}

    static List<Judgment> judgments() {
        List<Judgment> list = new ArrayList<>();
        try (InputStream in = RelevanceTest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t", -1);
                if (cols.length != 4) {
                    throw new IllegalStateException(RESOURCE + ":" + n + ": expected 4 tab-separated columns, got "
                            + cols.length);
                }
                Set<String> relevant = new LinkedHashSet<>();
                for (String id : cols[2].trim().split("\\s+")) {
                    if (!id.isEmpty()) relevant.add(id);
                }
                list.add(new Judgment(n, cols[0], cols[1].trim(), relevant, cols[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return list;
    }

    /** Every measure and mission of the corpus: id → text, ids numbered as the index numbers them. */
    static Map<String, String> corpusEntries(CorpusSnapshot corpus) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (PlanDocument plan : corpus.documents()) {
            for (int d = 0; d < plan.departments().size(); d++) {
                Department dept = plan.departments().get(d);
                if (dept.mission() != null) {
                    entries.put(String.format(Locale.ROOT, "%s-%02d-mission", plan.id(), d + 1), dept.mission());
                }
                for (Measure m : dept.measures()) entries.put(m.id(), m.text());
            }
        }
        return entries;
    }

    // ---------------------------------------------------------------- evaluation

    /** A system under test: the ids of its first {@link #K} hits for a query, best first. */
    @FunctionalInterface
    interface Ranker {
        List<Hit> top(String query) throws IOException;
    }

    /** One ranked hit: the entry id and its text (for the noise check). */
    record Hit(String id, String text) {}

    /** What one system did with one judged query. */
    record Outcome(Judgment judgment, List<Hit> hits, String error) {
        boolean judged() {
            return !judgment.relevant().isEmpty();
        }

        double recall() {
            Set<String> rel = judgment.relevant();
            long found = hits.stream().limit(K).filter(h -> rel.contains(h.id())).count();
            return (double) found / Math.min(rel.size(), K);
        }

        double reciprocalRank() {
            for (int i = 0; i < Math.min(K, hits.size()); i++) {
                if (judgment.relevant().contains(hits.get(i).id())) return 1.0 / (i + 1);
            }
            return 0;
        }

        /** True if some non-relevant hit ranks above a relevant one within the top {@link #K}. */
        boolean noiseAboveTrueMatch() {
            boolean sawNoise = false;
            for (int i = 0; i < Math.min(K, hits.size()); i++) {
                boolean rel = judgment.relevant().contains(hits.get(i).id());
                if (!rel) sawNoise = true;
                else if (sawNoise) return true;
            }
            return false;
        }

        int noise() {
            return (int) Math.min(K, hits.stream().filter(h -> !judgment.relevant().contains(h.id())).count());
        }

        List<String> missing() {
            Set<String> top = new HashSet<>();
            hits.stream().limit(K).forEach(h -> top.add(h.id()));
            return judgment.relevant().stream().filter(id -> !top.contains(id)).toList();
        }
    }

    /** Mean recall@10 and MRR over the judged queries of one group, and the noise of the unjudged ones. */
    record Score(int queries, double recall, double mrr, int unjudged, int noise) {}

    record Evaluation(String system, List<Outcome> outcomes) {
        /** "overall" first, then each kind in the order the file first uses it. */
        Map<String, Score> scores() {
            Map<String, List<Outcome>> groups = new LinkedHashMap<>();
            groups.put(OVERALL, outcomes);
            for (Outcome o : outcomes) groups.computeIfAbsent(o.judgment().kind(), k -> new ArrayList<>()).add(o);
            Map<String, Score> scores = new LinkedHashMap<>();
            groups.forEach((kind, list) -> {
                List<Outcome> judged = list.stream().filter(Outcome::judged).toList();
                double recall = judged.stream().mapToDouble(Outcome::recall).average().orElse(Double.NaN);
                double mrr = judged.stream().mapToDouble(Outcome::reciprocalRank).average().orElse(Double.NaN);
                List<Outcome> unjudged = list.stream().filter(o -> !o.judged()).toList();
                scores.put(kind, new Score(judged.size(), recall, mrr, unjudged.size(),
                        unjudged.stream().mapToInt(Outcome::noise).sum()));
            });
            return scores;
        }

        Score overall() {
            return scores().get(OVERALL);
        }
    }

    static Evaluation evaluate(String system, List<Judgment> judgments, Ranker ranker) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Judgment j : judgments) {
            try {
                outcomes.add(new Outcome(j, ranker.top(j.query()), null));
            } catch (Exception e) {
                // A query the system cannot run counts as no hits; the error is shown in the report.
                outcomes.add(new Outcome(j, List.of(), e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        return new Evaluation(system, outcomes);
    }

    /** nendo through the production search entry point: first page of 10, relevance order. */
    static Ranker nendo(PlanArchive archive) {
        return q -> {
            SearchResponse r = archive.search(new SearchRequest(q, List.of(), null, null, List.of(), List.of(),
                    List.of(), 1, K, SearchRequest.SortOrder.RELEVANCE));
            return r.hits().stream().map(h -> new Hit(h.id(), h.text())).toList();
        };
    }

    // ---------------------------------------------------------------- report

    /** recall@10 and MRR per kind, one column pair per system; noise@10 summed over unjudged queries. */
    static String table(List<Evaluation> evaluations) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-10s %4s", "kind", "n"));
        for (Evaluation e : evaluations) {
            sb.append(String.format(Locale.ROOT, " | %-22s", e.system()));
        }
        sb.append('\n').append(String.format(Locale.ROOT, "%-10s %4s", "", ""));
        for (int i = 0; i < evaluations.size(); i++) {
            sb.append(String.format(Locale.ROOT, " | %7s %6s %7s", "recall", "MRR", "noise"));
        }
        sb.append('\n');
        Map<String, Score> first = evaluations.get(0).scores();
        for (String kind : first.keySet()) {
            Score s0 = first.get(kind);
            sb.append(String.format(Locale.ROOT, "%-10s %4d", kind, s0.queries() + s0.unjudged()));
            for (Evaluation e : evaluations) {
                Score s = e.scores().get(kind);
                sb.append(String.format(Locale.ROOT, " | %7s %6s %7s", fmt(s.recall()), fmt(s.mrr()),
                        s.unjudged() == 0 ? "" : s.noise() + "/" + s.unjudged() + "q"));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Every query a system does not answer perfectly, with what it missed and what it ranked first. */
    static String misses(Evaluation e) {
        StringBuilder sb = new StringBuilder("Imperfect queries for " + e.system() + ":\n");
        for (Outcome o : e.outcomes()) {
            Judgment j = o.judgment();
            if (o.error() != null) {
                sb.append(String.format(Locale.ROOT, "  %-10s %s  ERROR %s%n", j.kind(), j.query(), o.error()));
                continue;
            }
            if (!o.judged()) {
                if (!o.hits().isEmpty()) {
                    sb.append(String.format(Locale.ROOT, "  %-10s %s  (no relevant entry) noise=%d top=%s%n",
                            j.kind(), j.query(), o.noise(), ids(o.hits(), 3)));
                }
                continue;
            }
            if (o.recall() < 1 || o.reciprocalRank() < 1) {
                sb.append(String.format(Locale.ROOT, "  %-10s %s  recall=%s rr=%s missing=%s top=%s%n", j.kind(),
                        j.query(), fmt(o.recall()), fmt(o.reciprocalRank()), o.missing(), ids(o.hits(), 3)));
            }
        }
        return sb.toString();
    }

    private static List<String> ids(List<Hit> hits, int n) {
        return hits.stream().limit(n).map(Hit::id).toList();
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String normalized(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- tests

    @Test
    void theCollectionIsWellFormedAndEveryIdExists() {
        List<Judgment> judgments = judgments();
        assertTrue(judgments.size() >= 90, "at least 90 judged queries, found " + judgments.size());
        Set<String> kinds = Set.of("plain", "reading", "variant", "synonym", "compound", "era", "phrase",
                "exclusion", "or", "boundary");
        Set<String> ids = corpusEntries(new CorpusReader().read(TestArchive.BUNDLED_CORPUS)).keySet();
        Set<String> queries = new HashSet<>();
        for (Judgment j : judgments) {
            String where = RESOURCE + ":" + j.line() + " (" + j.query() + ")";
            assertTrue(kinds.contains(j.kind()), where + ": unknown kind " + j.kind());
            assertTrue(queries.add(j.query()), where + ": query judged twice");
            assertTrue(!j.note().isBlank(), where + ": no note");
            for (String id : j.relevant()) assertTrue(ids.contains(id), where + ": no entry " + id);
            if (j.relevant().isEmpty()) assertEquals("boundary", j.kind(), where + ": only boundary queries may be empty");
        }
        for (String kind : kinds) {
            assertTrue(judgments.stream().anyMatch(j -> j.kind().equals(kind)), "no query of kind " + kind);
        }
    }

    @Test
    void nendoMeetsTheThresholds() {
        Evaluation nendo = evaluate("nendo", judgments(), nendo(archive.nendo().archive()));
        System.out.println("Relevance of nendo on " + nendo.outcomes().size() + " judged queries (top " + K + "):");
        System.out.println(table(List.of(nendo)));
        System.out.println(misses(nendo));

        // Queries without any relevant entry: whatever nendo returns must at least contain the typed text.
        List<String> unrelated = new ArrayList<>();
        List<String> noiseFirst = new ArrayList<>();
        for (Outcome o : nendo.outcomes()) {
            if (!o.judged()) {
                String typed = normalized(o.judgment().query());
                for (Hit h : o.hits()) {
                    if (!normalized(h.text()).contains(typed)) unrelated.add(o.judgment().query() + " → " + h.id());
                }
            } else if (o.judgment().kind().equals("boundary") && o.noiseAboveTrueMatch()) {
                noiseFirst.add(o.judgment().query() + " " + ids(o.hits(), K));
            }
        }
        System.out.println("Boundary queries where a cross-boundary hit outranks a true match: " + noiseFirst);

        Score overall = nendo.overall();
        System.out.printf(Locale.ROOT, "nendo overall: recall@10=%s MRR=%s (thresholds %s / %s)%n",
                fmt(overall.recall()), fmt(overall.mrr()), fmt(MIN_RECALL_AT_10), fmt(MIN_MRR));
        assertTrue(nendo.outcomes().stream().allMatch(o -> o.error() == null), misses(nendo));
        assertTrue(unrelated.isEmpty(), "hits without the typed text for a query with no true match: " + unrelated);
        assertTrue(noiseFirst.size() <= MAX_BOUNDARY_NOISE_FIRST,
                "cross-boundary hits rank above true matches: " + noiseFirst);
        assertTrue(overall.recall() >= MIN_RECALL_AT_10,
                "recall@10 " + fmt(overall.recall()) + " < " + fmt(MIN_RECALL_AT_10));
        assertTrue(overall.mrr() >= MIN_MRR, "MRR " + fmt(overall.mrr()) + " < " + fmt(MIN_MRR));
    }
}
