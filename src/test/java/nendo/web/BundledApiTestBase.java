package nendo.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nendo.testing.ApiGet;
import nendo.testing.TestArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** One served copy of the bundled corpus per test class, and GET helpers for its JSON API. */
abstract class BundledApiTestBase {
    @TempDir
    static Path dir;
    static TestArchive archive;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        archive = TestArchive.bundled(dir);
        base = archive.serve();
    }

    @AfterAll
    static void stop() throws Exception {
        archive.close();
    }

    static JsonNode get(String path, String... params) throws Exception {
        return ApiGet.json(base, path, params);
    }

    static List<String> texts(JsonNode search) {
        List<String> out = new ArrayList<>();
        search.get("hits").forEach(h -> out.add(h.get("text").asText()));
        return out;
    }
}
