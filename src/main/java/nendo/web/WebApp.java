package nendo.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import nendo.index.IndexState;
import nendo.model.ClientError;
import nendo.model.CorpusProblem;
import nendo.model.PlanDocument;
import nendo.corpus.OriginalMediaType;
import nendo.search.PlanArchive;
import nendo.search.RelatedMeasures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the archive: JSON API under /api, /health, and the page at /. All routes are
 * registered in {@link #routes}; handlers throw and {@link ApiErrors} answers.
 */
public final class WebApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    /** Request line plus headers; documented in README as the request size limit. */
    static final int MAX_REQUEST_HEADER_BYTES = 128 * 1024;
    /** An answer up to this size is sent in one piece with its length (a page of 50 hits fits). */
    private static final int OUTPUT_BUFFER_BYTES = 64 * 1024;

    private static final String IN_FLIGHT = "nendo.inFlight";
    private static final int MAX_LOGGED_URL = 300;
    /** How long a shutdown waits for requests in flight before stopping anyway. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    /** Reads the verbatim original of a document. */
    @FunctionalInterface
    public interface Originals {
        byte[] read(PlanDocument document) throws IOException;
    }

    /** Brings the index to the corpus as it is now (in place where it can); empty if a build is already running. */
    @FunctionalInterface
    public interface Reindexer {
        Optional<IndexState> reindex() throws IOException;
    }

    /** What a reindex produced, for the admin who asked. */
    public record ReindexResult(String status, int documents, int measures, List<CorpusProblem> invalidFiles,
                                List<String> keptFiles, String builtAt, long tookMs) {}

    private final PlanArchive archive;
    private final Originals originals;
    private final Reindexer reindexer;
    private final AdminAuth admin;
    private final InFlight inFlight = new InFlight();
    private final Javalin javalin;

    public WebApp(PlanArchive archive, Originals originals, Reindexer reindexer, String adminToken, ObjectMapper json) {
        this.archive = archive;
        this.originals = originals;
        this.reindexer = reindexer;
        this.admin = new AdminAuth(adminToken);
        this.javalin = Javalin.create(config -> configure(config, json));
    }

    private void configure(JavalinConfig config, ObjectMapper json) {
        config.jsonMapper(new JavalinJackson(json, false));
        config.startup.showJavalinBanner = false;
        // DELETE /api/search is a wrong method on a real route, not an unknown route.
        config.http.prefer405over404 = true;
        // A 1,000-character Japanese query is ~9 KB URL-encoded, past Jetty's 8 KB default: let it
        // reach our validation, which answers with a message; beyond this Jetty answers (as JSON).
        // Jetty's per-connection header cache matches values ignoring case by default, so a reused
        // connection could hand us the previous request's Authorization when the two differ only in
        // case: the admin token must be compared exactly as sent.
        config.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
            http.setHeaderCacheCaseSensitive(true);
            // A page of hits is 5–40 KB of JSON (10–50 hits), which Javalin hands over in one write.
            // Past Jetty's default aggregation (8 KB) that write went out at once, before the length
            // was known, so the answer was sent chunked; held in the output buffer until the handler
            // ends, it goes out with a Content-Length in one piece (measured: +1.5% searches per
            // second at 8 connections, BENCHMARKS.md). Compressed answers are unaffected.
            http.setOutputBufferSize(OUTPUT_BUFFER_BYTES);
            http.setOutputAggregationSize(OUTPUT_BUFFER_BYTES);
        });
        config.jetty.modifyServer(server -> server.setErrorHandler(new ProtocolErrors(json)));
        config.staticFiles.add("/public", Location.CLASSPATH);
        // Chart.js comes from its WebJar on the classpath: bundled with the app, never from a CDN.
        config.staticFiles.enableWebjars();
        // URLs are cut short in the log: a hostile 100 KB query must not become a 100 KB log line.
        config.requestLogger.http((ctx, ms) -> LOG.info("{} {} {} {}ms", ctx.method(), abbreviate(ctx.fullUrl()),
                ctx.statusCode(), Math.round(ms)));
        config.routes.before(ctx -> {
            SecurityHeaders.apply(ctx);
            // Escapes Javalin would fail on, drop or decode to U+FFFD: refused (see PercentEscapes).
            if (PercentEscapes.malformed(ctx.req().getRequestURI()) || PercentEscapes.malformed(ctx.req().getQueryString())) {
                throw ClientError.badRequest("URL に不正な % エスケープ（または UTF-8 でない文字）があります（malformed percent-encoding）");
            }
            if (!inFlight.tryEnter()) {
                ctx.header("Connection", "close");
                throw new HttpResponseException(503, "サービスを停止しています。しばらくしてから再度アクセスしてください",
                        java.util.Map.of());
            }
            ctx.attribute(IN_FLIGHT, Boolean.TRUE);
        });
        config.routes.after(ctx -> {
            if (ctx.attribute(IN_FLIGHT) != null) inFlight.leave();
        });
        ApiErrors.register(config);
        routes(config);
    }

    private void routes(JavalinConfig config) {
        var r = config.routes;
        get(r, "/api/search", ctx -> {
            var request = SearchParams.searchRequest(ctx);
            if (!Downloads.requested(ctx)) {
                ctx.json(archive.search(request));
                return;
            }
            Downloads.respond(ctx, Downloads.name("search", request.q()), archive.searchAll(request),
                    ExportTables::search);
        });
        get(r, "/api/suggest", ctx -> Downloads.jsonOnly(ctx, () -> archive.suggest(SearchParams.suggestPrefix(ctx))));
        get(r, "/api/years", ctx -> Downloads.jsonOnly(ctx, () -> archive.years()));
        get(r, "/api/departments", ctx -> Downloads.jsonOnly(ctx, () -> archive.departments(
                SearchParams.optionalYear(ctx, "year"), SearchParams.optionalText(ctx, "org"))));
        get(r, "/api/figures", ctx -> {
            String org = SearchParams.optionalText(ctx, "org");
            String dept = SearchParams.optionalText(ctx, "dept");
            Downloads.respond(ctx, Downloads.name("figures", org, dept), archive.figures(org, dept),
                    ExportTables::figures);
        });
        get(r, "/api/compare", ctx -> {
            var request = AnalysisParams.compareRequest(ctx);
            Downloads.respond(ctx, Downloads.name("compare", request.q(), request.org(), request.dept()),
                    archive.compare(request), ExportTables::compare);
        });
        get(r, "/api/diff", ctx -> {
            String org = SearchParams.optionalText(ctx, "org");
            Integer from = SearchParams.optionalYear(ctx, "from");
            Integer to = SearchParams.optionalYear(ctx, "to");
            String dept = SearchParams.optionalText(ctx, "dept");
            Downloads.respond(ctx, Downloads.name("diff", org, from + "-" + to, dept),
                    archive.diff(org, from, to, dept), ExportTables::diff);
        });
        get(r, "/api/terms", ctx -> {
            var request = AnalysisParams.termsRequest(ctx);
            Downloads.respond(ctx, Downloads.name("terms", request.org(), String.valueOf(request.year()),
                    request.vs() == null ? null : "vs" + request.vs(), request.dept()),
                    archive.terms(request), ExportTables::terms);
        });
        get(r, "/api/measures/{id}/related", ctx -> {
            String id = SearchParams.pathId(ctx);
            int limit = SearchParams.intParam(ctx, "limit", RelatedMeasures.DEFAULT_LIMIT, 1, RelatedMeasures.MAX_LIMIT);
            Downloads.respond(ctx, Downloads.name("related", id), archive.related(id, limit), ExportTables::related);
        });
        get(r, "/api/measures/{id}", ctx -> Downloads.jsonOnly(ctx, () -> archive.measure(SearchParams.pathId(ctx))));
        get(r, "/api/documents", ctx -> Downloads.jsonOnly(ctx, () -> archive.documents()));
        get(r, "/api/documents/{id}", ctx -> Downloads.jsonOnly(ctx, () -> archive.document(SearchParams.pathId(ctx))));
        get(r, "/api/documents/{id}/original", ctx -> {
            Downloads.refuseFormat(ctx);
            var plan = archive.plan(SearchParams.pathId(ctx));
            byte[] bytes = originals.read(plan);
            ctx.contentType(OriginalMediaType.of(plan.originalPath(), bytes)).result(bytes);
        });
        get(r, "/health", ctx -> Downloads.jsonOnly(ctx, archive::health));
        r.post("/api/admin/reindex", ctx -> {
            admin.require(ctx);
            long started = System.nanoTime();
            IndexState state = reindexer.reindex().orElseThrow(() -> ClientError.conflict(
                    "索引を作り直している最中です。終わってからもう一度試してください（reindex already running）"));
            ctx.json(new ReindexResult("ok", state.documents(), state.measures(), state.invalidFiles(),
                    state.keptFiles(), state.builtAt(), (System.nanoTime() - started) / 1_000_000));
        });
    }

    /**
     * A GET route that answers HEAD too, from the same handler (Jetty sends no body for HEAD).
     * Left to itself Javalin answers HEAD for any GET route with an empty 200 text/plain without
     * running it, so a HEAD for a measure that does not exist, or with a bad year, said 200.
     */
    private static void get(RoutesConfig r, String path, Handler handler) {
        r.get(path, handler);
        r.head(path, handler);
    }

    private static String abbreviate(String url) {
        return url.length() <= MAX_LOGGED_URL ? url : url.substring(0, MAX_LOGGED_URL) + "…(" + url.length() + " chars)";
    }

    /**
     * @throws java.io.UncheckedIOException with a message for people when the port is taken or the
     *     address cannot be bound
     */
    public WebApp start(String host, int port) {
        try {
            javalin.start(host, port);
        } catch (io.javalin.util.JavalinBindException e) {
            throw new java.io.UncheckedIOException(new java.net.BindException("ポート " + port + " は別のプログラムが使っています。"
                    + "--port で別の番号を指定してください (port " + port + " is already in use)"));
        } catch (io.javalin.util.JavalinException e) {
            throw new java.io.UncheckedIOException(new java.net.BindException(host + ":" + port + " で待ち受けられません"
                    + "（--host と --port を確かめてください）(cannot listen on " + host + ":" + port + ")"));
        }
        return this;
    }

    public int port() {
        return javalin.port();
    }

    /**
     * Graceful stop: new requests are turned away with a JSON 503, those in flight may finish
     * (up to {@link #DRAIN_TIMEOUT}), then the server stops.
     */
    @Override
    public void close() {
        if (!inFlight.drain(DRAIN_TIMEOUT)) LOG.warn("shutdown: requests still running after {}", DRAIN_TIMEOUT);
        javalin.stop();
    }
}
