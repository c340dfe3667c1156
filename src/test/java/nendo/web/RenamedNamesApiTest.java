package nendo.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A department renamed across years (企画部 → 政策企画部) is followed under its current name. */
class RenamedNamesApiTest extends BundledApiTestBase {
    @Test
    void filteringByTheCurrentNameFollowsTheDepartmentBackToItsOldName() throws Exception {
        JsonNode r = get("/api/search", "org", "架空市", "dept", "政策企画部", "size", "100");
        Set<Integer> years = new TreeSet<>();
        Set<String> printed = new TreeSet<>();
        for (JsonNode hit : r.get("hits")) {
            years.add(hit.get("year").asInt());
            printed.add(hit.get("department").asText());
            assertEquals("政策企画部", hit.get("departmentCanonical").asText(), hit.toString());
            if (hit.get("year").asInt() < 2022) assertEquals("企画部", hit.get("department").asText());
        }
        assertEquals(Set.of(2019, 2020, 2021, 2022, 2023, 2024), years);
        assertEquals(Set.of("企画部", "政策企画部"), printed);

        // The old name alone still finds the years it was printed in.
        JsonNode old = get("/api/search", "org", "架空市", "dept", "企画部", "size", "100");
        Set<Integer> oldYears = new TreeSet<>();
        old.get("hits").forEach(h -> oldYears.add(h.get("year").asInt()));
        assertEquals(Set.of(2019, 2020, 2021), oldYears);
    }

    @Test
    void facetCountsTheCurrentNameOnly() throws Exception {
        JsonNode r = get("/api/search", "org", "架空市");
        List<String> values = new ArrayList<>();
        long policy = 0;
        for (JsonNode f : r.get("facets").get("department")) {
            values.add(f.get("value").asText());
            if (f.get("value").asText().equals("政策企画部")) policy = f.get("count").asLong();
        }
        assertTrue(values.contains("政策企画部"), values.toString());
        assertTrue(!values.contains("企画部"), values.toString());
        JsonNode all = get("/api/search", "org", "架空市", "dept", "政策企画部", "size", "1");
        assertEquals(all.get("total").asLong(), policy);
    }

    /**
     * Choosing a department facet value finds as many entries as it counts, with or without an
     * organization: 企画部 is 三鷹市's current name and 架空市's former one, and without an
     * organization it means 三鷹市's department (it found 架空市's former years too: 18 against 3).
     */
    @Test
    void everyDepartmentFacetValueFindsWhatItCounts() throws Exception {
        for (String[] scope : new String[][] {{}, {"org", "架空市"}, {"org", "三鷹市"}, {"year", "2020"}}) {
            List<String> params = new ArrayList<>(List.of(scope));
            JsonNode r = get("/api/search", params.toArray(String[]::new));
            assertTrue(r.get("facets").get("department").size() > 3, r.toString());
            for (JsonNode f : r.get("facets").get("department")) {
                List<String> chosen = new ArrayList<>(params);
                chosen.addAll(List.of("dept", f.get("value").asText(), "size", "1"));
                JsonNode hits = get("/api/search", chosen.toArray(String[]::new));
                assertEquals(f.get("count").asLong(), hits.get("total").asLong(), chosen.toString());
            }
        }
        JsonNode kikaku = get("/api/search", "dept", "企画部", "size", "100");
        kikaku.get("hits").forEach(h -> assertEquals("三鷹市", h.get("org").asText(), h.toString()));
    }

    @Test
    void departmentListShowsEveryNameWithItsYears() throws Exception {
        JsonNode r = get("/api/departments", "org", "架空市");
        JsonNode policy = null;
        for (JsonNode d : r.get("departments")) if (d.get("name").asText().equals("政策企画部")) policy = d;
        assertTrue(policy != null, r.toString());
        JsonNode names = policy.get("names");
        assertEquals(2, names.size(), names.toString());
        assertEquals("企画部", names.get(0).get("name").asText());
        assertEquals(2019, names.get(0).get("fromYear").asInt());
        assertEquals(2021, names.get(0).get("toYear").asInt());
        assertEquals("政策企画部", names.get(1).get("name").asText());
        assertEquals(2022, names.get(1).get("fromYear").asInt());
        assertEquals(2024, names.get(1).get("toYear").asInt());
    }

    @Test
    void documentAndMeasureViewsCarryBothNames() throws Exception {
        JsonNode d = get("/api/documents/kakuu-2019");
        assertEquals("各部の運営方針と目標", d.get("series").asText());
        assertEquals("各部の経営方針と主要事業", d.get("seriesCanonical").asText());
        JsonNode first = d.get("departments").get(0);
        assertEquals("企画部", first.get("name").asText());
        assertEquals("政策企画部", first.get("canonical").asText());
        String measureId = first.get("measures").get(0).get("id").asText();
        JsonNode m = get("/api/measures/" + measureId);
        assertEquals("企画部", m.get("department").asText());
        assertEquals("政策企画部", m.get("departmentCanonical").asText());
    }
}
