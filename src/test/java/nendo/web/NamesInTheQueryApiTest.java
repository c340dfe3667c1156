package nendo.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Organization and department names typed among the words filter as org= and dept= do (a name is a
 * field of an entry, not its text: 三鷹市 防災 found nothing), and are reported so the page can show them.
 */
class NamesInTheQueryApiTest extends BundledApiTestBase {
    @Test
    void anOrganizationOrDepartmentNameIsTheFilterItNames() throws Exception {
        assertSameSearch(get("/api/search", "q", "三鷹市 防災", "size", "100"), "防災", "org", "三鷹市");
        assertSameSearch(get("/api/search", "q", "防災 総務部", "size", "100"), "防災", "dept", "総務部");
        // Without other words it lists the department, as a ticked department does.
        assertSameSearch(get("/api/search", "q", "子ども政策部", "size", "100"), "", "dept", "子ども政策部");
        // Words joined by 、 , or + as well as by spaces.
        for (String q : new String[] {"三鷹市、防災", "三鷹市,防災", "三鷹市+防災", "三鷹市，防災"}) {
            assertSameSearch(get("/api/search", "q", q, "size", "100"), "防災", "org", "三鷹市");
        }
        // A name the text also says (架空市防災センター) is still the organization.
        assertSameSearch(get("/api/search", "q", "架空市 防災", "size", "100"), "防災", "org", "架空市");

        JsonNode r = get("/api/search", "q", "三鷹市 防災");
        assertEquals(List.of("三鷹市"), strings(r.get("queryOrgs")));
        assertEquals(List.of(), strings(r.get("queryDepartments")));
        assertEquals("防災", r.get("queryWithoutYears").asText());
        assertTrue(strings(r.get("notices")).contains("「三鷹市」を団体の絞り込みとして扱いました"), r.get("notices").toString());
    }

    /** How the rest of the text was read is still told (ー訓練 read as an exclusion). */
    @Test
    void theRepairsOfTheRestAreStillTold() throws Exception {
        List<String> alone = strings(get("/api/search", "q", "防災 ー訓練").get("notices"));
        assertTrue(!alone.isEmpty());
        JsonNode r = get("/api/search", "q", "三鷹市 防災 ー訓練");
        List<String> withName = strings(r.get("notices"));
        assertTrue(withName.containsAll(alone), withName.toString());
        assertTrue(withName.contains("「三鷹市」を団体の絞り込みとして扱いました"), withName.toString());
        assertEquals(withName.size(), new java.util.HashSet<>(withName).size(), withName.toString());
        assertSameSearch(r, "防災 -訓練", "org", "三鷹市");
    }

    /** A minus before a name excludes the word, as before, and says that it is not the department that is excluded. */
    @Test
    void aNameAfterAMinusIsToldToExcludeTheWordOnly() throws Exception {
        JsonNode r = get("/api/search", "q", "防災 -総務部");
        assertEquals(get("/api/search", "q", "防災").get("total").asLong(), r.get("total").asLong());
        assertEquals(List.of(), strings(r.get("queryDepartments")));
        assertTrue(strings(r.get("notices")).stream().anyMatch(n -> n.startsWith("「-総務部」は本文の語として除外しました")),
                r.get("notices").toString());
    }

    /** An entry has one organization: a name typed and an organization ticked are either. */
    @Test
    void aNameTypedAndOneTickedAreEither() throws Exception {
        JsonNode both = get("/api/search", "q", "三鷹市 防災", "org", "架空市");
        assertEquals(get("/api/search", "q", "防災").get("total").asLong(), both.get("total").asLong());
    }

    /** Quoted, in an OR, or an unknown name: a word as before. */
    @Test
    void aQuotedNameOrOneInAnOrStaysAWord() throws Exception {
        for (String q : new String[] {"\"三鷹市\" 防災", "三鷹市 OR 防災", "三鷹区 防災"}) {
            JsonNode r = get("/api/search", "q", q);
            assertEquals(List.of(), strings(r.get("queryOrgs")), q);
            assertEquals(List.of(), strings(r.get("queryDepartments")), q);
            assertEquals(q, r.get("queryWithoutYears").asText(), q);
        }
    }

    private void assertSameSearch(JsonNode r, String q, String param, String value) throws Exception {
        JsonNode plain = get("/api/search", "q", q, param, value, "size", "100");
        assertTrue(plain.get("total").asLong() > 0, q + " " + value);
        assertEquals(plain.get("total").asLong(), r.get("total").asLong(), q + " " + value);
        assertEquals(ids(plain), ids(r), q + " " + value);
    }

    private static List<String> ids(JsonNode r) {
        List<String> ids = new ArrayList<>();
        r.get("hits").forEach(h -> ids.add(h.get("id").asText()));
        return ids;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
