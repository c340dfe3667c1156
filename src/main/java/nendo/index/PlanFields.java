package nendo.index;

import java.util.Map;
import nendo.analysis.AnalyzerFactory;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * Every Lucene field of the archive, declared once. Each index entry is one searchable section
 * (a measure, a department's mission) or one plan document (kind {@code document}, which holds the
 * structured document for the API and is never a search hit).
 */
public final class PlanFields {
    /** Unique key (measure id, mission id or document id): StringField, the update-by-id term. */
    public static final String ID = "id";
    /** measure | mission | document: KeywordField, filtered on and counted. */
    public static final String KIND = "kind";
    /** Organization (三鷹市): KeywordField, filtered on, faceted (doc values) and stored. */
    public static final String ORG = "org";
    /** Fiscal year in 西暦: IntField, for range filters (points), facets and sorting (doc values). */
    public static final String YEAR = "year";
    /** Department as named that year: KeywordField, filtered on and stored. */
    public static final String DEPARTMENT = "dept";
    /**
     * Department under its canonical name (aliases.yaml: 企画部 → 政策企画部): KeywordField, faceted and
     * filtered on, so that one department is followed across a rename.
     */
    public static final String DEPARTMENT_CANONICAL = "dept_canonical";
    /**
     * Canonical names of the departments a record's department was split from or merged out of
     * (aliases.yaml): stored only, and only on record entries whose department has any, so that the
     * year diff groups records as it groups a plan's departments (whose predecessors live in
     * DOCUMENT_JSON).
     */
    public static final String DEPARTMENT_PREDECESSORS = "dept_predecessors";
    /** Id of the plan document the entry belongs to: KeywordField, for listing a document. */
    public static final String DOCUMENT_ID = "doc_id";
    /** Place of the entry within its document: NumericDocValues, for browsing in document order. */
    public static final String POSITION = "position";
    /** The entry's text, verbatim: stored only; hits and snippets are cut from it. */
    public static final String TEXT = "text";
    /** Kuromoji words of TEXT: {@link #WORDS_TYPE}, not stored; precise word matches that rank first. */
    public static final String TEXT_JA = "text_ja";
    /** Character bigrams of TEXT: TextField, not stored; recall for any contiguous substring. */
    public static final String TEXT_BIGRAM = "text_bigram";
    /** Katakana reading bigrams of TEXT: TextField, not stored; kana queries find kanji text. */
    public static final String TEXT_READING = "text_reading";
    /**
     * Nouns and noun compounds of TEXT: {@link #TERMS_TYPE}, not stored; distinctive terms are
     * counted from its postings, never searched.
     */
    public static final String TEXT_TERMS = "text_terms";
    /**
     * TEXT_TERMS keeps documents and frequencies only: it is counted, never searched by phrase nor
     * scored, so positions and norms would be index time and space for nothing.
     */
    public static final FieldType TERMS_TYPE = unpositioned(IndexOptions.DOCS_AND_FREQS);
    /**
     * TEXT_JA keeps documents only: the word tier asks whether an entry holds the query's words and
     * adds a constant; the contiguous characters are required from the bigram field. Positions,
     * frequencies and norms would be index time and space no query reads.
     */
    public static final FieldType WORDS_TYPE = unpositioned(IndexOptions.DOCS);
    /** 1 if the document is sample (fictional) data: stored only, shown as a badge. */
    public static final String SAMPLE = "sample";
    /** Structured plan document as JSON: stored only, on kind=document entries. */
    public static final String DOCUMENT_JSON = "document_json";

    public static final String KIND_MEASURE = "measure";
    public static final String KIND_MISSION = "mission";
    public static final String KIND_DOCUMENT = "document";

    private PlanFields() {}

    private static FieldType unpositioned(IndexOptions options) {
        FieldType type = new FieldType();
        type.setIndexOptions(options);
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    /** The analyzer IndexWriter uses: each text field gets its chain from the one factory. */
    public static Analyzer indexAnalyzer(AnalyzerFactory analysis) {
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(
                TEXT_JA, analysis.japanese(),
                TEXT_BIGRAM, analysis.bigramIndex(),
                TEXT_READING, analysis.reading(),
                TEXT_TERMS, analysis.terms()));
    }

    /**
     * The analyzer that finds a query's matches in its hits' text ({@code BigramMarks}): the index
     * analysis, with readings from a memo of clauses already read.
     */
    public static Analyzer markAnalyzer(AnalyzerFactory analysis) {
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(
                TEXT_JA, analysis.japanese(),
                TEXT_BIGRAM, analysis.bigramIndex(),
                TEXT_READING, analysis.readingForMarks()));
    }

    /** The analyzer for query text and for highlighting: bigram queries omit the unigrams. */
    public static Analyzer queryAnalyzer(AnalyzerFactory analysis) {
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(
                TEXT_JA, analysis.japanese(),
                TEXT_BIGRAM, analysis.bigramQuery(),
                TEXT_READING, analysis.reading()));
    }
}
