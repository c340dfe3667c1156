package nendo.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The start page's record collections: years are listed while the page lists organizations one by one. */
class RecordCollectionsTest {
    private static List<Map.Entry<GroupCounter.Key, Long>> recordsOf(int organizations) {
        List<Map.Entry<GroupCounter.Key, Long>> cells = new ArrayList<>();
        for (int o = 0; o < organizations; o++) {
            String org = String.format("記録市%02d", o);
            cells.add(Map.entry(new GroupCounter.Key(org, "総務部", "総務部", 2019), 3L));
            cells.add(Map.entry(new GroupCounter.Key(org, "総務部", "総務部", 2020), 2L));
            cells.add(Map.entry(new GroupCounter.Key(org, "企画部", "企画部", 2020), 4L));
        }
        return cells;
    }

    private static Set<String> planOrgs(int organizations) {
        return IntStream.range(0, organizations).mapToObj(o -> String.format("計画市%02d", o)).collect(Collectors.toSet());
    }

    @Test
    void yearsAreListedNewestFirstWithTotals() {
        List<ArchiveViews.RecordCollection> collections = RecordCollections.of(recordsOf(2), Set.of());
        assertEquals(2, collections.size());
        ArchiveViews.RecordCollection first = collections.get(0);
        assertEquals("記録市00", first.org());
        assertEquals(9, first.measures());
        assertEquals(2019, first.fromYear());
        assertEquals(2020, first.toYear());
        assertEquals(List.of(2020, 2019), first.years().stream().map(ArchiveViews.RecordYear::year).toList());
        assertEquals(List.of(6L, 3L), first.years().stream().map(ArchiveViews.RecordYear::measures).toList());
    }

    @Test
    void plansAndRecordsCountTogetherTowardsTheTableOfOrganizations() {
        int limit = RecordCollections.YEARS_LISTED_UP_TO;
        // The page shows a table when plan and record organizations together pass the limit.
        List<ArchiveViews.RecordCollection> atLimit = RecordCollections.of(recordsOf(15), planOrgs(limit - 15));
        assertTrue(atLimit.stream().allMatch(c -> c.years().size() == 2), "years while the page lists each organization");
        List<ArchiveViews.RecordCollection> past = RecordCollections.of(recordsOf(15), planOrgs(limit - 14));
        assertEquals(15, past.size());
        assertTrue(past.stream().allMatch(c -> c.years().isEmpty()), "no years once the page is a table");
        assertEquals(9, past.get(0).measures(), "totals stay");
        // An organization with both plans and records is one organization.
        Set<String> overlapping = planOrgs(limit - 15);
        overlapping.add("記録市00");
        assertTrue(RecordCollections.of(recordsOf(15), overlapping).stream().allMatch(c -> c.years().size() == 2));
    }
}
