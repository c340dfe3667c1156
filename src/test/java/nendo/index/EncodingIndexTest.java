package nendo.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nendo.model.CorpusProblem;
import nendo.search.ArchiveViews;
import nendo.search.SearchRequest;
import nendo.search.SearchResponse;
import nendo.testing.TestArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One plan file saved as UTF-8, UTF-8 with BOM, Shift_JIS and EUC-JP, each in its own corpus and
 * indexed through the production path: the four archives must answer identically. And one file
 * that is no readable text must not keep the others out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EncodingIndexTest {
    private static final String ID = "mitaka-2019";
    private static final List<String> QUERIES = List.of("防災", "ゆりかご", "EBPM");
    /** What the UTF-8 archive must find (the curated file, grep'd by hand). */
    private static final Map<String, List<String>> EXPECTED_IDS = Map.of(
            "防災", List.of("mitaka-2019-02-01", "mitaka-2019-02-02", "mitaka-2019-06-01"),
            "ゆりかご", List.of("mitaka-2019-07-01"),
            "EBPM", List.of("mitaka-2019-01-02"));

    /** Plan file text: the curated Mitaka file without its separate original, ☎ written as 電話. */
    private String plan;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, TestArchive> archives = new LinkedHashMap<>();
    private HttpClient http;

    @BeforeAll
    void buildFourArchives(@TempDir Path temp) throws IOException {
        plan = Files.readString(TestArchive.BUNDLED_CORPUS.resolve("mitaka/2019.md"), StandardCharsets.UTF_8)
                .replace("☎", "電話")                         // no Shift_JIS / EUC-JP code for ☎
                .replace("original: 2019.original.txt\n", ""); // the file is its own original
        files.put("UTF-8", plan.getBytes(StandardCharsets.UTF_8));
        files.put("UTF-8 (BOM)", bom(plan.getBytes(StandardCharsets.UTF_8)));
        files.put("Shift_JIS", plan.getBytes(Charset.forName("windows-31j")));
        files.put("EUC-JP", plan.getBytes(Charset.forName("EUC-JP")));
        int n = 0;
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path dir = temp.resolve("archive" + n++);
            Path corpus = Files.createDirectories(dir.resolve("corpus/mitaka"));
            Files.write(corpus.resolve("2019.md"), e.getValue());
            archives.put(e.getKey(), TestArchive.of(dir, dir.resolve("corpus")));
        }
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    void close() throws IOException {
        for (TestArchive a : archives.values()) a.close();
    }

    private static byte[] bom(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(bytes);
        return out.toByteArray();
    }

    /** Everything of a response that must not depend on the file's encoding (not the time taken). */
    private record Answer(long total, List<String> ids, List<String> snippets, List<String> texts, List<String> departments) {
        static Answer of(SearchResponse r) {
            return new Answer(r.total(), r.hits().stream().map(SearchResponse.Hit::id).toList(),
                    r.hits().stream().map(SearchResponse.Hit::snippet).toList(),
                    r.hits().stream().map(SearchResponse.Hit::text).toList(),
                    r.hits().stream().map(SearchResponse.Hit::department).toList());
        }
    }

    private Map<String, Answer> answers(Function<TestArchive, Answer> ask) {
        return archives.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> ask.apply(e.getValue()),
                (a, b) -> a, LinkedHashMap::new));
    }

    private static Answer search(TestArchive archive, String q) {
        try {
            return Answer.of(archive.nendo().archive().search(SearchRequest.of(q)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpResponse<byte[]> get(TestArchive archive, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(archive.serve() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void everyArchiveIndexedTheWholeFile() throws IOException {
        for (Map.Entry<String, TestArchive> e : archives.entrySet()) {
            ArchiveViews.Health health = e.getValue().nendo().archive().health();
            assertEquals(List.of(), health.invalidFiles(), e.getKey());
            assertEquals(1, health.documents(), e.getKey());
            assertEquals(24, health.measures(), e.getKey());
        }
    }

    @Test
    void searchesAnswerIdenticallyInEveryEncoding() {
        for (String q : QUERIES) {
            Map<String, Answer> byEncoding = answers(a -> search(a, q));
            Answer utf8 = byEncoding.get("UTF-8");
            assertEquals(EXPECTED_IDS.get(q), utf8.ids().stream().sorted().toList(), q);
            assertEquals(EXPECTED_IDS.get(q).size(), utf8.total(), q);
            assertTrue(utf8.snippets().stream().allMatch(s -> s.contains("<mark>")), q + ": " + utf8.snippets());
            byEncoding.forEach((encoding, answer) -> assertEquals(utf8, answer, q + " in " + encoding));
        }
    }

    @Test
    void documentApiIsIdenticalInEveryEncoding() throws Exception {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (Map.Entry<String, TestArchive> e : archives.entrySet()) {
            HttpResponse<byte[]> r = get(e.getValue(), "/api/documents/" + ID);
            assertEquals(200, r.statusCode(), e.getKey());
            bodies.put(e.getKey(), new String(r.body(), StandardCharsets.UTF_8));
            ArchiveViews.DocumentView view = e.getValue().nendo().archive().document(ID);
            assertEquals(archives.get("UTF-8").nendo().archive().document(ID), view, e.getKey());
        }
        String utf8 = bodies.get("UTF-8");
        assertTrue(utf8.contains("\"contact\":\"企画経営課電話内線2150\""), utf8);
        assertTrue(utf8.contains("子ども政策部"), utf8);
        bodies.forEach((encoding, body) -> assertEquals(utf8, body, encoding));
        ArchiveViews.DocumentView view = archives.get("EUC-JP").nendo().archive().document(ID);
        assertEquals(8, view.departments().size());
        assertEquals(24, view.departments().stream().mapToInt(d -> d.measures().size()).sum());
    }

    @Test
    void originalIsServedAsStoredWithACharsetThatReadsIt() throws Exception {
        for (Map.Entry<String, TestArchive> e : archives.entrySet()) {
            HttpResponse<byte[]> r = get(e.getValue(), "/api/documents/" + ID + "/original");
            assertEquals(200, r.statusCode(), e.getKey());
            assertArrayEquals(files.get(e.getKey()), r.body(), e.getKey() + ": the bytes on disk");
            String type = r.headers().firstValue("Content-Type").orElse("");
            assertTrue(type.replace(" ", "").startsWith("text/plain;charset="), e.getKey() + ": " + type);
            Charset charset = Charset.forName(type.substring(type.indexOf("charset=") + 8).strip());
            String text = new String(r.body(), charset);
            assertEquals(plan, text.startsWith("\uFEFF") ? text.substring(1) : text, e.getKey() + " read as " + charset);
        }
    }

    @Test
    void suggestionsAreIdenticalInEveryEncoding() throws IOException {
        ArchiveViews.SuggestList utf8 = archives.get("UTF-8").nendo().archive().suggest("ぼう");
        assertTrue(!utf8.suggestions().isEmpty(), utf8.toString());
        for (Map.Entry<String, TestArchive> e : archives.entrySet()) {
            assertEquals(utf8, e.getValue().nendo().archive().suggest("ぼう"), e.getKey());
        }
    }

    // ------------------------------------------------------------------ one unreadable file among good ones

    @Test
    void undecodableFileIsReportedAndTheOthersAreSearchable(@TempDir Path dir) throws Exception {
        Path corpus = dir.resolve("corpus");
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, corpus);
        Files.write(corpus.resolve("mitaka/2020.md"), plan.replace("mitaka-2019", "mitaka-2020")
                .replace("fiscalYear: 2019", "fiscalYear: 2020").getBytes(Charset.forName("windows-31j")));
        String french = """
                ---
                id: ville-2025
                organization: Ville
                fiscalYear: 2025
                series: Budget
                title: Le budget adopté à l'unanimité
                ---

                ## Département des écoles

                - Les élèves découvriront la forêt près du château.
                """;
        Files.write(corpus.resolve("kakuu/2025.md"), french.getBytes(StandardCharsets.ISO_8859_1));

        try (TestArchive archive = TestArchive.of(dir, corpus)) {
            ArchiveViews.Health health = archive.nendo().archive().health();
            assertEquals(List.of("kakuu/2025.md"), health.invalidFiles().stream().map(CorpusProblem::file).toList(),
                    health.invalidFiles().toString());
            assertTrue(health.invalidFiles().get(0).message().contains("文字コード"), health.invalidFiles().toString());
            assertEquals(8, health.documents(), "the 7 bundled documents and the Shift_JIS one");

            SearchResponse mitaka = archive.nendo().archive().search(new SearchRequest("ゆりかご", List.of(), null, null,
                    List.of(), List.of("三鷹市"), List.of(), 1, 20, SearchRequest.SortOrder.RELEVANCE));
            assertEquals(List.of("mitaka-2019-07-01", "mitaka-2020-07-01"),
                    mitaka.hits().stream().map(SearchResponse.Hit::id).sorted().toList());
            assertTrue(archive.nendo().archive().search(SearchRequest.of("防災")).total() > 3);
        }
    }
}
