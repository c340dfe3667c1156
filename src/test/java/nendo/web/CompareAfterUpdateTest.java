package nendo.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import nendo.testing.ApiGet;
import nendo.testing.TestArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A comparison's measures per year (its denominators, counted once per index version) follow the
 * corpus: after an update the same request counts the measures added, on a real server.
 */
class CompareAfterUpdateTest {
    @TempDir
    Path dir;

    private static String record(String id, int year, String text) {
        return record(id, "北市", year, text);
    }

    private static String record(String id, String org, int year, String text) {
        return "{\"id\": \"" + id + "\", \"org\": \"" + org + "\", \"year\": " + year
                + ", \"department\": \"健康部\", \"text\": \"" + text + "\"}\n";
    }

    @Test
    void measuresPerYearFollowAnUpdate() throws Exception {
        Path corpus = dir.resolve("corpus");
        Files.createDirectories(corpus);
        Path records = corpus.resolve("records.jsonl");
        Files.writeString(records, record("n1", 2020, "コロナワクチンの接種を進めます。")
                + record("n2", 2020, "健診の受診を勧めます。")
                + record("n3", 2021, "窓口を改めます。")
                + record("s1", "南市", 2020, "健診を行います。"));
        try (TestArchive archive = TestArchive.of(dir, corpus)) {
            String base = archive.serve();
            JsonNode before = ApiGet.json(base, "/api/compare", "q", "コロナ", "org", "北市");
            assertEquals(List.of(2, 1), measures(before));
            // Also without an organization, and within a year range: filters of the same counts.
            assertEquals(List.of(3, 1), measures(ApiGet.json(base, "/api/compare", "q", "コロナ")));
            assertEquals(List.of(1), measures(ApiGet.json(base, "/api/compare", "q", "コロナ", "year_from", "2021")));

            Files.writeString(records, record("n4", 2021, "コロナ後の窓口を見直します。")
                    + record("n5", 2022, "健康相談を行います。"), StandardOpenOption.APPEND);
            archive.nendo().updateInBackground().join();

            JsonNode after = ApiGet.json(base, "/api/compare", "q", "コロナ", "org", "北市");
            assertEquals(List.of(2, 2, 1), measures(after));
            assertEquals(2, after.get("totalMatches").asLong());
            assertEquals(List.of(2, 1), measures(ApiGet.json(base, "/api/compare", "q", "コロナ", "year_from", "2021")));
            // One organization is counted on its own until every organization has been, then read
            // from those counts: the same answer either way.
            assertEquals(after, ApiGet.json(base, "/api/compare", "q", "コロナ", "org", "北市"));
        }
    }

    private static List<Integer> measures(JsonNode comparison) {
        List<Integer> list = new ArrayList<>();
        comparison.get("years").forEach(y -> list.add(y.get("measures").asInt()));
        return list;
    }
}
