package nendo.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nendo.testing.TestArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searching while the index is rebuilt through {@code POST /api/admin/reindex}. Client threads
 * search, browse and compare for a bounded time while another thread keeps switching the corpus
 * between two known versions (A: the bundled corpus; B: the same plus one more plan, 架空市 2025,
 * with measures on 防災, 子育て, コロナ and DX) and reindexing after each switch. Every answer must
 * be a 200 JSON, and must be exactly what version A or version B answers (computed beforehand):
 * never an error, never an empty or half-built index, never a mix of the two. Facet counts must
 * add up to the total. The run prints one line for RELIABILITY.md:
 * {@code REINDEX-UNDER-LOAD seconds=… requests=… errors=0 reindexes=… stateA=… stateB=…}.
 * Default 10 s; a longer run: {@code mvn test -Dtest=ReindexUnderLoadTest -Dnendo.load.seconds=120}.
 *
 * <p>The admin API itself: 401 without (or with a malformed) bearer token, 403 with a wrong one or
 * when the admin API is off, 409 while a rebuild runs, 405 for other methods, 200 with the new
 * index state; rejected requests change nothing.
 */
class ReindexUnderLoadTest {
    private static final String TOKEN = "reindex-test-token-3f9c1a7e5b";
    private static final String REINDEX = "/api/admin/reindex";
    private static final int CLIENTS = 8;
    private static final String KAKUU = "架空市";
    private static final String EXTRA_FILE = "kakuu/2025.md";
    /** A measure only version B has. */
    private static final String EXTRA_MEASURE = "令和7年度の合同防災訓練を検証用の新しい避難所で実施し、子育て世帯の避難を支援します。";
    private static final String EXTRA_PLAN = """
            ---
            id: kakuu-2025
            organization: 架空市
            fiscalYear: 2025
            series: 各部の経営方針と主要事業
            title: 令和7年度「各部の経営方針と主要事業」
            source: 試験用のデータ（ReindexUnderLoadTest が追加と削除を繰り返す文書）
            sample: true
            ---

            ## 政策企画部

            - 『架空市自治体DX推進計画』の第3期を策定し、行政手続のDXを全庁で進めます。

            ## 総務部

            庁内の危機管理と防災の体制を整えます。

            - %s
            - 防災備蓄倉庫の点検を行い、コロナ禍の教訓を踏まえた感染症対策物資を補充します。

            ## 子ども政策部

            - 子育て支援アプリの機能を拡充し、子育て相談の予約をオンライン化します。
            """.formatted(EXTRA_MEASURE);

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    // ------------------------------------------------------------------ searching while reindexing

    /** One request of the mix, and how to read the index state out of its answer. */
    private record Probe(String name, String path, Kind kind, boolean yearFiltered, boolean deptFiltered,
                         boolean orgFiltered) {
        String url(String base) {
            return base + path;
        }
    }

    private enum Kind { SEARCH, COMPARE, YEARS, DOCUMENTS, HEALTH, SUGGEST }

    private static List<Probe> probes() {
        return List.of(
                search("q=防災", false, false, false),
                search("q=子育て", false, false, false),
                search("q=コロナ&org=架空市", false, false, true),
                search("q=防災&year=2025", true, false, false),
                search("q=防災&sort=year_desc&page=2&size=10", false, false, false),
                search("q=&org=架空市&year=2024", true, false, true),
                search("q=&org=架空市&dept=総務部", false, true, true),
                search("q=子育て&year_from=2023&kind=measure", true, false, false),
                new Probe("compare DX", "/api/compare?q=" + enc("DX") + "&org=" + enc(KAKUU), Kind.COMPARE, false, false, false),
                new Probe("years", "/api/years", Kind.YEARS, false, false, false),
                new Probe("documents", "/api/documents", Kind.DOCUMENTS, false, false, false),
                new Probe("suggest 防災", "/api/suggest?q=" + enc("防災"), Kind.SUGGEST, false, false, false),
                new Probe("health", "/health", Kind.HEALTH, false, false, false));
    }

    private static Probe search(String query, boolean yearFiltered, boolean deptFiltered, boolean orgFiltered) {
        StringBuilder path = new StringBuilder("/api/search?");
        for (String part : query.split("&")) {
            int eq = part.indexOf('=');
            path.append(part, 0, eq + 1).append(enc(part.substring(eq + 1))).append('&');
        }
        path.setLength(path.length() - 1);
        return new Probe("search " + query, path.toString(), Kind.SEARCH, yearFiltered, deptFiltered, orgFiltered);
    }

