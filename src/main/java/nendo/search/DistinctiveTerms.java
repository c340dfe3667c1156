package nendo.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nendo.index.PlanFields;
import nendo.model.ClientError;
import nendo.model.FiscalYear;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The words that set a year (or a department) apart: nouns and compounds counted from the terms
 * field's postings in the target measures and in a reference set, ranked by Dunning's
 * log-likelihood (G²), the keyness statistic corpus linguists use because, unlike chi-squared, it
 * stays reliable for the low counts a yearly plan gives. Only terms used more in the target are
 * listed.
 */
public final class DistinctiveTerms {
    public static final int DEFAULT_LIMIT = 30;
    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_MIN_COUNT = 2;

    /** A validated request: {@code year} or {@code dept} is given; {@code vs} only with {@code year}. */
    public record Request(String org, Integer year, Integer vs, String dept, int limit, int minCount) {}

    public record Result(String org, Integer year, Integer vs, String dept, Side target, Side reference,
                         List<KeyTerm> terms) {}

    /** One side of the comparison: what it is, its measures and its counted terms. */
    public record Side(String label, long measures, long tokens) {}

    public record KeyTerm(String term, long targetCount, long targetMeasures, long referenceCount,
                          long referenceMeasures, double targetPer1000, double referencePer1000,
                          double logLikelihood) {}

