package nendo.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nendo.index.PlanFields;
import nendo.model.ClientError;
import nendo.model.Department;
import nendo.model.FiscalYear;
import nendo.model.Measure;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TopFieldDocs;

/**
 * The measures that JSON Lines records give one organization in one year, as departments, so that
 * the year-over-year diff reads them as it reads a plan's. Records name their department but have
 * no plan around them: a department is every record naming it, in the order the files list them,
 * with the canonical name and predecessors aliases.yaml gave it when the records were indexed.
 */
final class RecordDepartments {
    /**
     * Records of one organization and year read at most (their stored text, about 1 ms per 200).
     * The synthetic million has 30,000 a year for its one organization, a real plan a few hundred.
     * They are read before the department filter, which follows renames through the departments'
     * groups, so a year this large is refused (400) rather than read for a department's share.
     */
    static final int READ_LIMIT = 100_000;

    private static final Set<String> READ = Set.of(PlanFields.ID, PlanFields.DEPARTMENT,
            PlanFields.DEPARTMENT_CANONICAL, PlanFields.DEPARTMENT_PREDECESSORS, PlanFields.TEXT);

    private final IndexSearcher searcher;
    private final Query records;

    /** @param planDocumentIds the archive's plan documents, whose measures are not records */
    RecordDepartments(IndexSearcher searcher, Set<String> planDocumentIds) {
        this.searcher = searcher;
        this.records = RecordCollections.query(planDocumentIds);
    }

    /** Whether any record belongs to the organization, in any year. */
    boolean hasOrganization(String org) throws IOException {
        return searcher.count(filtered(KeywordField.newExactQuery(PlanFields.ORG, org))) > 0;
    }

    /** The organization's records of the year by department, departments in order of first appearance. */
    List<Department> of(String org, int year) throws IOException {
        Query q = filtered(KeywordField.newExactQuery(PlanFields.ORG, org), IntField.newExactQuery(PlanFields.YEAR, year));
        int n = searcher.count(q);
        if (n == 0) return List.of();
        if (n > READ_LIMIT) {
            throw ClientError.badRequest(org + "の" + new FiscalYear(year).label() + "の記録は " + String.format("%,d", n)
                    + " 件あり、年度の差分で比べられる数（" + String.format("%,d", READ_LIMIT) + " 件まで）を超えています"
                    + "（too many records in one year to compare）");
        }
        // File, then line: the order the records were written in, as a plan's order is its own.
        Sort fileOrder = new Sort(new SortedSetSortField(PlanFields.DOCUMENT_ID, false),
                new SortField(PlanFields.POSITION, SortField.Type.LONG));
        TopFieldDocs top = searcher.search(q, n, fileOrder);
        Map<String, Collected> byName = new LinkedHashMap<>();
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc sd : top.scoreDocs) {
            Document d = stored.document(sd.doc, READ);
            long line = (Long) ((FieldDoc) sd).fields[1];
            String name = d.get(PlanFields.DEPARTMENT);
            byName.computeIfAbsent(name, k -> new Collected(d.get(PlanFields.DEPARTMENT_CANONICAL),
                            List.of(d.getValues(PlanFields.DEPARTMENT_PREDECESSORS)), new ArrayList<>()))
                    .measures().add(new Measure(d.get(PlanFields.ID), d.get(PlanFields.TEXT), (int) Math.min(line, Integer.MAX_VALUE)));
        }
        List<Department> departments = new ArrayList<>();
        byName.forEach((name, c) -> departments.add(
                new Department(name, c.canonical(), c.predecessors(), null, null, null, c.measures())));
        return departments;
    }

    private record Collected(String canonical, List<String> predecessors, List<Measure> measures) {}

    private Query filtered(Query... filters) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(records, Occur.FILTER);
        for (Query f : filters) b.add(f, Occur.FILTER);
        return b.build();
    }
}
