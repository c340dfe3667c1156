package nendo.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nendo.testing.ApiGet;
import nendo.testing.TestArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /api/diff over an archive of JSON Lines records only: a department is every record naming it,
 * in file order, followed across a rename by aliases.yaml as a plan's would be. A year with more
 * measures than one answer can pair is refused with a message that says how to narrow it.
 */
class RecordsDiffApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static TestArchive archive;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(Files.createDirectories(dir.resolve("corpus")).resolve("aliases.yaml"), """
                北市:
                  departments:
                    健康部:
                    政策課: {formerly: [企画課]}
                    総務課:
                南市:
                  departments:
                    福祉部:
                    高齢福祉課: {predecessors: [福祉部]}
                    障害福祉課: {predecessors: [福祉部]}
                """);
        List<String> lines = new ArrayList<>(List.of(
                record("n1", "北市", 2020, "健康部", "コロナワクチンの接種を進めます。"),
                record("n2", "北市", 2020, "企画課", "第五次総合計画の策定に向けて市民の意見を聴きます。"),
                record("n3", "北市", 2020, "健康部", "特定健診の受診を勧めます。"),
                record("n4", "北市", 2021, "政策課", "第五次総合計画の策定に向けて市民の意見を広く聴きます。"),
                record("n5", "北市", 2021, "健康部", "コロナワクチンの追加接種を進めます。"),
                record("n6", "北市", 2021, "総務課", "窓口の受付時間を改めます。")));
        // 南市: 福祉部 split into two sections in 2021 (aliases.yaml predecessors).
        lines.add(record("w1", "南市", 2020, "福祉部", "高齢者の介護予防の教室を開きます。"));
        lines.add(record("w2", "南市", 2020, "福祉部", "障害者の就労を支援します。"));
        lines.add(record("w3", "南市", 2021, "高齢福祉課", "高齢者の介護予防の教室を地域で開きます。"));
        lines.add(record("w4", "南市", 2021, "障害福祉課", "障害者の就労を支援し、相談を受けます。"));
        // 大市 2020: one department with one measure more than a diff pairs at once.
        for (int i = 1; i <= 1_001; i++) {
            lines.add(record("big" + i, "大市", 2020, "大課", "事業その" + i + "を進めます。"));
        }
        lines.add(record("s1", "大市", 2020, "小課", "公園の遊具を点検します。"));
        lines.add(record("s2", "大市", 2021, "小課", "公園の遊具を点検し、更新します。"));
        lines.add(record("b2", "大市", 2021, "大課", "事業その1を進めます。"));
        archive = TestArchive.withRecords(dir, false, lines);
        base = archive.serve();
    }

    @AfterAll
    static void stop() throws Exception {
        archive.close();
    }

    private static String record(String id, String org, int year, String dept, String text) {
        return "{\"id\": \"" + id + "\", \"org\": \"" + org + "\", \"year\": " + year + ", \"department\": \"" + dept
                + "\", \"text\": \"" + text + "\"}";
    }

    @Test
    void recordsArePairedDepartmentByDepartmentAcrossARename() throws Exception {
        JsonNode r = ApiGet.json(base, "/api/diff", "org", "北市", "from", "2020", "to", "2021");
        // Groups in the later year's order (the file's: 政策課, 健康部, 総務課).
        List<String> names = new ArrayList<>();
        r.get("departments").forEach(d -> names.add(d.get("name").asText()));
        assertEquals(List.of("政策課", "健康部", "総務課"), names);

        JsonNode policy = r.get("departments").get(0);
        assertEquals("renamed", policy.get("relation").asText());
        assertEquals("[\"企画課\"]", policy.get("fromNames").toString());
        assertEquals("[\"政策課\"]", policy.get("toNames").toString());
        assertEquals(1, policy.get("continued").size());
        JsonNode plan = policy.get("continued").get(0);
        assertEquals("n2", plan.get("from").get("id").asText());
        assertEquals("n4", plan.get("to").get("id").asText());
        assertEquals("企画課", plan.get("from").get("department").asText());
        assertTrue(plan.get("changes").toString().contains("広く"), plan.toString());

        JsonNode health = r.get("departments").get(1);
        assertEquals("same", health.get("relation").asText());
        assertEquals("n1", health.get("continued").get(0).get("from").get("id").asText());
        assertEquals("n5", health.get("continued").get(0).get("to").get("id").asText());
        assertEquals("n3", health.get("ended").get(0).get("id").asText());
        assertEquals(0, health.get("new").size());

        JsonNode general = r.get("departments").get(2);
        assertEquals("added", general.get("relation").asText());
        assertEquals("n6", general.get("new").get(0).get("id").asText());

        assertEquals("{\"continued\":2,\"ended\":1,\"new\":1}", r.get("summary").toString());
    }

    @Test
    void recordsOfADepartmentSplitByAliasesArePairedAcrossItsSuccessors() throws Exception {
        JsonNode r = ApiGet.json(base, "/api/diff", "org", "南市", "from", "2020", "to", "2021");
        assertEquals(1, r.get("departments").size(), r.toString());
        JsonNode group = r.get("departments").get(0);
        assertEquals("split", group.get("relation").asText());
        assertEquals("[\"福祉部\"]", group.get("fromNames").toString());
        assertEquals("[\"高齢福祉課\",\"障害福祉課\"]", group.get("toNames").toString());
        List<String> pairs = new ArrayList<>();
        group.get("continued").forEach(p -> pairs.add(p.get("from").get("id").asText() + ">" + p.get("to").get("id").asText()
                + "@" + p.get("to").get("department").asText()));
        assertEquals(List.of("w1>w3@高齢福祉課", "w2>w4@障害福祉課"), pairs);
        assertEquals("{\"continued\":2,\"ended\":0,\"new\":0}", r.get("summary").toString());

        // Either successor selects the group; so does the department it came from.
        for (String dept : List.of("福祉部", "障害福祉課")) {
            JsonNode one = ApiGet.json(base, "/api/diff", "org", "南市", "from", "2020", "to", "2021", "dept", dept);
            assertEquals("split", one.get("departments").get(0).get("relation").asText(), dept);
        }
    }

    @Test
    void theOldOrTheNewNameOfARenamedDepartmentSelectsIt() throws Exception {
        for (String dept : List.of("企画課", "政策課")) {
            JsonNode r = ApiGet.json(base, "/api/diff", "org", "北市", "from", "2020", "to", "2021", "dept", dept);
            assertEquals(1, r.get("departments").size(), dept);
            assertEquals("政策課", r.get("departments").get(0).get("name").asText(), dept);
        }
    }

    @Test
    void aYearTooLargeToPairAsksForADepartment() throws Exception {
        JsonNode all = error(400, "org", "大市", "from", "2020", "to", "2021");
        String message = all.get("message").asText();
        assertTrue(message.contains("1,002 件") && message.contains("1,000 件まで") && message.contains("dept"), message);

        JsonNode big = error(400, "org", "大市", "from", "2020", "to", "2021", "dept", "大課");
        assertTrue(big.get("message").asText().contains("部「大課」だけでも 1,001 件"), big.toString());

        JsonNode small = ApiGet.json(base, "/api/diff", "org", "大市", "from", "2020", "to", "2021", "dept", "小課");
        assertEquals(1, small.get("departments").size());
        assertEquals("s1", small.get("departments").get(0).get("continued").get(0).get("from").get("id").asText());
    }

    @Test
    void unknownOrganizationsAndEmptyYearsAreNotFound() throws Exception {
        assertTrue(error(404, "org", "どこか市", "from", "2020", "to", "2021").get("message").asText()
                .contains("計画書も記録もありません"));
        assertTrue(error(404, "org", "北市", "from", "2019", "to", "2021").get("message").asText()
                .contains("2019"));
        error(404, "org", "北市", "from", "2020", "to", "2021", "dept", "宇宙課");
    }

    private static JsonNode error(int status, String... params) throws Exception {
        HttpResponse<String> r = ApiGet.send(base, "/api/diff", params);
        assertEquals(status, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertEquals(status, body.get("status").asInt());
        return body;
    }
}