    Result terms(IndexSearcher searcher, Request r) throws IOException {
        if (r.org() == null) throw ClientError.badRequest("org を指定してください（例: org=架空市）");
        if (r.year() == null && r.dept() == null) throw ClientError.badRequest("year か dept を指定してください（例: year=2020）");
        if (r.vs() != null && r.year() == null) throw ClientError.badRequest("vs は year と一緒に指定してください");
        if (r.vs() != null && r.vs().equals(r.year())) throw ClientError.badRequest("vs には year と違う年度を指定してください");
        Query org = KeywordField.newExactQuery(PlanFields.ORG, r.org());
        if (searcher.count(org) == 0) throw ClientError.notFound("団体「" + r.org() + "」の文書はありません");

        BooleanQuery.Builder target = measuresOf(org);
        BooleanQuery.Builder reference = measuresOf(org);
        if (r.year() != null) target.add(IntField.newExactQuery(PlanFields.YEAR, r.year()), Occur.FILTER);
        if (r.dept() != null) target.add(department(r.dept()), Occur.FILTER);
        String targetLabel = label(r.year(), r.dept());
        String referenceLabel;
        if (r.vs() != null) {
            reference.add(IntField.newExactQuery(PlanFields.YEAR, r.vs()), Occur.FILTER);
            if (r.dept() != null) reference.add(department(r.dept()), Occur.FILTER);
            referenceLabel = label(r.vs(), r.dept());
        } else if (r.dept() != null) {
            if (r.year() != null) reference.add(IntField.newExactQuery(PlanFields.YEAR, r.year()), Occur.FILTER);
            reference.add(department(r.dept()), Occur.MUST_NOT);
            referenceLabel = r.year() == null ? "ほかの部（全年度）" : "同じ年度のほかの部";
        } else {
            reference.add(IntField.newExactQuery(PlanFields.YEAR, r.year()), Occur.MUST_NOT);
            referenceLabel = new FiscalYear(r.year()).label() + "以外の年度";
        }
        Map<Integer, FixedBitSet> targetDocs = docs(searcher, target.build());
        Map<Integer, FixedBitSet> referenceDocs = docs(searcher, reference.build());
        long targetMeasures = targetDocs.values().stream().mapToLong(FixedBitSet::cardinality).sum();
        if (targetMeasures == 0) throw ClientError.notFound(targetLabel + "の事業はありません");
        long referenceMeasures = referenceDocs.values().stream().mapToLong(FixedBitSet::cardinality).sum();
        // Against nothing every term would score 0: say so instead of listing meaningless ranks.
        if (referenceMeasures == 0) throw ClientError.notFound("比較対象（" + referenceLabel + "）の事業はありません");

        Map<String, long[]> counts = count(searcher, targetDocs, referenceDocs);
        long targetTokens = 0;
        long referenceTokens = 0;
        for (long[] c : counts.values()) {
            targetTokens += c[0];
            referenceTokens += c[2];
        }
        List<KeyTerm> terms = new ArrayList<>();
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            long[] c = e.getValue();
            if (c[0] < r.minCount()) continue;
            // Over-used in the target only: a term rarer there than elsewhere does not set it apart.
            if (referenceTokens > 0 && (double) c[0] / targetTokens <= (double) c[2] / referenceTokens) continue;
            terms.add(new KeyTerm(e.getKey(), c[0], c[1], c[2], c[3], per1000(c[0], targetTokens),
                    per1000(c[2], referenceTokens), round(logLikelihood(c[0], c[2], targetTokens, referenceTokens))));
        }
        terms = withoutNestedRepeats(terms);
        terms.sort(Comparator.comparingDouble(KeyTerm::logLikelihood).reversed()
                .thenComparing(Comparator.comparingLong(KeyTerm::targetCount).reversed())
                .thenComparing(KeyTerm::term));
        return new Result(r.org(), r.year(), r.vs(), r.dept(), new Side(targetLabel, targetMeasures, targetTokens),
                new Side(referenceLabel, referenceMeasures, referenceTokens),
                terms.subList(0, Math.min(r.limit(), terms.size())));
    }

    /**
     * Drops a term written only as part of a longer listed term (新型コロナ, when every occurrence is
     * inside 新型コロナウイルス感染症): same counts on both sides, so it adds a line and no information.
     */
    private static List<KeyTerm> withoutNestedRepeats(List<KeyTerm> terms) {
        Map<String, List<KeyTerm>> byCounts = new HashMap<>();
        for (KeyTerm t : terms) {
            byCounts.computeIfAbsent(t.targetCount() + "/" + t.referenceCount() + "/" + t.targetMeasures() + "/"
                    + t.referenceMeasures(), k -> new ArrayList<>()).add(t);
        }
        List<KeyTerm> kept = new ArrayList<>();
        for (KeyTerm t : terms) {
            boolean nested = byCounts.get(t.targetCount() + "/" + t.referenceCount() + "/" + t.targetMeasures() + "/"
                    + t.referenceMeasures()).stream()
                    .anyMatch(u -> u.term().length() > t.term().length() && u.term().contains(t.term()));
            if (!nested) kept.add(t);
        }
        return kept;
    }

    /**
     * G² = 2 Σ O·ln(O/E) over the two cells of the term (Rayson &amp; Garside 2000), where E is the
     * count expected if the term were as frequent in both sets.
     */
    static double logLikelihood(long a, long b, long targetTokens, long referenceTokens) {
        double total = targetTokens + referenceTokens;
        double e1 = targetTokens * (a + b) / total;
        double e2 = referenceTokens * (a + b) / total;
        double g = 0;
        if (a > 0) g += a * Math.log(a / e1);
        if (b > 0) g += b * Math.log(b / e2);
        return 2 * g;
    }

    private static BooleanQuery.Builder measuresOf(Query org) {
        return new BooleanQuery.Builder().add(org, Occur.FILTER)
                .add(KeywordField.newExactQuery(PlanFields.KIND, PlanFields.KIND_MEASURE), Occur.FILTER);
    }

    private static Query department(String dept) {
        return SearchFilters.departments(List.of(dept));
    }

    private static String label(Integer year, String dept) {
        String y = year == null ? "全年度" : new FiscalYear(year).label();
        return dept == null ? y : y + "の" + dept;
    }

    /** Per term: target count, target measures, reference count, reference measures. */
    private static Map<String, long[]> count(IndexSearcher searcher, Map<Integer, FixedBitSet> target,
                                             Map<Integer, FixedBitSet> reference) throws IOException {
        Map<String, long[]> counts = new HashMap<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FixedBitSet inTarget = target.get(leaf.ord);
            FixedBitSet inReference = reference.get(leaf.ord);
            Terms terms = leaf.reader().terms(PlanFields.TEXT_TERMS);
            if (terms == null || (inTarget == null && inReference == null)) continue;
            TermsEnum te = terms.iterator();
            PostingsEnum postings = null;
            for (BytesRef term = te.next(); term != null; term = te.next()) {
                postings = te.postings(postings, PostingsEnum.FREQS);
                long[] c = null;
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    int side = inTarget != null && inTarget.get(doc) ? 0 : inReference != null && inReference.get(doc) ? 2 : -1;
                    if (side < 0) continue;
                    if (c == null) c = counts.computeIfAbsent(term.utf8ToString(), k -> new long[4]);
                    c[side] += postings.freq();
                    c[side + 1]++;
                }
            }
        }
        return counts;
    }

    /** The matching documents of each segment (deleted documents never match a search). */
    private static Map<Integer, FixedBitSet> docs(IndexSearcher searcher, Query query) throws IOException {
        return searcher.search(query, new CollectorManager<LeafBits, Map<Integer, FixedBitSet>>() {
            @Override
            public LeafBits newCollector() {
                return new LeafBits();
            }

            @Override
            public Map<Integer, FixedBitSet> reduce(Collection<LeafBits> collectors) {
                Map<Integer, FixedBitSet> all = new HashMap<>();
                collectors.forEach(c -> all.putAll(c.bits));
                return all;
            }
        });
    }

    private static final class LeafBits extends SimpleCollector {
        private final Map<Integer, FixedBitSet> bits = new HashMap<>();
        private FixedBitSet current;

        @Override
        protected void doSetNextReader(LeafReaderContext context) {
            current = bits.computeIfAbsent(context.ord, k -> new FixedBitSet(context.reader().maxDoc()));
        }

        @Override
        public void collect(int doc) {
            current.set(doc);
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    private static double per1000(long count, long tokens) {
        return tokens == 0 ? 0 : round(count * 1000.0 / tokens);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