    /** What identifies the index state in an answer (timings and build times left out). */
    private static String signature(Probe probe, JsonNode body) {
        JsonNode copy = body.deepCopy();
        switch (probe.kind()) {
            case SEARCH -> ((ObjectNode) copy).remove("tookMs");
            case HEALTH -> {
                ObjectNode h = JSON.createObjectNode();
                h.set("documents", body.path("documents"));
                h.set("measures", body.path("measures"));
                return h.toString();
            }
            default -> { }
        }
        return copy.toString();
    }

    /** Checks an answer on its own: its counts add up, as they must in any complete index. */
    private static void checkConsistent(Probe probe, JsonNode body, boolean dependsOnSums) {
        if (probe.kind() == Kind.SEARCH) {
            long total = body.get("total").asLong();
            int page = body.get("page").asInt();
            int size = body.get("size").asInt();
            long expectedHits = Math.max(0, Math.min(size, total - (long) (page - 1) * size));
            assertEquals(expectedHits, body.get("hits").size(), probe.name() + ": hits on the page");
            if (!dependsOnSums) return;
            JsonNode facets = body.get("facets");
            if (!probe.yearFiltered()) assertEquals(total, sum(facets.get("year")), probe.name() + ": year facets add up to the total");
            if (!probe.deptFiltered()) assertEquals(total, sum(facets.get("department")), probe.name() + ": department facets add up");
            if (!probe.orgFiltered()) assertEquals(total, sum(facets.get("org")), probe.name() + ": organization facets add up");
        } else if (probe.kind() == Kind.COMPARE) {
            long total = body.get("totalMatches").asLong();
            long byDept = 0;
            for (JsonNode d : body.get("departments")) byDept += d.get("matches").asLong();
            long byYear = 0;
            for (JsonNode y : body.get("years")) byYear += y.get("matches").asLong();
            assertEquals(total, byDept, probe.name() + ": departments add up to the total");
            assertEquals(total, byYear, probe.name() + ": years add up to the total");
        }
    }

    private static long sum(JsonNode facet) {
        long n = 0;
        for (JsonNode v : facet) n += v.get("count").asLong();
        return n;
    }

