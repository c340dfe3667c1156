package nendo.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nendo.model.FiscalYear;

/**
 * The measures read from JSON Lines records, by organization and year: what the archive holds
 * beside its plan documents. A records-only archive (a million measures and no plan) would
 * otherwise list nothing at all where it says what it holds.
 */
final class RecordCollections {
    private RecordCollections() {}

    /**
     * @param records the record counts per organization × department × year, ordered by
     *     organization (as {@code PlanArchive} keeps them)
     * @return one collection per organization, in that order, its years newest first
     */
    static List<ArchiveViews.RecordCollection> of(List<Map.Entry<GroupCounter.Key, Long>> records) {
        Map<String, TreeMap<Integer, Long>> byOrg = new LinkedHashMap<>();
        for (Map.Entry<GroupCounter.Key, Long> e : records) {
            byOrg.computeIfAbsent(e.getKey().org(), o -> new TreeMap<>())
                    .merge(e.getKey().year(), e.getValue(), Long::sum);
        }
        List<ArchiveViews.RecordCollection> collections = new ArrayList<>();
        byOrg.forEach((org, years) -> {
            List<ArchiveViews.RecordYear> list = new ArrayList<>();
            long total = 0;
            for (Map.Entry<Integer, Long> y : years.descendingMap().entrySet()) {
                list.add(new ArchiveViews.RecordYear(y.getKey(), new FiscalYear(y.getKey()).era(), y.getValue()));
                total += y.getValue();
            }
            collections.add(new ArchiveViews.RecordCollection(org, total, years.firstKey(), years.lastKey(), list));
        });
        return collections;
    }
}
