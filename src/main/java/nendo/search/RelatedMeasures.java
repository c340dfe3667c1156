package nendo.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import nendo.index.PlanFields;
import nendo.model.FiscalYear;
import nendo.model.PlanDocument;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Measures of other years most like a given one, so that a measure can be followed through the
 * years: candidates are fetched by the measure's most telling bigrams, then ranked by
 * {@link MeasureSimilarity}; the same organization's measures come first.
 */
public final class RelatedMeasures {
    /** Below this a "related" measure shares only common phrases (checked on the bundled corpus). */
    static final double MIN_SCORE = 0.15;
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 50;
    /** Bigrams asked for and candidates rescored: enough to find rewritten versions, cheap to rescore. */
    private static final int QUERY_TERMS = 32;
    private static final int CANDIDATES = 200;

    public record Related(ArchiveViews.MeasureView measure, List<RelatedMeasure> related) {}

    public record RelatedMeasure(String id, String org, int year, String era, String department,
                                 String departmentCanonical, String text, String documentId, boolean sample,
                                 double score, boolean sameOrganization) {}

    private final MeasureSimilarity similarity;

    RelatedMeasures(MeasureSimilarity similarity) {
        this.similarity = similarity;
    }

    Related related(IndexSearcher searcher, ArchiveViews.MeasureView measure, int limit,
                    Map<String, PlanDocument> documents) throws IOException {
        MeasureSimilarity.Vector target = similarity.vector(searcher.getIndexReader(), measure.text());
        BooleanQuery.Builder terms = new BooleanQuery.Builder();
        for (String t : target.strongest(QUERY_TERMS)) terms.add(new TermQuery(new Term(PlanFields.TEXT_BIGRAM, t)), Occur.SHOULD);
        BooleanQuery query = new BooleanQuery.Builder()
                .add(terms.build(), Occur.MUST)
                .add(KeywordField.newExactQuery(PlanFields.KIND, measure.kind()), Occur.FILTER)
                .add(IntField.newExactQuery(PlanFields.YEAR, measure.year()), Occur.MUST_NOT)
                .build();
        StoredFields stored = searcher.storedFields();
        List<RelatedMeasure> found = new ArrayList<>();
        for (ScoreDoc sd : searcher.search(query, CANDIDATES).scoreDocs) {
            Document doc = stored.document(sd.doc);
            String text = doc.get(PlanFields.TEXT);
            double score = MeasureSimilarity.round(
                    MeasureSimilarity.cosine(target, similarity.vector(searcher.getIndexReader(), text)));
            if (score < MIN_SCORE) continue;
            int year = doc.getField(PlanFields.YEAR).numericValue().intValue();
            String org = doc.get(PlanFields.ORG);
            PlanDocument plan = documents.get(doc.get(PlanFields.DOCUMENT_ID));
            found.add(new RelatedMeasure(doc.get(PlanFields.ID), org, year, new FiscalYear(year).era(),
                    doc.get(PlanFields.DEPARTMENT), doc.get(PlanFields.DEPARTMENT_CANONICAL), text,
                    plan == null ? null : plan.id(), plan != null && plan.sample(), score,
                    org.equals(measure.org())));
        }
        found.sort(Comparator.comparing(RelatedMeasure::sameOrganization).reversed()
                .thenComparing(Comparator.comparingDouble(RelatedMeasure::score).reversed())
                .thenComparingInt(RelatedMeasure::year)
                .thenComparing(RelatedMeasure::id));
        return new Related(measure, found.subList(0, Math.min(limit, found.size())));
    }
}
