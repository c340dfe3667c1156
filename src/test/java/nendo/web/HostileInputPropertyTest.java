package nendo.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import nendo.testing.TestArchive;

/**
 * Issue "Reliable and safe under load, faults and bad input", item 1: random and adversarial values
 * for every API parameter, path parameter and the query syntax, sent byte for byte (malformed
 * percent escapes, invalid UTF-8, raw bytes, control characters, 100 KB values, parameters repeated
 * up to 60 times). Every answer must be a 2xx or a JSON 4xx whose {@code status} equals the HTTP
 * status and whose {@code message} is not empty — never a 5xx, never a stack trace or a server path
 * — and the server must still answer /health after each property.
 *
 * <p>One server over the bundled corpus for the whole class; the last line printed is the summary
 * {@code HOSTILE-INPUT requests=… 2xx=… 4xx=… 5xx=…} (copied into RELIABILITY.md).
 */
class HostileInputPropertyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path dir;
    private static TestArchive archive;
    private static RawHttp http;
    private static long startedAt;

    /** Vocabulary from the bundled corpus: kanji/katakana runs, hiragana runs, departments, orgs. */
    private static List<String> vocabulary = List.of("防災");
    private static List<String> departments = List.of("総務部");
    private static List<String> organizations = List.of("架空市");
    private static List<String> documentIds = List.of("kakuu-2019");
    /** The stored originals as served for the real ids: the only bodies /original may ever return. */
    private static final List<byte[]> originals = new ArrayList<>();

    // ---- statistics -----------------------------------------------------------------------------
    private static final AtomicLong requests = new AtomicLong();
    private static final Map<String, Map<Integer, AtomicLong>> byEndpoint = new ConcurrentHashMap<>();
    private static final AtomicLong noAnswer = new AtomicLong();
    private static volatile boolean stopping;

    @BeforeContainer
    static void startServer() throws Exception {
        startedAt = System.nanoTime();
        dir = Files.createTempDirectory("nendo-hostile");
        archive = TestArchive.bundled(dir);
        String base = archive.serve();
        int port = Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
        http = new RawHttp("127.0.0.1", port);
        readCorpus();
        for (String id : documentIds) {
            RawHttp.Response r = http.get("/api/documents/" + pct(id) + "/original");
            if (r.status() == 200) originals.add(r.body());
        }
    }

    @AfterContainer
    static void stopServer() throws Exception {
        // The figures are those of the running server: answers while it stops (503) are not counted.
        printSummary();
        stopping = true;
        try {
            if (archive != null) archive.close();
        } finally {
            if (dir != null) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** The server is still up and healthy after each property, whatever it was sent. */
    @AfterProperty
    void serverStillAnswersHealth() throws IOException {
        RawHttp.Response r = http.get("/health");
        assertEquals(200, r.status(), "/health after the property: " + r.text());
        assertTrue(JSON.readTree(r.body()).isObject(), "/health is a JSON object");
    }

    private static void readCorpus() throws IOException {
        Set<String> words = new TreeSet<>();
        Set<String> depts = new TreeSet<>();
        Set<String> orgs = new TreeSet<>();
        List<String> ids = new ArrayList<>();
        Pattern word = Pattern.compile("[\\p{IsHan}\\p{IsKatakana}ー々]{2,8}|\\p{IsHiragana}{2,4}");
        try (Stream<Path> files = Files.walk(TestArchive.BUNDLED_CORPUS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md") && !p.endsWith("README.md")).sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (line.startsWith("## ")) depts.add(line.substring(3).strip());
                    if (line.startsWith("organization: ")) orgs.add(line.substring(14).strip());
                    if (line.startsWith("id: ")) ids.add(line.substring(4).strip());
                    Matcher m = word.matcher(line);
                    while (m.find()) words.add(m.group());
                }
            }
        }
        vocabulary = List.copyOf(words);
        departments = List.copyOf(depts);
        organizations = List.copyOf(orgs);
        documentIds = List.copyOf(ids);
    }

    // ---- the properties -------------------------------------------------------------------------

    @Property(tries = 400, generation = GenerationMode.RANDOMIZED)
    void searchAnswersEveryParameterCombination(@ForAll("searchTargets") String target) throws IOException {
        answer("/api/search", "GET", target, null);
    }

    /** Query syntax: anything a person can type (≤ 1,000 characters, well-formed UTF-8) is repaired and searched. */
    @Property(tries = 300, generation = GenerationMode.RANDOMIZED)
    void anyTypedQueryIsSearched(@ForAll("typedQueries") String q, @ForAll("validOrgOrNone") String org) throws IOException {
        String target = "/api/search?q=" + pct(q) + (org.isEmpty() ? "" : "&org=" + pct(org));
        RawHttp.Response r = answer("/api/search", "GET", target, null);
        assertEquals(200, r.status(), () -> "typed query q=" + show(q) + " → " + r.text());
        assertTrue(JSON.readTree(r.body()).path("hits").isArray(), "hits is an array");
        answer("/api/compare", "GET", "/api/compare?q=" + pct(q) + "&org=" + pct(org.isEmpty() ? "架空市" : org), null);
        if (q.length() <= 50) {
            RawHttp.Response s = answer("/api/suggest", "GET", "/api/suggest?q=" + pct(q), null);
            assertEquals(200, s.status(), () -> "suggest q=" + show(q) + " → " + s.text());
        }
    }

    @Property(tries = 150, generation = GenerationMode.RANDOMIZED)
    void suggestAnswersAnyPrefix(@ForAll("suggestTargets") String target) throws IOException {
        answer("/api/suggest", "GET", target, null);
    }

    @Property(tries = 100, generation = GenerationMode.RANDOMIZED)
    void yearsAndDepartmentsAnswerAnyFilter(@ForAll("yearsDepartmentsTargets") String target) throws IOException {
        answer(target.startsWith("/api/years") ? "/api/years" : "/api/departments", "GET", target, null);
    }

    @Property(tries = 120, generation = GenerationMode.RANDOMIZED)
    void figuresAnswerAnyFilter(@ForAll("figuresTargets") String target) throws IOException {
        answer("/api/figures", "GET", target, null);
    }

    @Property(tries = 150, generation = GenerationMode.RANDOMIZED)
    void compareAnswersAnyTheme(@ForAll("compareTargets") String target) throws IOException {
        answer("/api/compare", "GET", target, null);
    }

    @Property(tries = 150, generation = GenerationMode.RANDOMIZED)
    void diffAnswersAnyPairOfYears(@ForAll("diffTargets") String target) throws IOException {
        answer("/api/diff", "GET", target, null);
    }

    @Property(tries = 150, generation = GenerationMode.RANDOMIZED)
    void termsAnswerAnyRequest(@ForAll("termsTargets") String target) throws IOException {
        answer("/api/terms", "GET", target, null);
    }

    @Property(tries = 120, generation = GenerationMode.RANDOMIZED)
    void relatedAnswersAnyIdAndLimit(@ForAll("relatedTargets") String target) throws IOException {
        answer("/api/measures/{id}/related", "GET", target, null);
    }

    /** Path parameters: traversal, encoded slashes, long ids, control characters, bad escapes. */
    @Property(tries = 250, generation = GenerationMode.RANDOMIZED)
    void pathParametersNeverEscapeTheArchive(@ForAll("idRoutes") String route, @ForAll("hostileIds") String id) throws IOException {
        String target = route.replace("{id}", id);
        RawHttp.Response r = answer(endpointOf(route), "GET", target, null);
        String text = r.text();
        assertTrue(!text.contains("root:x:0:0") && !text.contains("[boot loader]"), () -> "system file served for " + show(target));
        if (r.status() / 100 != 2) return;
        String path = target.split("[?#]", 2)[0];
        if (r.contentType().startsWith("text/csv")) {
            assertTrue(path.endsWith("/related"), () -> "GET " + show(target) + " served a CSV");
        } else if (!r.contentType().startsWith("application/json")) {
            // Anything but JSON from these routes is an original, and only a stored one may be served.
            boolean known = originals.stream().anyMatch(o -> Arrays.equals(o, r.body()));
            assertTrue(known, () -> "GET " + show(target) + " served " + r.body().length + " bytes ("
                    + r.contentType() + ") that are no stored original");
        } else if (path.startsWith("/api/documents/")) {
            String servedId = JSON.readTree(r.body()).path("id").asText();
            assertTrue(documentIds.contains(servedId), () -> "GET " + show(target) + " served document id " + servedId);
        }
    }

    @Property(tries = 120, generation = GenerationMode.RANDOMIZED)
    void unknownPathsAnswerJson404(@ForAll("unknownApiPaths") String target) throws IOException {
        RawHttp.Response r = answer("unknown path", "GET", target, null);
        assertTrue(r.status() == 404 || r.status() == 400 || r.status() == 414,
                () -> "GET " + show(target) + " → " + r.status() + " " + r.text());
    }

    @Property(tries = 100, generation = GenerationMode.RANDOMIZED)
    void wrongMethodsAnswerJson404Or405(@ForAll("getRoutes") String route, @ForAll("wrongMethods") String method,
            @ForAll("requestBodies") byte[] body) throws IOException {
        RawHttp.Response r = answer("wrong method", method, route, body.length == 0 ? null : body);
        assertTrue(r.status() == 404 || r.status() == 405, () -> method + " " + route + " → " + r.status() + " " + r.text());
    }

    /** Raw bytes in the request target (control bytes, spaces, invalid UTF-8) go over a socket as they are. */
    @Property(tries = 120, generation = GenerationMode.RANDOMIZED)
    void rawBytesInTheRequestTarget(@ForAll("getRoutes") String route, @ForAll("rawBytes") String raw,
            @ForAll("positions") int position) throws IOException {
        String target = route.contains("?") ? route + "&q=" + raw : route + "?q=" + raw;
        if (position % 3 == 0) {
            int at = 1 + Math.floorMod(position, route.length());
            target = route.substring(0, at) + raw + route.substring(at);
        }
        answerOverSocket("raw bytes", "GET", target, null, Map.of());
    }

    // ---- fixed reproducers from the issue (always run; every case is tried, all failures reported) ----

    private static final List<String> ID_ROUTES = List.of("/api/measures/{id}", "/api/measures/{id}/related",
            "/api/documents/{id}", "/api/documents/{id}/original");

    @Example
    void malformedEscapesInEveryParameter() {
        Failures failures = new Failures();
        for (String escape : MALFORMED_ESCAPES) {
            for (String route : List.of("/api/search?q=", "/api/search?year=", "/api/search?dept=", "/api/search?page=",
                    "/api/suggest?q=", "/api/departments?org=", "/api/figures?org=", "/api/compare?org=%E6%9E%B6%E7%A9%BA%E5%B8%82&q=",
                    "/api/diff?org=%E6%9E%B6%E7%A9%BA%E5%B8%82&from=2019&to=", "/api/terms?org=%E6%9E%B6%E7%A9%BA%E5%B8%82&year=2019&dept=",
                    "/api/measures/kakuu-2019-02-01/related?limit=", "/api/search?format=")) {
                String endpoint = endpointOf(route);
                failures.check(() -> answer(endpoint, "GET", route + escape, null));
                failures.check(() -> answer(endpoint, "GET", route + "%E9%98%B2" + escape + "x", null));
            }
            failures.check(() -> answer("/api/search", "GET", "/api/search?" + escape + "=1", null));
        }
        failures.assertNone();
    }

    /** A parameter that cannot be decoded is refused, never dropped: a year filter must not silently vanish. */
    @Example
    void aMalformedEscapeInTheQueryIsRefusedNotDropped() {
        Failures failures = new Failures();
        for (String target : List.of("/api/search?q=%E9%98%B2%E7%81%BD&year=20%ZZ19", "/api/search?q=%E9%98%B2%ZZ",
                "/api/search?q=%E9%98%B2%E7%81%BD&dept=%", "/api/compare?org=%E6%9E%B6%E7%A9%BA%E5%B8%82&q=%G1",
                // Escaped bytes that are not UTF-8: an overlong /, a lone continuation byte, a cut-off 防.
                "/api/search?q=%C0%AF", "/api/search?q=%E9%98%B2%E7%81%BD&dept=%80", "/api/search?q=%E9%98")) {
            failures.check(() -> {
                RawHttp.Response r = answer(endpointOf(target), "GET", target, null);
                assertEquals(400, r.status(), () -> target + " → " + r.text());
                assertTrue(r.text().contains("% エスケープ"), r::text);
            });
        }
        failures.check(() -> {
            RawHttp.Response fine = answer("/api/search", "GET", "/api/search?q=%E9%98%B2%E7%81%BD&year=2019", null);
            assertEquals(200, fine.status(), fine::text);
        });
        failures.assertNone();
    }

    /** Malformed escapes, traversal and control characters in the {id} of every route that has one. */
    @Example
    void malformedEscapesInPathParameters() {
        Failures failures = new Failures();
        List<String> ids = new ArrayList<>(MALFORMED_ESCAPES);
        ids.addAll(List.of("..", "%2e%2e", "%2e%2e%2f", "..%2F..%2Fetc%2Fpasswd", "a%2Fb", "%00", "%01", "%1F", "%7F",
                "kakuu-2019%u002e", "%u002e%u002e", "kakuu-2019%", "kakuu-2019%G1", "x".repeat(100_000)));
        for (String id : ids) {
            for (String route : ID_ROUTES) failures.check(() -> answer(route, "GET", route.replace("{id}", id), null));
        }
        failures.assertNone();
    }

    /** An id longer than any value may be is refused, not looked up and repeated back in a 404. */
    @Example
    void aLongIdIsRefusedWithoutBeingRepeated() {
        Failures failures = new Failures();
        for (String route : ID_ROUTES) {
            failures.check(() -> {
                RawHttp.Response r = answer(route, "GET", route.replace("{id}", "x".repeat(5000)), null);
                assertEquals(400, r.status(), () -> route + " → " + r.text());
                assertTrue(r.text().length() < 500, r::text);
            });
        }
        failures.assertNone();
    }

    @Example
    void hugeAndNegativeNumbers() {
        Failures failures = new Failures();
        for (String n : List.of("2147483648", "-1", "1e9", "0", "-2147483649", "9223372036854775808", "99999999999999999999999",
                "1.5", "0x10", "NaN", "%00")) {
            for (String p : List.of("page", "size")) {
                failures.check(() -> {
                    RawHttp.Response r = answer("/api/search", "GET", "/api/search?" + p + "=" + n, null);
                    assertEquals(400, r.status(), () -> p + "=" + n + " → " + r.text());
                });
            }
            failures.check(() -> answer("/api/terms", "GET",
                    "/api/terms?org=%E6%9E%B6%E7%A9%BA%E5%B8%82&year=2019&limit=" + n + "&min_count=" + n, null));
            failures.check(() -> answer("/api/measures/{id}/related", "GET", "/api/measures/kakuu-2019-02-01/related?limit=" + n, null));
            failures.check(() -> answer("/api/search", "GET", "/api/search?year=" + n + "&year_from=" + n + "&year_to=" + n, null));
        }
        failures.check(() -> {
            RawHttp.Response deep = answer("/api/search", "GET", "/api/search?page=2147483647&size=100", null);
            assertEquals(400, deep.status(), deep::text);
        });
        failures.assertNone();
    }

    @Example
    void hundredKilobyteValues() {
        Failures failures = new Failures();
        String ascii = "a".repeat(100_000);
        String kanji = pct("防".repeat(100_000));
        for (String value : List.of(ascii, kanji, "%22".repeat(30_000), "OR+".repeat(30_000))) {
            for (String route : List.of("/api/search?q=", "/api/suggest?q=", "/api/compare?q=", "/api/search?dept=",
                    "/api/figures?org=", "/api/documents/")) {
                failures.check(() -> {
                    RawHttp.Response r = answer(endpointOf(route + "x"), "GET", route + value, null);
                    assertTrue(r.status() / 100 == 4, () -> route + "<" + value.length() + " chars> → " + r.status());
                });
            }
        }
        failures.assertNone();
    }

    @Example
    void everyParameterRepeatedSixtyTimes() {
        Failures failures = new Failures();
        for (String route : List.of("/api/search", "/api/suggest", "/api/departments", "/api/figures", "/api/compare",
                "/api/diff", "/api/terms", "/api/measures/kakuu-2019-02-01/related")) {
            for (String p : List.of("q", "year", "year_from", "year_to", "dept", "org", "kind", "page", "size", "sort",
                    "format", "from", "to", "vs", "limit", "min_count")) {
                String value = switch (p) {
                    case "year", "year_from", "year_to", "from", "to", "vs" -> "2019";
                    case "kind" -> "measure";
                    case "sort" -> "relevance";
                    case "format" -> "json";
                    case "page", "size", "limit", "min_count" -> "1";
                    default -> pct("架空市");
                };
                StringBuilder t = new StringBuilder(route).append('?');
                for (int i = 0; i < 60; i++) t.append(p).append('=').append(value).append('&');
                failures.check(() -> answer(endpointOf(route), "GET", t.toString(), null));
            }
        }
        failures.assertNone();
    }

    @Example
    void requestsBeyondTheSizeLimitAnswerJson414Or431() {
        Failures failures = new Failures();
        failures.check(() -> {
            RawHttp.Response r = answerOverSocket("/api/search", "GET", "/api/search?q=" + "a".repeat(200_000), null, Map.of());
            assertTrue(r.status() == 414 || r.status() == 431, () -> "200 KB URI → " + r.status());
        });
        failures.check(() -> {
            RawHttp.Response r = answerOverSocket("/api/search", "GET", "/api/search?q=a", null, Map.of("X-Filler", "x".repeat(200_000)));
            assertEquals(431, r.status(), r::text);
        });
        failures.assertNone();
    }

    @Example
    void malformedRequestLines() {
        Failures failures = new Failures();
        for (String line : List.of("GET /api/search?q=a b HTTP/1.1", "GET /api/search?q=\u0000 HTTP/1.1", "GET  HTTP/1.1",
                "GET api/search HTTP/1.1", "GET /api/search?q=a HTTP/9.9", "GET /api/search?q=a HTTP/1.2", "GET /api/search HTTP/2.0",
                "GET /api/search", "G\u00c9T /api/search HTTP/1.1", "FOO /api/search HTTP/1.1",
                "GET /api/search?q=\u00ff\u00fe HTTP/1.1", "GET /api/search?q=a\u007f HTTP/1.1", "GET /api/search?q=%\u0001 HTTP/1.1",
                "GET /api/../../etc/passwd HTTP/1.1", "GET /api/%2e%2e/%2e%2e/etc/passwd HTTP/1.1", "GET //api//search HTTP/1.1",
                "GET http://127.0.0.1/api/search?q=a HTTP/1.1", "GET * HTTP/1.1", "GET /api/search#frag HTTP/1.1",
                "TRACE /api/search HTTP/1.1", "OPTIONS * HTTP/1.1", "OPTIONS /api/search HTTP/1.1", "CONNECT 127.0.0.1:80 HTTP/1.1",
                "PRI * HTTP/2.0", "get /api/search HTTP/1.1", "GET /api/search HTTP/1.1 extra", "GET\t/api/search\tHTTP/1.1")) {
            failures.check(() -> {
                byte[] bytes = (line + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
                RawHttp.Response r;
                try {
                    r = count("request line", http.exchange(bytes, show(line)));
                } catch (RawHttp.NoAnswer e) {
                    noAnswer.incrementAndGet();
                    throw new AssertionError("no answer to request line " + show(line) + ": " + e.getMessage(), e);
                }
                checkAnswer("request line", line, r);
            });
        }
        failures.assertNone();
    }

    /** Collects the failures of many fixed cases so that one run reports all of them. */
    private static final class Failures {
        interface Case {
            void run() throws Exception;
        }

        private final List<String> messages = new ArrayList<>();

        void check(Case c) {
            try {
                c.run();
            } catch (AssertionError | Exception e) {
                messages.add(e.getMessage());
            }
        }

        void assertNone() {
            if (!messages.isEmpty()) fail(messages.size() + " failing case(s):\n  " + String.join("\n  ", messages));
        }
    }

    /** The route template a request goes to, for the statistics. */
    static String endpointOf(String target) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        if (path.matches("/api/measures/[^/]+/related")) return "/api/measures/{id}/related";
        if (path.matches("/api/measures/[^/]+")) return "/api/measures/{id}";
        if (path.matches("/api/documents/[^/]+/original")) return "/api/documents/{id}/original";
        if (path.matches("/api/documents/[^/]+")) return "/api/documents/{id}";
        return path;
    }

    // ---- checks ---------------------------------------------------------------------------------

    private static RawHttp.Response answer(String endpoint, String method, String target, byte[] body) throws IOException {
        RawHttp.Response r;
        try {
            r = http.send(method, target, body);
        } catch (RawHttp.NoAnswer e) {
            noAnswer.incrementAndGet();
            throw new AssertionError("no answer (hang or dropped connection): " + method + " " + show(target) + ": " + e.getMessage(), e);
        }
        count(endpoint, r);
        checkAnswer(endpoint, method + " " + target, r);
        return r;
    }

    private static RawHttp.Response answerOverSocket(String endpoint, String method, String target, byte[] body,
            Map<String, String> headers) throws IOException {
        RawHttp.Response r;
        try {
            r = http.viaSocket(method, target, body, headers);
        } catch (RawHttp.NoAnswer e) {
            noAnswer.incrementAndGet();
            throw new AssertionError("no answer (hang or dropped connection): " + method + " " + show(target) + ": " + e.getMessage(), e);
        }
        count(endpoint, r);
        checkAnswer(endpoint, method + " " + target, r);
        return r;
    }

    private static RawHttp.Response count(String endpoint, RawHttp.Response r) {
        if (stopping) return r;
        requests.incrementAndGet();
        byEndpoint.computeIfAbsent(endpoint, e -> new ConcurrentHashMap<>())
                .computeIfAbsent(r.status(), s -> new AtomicLong()).incrementAndGet();
        return r;
    }

    private static final List<String> LEAK_MARKERS = List.of("exception", "at nendo.", "/work/", "/tmp/", ".java",
            "\tat ", "caused by", "org.eclipse.jetty", "io.javalin", "java.lang.", "java.util.", "jdk.internal");

    /** 2xx, or a JSON 4xx {status == HTTP status, message non-empty}; no stack trace or path in any body. */
    static void checkAnswer(String endpoint, String request, RawHttp.Response r) throws IOException {
        int status = r.status();
        String shown = show(request) + " → " + status + " " + r.contentType() + " " + RawHttp.abbreviate(r.text());
        if (status >= 500) fail("5xx for " + endpoint + ": " + shown);
        assertTrue(status / 100 == 2 || status / 100 == 4, () -> "neither 2xx nor 4xx: " + shown);
        if (status / 100 == 4) {
            assertTrue(r.contentType().toLowerCase(Locale.ROOT).startsWith("application/json"), () -> "4xx is not JSON: " + shown);
            JsonNode error;
            try {
                error = JSON.readTree(r.body());
            } catch (IOException e) {
                throw new AssertionError("4xx body does not parse as JSON: " + shown, e);
            }
            assertTrue(error != null && error.isObject(), () -> "4xx body is not a JSON object: " + shown);
            assertTrue(error.path("status").isInt() && error.path("status").intValue() == status,
                    () -> "4xx body's status differs from the HTTP status: " + shown);
            assertTrue(error.path("message").isTextual() && !error.path("message").asText().isBlank(),
                    () -> "4xx body has no message: " + shown);
        } else if (r.contentType().toLowerCase(Locale.ROOT).startsWith("application/json")) {
            try {
                JSON.readTree(r.body());
            } catch (IOException e) {
                throw new AssertionError("2xx JSON body does not parse: " + shown, e);
            }
        }
        String body = r.text().toLowerCase(Locale.ROOT);
        String sent = sentText(request);
        List<String> markers = new ArrayList<>(LEAK_MARKERS);
        markers.add(dir.toAbsolutePath().toString().toLowerCase(Locale.ROOT));
        markers.add(Path.of("").toAbsolutePath().toString().toLowerCase(Locale.ROOT));
        for (String marker : markers) {
            // A marker the request itself contained may be echoed in a message: that is no leak.
            if (body.contains(marker) && !sent.contains(marker)) {
                fail("internal detail '" + marker.strip() + "' in the body for " + endpoint + ": " + shown);
            }
        }
    }

    /** The request as the server could read it back: raw, percent-decoded leniently, NFKC, lower case. */
    private static String sentText(String request) {
        String decoded = lenientDecode(request);
        return (request + "\n" + decoded + "\n" + Normalizer.normalize(decoded, Normalizer.Form.NFKC)).toLowerCase(Locale.ROOT);
    }

    static String lenientDecode(String wire) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < wire.length(); i++) {
            char c = wire.charAt(i);
            if (c == '%' && i + 2 < wire.length() && isHex(wire.charAt(i + 1)) && isHex(wire.charAt(i + 2))) {
                out.write(Integer.parseInt(wire.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '+') {
                out.write(' ');
            } else if (c < 256) {
                out.write(c);
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return wire;
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }

    /** A wire string for a message: control and non-ASCII bytes as \xNN, long ones cut. */
    static String show(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 400; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0x100)) b.append(String.format("\\x%02X", (int) c));
            else if (Character.isSurrogate(c)) b.append(String.format("\\u%04X", (int) c));
            else b.append(c);
        }
        if (s.length() > 400) b.append("…(").append(s.length()).append(" chars)");
        return b.toString();
    }

    private static void printSummary() {
        long ok = 0, client = 0, server = 0, other = 0;
        StringBuilder detail = new StringBuilder();
        for (var e : new TreeMap<>(byEndpoint).entrySet()) {
            long n = 0;
            StringBuilder statuses = new StringBuilder();
            for (var s : new TreeMap<>(e.getValue()).entrySet()) {
                long c = s.getValue().get();
                n += c;
                statuses.append(' ').append(s.getKey()).append('=').append(c);
                switch (s.getKey() / 100) {
                    case 2 -> ok += c;
                    case 4 -> client += c;
                    case 5 -> server += c;
                    default -> other += c;
                }
            }
            detail.append("HOSTILE-INPUT endpoint=").append(e.getKey().replace(' ', '_')).append(" requests=").append(n)
                    .append(statuses).append('\n');
        }
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        System.out.print(detail);
        System.out.printf(Locale.ROOT, "HOSTILE-INPUT requests=%d 2xx=%d 4xx=%d 5xx=%d other=%d no-answer=%d seconds=%.1f%n",
                requests.get(), ok, client, server, other, noAnswer.get(), seconds);
    }

    // ---- wire encoding ----------------------------------------------------------------------------

    /** Byte-level encodings of a value: how a client might put it on the wire. */
    enum Encoding {
        /** Every byte but the unreserved ones as %XX (lone surrogates as their 3 invalid bytes). */
        PERCENT,
        /** As a form: space as '+'. */
        FORM,
        /** Only what would break the query structure escaped; ASCII punctuation ("<>{}|\^`) left raw. */
        LOOSE,
        /** Non-ASCII as raw UTF-8 bytes on the wire, not escaped. */
        RAW_UTF8
    }

    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";
    private static final String STRUCTURAL = "&=#%+? \r\n";

    /** UTF-8, except that a lone surrogate becomes its 3-byte form (invalid UTF-8, as some clients send). */
    static byte[] wtf8(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.writeBytes(s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else if (Character.isSurrogate(c)) {
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    static String pct(String s) {
        return encode(s, Encoding.PERCENT);
    }

    static String encode(String s, Encoding encoding) {
        StringBuilder b = new StringBuilder();
        for (byte x : wtf8(s)) {
            int v = x & 0xFF;
            char c = (char) v;
            boolean raw = switch (encoding) {
                case PERCENT, FORM -> UNRESERVED.indexOf(c) >= 0 && v < 128;
                case LOOSE -> v > 0x20 && v < 0x7F && STRUCTURAL.indexOf(c) < 0;
                case RAW_UTF8 -> v >= 0x80 || (v > 0x20 && v < 0x7F && STRUCTURAL.indexOf(c) < 0);
            };
            if (encoding == Encoding.FORM && c == ' ') b.append('+');
            else if (raw) b.append(c);
            else b.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) v));
        }
        return b.toString();
    }

    static final List<String> MALFORMED_ESCAPES = List.of("%FF%FE", "%C3%28", "%ED%A0%80", "%ED%B0%80", "%ED%A0%BD%ED%B8%80",
            "%", "%G1", "%0", "%2", "%zz", "%%", "%u0041", "%00", "%C0%AF", "%C0%80", "%E0%80%AF", "%F4%90%80%80",
            "%F8%88%80%80%80", "%FE", "%80", "%E3%81", "%E9%98", "%25", "%2e%2e%2f", "%0D%0A", "%0d%0aSet-Cookie:%20x=y",
            "%EF%BB%BF", "%E2%80%AE", "%EF%BF%BE", "%F0%9F%98", "%252e%252e%252f", "%3Cscript%3E", "%7F", "%1B[31m");

    // ---- value generators -------------------------------------------------------------------------

    private static final List<String> FIXED_HOSTILE = List.of(
            "", " ", "\u3000", "\t", "  \u3000  ",
            // unbalanced quotes and operators only
            "\"", "\"防災", "防災\"", "\"\"", "\"\"\"", "\" \"", "「防災", "『", "'", "\"a\" \"b", "防災 \"子ども 支援",
            "OR", "AND", "NOT", "-", "--", "- - -", "AND OR -", "OR OR OR", "-OR", "\"OR\"", "-\"", "\"-\"", "OR -防災",
            "防災 OR", "OR 防災", "-防災", "--防災", "-防災 -子ども", "防災 OR OR 子ども", "+", "++防災", "!", "!防災",
            "&&", "||", "(", ")", "(防災", "防災)", "((((", "*", "?", "防*", "?災", "~", "防災~2", "^", "防災^10",
            ":", "text:防災", "dept:総務部", "\\", "\\\\", "/", "/.*/", "/[", "[", "]", "[a TO z]", "{", "}", "{* TO *}",
            "a:b:c", "_all", "*:*", "防災 AND", "AND 防災", "防災 AND (子ども OR", "\"防災 OR 子ども\"", "－防災", "ー", "ーー",
            "、", "。", "・", "…", "〜", "～",
            // era and full-width forms
            "令和元年度", "令和1年度", "令和１年度", "令和01年度", "R1", "r1", "Ｒ１", "R01", "R001", "H31", "H32", "H0", "S64", "S1",
            "平成31年度", "平成32年度", "平成0年度", "昭和64年度", "明治1年度", "大正15年度", "令和0年度", "令和100年度", "令和99999999999年度",
            "2019年度", "２０１９", "２０１９年度", "2019年", "年度", "令和", "令和元年度 防災", "R3 コロナ", "令和元年度令和2年度",
            "R1 R2 R3 R4 R5 R6", "H31 防災", "㍻31", "\u32FF1", "令和元年度 -防災", "\"令和元年度\"", "2019-2020", "2019/04/01",
            // numbers
            "2147483648", "2147483647", "-2147483648", "-2147483649", "-1", "0", "-0", "1e9", "1E9", "1.0", "0x7f", "+1",
            "9223372036854775808", "99999999999999999999999999", "NaN", "Infinity", "00000000000000000000001", "1_000", " 1 ",
            "١٢", "٣", "𝟗", "Ⅻ", "①", "½",
            // HTML, script and other payloads
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "<mark>防災</mark>", "</mark>", "&lt;", "&amp;",
            "&#x3C;script&#x3E;", "javascript:alert(1)", "<svg/onload=alert(1)>", "{{7*7}}", "${7*7}", "${jndi:ldap://x/a}",
            "'; DROP TABLE measures; --", "%s%n%x%d", "\u202Eevil", "\uFEFF防災", "\u200B", "a\u0000b", "null", "undefined",
            "true", "[]", "{}", "{\"a\":1}", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
            "../../../../etc/passwd", "..\\..\\windows\\win.ini", "file:///etc/passwd", "CON", "NUL", "measure ", " mission",
            "MEASURE", "relevance ", "YEAR_DESC", "csv ", "CSV", "Json", "xml", "html",
            // astral and emoji
            "😀", "👨‍👩‍👧‍👦", "🏳️‍🌈", "𠮷野家", "𩸽", "防災😀子ども", "🇯🇵", "\uD83D", "\uDE00", "\uDE00\uD83D", "a\uD800b");

    private static Arbitrary<String> hostileText() {
        Arbitrary<String> control = Arbitraries.strings().withCharRange('\u0000', '\u001F').withChars('\u007F', '防', ' ', 'a', '"')
                .ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> astral = Arbitraries.strings().withCharRange('\uD800', '\uDFFF').withChars('a', '防', '\uD83D', '\uDE00')
                .ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> codePoints = Arbitraries.integers().between(0x10000, 0x10FFFF).list().ofMinSize(1).ofMaxSize(8)
                .map(cps -> cps.stream().map(Character::toString).reduce("", String::concat));
        Arbitrary<String> huge = Combinators.combine(
                Arbitraries.of("a", "防", "%", "\"", "OR ", "😀", "-", "<", "\u0000", "あ ", "R1 ", "-防災 ", "\uD800"),
                Arbitraries.of(51, 201, 1001, 10_000, 100_000))
                .as((unit, n) -> unit.repeat(Math.max(1, n / Math.max(1, unit.length()))));
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(40);
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(FIXED_HOSTILE)),
                Tuple.of(2, control),
                Tuple.of(1, astral),
                Tuple.of(1, codePoints),
                Tuple.of(1, huge),
                Tuple.of(3, corpusPhrase()),
                Tuple.of(2, anyChars));
    }

    /** 1–6 corpus words joined by spaces, full-width spaces, OR, '-' and quotes. */
    private static Arbitrary<String> corpusPhrase() {
        Arbitrary<String> word = Arbitraries.of(vocabulary);
        Arbitrary<String> joiner = Arbitraries.of(" ", "\u3000", " OR ", " -", " \"", "\" ", "", " AND ", "  ", "　OR　", "|", ",");
        return Combinators.combine(word.list().ofMinSize(1).ofMaxSize(6), joiner.list().ofMinSize(6).ofMaxSize(6))
                .as((words, joins) -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < words.size(); i++) b.append(i == 0 ? "" : joins.get(i)).append(words.get(i));
                    return b.toString();
                });
    }

    /** A value on the wire: a logical value in some encoding, sometimes with malformed escapes spliced in. */
    private static Arbitrary<String> wire(Arbitrary<String> logical) {
        Arbitrary<List<Tuple.Tuple2<String, Integer>>> splices = Combinators.combine(
                Arbitraries.of(MALFORMED_ESCAPES), Arbitraries.integers().between(-1, 1000))
                .as(Tuple::of).list().ofMaxSize(3);
        return Combinators.combine(logical, Arbitraries.of(Encoding.class), Arbitraries.frequencyOf(
                        Tuple.of(4, Arbitraries.just(List.<Tuple.Tuple2<String, Integer>>of())), Tuple.of(1, splices)))
                .as((value, encoding, inserts) -> {
                    String s = encode(value, encoding);
                    for (var insert : inserts) {
                        int at = insert.get2() < 0 ? s.length() : insert.get2() % (s.length() + 1);
                        s = s.substring(0, at) + insert.get1() + s.substring(at);
                    }
                    return s;
                });
    }

    private static Arbitrary<String> validValue(String param) {
        Arbitrary<String> years = Arbitraries.of("2019", "2020", "2021", "2022", "2023", "2024", "令和元年度", "R3", "H31",
                "2022年度", "平成31年度", "２０２１", "R6", "2018", "2025");
        return switch (param) {
            case "q" -> Arbitraries.frequencyOf(Tuple.of(4, corpusPhrase()), Tuple.of(1, Arbitraries.just("")));
            case "year", "year_from", "year_to", "from", "to", "vs" -> years;
            case "dept" -> Arbitraries.of(departments);
            case "org" -> Arbitraries.of(organizations);
            case "kind" -> Arbitraries.of("measure", "mission");
            case "page" -> Arbitraries.of("1", "2", "3", "100");
            case "size" -> Arbitraries.of("1", "10", "20", "100");
            case "sort" -> Arbitraries.of("relevance", "year_desc", "year_asc", "");
            case "format" -> Arbitraries.of("csv", "json", "");
            case "limit" -> Arbitraries.of("1", "10", "50");
            case "min_count" -> Arbitraries.of("1", "2", "5");
            default -> Arbitraries.of("x");
        };
    }

    /** 0 (absent), 1 or 2..60 wire values for one parameter, valid ones mixed with hostile ones. */
    private static Arbitrary<List<String>> parameter(String name, int absentWeight, int validWeight) {
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(validWeight, validValue(name).map(HostileInputPropertyTest::pct)),
                Tuple.of(2, wire(Arbitraries.frequencyOf(Tuple.of(1, validValue(name)), Tuple.of(2, hostileText())))));
        Arbitrary<List<String>> values = Arbitraries.frequencyOf(
                Tuple.of(absentWeight, Arbitraries.just(List.of())),
                Tuple.of(5, value.list().ofSize(1)),
                Tuple.of(1, value.list().ofMinSize(2).ofMaxSize(60)));
        return values.map(vs -> vs.stream().map(v -> name + "=" + v).toList());
    }

    /** Extra parameters with odd names (unknown, encoded, empty, without '='). */
    private static Arbitrary<List<String>> noise() {
        Arbitrary<String> name = Arbitraries.of("", "q[]", "Q", "q ", "%71", "%FF", "a%G1", "=", ";", "__proto__", "constructor",
                "callback", "_", "x".repeat(5000), "%00", "year%00", "dept[0]", "page.size", "%E5%B9%B4");
        Arbitrary<String> entry = Combinators.combine(name, wire(hostileText()), Arbitraries.of(true, false))
                .as((n, v, withEquals) -> withEquals ? n + "=" + v : n);
        return Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(List.<String>of())), Tuple.of(1, entry.list().ofMinSize(1).ofMaxSize(4)));
    }

    /**
     * A request target with the given parameters: half of the requests mostly hostile, half mostly
     * valid (so that the hostile values also reach the code behind the checks of the others).
     */
    private static Arbitrary<String> target(String path, String... params) {
        return Arbitraries.oneOf(target(path, 3, 1, params), target(path, 1, 12, params));
    }

    private static Arbitrary<String> target(String path, int absentWeight, int validWeight, String... params) {
        List<Arbitrary<List<String>>> parts = new ArrayList<>();
        for (String p : params) parts.add(parameter(p, absentWeight, validWeight));
        parts.add(noise());
        Arbitrary<String> separators = Arbitraries.of("&", "&", "&", "&&", ";");
        return Combinators.combine(Combinators.combine(parts).as(lists -> lists.stream().flatMap(List::stream).toList()),
                        separators, Arbitraries.of("?", "?", "?&", "??"))
                .as((entries, sep, start) -> entries.isEmpty() ? path : path + start + String.join(sep, entries));
    }

    /**
     * One hostile parameter in an otherwise valid request: the hostile value reaches the code that
     * runs only once every other check has passed (a diff needs a valid org and two years).
     */
    private static Arbitrary<String> oneHostile(String path, Arbitrary<Map<String, String>> baseline, String... params) {
        Arbitrary<List<String>> hostile = Arbitraries.frequencyOf(
                Tuple.of(6, wire(hostileText()).list().ofSize(1)),
                Tuple.of(1, wire(Arbitraries.frequencyOf(Tuple.of(1, hostileText()), Tuple.of(1, Arbitraries.of("2019", "架空市"))))
                        .list().ofMinSize(2).ofMaxSize(60)));
        return Combinators.combine(baseline, Arbitraries.of(params), hostile).as((valid, chosen, values) -> {
            List<String> entries = new ArrayList<>();
            for (String p : params) {
                if (p.equals(chosen)) values.forEach(v -> entries.add(p + "=" + v));
                else if (valid.containsKey(p)) entries.add(p + "=" + pct(valid.get(p)));
            }
            return entries.isEmpty() ? path : path + "?" + String.join("&", entries);
        });
    }

    /** Mostly hostile, mostly valid, and one hostile parameter in a valid request. */
    private static Arbitrary<String> target(String path, Arbitrary<Map<String, String>> baseline, String... params) {
        return Arbitraries.frequencyOf(Tuple.of(1, target(path, params)), Tuple.of(1, oneHostile(path, baseline, params)));
    }

    private static final List<Integer> KAKUU_YEARS = List.of(2019, 2020, 2021, 2022, 2023, 2024);

    /** A valid request as a map (absent keys are left out), built from name/arbitrary pairs; null values drop the key. */
    private static Arbitrary<Map<String, String>> valid(Object... pairs) {
        List<Arbitrary<String>> values = new ArrayList<>();
        for (int i = 1; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            Arbitrary<String> a = (Arbitrary<String>) pairs[i];
            values.add(a);
        }
        return Combinators.combine(values).as(vs -> {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < vs.size(); i++) if (vs.get(i) != null) m.put((String) pairs[2 * i], vs.get(i));
            return m;
        });
    }

    private static Arbitrary<String> optional(Arbitrary<String> a) {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just((String) null)), Tuple.of(1, a));
    }

    private static Arbitrary<String> kakuuYear() {
        return Arbitraries.of(KAKUU_YEARS).map(String::valueOf);
    }

    @Provide
    Arbitrary<String> searchTargets() {
        return target("/api/search", valid("q", optional(corpusPhrase()), "org", optional(Arbitraries.of(organizations)),
                        "year", optional(kakuuYear()), "size", optional(Arbitraries.of("5", "100")), "format", optional(Arbitraries.of("csv", "json"))),
                "q", "year", "year_from", "year_to", "dept", "org", "kind", "page", "size", "sort", "format");
    }

    @Provide
    Arbitrary<String> suggestTargets() {
        return target("/api/suggest", valid("q", Arbitraries.of(vocabulary).map(w -> w.substring(0, Math.min(2, w.length())))), "q");
    }

    @Provide
    Arbitrary<String> yearsDepartmentsTargets() {
        Arbitrary<Map<String, String>> baseline = valid("year", optional(kakuuYear()), "org", optional(Arbitraries.of(organizations)));
        return Arbitraries.oneOf(target("/api/years", baseline, "year", "org"), target("/api/departments", baseline, "year", "org"));
    }

    @Provide
    Arbitrary<String> figuresTargets() {
        return target("/api/figures", valid("org", Arbitraries.of(organizations), "dept", optional(Arbitraries.of(departments)),
                "format", optional(Arbitraries.of("csv", "json"))), "org", "dept", "format");
    }

    @Provide
    Arbitrary<String> compareTargets() {
        return target("/api/compare", valid("q", Arbitraries.of(vocabulary), "org", Arbitraries.of(organizations),
                        "dept", optional(Arbitraries.of(departments)), "year_from", optional(Arbitraries.just("2019")),
                        "year_to", optional(Arbitraries.just("2024")), "format", optional(Arbitraries.of("csv", "json"))),
                "q", "org", "dept", "year_from", "year_to", "format");
    }

    @Provide
    Arbitrary<String> diffTargets() {
        Arbitrary<Map<String, String>> baseline = Combinators.combine(
                        Arbitraries.of(KAKUU_YEARS), Arbitraries.of(KAKUU_YEARS), optional(Arbitraries.of(departments)),
                        optional(Arbitraries.of("csv", "json")))
                .as((a, b, dept, format) -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("org", "架空市");
                    m.put("from", String.valueOf(Math.min(a, b)));
                    m.put("to", String.valueOf(Math.max(a, b)));
                    if (dept != null) m.put("dept", dept);
                    if (format != null) m.put("format", format);
                    return m;
                });
        return target("/api/diff", baseline, "org", "from", "to", "dept", "format");
    }

    @Provide
    Arbitrary<String> termsTargets() {
        return target("/api/terms", valid("org", Arbitraries.just("架空市"), "year", kakuuYear(), "vs", optional(kakuuYear()),
                        "dept", optional(Arbitraries.of(departments)), "limit", optional(Arbitraries.of("1", "50")),
                        "min_count", optional(Arbitraries.of("1", "3")), "format", optional(Arbitraries.of("csv", "json"))),
                "org", "year", "vs", "dept", "limit", "min_count", "format");
    }

    @Provide
    Arbitrary<String> relatedTargets() {
        return Combinators.combine(Arbitraries.frequencyOf(Tuple.of(3, validMeasureId()), Tuple.of(1, hostileIds())),
                        target("", valid("limit", optional(Arbitraries.of("1", "50")), "format", optional(Arbitraries.of("csv", "json"))),
                                "limit", "format"))
                .as((id, query) -> "/api/measures/" + id + "/related" + query);
    }

    private static Arbitrary<String> validMeasureId() {
        return Combinators.combine(Arbitraries.of(documentIds), Arbitraries.integers().between(0, 11), Arbitraries.integers().between(0, 12))
                .as((doc, d, m) -> String.format(Locale.ROOT, "%s-%02d-%02d", doc, d, m));
    }

    @Provide
    Arbitrary<String> idRoutes() {
        return Arbitraries.of("/api/measures/{id}", "/api/measures/{id}/related", "/api/documents/{id}",
                "/api/documents/{id}/original", "/api/measures/{id}/related?limit=5&format=csv");
    }

    @Provide
    Arbitrary<String> hostileIds() {
        Arbitrary<String> traversal = Arbitraries.of("..", ".", "...", "%2e%2e", "%2E%2E", ".%2e", "%2e%2e%2f", "..%2f..%2fetc%2fpasswd",
                "..%2F..%2F..%2F..%2Fetc%2Fpasswd", "..%5c..%5cwindows%5cwin.ini", "%2F", "a%2Fb", "%252e%252e%252f", "....%2F%2F",
                "..;", ";", "%3B", ";jsessionid=1", "%00", "kakuu-2019%00", "kakuu-2019%00.md", "kakuu-2019.md", "kakuu-2019%2Foriginal",
                "..%2Faliases.yaml", "..%2F..%2Fpom.xml", "%2e%2e%2f%2e%2e%2fcorpus%2Faliases.yaml", "mitaka%2F2019.original.txt",
                "mitaka-2019%2F..%2Fkakuu-2019", "%c0%ae%c0%ae%c0%af", "%C0%AE%C0%AE", "%E2%80%A4%E2%80%A4", "%EF%BC%8E%EF%BC%8E",
                "~", "*", "%20", "+", "%09", "CON", "NUL", "index", "corpus", "%7E%2F", "%5C", "\\..\\", "file:%2F%2F%2Fetc%2Fpasswd",
                "http:%2F%2Fexample.com", "%25", "%", "%G1", "%FF%FE", "%C3%28", "%ED%A0%80", "KAKUU-2019", "kakuu-2019 ",
                "kakuu-2019%20", "kakuu-2019-02-01%0A", "%E6%9E%B6%E7%A9%BA", "-", "--", "kakuu--2019", "kakuu-2019-99-99",
                "kakuu-2019-02-01-01", "kakuu-2019-2-1", "kakuu-2019-02-01.json", "kakuu-2019?x=1", "kakuu-2019%3Fx=1", "%23",
                "kakuu-2019%23frag");
        Arbitrary<String> longIds = Combinators.combine(Arbitraries.of("a", "%2e%2e%2f", "%E9%98%B2", "..%2F", "-", "%00"),
                Arbitraries.of(201, 1000, 10_000, 60_000)).as((unit, n) -> unit.repeat(n / unit.length() + 1));
        Arbitrary<String> controls = Arbitraries.integers().between(0, 0x20).list().ofMinSize(1).ofMaxSize(4)
                .map(cs -> {
                    StringBuilder b = new StringBuilder("kakuu-2019");
                    for (int c : cs) b.append(String.format("%%%02X", c == 0x20 ? 0x7F : c));
                    return b.toString();
                });
        Arbitrary<String> valid = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(documentIds)), Tuple.of(1, validMeasureId()));
        Arbitrary<String> combined = Combinators.combine(valid, traversal, Arbitraries.of(true, false))
                .as((v, t, before) -> before ? t + "%2F" + v : v + "%2F" + t);
        Arbitrary<String> escapes = Combinators.combine(valid, Arbitraries.of(MALFORMED_ESCAPES), Arbitraries.integers().between(0, 2))
                .as((v, e, where) -> switch (where) {
                    case 0 -> e;
                    case 1 -> v + e;
                    default -> e + v;
                });
        return Arbitraries.frequencyOf(
                Tuple.of(6, traversal),
                Tuple.of(3, escapes),
                Tuple.of(1, longIds),
                Tuple.of(2, controls),
                Tuple.of(2, valid),
                Tuple.of(2, combined),
                Tuple.of(3, wire(hostileText()).filter(s -> !s.isEmpty())));
    }

    @Provide
    Arbitrary<String> unknownApiPaths() {
        Arbitrary<String> segment = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12)
                        .filter(s -> !Set.of("search", "suggest", "years", "departments", "figures", "compare", "diff", "terms",
                                "measures", "documents", "health").contains(s))),
                Tuple.of(2, Arbitraries.of("SEARCH", "search%20", "search.json", "search;", "Search", "admin", "..", "%2e%2e",
                        "%2F", "api", "WEB-INF", "META-INF", "public", "index.html", "%FF%FE", "%C3%28", "%", "%G1", "😀", "%00",
                        "search%2F", "years%00", "x".repeat(3000))),
                Tuple.of(1, wire(hostileText()).filter(s -> !s.isEmpty() && !s.startsWith("?") && !s.startsWith("#"))));
        // Under /api/, or at the top (prefixed so that it names no static file of the page).
        return Combinators.combine(Arbitraries.of("/api/", "/zz-"), segment, segment.list().ofMaxSize(3),
                        Arbitraries.of("", "?q=1", "?%FF", "/", "?q=%"))
                .as((prefix, first, rest, tail) -> prefix + first + (rest.isEmpty() ? "" : "/" + String.join("/", rest)) + tail);
    }

    @Provide
    Arbitrary<String> getRoutes() {
        return Arbitraries.of("/api/search", "/api/search?q=%E9%98%B2%E7%81%BD", "/api/suggest?q=%E3%81%BC%E3%81%86",
                "/api/years", "/api/departments", "/api/figures?org=%E6%9E%B6%E7%A9%BA%E5%B8%82",
                "/api/compare?q=%E9%98%B2%E7%81%BD&org=%E6%9E%B6%E7%A9%BA%E5%B8%82",
                "/api/diff?org=%E6%9E%B6%E7%A9%BA%E5%B8%82&from=2019&to=2020",
                "/api/terms?org=%E6%9E%B6%E7%A9%BA%E5%B8%82&year=2019", "/api/measures/kakuu-2019-02-01",
                "/api/measures/kakuu-2019-02-01/related", "/api/documents", "/api/documents/kakuu-2019",
                "/api/documents/mitaka-2019/original", "/health");
    }

    @Provide
    Arbitrary<String> wrongMethods() {
        return Arbitraries.of("POST", "PUT", "DELETE", "PATCH");
    }

    @Provide
    Arbitrary<byte[]> requestBodies() {
        return Arbitraries.of(new byte[0], "{}".getBytes(StandardCharsets.UTF_8), "q=%E9%98%B2&year=2019".getBytes(StandardCharsets.UTF_8),
                "{\"q\": \"<script>\"".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1},
                "x".repeat(200_000).getBytes(StandardCharsets.UTF_8));
    }

    /** Raw bytes for the request target, unescaped: controls (no CR/LF), DEL, space, high bytes, invalid UTF-8. */
    @Provide
    Arbitrary<String> rawBytes() {
        Arbitrary<String> bytes = Arbitraries.integers().between(0, 255).filter(b -> b != '\r' && b != '\n')
                .list().ofMinSize(1).ofMaxSize(12)
                .map(bs -> bs.stream().map(b -> String.valueOf((char) b.intValue())).reduce("", String::concat));
        Arbitrary<String> utf8 = hostileText().map(s -> new String(wtf8(s), StandardCharsets.ISO_8859_1))
                .filter(s -> s.indexOf('\r') < 0 && s.indexOf('\n') < 0 && s.length() < 150_000);
        return Arbitraries.frequencyOf(Tuple.of(2, bytes), Tuple.of(1, utf8));
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 10_000);
    }

    @Provide
    Arbitrary<String> validOrgOrNone() {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just("")), Tuple.of(1, Arbitraries.of(organizations)));
    }

    /** What a person can type into the box: corpus words, operators, quotes, era years, emoji; ≤ 1,000 chars. */
    @Provide
    Arbitrary<String> typedQueries() {
        Arbitrary<String> token = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(vocabulary)),
                Tuple.of(3, Arbitraries.of("OR", "AND", "NOT", "-", "\"", "'", "(", ")", "*", "?", "~", "^", ":", "\\", "/", "[", "]",
                        "{", "}", "+", "!", "&&", "||", "「", "」", "『", "』", "・", "、", "。", "…", "ー", "〜", "%", "#", "&", "=",
                        "<", ">", "<script>", "&amp;", "<mark>", "'", "`", "@", "$", "|")),
                Tuple.of(2, Arbitraries.of("令和元年度", "R1", "R3", "H31", "平成31年度", "２０１９", "2019年度", "令和6年度", "R7", "R99",
                        "令和100年度", "昭和64年度", "2019", "2147483648", "1e9", "-1", "Ｒ１")),
                Tuple.of(1, Arbitraries.of("😀", "𠮷", "👨‍👩‍👧‍👦", "🇯🇵", "ｂｏｕｓａｉ", "ぼうさい", "ボウサイ", "ﾎﾞｳｻｲ", "Ⅲ", "①", "㍻")),
                Tuple.of(1, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(10)),
                Tuple.of(1, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(3)
                        .filter(s -> s.codePoints().allMatch(cp -> !Character.isISOControl(cp) && Character.isDefined(cp)
                                && Character.getType(cp) != Character.SURROGATE))));
        Arbitrary<String> join = Arbitraries.of(" ", " ", "\u3000", "", "  ", " -", "-", "\"", " OR ");
        return Combinators.combine(token.list().ofMinSize(1).ofMaxSize(40), join.list().ofMinSize(40).ofMaxSize(40))
                .as((tokens, joins) -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < tokens.size(); i++) b.append(i == 0 ? "" : joins.get(i)).append(tokens.get(i));
                    return b.length() > 1000 ? b.substring(0, 1000) : b.toString();
                })
                .filter(q -> !(q.length() == 1000 && Character.isHighSurrogate(q.charAt(999))));
    }
}
