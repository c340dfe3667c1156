package nendo.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import nendo.analysis.KuromojiStreams;
import nendo.model.Department;
import nendo.model.Measure;
import nendo.model.MeasureRecord;
import nendo.model.PlanDocument;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * Turns one plan document into its index entries (the document itself, missions and measures), and
 * one JSON Lines record into its single entry.
 */
final class EntryDocuments implements java.io.Closeable {
    private final ObjectMapper json;
    private final KuromojiStreams kuromojiStreams;

    EntryDocuments(ObjectMapper json, KuromojiStreams kuromojiStreams) {
        this.json = json;
        this.kuromojiStreams = kuromojiStreams;
    }

    /**
     * The plan's entries, each built only when the iteration reaches it: an entry's token streams
     * stay valid only until the next entry is built, so add each to the writer before moving on.
     */
    Iterable<Document> of(PlanDocument plan) {
        List<Supplier<Document>> entries = new ArrayList<>();
        entries.add(() -> {
            Document doc = base(plan.id(), PlanFields.KIND_DOCUMENT, plan, null, 0);
            try {
                doc.add(new StoredField(PlanFields.DOCUMENT_JSON, json.writeValueAsString(plan)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialize " + plan.id(), e);
            }
            return doc;
        });
        for (int d = 0; d < plan.departments().size(); d++) {
            Department dept = plan.departments().get(d);
            int deptPosition = (d + 1) * 1000;
            if (dept.mission() != null) {
                String id = plan.missionId(d + 1);
                entries.add(() -> searchable(id, PlanFields.KIND_MISSION, plan, dept, deptPosition, dept.mission()));
            }
            for (int m = 0; m < dept.measures().size(); m++) {
                Measure measure = dept.measures().get(m);
                int position = deptPosition + m + 1;
                entries.add(() -> searchable(measure.id(), PlanFields.KIND_MEASURE, plan, dept, position, measure.text()));
            }
        }
        return () -> entries.stream().map(Supplier::get).iterator();
    }

    /**
     * A record's entry: like a plan's measure, but its document id is the record file (there is no
     * plan document to show) and its position is the line, so that browsing keeps file order.
     */
    Document of(MeasureRecord record) {
        Document doc = base(record.id(), record.kind(), record.org(), record.year(), record.file(), record.line(), false,
                record.department(), record.departmentCanonical());
        for (String predecessor : record.departmentPredecessors()) {
            doc.add(new StoredField(PlanFields.DEPARTMENT_PREDECESSORS, predecessor));
        }
        addText(doc, record.text());
        return doc;
    }

    private Document searchable(String id, String kind, PlanDocument plan, Department dept, int position,
                                       String text) {
        Document doc = base(id, kind, plan, dept, position);
        addText(doc, text);
        return doc;
    }

    /**
     * The text fields. Words, readings and terms replay one Kuromoji pass over the text, found
     * when the streams are asked for (see {@link KuromojiStreams}).
     */
    private void addText(Document doc, String text) {
        KuromojiStreams.Streams streams = kuromojiStreams.of(text);
        doc.add(new StoredField(PlanFields.TEXT, text));
        doc.add(new Field(PlanFields.TEXT_JA, streams.words(), PlanFields.WORDS_TYPE));
        doc.add(new TextField(PlanFields.TEXT_READING, streams.readings()));
        doc.add(new TextField(PlanFields.TEXT_BIGRAM, text, Field.Store.NO));
        doc.add(new Field(PlanFields.TEXT_TERMS, streams.terms(), PlanFields.TERMS_TYPE));
    }

    private static Document base(String id, String kind, PlanDocument plan, Department dept, int position) {
        return base(id, kind, plan.organization(), plan.fiscalYear(), plan.id(), position, plan.sample(),
                dept == null ? null : dept.name(), dept == null ? null : dept.canonical());
    }

    private static Document base(String id, String kind, String org, int year, String documentId, long position,
                                 boolean sample, String department, String departmentCanonical) {
        Document doc = new Document();
        doc.add(new StringField(PlanFields.ID, id, Field.Store.YES));
        doc.add(new KeywordField(PlanFields.KIND, kind, Field.Store.YES));
        doc.add(new KeywordField(PlanFields.ORG, org, Field.Store.YES));
        doc.add(new IntField(PlanFields.YEAR, year, Field.Store.YES));
        doc.add(new KeywordField(PlanFields.DOCUMENT_ID, documentId, Field.Store.YES));
        doc.add(new NumericDocValuesField(PlanFields.POSITION, position));
        doc.add(new StoredField(PlanFields.SAMPLE, sample ? 1 : 0));
        if (department != null) {
            doc.add(new KeywordField(PlanFields.DEPARTMENT, department, Field.Store.YES));
            doc.add(new KeywordField(PlanFields.DEPARTMENT_CANONICAL, departmentCanonical, Field.Store.YES));
        }
        return doc;
    }

    /**
     * Ends a build and lets the clause memo go, so a serving process does not keep it.
     *
     * @return the share of clauses that repeated (Kuromoji was skipped for them)
     */
    double buildFinished() {
        return kuromojiStreams.endBuild();
    }

    @Override
    public void close() {
        kuromojiStreams.close();
    }
}