    @Test
    void searchesDuringRepeatedReindexesAlwaysSeeOneCompleteIndex() throws Exception {
        long seconds = Long.getLong("nendo.load.seconds", 10);
        try (TestArchive archive = TestArchive.bundled(dir, TOKEN)) {
            String base = archive.serve();
            Path extra = archive.corpus().resolve(EXTRA_FILE);
            List<Probe> probes = probes();

            // The two states, computed beforehand (A, then B, then A again: a rebuild is reproducible).
            Map<Probe, String> stateA = snapshot(base, probes);
            writeAtomically(extra, EXTRA_PLAN);
            assertEquals(200, reindex(base, TOKEN).statusCode());
            Map<Probe, String> stateB = snapshot(base, probes);
            Files.delete(extra);
            assertEquals(200, reindex(base, TOKEN).statusCode());
            assertEquals(stateA, snapshot(base, probes), "version A again answers exactly as before");
            Map<Probe, Boolean> sumsHold = new LinkedHashMap<>();
            for (Probe p : probes) {
                assertNotEquals(stateA.get(p), stateB.get(p), p.name() + " must tell version A from B");
                sumsHold.put(p, sumsHoldIn(p, stateA.get(p)) && sumsHoldIn(p, stateB.get(p)));
            }
            for (Probe p : probes) {
                if (p.kind() == Kind.SEARCH || p.kind() == Kind.COMPARE) {
                    assertTrue(sumsHold.get(p), p.name() + ": the counts add up in both versions");
                }
            }
            assertEquals(0, JSON.readTree(stateA.get(probes.get(3))).get("total").asLong(), "no 2025 in version A");
            assertTrue(JSON.readTree(stateB.get(probes.get(3))).get("total").asLong() > 0, "2025 in version B");

            AtomicLong requests = new AtomicLong();
            AtomicLong inA = new AtomicLong();
            AtomicLong inB = new AtomicLong();
            AtomicLong reindexes = new AtomicLong();
            AtomicLong conflicts = new AtomicLong();
            ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);

            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < CLIENTS; t++) {
                int offset = t;
                running.add(pool.submit(() -> {
                    for (int i = offset; System.nanoTime() < deadline; i++) {
                        Probe p = probes.get(i % probes.size());
                        requests.incrementAndGet();
                        try {
                            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(p.url(base)))
                                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                            String type = r.headers().firstValue("Content-Type").orElse("");
                            if (r.statusCode() != 200 || !type.startsWith("application/json")) {
                                errors.add(p.name() + " → " + r.statusCode() + " " + type + " " + abbreviate(r.body()));
                                continue;
                            }
                            JsonNode body = JSON.readTree(r.body());
                            checkConsistent(p, body, sumsHold.get(p));
                            String sig = signature(p, body);
                            if (sig.equals(stateA.get(p))) inA.incrementAndGet();
                            else if (sig.equals(stateB.get(p))) inB.incrementAndGet();
                            else errors.add(p.name() + " → neither version A nor B: " + abbreviate(r.body()));
                        } catch (AssertionError | Exception e) {
                            errors.add(p.name() + " → " + e);
                        }
                    }
                    return null;
                }));
            }
            running.add(pool.submit(() -> {
                boolean withExtra = false;
                while (System.nanoTime() < deadline) {
                    try {
                        withExtra = !withExtra;
                        if (withExtra) writeAtomically(extra, EXTRA_PLAN);
                        else Files.deleteIfExists(extra);
                        HttpResponse<String> r = reindex(base, TOKEN);
                        if (r.statusCode() == 409) {
                            conflicts.incrementAndGet();
                            continue;
                        }
                        if (r.statusCode() != 200) {
                            errors.add("reindex → " + r.statusCode() + " " + abbreviate(r.body()));
                            continue;
                        }
                        reindexes.incrementAndGet();
                        JsonNode state = JSON.readTree(r.body());
                        int expected = JSON.readTree(stateA.get(probes.get(probes.size() - 1))).get("documents").asInt()
                                + (withExtra ? 1 : 0);
                        if (state.get("documents").asInt() != expected) {
                            errors.add("reindex → " + state.get("documents") + " documents, expected " + expected);
                        }
                    } catch (Exception e) {
                        errors.add("reindex → " + e);
                    }
                }
                return null;
            }));
            pool.shutdown();
            for (Future<?> f : running) f.get(seconds + 120, TimeUnit.SECONDS);

            List<String> sample = errors.stream().limit(20).toList();
            System.out.printf("REINDEX-UNDER-LOAD seconds=%d requests=%d errors=%d reindexes=%d conflicts=%d stateA=%d stateB=%d clients=%d%n",
                    seconds, requests.get(), errors.size(), reindexes.get(), conflicts.get(), inA.get(), inB.get(), CLIENTS);
            assertEquals(List.of(), sample, errors.size() + " errors under load (first 20 shown)");
            assertTrue(reindexes.get() >= 2, "the index was rebuilt repeatedly: " + reindexes.get());
            assertTrue(inA.get() > 0 && inB.get() > 0, "answers from both versions: A=" + inA.get() + " B=" + inB.get());
            assertEquals(requests.get(), inA.get() + inB.get(), "every answer came from version A or version B");
        }
    }

    private static boolean sumsHoldIn(Probe p, String signature) {
        try {
            checkConsistent(p, JSON.readTree(signature), true);
            return true;
        } catch (AssertionError | IOException e) {
            return false;
        }
    }

    private static Map<Probe, String> snapshot(String base, List<Probe> probes) throws Exception {
        Map<Probe, String> out = new LinkedHashMap<>();
        for (Probe p : probes) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(p.url(base))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), p.name() + ": " + r.body());
            out.put(p, signature(p, JSON.readTree(r.body())));
        }
        return out;
    }

    // ------------------------------------------------------------------ the admin API

    @Test
    void reindexNeedsTheTokenAndThenServesTheCorpusAsItIsNow() throws Exception {
        try (TestArchive archive = TestArchive.bundled(dir, TOKEN)) {
            String base = archive.serve();
            JsonNode before = getJson(base, "/health");
            assertEquals(0, total(base, EXTRA_MEASURE));
            writeAtomically(archive.corpus().resolve(EXTRA_FILE), EXTRA_PLAN);

            // No credentials, or not a bearer token: 401 with a challenge.
            for (String header : new String[] {null, "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + TOKEN).getBytes()),
                    TOKEN, "Bearer"}) {
                HttpResponse<String> r = post(base, REINDEX, header);
                assertError(r, 401, "Authorization " + header);
                assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                        "401 names the scheme: " + r.headers().map());
            }
            // The token in the URL is not a credential.
            assertError(post(base, REINDEX + "?token=" + TOKEN, null), 401, "token as a query parameter");
            // A wrong token, a token with extra characters, a prefix of it: 403.
            // (A token differing only in case: see aTokenThatDiffersOnlyInCaseIsRejectedAlsoOnAReusedConnection.)
            for (String wrong : List.of("wrong-token-0000000000000000", TOKEN + "x", TOKEN.substring(0, TOKEN.length() - 1))) {
                assertError(post(base, REINDEX, "Bearer " + wrong), 403, "wrong token " + wrong);
            }
            // Other methods: 405 JSON.
            for (String method : List.of("GET", "PUT", "DELETE")) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + REINDEX))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
                assertError(r, 405, method);
            }
            // Nothing above changed the index.
            JsonNode unchanged = getJson(base, "/health");
            assertEquals(before.get("documents"), unchanged.get("documents"));
            assertEquals(before.get("measures"), unchanged.get("measures"));
            assertEquals(0, total(base, EXTRA_MEASURE), "rejected requests do not reindex");

            // The right token: 200 with the new state.
            HttpResponse<String> ok = post(base, REINDEX, "Bearer " + TOKEN);
            assertEquals(200, ok.statusCode(), ok.body());
            assertTrue(ok.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertTrue(ok.headers().firstValue("Content-Security-Policy").isPresent());
            JsonNode result = JSON.readTree(ok.body());
            assertEquals(List.of("status", "documents", "measures", "invalidFiles", "keptFiles", "builtAt", "tookMs"),
                    fieldNames(result));
            assertEquals("ok", result.get("status").asText());
            assertEquals(before.get("documents").asInt() + 1, result.get("documents").asInt());
            assertEquals(before.get("measures").asInt() + 4, result.get("measures").asInt());
            assertEquals(0, result.get("invalidFiles").size());
            assertEquals(0, result.get("keptFiles").size());
            Instant builtAt = Instant.parse(result.get("builtAt").asText());
            assertTrue(builtAt.isAfter(Instant.now().minusSeconds(120)) && !builtAt.isAfter(Instant.now()), builtAt.toString());
            assertTrue(result.get("tookMs").asLong() >= 0);
            assertEquals(1, total(base, EXTRA_MEASURE), "the new plan is searchable at once");
            assertEquals(result.get("documents"), getJson(base, "/health").get("documents"));
            assertEquals("令和7年度「各部の経営方針と主要事業」", getJson(base, "/api/documents/kakuu-2025").get("title").asText());

            // An edit that breaks the file: the last good version stays, listed as kept.
            writeAtomically(archive.corpus().resolve(EXTRA_FILE), EXTRA_PLAN.replace("fiscalYear: 2025", "fiscalYear: 二〇二五"));
            HttpResponse<String> kept = post(base, REINDEX, "Bearer " + TOKEN);
            assertEquals(200, kept.statusCode(), kept.body());
            JsonNode keptState = JSON.readTree(kept.body());
            assertEquals(List.of(EXTRA_FILE), strings(keptState.get("keptFiles")));
            assertEquals(EXTRA_FILE, keptState.get("invalidFiles").get(0).get("file").asText(), keptState.toString());
            assertEquals(result.get("documents"), keptState.get("documents"));
            assertEquals(1, total(base, EXTRA_MEASURE), "the last good version is still served");

            // Removing it: back to the bundled corpus.
            Files.delete(archive.corpus().resolve(EXTRA_FILE));
            JsonNode removed = JSON.readTree(post(base, REINDEX, "Bearer " + TOKEN).body());
            assertEquals(before.get("documents"), removed.get("documents"));
            assertEquals(0, removed.get("keptFiles").size());
            assertEquals(0, total(base, EXTRA_MEASURE));
        }
    }

    /**
     * The token is compared exactly, whatever came before on the same keep-alive connection. (Jetty
     * caches header fields per connection and, unless told otherwise, matches a cached field
     * ignoring the case of its value: a request whose token differs from the previous one only in
     * case is then handed the previous request's header.)
     */
    @Test
    void aTokenThatDiffersOnlyInCaseIsRejectedAlsoOnAReusedConnection() throws Exception {
        String upper = TOKEN.toUpperCase(java.util.Locale.ROOT);
        try (TestArchive archive = TestArchive.bundled(dir, TOKEN)) {
            String base = archive.serve();
            // Alone on a fresh connection, each is judged on its own.
            assertError(post(newClient(), base, REINDEX, "Bearer " + upper), 403, "upper-case token, fresh connection");
            assertEquals(200, post(newClient(), base, REINDEX, "Bearer " + TOKEN).statusCode());

            List<String> seen = new ArrayList<>();
            // After a valid request on the same connection, a wrong-case token must still be refused.
            HttpClient one = newClient();
            seen.add("Bearer TOKEN → " + post(one, base, REINDEX, "Bearer " + TOKEN).statusCode());
            HttpResponse<String> wrongCase = post(one, base, REINDEX, "Bearer " + upper);
            seen.add("then Bearer UPPER-CASE TOKEN → " + wrongCase.statusCode());
            HttpResponse<String> wrongScheme = post(one, base, REINDEX, "bearer " + upper);
            seen.add("then bearer UPPER-CASE TOKEN → " + wrongScheme.statusCode());
            // After a wrong-case token on the same connection, the right token must still be accepted.
            HttpClient two = newClient();
            seen.add("Bearer UPPER-CASE TOKEN → " + post(two, base, REINDEX, "Bearer " + upper).statusCode());
            HttpResponse<String> right = post(two, base, REINDEX, "Bearer " + TOKEN);
            seen.add("then Bearer TOKEN → " + right.statusCode());

            String report = "one keep-alive connection per line pair: " + seen;
            assertTrue(wrongCase.statusCode() == 403 && wrongScheme.statusCode() / 100 == 4, report);
            assertEquals(200, right.statusCode(), report);
        }
    }

    @Test
    void aReindexWhileOneIsRunningIsAConflict() throws Exception {
        try (TestArchive archive = TestArchive.bundled(dir, TOKEN)) {
            String base = archive.serve();
            int documents = getJson(base, "/health").get("documents").asInt();
            HttpResponse<String> conflict = null;
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                for (int round = 0; round < 10 && conflict == null; round++) {
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        answers.add(pool.submit(() -> {
                            go.await();
                            return post(base, REINDEX, "Bearer " + TOKEN);
                        }));
                    }
                    go.countDown();
                    int succeeded = 0;
                    for (Future<HttpResponse<String>> f : answers) {
                        HttpResponse<String> r = f.get(60, TimeUnit.SECONDS);
                        if (r.statusCode() == 409) {
                            conflict = r;
                        } else {
                            assertEquals(200, r.statusCode(), r.body());
                            assertEquals(documents, JSON.readTree(r.body()).get("documents").asInt());
                            succeeded++;
                        }
                    }
                    assertTrue(succeeded >= 1, "one of the simultaneous requests rebuilds");
                }
            } finally {
                pool.shutdownNow();
            }
            assertNotNull(conflict, "four simultaneous reindex requests in ten rounds never met a running rebuild");
            assertError(conflict, 409, "reindex while one is running");
            // The index is whole afterwards.
            assertEquals(documents, getJson(base, "/health").get("documents").asInt());
            assertTrue(total(base, "防災") > 0);
        }
    }

    @Test
    void withTheAdminApiOffReindexIsForbiddenAndNothingChanges() throws Exception {
        try (TestArchive archive = TestArchive.bundled(dir)) {
            String base = archive.serve();
            JsonNode before = getJson(base, "/health");
            writeAtomically(archive.corpus().resolve(EXTRA_FILE), EXTRA_PLAN);
            for (String header : new String[] {null, "Bearer " + TOKEN, "Bearer anything-at-all-000000"}) {
                assertError(post(base, REINDEX, header), 403, "admin off, Authorization " + header);
            }
            assertError(HTTP.send(HttpRequest.newBuilder(URI.create(base + REINDEX)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()), 405, "GET with admin off");
            JsonNode after = getJson(base, "/health");
            assertEquals(before.get("documents"), after.get("documents"));
            assertEquals(before.get("measures"), after.get("measures"));
            assertEquals(0, total(base, EXTRA_MEASURE), "the corpus change is not picked up");
        }
    }

    // ------------------------------------------------------------------ helpers

    private static HttpResponse<String> reindex(String base, String token) throws IOException, InterruptedException {
        return post(base, REINDEX, "Bearer " + token);
    }

    private static HttpResponse<String> post(String base, String path, String authorization)
            throws IOException, InterruptedException {
        return post(HTTP, base, path, authorization);
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static HttpResponse<String> post(HttpClient client, String base, String path, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (authorization != null) b.header("Authorization", authorization);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON error body {status, error, message} with the given status. */
    private static void assertError(HttpResponse<String> r, int status, String what) throws IOException {
        assertEquals(status, r.statusCode(), what + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                what + ": " + r.headers().map());
        JsonNode body = JSON.readTree(r.body());
        assertEquals(status, body.get("status").asInt(), what + ": " + r.body());
        assertFalse(body.path("error").asText().isBlank(), what + ": " + r.body());
        assertFalse(body.path("message").asText().isBlank(), what + ": " + r.body());
        assertFalse(r.body().contains(TOKEN), what + ": the token is never echoed");
    }

    private static JsonNode getJson(String base, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    /** Hits of a phrase search. */
    private static long total(String base, String text) throws Exception {
        return getJson(base, "/api/search?q=" + enc("\"" + text + "\"")).get("total").asLong();
    }

    /** Readers of the corpus see the old file or the new one, never a half-written one. */
    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
