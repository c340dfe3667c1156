package nendo.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nendo.model.Department;
import nendo.model.Measure;
import nendo.model.PlanDocument;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/** Turns one plan document into its index entries: the document itself, missions and measures. */
final class EntryDocuments {
    private final ObjectMapper json;

    EntryDocuments(ObjectMapper json) {
        this.json = json;
    }

    List<Document> of(PlanDocument plan) {
        List<Document> entries = new ArrayList<>();
        Document doc = base(plan.id(), PlanFields.KIND_DOCUMENT, plan, null, 0);
        try {
            doc.add(new StoredField(PlanFields.DOCUMENT_JSON, json.writeValueAsString(plan)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + plan.id(), e);
        }
        entries.add(doc);
        for (int d = 0; d < plan.departments().size(); d++) {
            Department dept = plan.departments().get(d);
            int deptPosition = (d + 1) * 1000;
            if (dept.mission() != null) {
                String id = String.format(Locale.ROOT, "%s-%02d-mission", plan.id(), d + 1);
                entries.add(searchable(id, PlanFields.KIND_MISSION, plan, dept, deptPosition, dept.mission()));
            }
            for (int m = 0; m < dept.measures().size(); m++) {
                Measure measure = dept.measures().get(m);
                entries.add(searchable(measure.id(), PlanFields.KIND_MEASURE, plan, dept,
                        deptPosition + m + 1, measure.text()));
            }
        }
        return entries;
    }

    private static Document searchable(String id, String kind, PlanDocument plan, Department dept, int position,
                                       String text) {
        Document doc = base(id, kind, plan, dept, position);
        doc.add(new StoredField(PlanFields.TEXT, text));
        doc.add(new TextField(PlanFields.TEXT_JA, text, Field.Store.NO));
        doc.add(new TextField(PlanFields.TEXT_BIGRAM, text, Field.Store.NO));
        doc.add(new TextField(PlanFields.TEXT_READING, text, Field.Store.NO));
        doc.add(new TextField(PlanFields.TEXT_TERMS, text, Field.Store.NO));
        return doc;
    }

    private static Document base(String id, String kind, PlanDocument plan, Department dept, int position) {
        Document doc = new Document();
        doc.add(new StringField(PlanFields.ID, id, Field.Store.YES));
        doc.add(new KeywordField(PlanFields.KIND, kind, Field.Store.YES));
        doc.add(new KeywordField(PlanFields.ORG, plan.organization(), Field.Store.YES));
        doc.add(new IntField(PlanFields.YEAR, plan.fiscalYear(), Field.Store.YES));
        doc.add(new KeywordField(PlanFields.DOCUMENT_ID, plan.id(), Field.Store.YES));
        doc.add(new NumericDocValuesField(PlanFields.POSITION, position));
        doc.add(new StoredField(PlanFields.SAMPLE, plan.sample() ? 1 : 0));
        if (dept != null) {
            doc.add(new KeywordField(PlanFields.DEPARTMENT, dept.name(), Field.Store.YES));
            doc.add(new KeywordField(PlanFields.DEPARTMENT_CANONICAL, dept.canonical(), Field.Store.YES));
        }
        return doc;
    }
}
