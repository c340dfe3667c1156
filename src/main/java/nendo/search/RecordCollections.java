package nendo.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nendo.index.PlanFields;
import nendo.model.FiscalYear;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

/**
 * The measures read from JSON Lines records, by organization and year: what the archive holds
 * beside its plan documents. A records-only archive (a million measures and no plan) would
 * otherwise list nothing at all where it says what it holds.
 */
final class RecordCollections {
    private RecordCollections() {}

    /** The records: measures that belong to none of the archive's plan documents. */
    static Query query(Set<String> planDocumentIds) {
        BooleanQuery.Builder records = new BooleanQuery.Builder()
                .add(KeywordField.newExactQuery(PlanFields.KIND, PlanFields.KIND_MEASURE), Occur.FILTER);
        if (!planDocumentIds.isEmpty()) {
            records.add(KeywordField.newSetQuery(PlanFields.DOCUMENT_ID,
                    planDocumentIds.stream().map(BytesRef::new).toList()), Occur.MUST_NOT);
        }
        return records.build();
    }

    /**
     * Organizations up to which each collection lists its years. An archive of every municipality
     * (1,700 organizations × 30 years) would send some 50,000 years, 3.6 MB, to a start page that
     * then lists one row per organization; each organization's years are its search's year facet.
     */
    static final int YEARS_LISTED_UP_TO = 20;

    /**
     * @param records the record counts per organization × department × year, ordered by
     *     organization (as {@code PlanArchive} keeps them)
     * @param planOrgs the organizations of the plan documents: the start page lists plan and record
     *     organizations together, so both count towards {@link #YEARS_LISTED_UP_TO}
     * @return one collection per organization, in that order, its years newest first (none when
     *     there are more than {@link #YEARS_LISTED_UP_TO} organizations)
     */
    static List<ArchiveViews.RecordCollection> of(List<Map.Entry<GroupCounter.Key, Long>> records, Set<String> planOrgs) {
        Map<String, TreeMap<Integer, Long>> byOrg = new LinkedHashMap<>();
        for (Map.Entry<GroupCounter.Key, Long> e : records) {
            byOrg.computeIfAbsent(e.getKey().org(), o -> new TreeMap<>())
                    .merge(e.getKey().year(), e.getValue(), Long::sum);
        }
        Set<String> orgs = new HashSet<>(planOrgs);
        orgs.addAll(byOrg.keySet());
        boolean listYears = orgs.size() <= YEARS_LISTED_UP_TO;
        List<ArchiveViews.RecordCollection> collections = new ArrayList<>();
        byOrg.forEach((org, years) -> {
            List<ArchiveViews.RecordYear> list = new ArrayList<>();
            long total = 0;
            for (Map.Entry<Integer, Long> y : years.descendingMap().entrySet()) {
                list.add(new ArchiveViews.RecordYear(y.getKey(), new FiscalYear(y.getKey()).era(), y.getValue()));
                total += y.getValue();
            }
            collections.add(new ArchiveViews.RecordCollection(org, total, years.firstKey(), years.lastKey(),
                    listYears ? list : List.of()));
        });
        return collections;
    }
}
