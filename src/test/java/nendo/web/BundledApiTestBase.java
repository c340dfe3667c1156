package nendo.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        StringBuilder url = new StringBuilder(base).append(path).append('?');
        for (int i = 0; i < params.length; i += 2) {
            url.append(params[i]).append('=').append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8)).append('&');
        }
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static List<String> texts(JsonNode search) {
        List<String> out = new ArrayList<>();
        search.get("hits").forEach(h -> out.add(h.get("text").asText()));
        return out;
    }
}
