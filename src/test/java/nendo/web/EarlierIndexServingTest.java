package nendo.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nendo.cli.Nendo;
import nendo.config.AppConfig;
import nendo.index.ArchiveIndex;
import nendo.index.IndexState;
import nendo.testing.TestArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service started after the corpus changed answers at once from the index of the earlier corpus,
 * and from the new corpus once the background rebuild commits: the way {@code serve} starts.
 */
class EarlierIndexServingTest {
    private static final String ADDED = "新しく追加した独自事業ぴよぴよ計画を推進します。";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aChangedCorpusIsServedFromTheEarlierIndexUntilTheRebuildCommits() throws Exception {
        Path corpus = dir.resolve("corpus");
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, corpus);
        AppConfig config = new AppConfig(corpus, dir.resolve("index"), "127.0.0.1", 0);
        IndexState first;
        try (Nendo nendo = Nendo.open(config)) {
            first = nendo.ensureIndex();
        }
        Path mitaka = corpus.resolve("mitaka/2019.md");
        Files.writeString(mitaka, Files.readString(mitaka) + "- " + ADDED + "\n");

        try (Nendo nendo = Nendo.open(config)) {
            assertEquals(ArchiveIndex.Opening.EARLIER_CORPUS, nendo.openIndexForServing());
            WebApp web = nendo.web().start("127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + web.port();
                JsonNode before = get(base, "/health");
                assertEquals(first.builtAt(), before.get("builtAt").asText(), "the earlier index answers");
                assertEquals(first.measures(), before.get("measures").asInt());
                assertFalse(before.get("rebuilding").asBoolean());
                assertEquals(0, search(base, "ぴよぴよ計画").get("total").asInt());
                int bousai = search(base, "防災").get("total").asInt();
                assertTrue(bousai > 0);

                CompletableFuture<ArchiveIndex.Refresh> rebuild = nendo.updateInBackground();
                // Searches go on while it runs: each is answered from one commit or the other.
                while (!rebuild.isDone()) {
                    int found = search(base, "ぴよぴよ計画").get("total").asInt();
                    assertTrue(found == 0 || found == 1, "found " + found);
                    assertEquals(bousai, search(base, "防災").get("total").asInt());
                }
                IndexState rebuilt = rebuild.get(2, TimeUnit.MINUTES).state();

                JsonNode after = get(base, "/health");
                assertNotEquals(first.builtAt(), after.get("builtAt").asText());
                assertEquals(rebuilt.builtAt(), after.get("builtAt").asText());
                assertEquals(first.measures() + 1, after.get("measures").asInt());
                assertFalse(after.get("rebuilding").asBoolean());
                JsonNode added = search(base, "ぴよぴよ計画");
                assertEquals(1, added.get("total").asInt());
                assertEquals(ADDED, added.get("hits").get(0).get("text").asText());
            } finally {
                web.close();
            }
        }
        try (Nendo nendo = Nendo.open(config)) {
            assertEquals(ArchiveIndex.Opening.CURRENT, nendo.openIndexForServing(), "the rebuilt index is current");
        }
    }

    private static JsonNode search(String base, String q) throws Exception {
        return get(base, "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }

    private static JsonNode get(String base, String pathAndQuery) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }
}
