package nendo.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import nendo.model.PlanDocument;
import nendo.corpus.OriginalMediaType;
import nendo.search.PlanArchive;
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

    /** Reads the verbatim original of a document. */
    @FunctionalInterface
    public interface Originals {
        byte[] read(PlanDocument document) throws IOException;
    }

    private final PlanArchive archive;
    private final Originals originals;
    private final Javalin javalin;

    public WebApp(PlanArchive archive, Originals originals, ObjectMapper json) {
        this.archive = archive;
        this.originals = originals;
        this.javalin = Javalin.create(config -> configure(config, json));
    }

    private void configure(JavalinConfig config, ObjectMapper json) {
        config.jsonMapper(new JavalinJackson(json, false));
        config.startup.showJavalinBanner = false;
        // DELETE /api/search is a wrong method on a real route, not an unknown route.
        config.http.prefer405over404 = true;
        // A 1,000-character Japanese query is ~9 KB URL-encoded, past Jetty's 8 KB default: let it
        // reach our validation, which answers with a message; beyond this Jetty answers (as JSON).
        config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES));
        config.jetty.modifyServer(server -> server.setErrorHandler(new ProtocolErrors(json)));
        config.staticFiles.add("/public", Location.CLASSPATH);
        config.requestLogger.http((ctx, ms) -> LOG.info("{} {} {} {}ms", ctx.method(), ctx.fullUrl(), ctx.statusCode(), Math.round(ms)));
        ApiErrors.register(config);
        routes(config);
    }

    private void routes(JavalinConfig config) {
        var r = config.routes;
        r.get("/api/search", ctx -> ctx.json(archive.search(SearchParams.searchRequest(ctx))));
        r.get("/api/suggest", ctx -> ctx.json(archive.suggest(SearchParams.suggestPrefix(ctx))));
        r.get("/api/years", ctx -> ctx.json(archive.years()));
        r.get("/api/departments", ctx -> ctx.json(archive.departments(
                SearchParams.optionalYear(ctx, "year"), SearchParams.optionalText(ctx, "org"))));
        r.get("/api/figures", ctx -> ctx.json(archive.figures(
                SearchParams.optionalText(ctx, "org"), SearchParams.optionalText(ctx, "dept"))));
        r.get("/api/measures/{id}", ctx -> ctx.json(archive.measure(ctx.pathParam("id"))));
        r.get("/api/documents", ctx -> ctx.json(archive.documents()));
        r.get("/api/documents/{id}", ctx -> ctx.json(archive.document(ctx.pathParam("id"))));
        r.get("/api/documents/{id}/original", ctx -> {
            var plan = archive.plan(ctx.pathParam("id"));
            byte[] bytes = originals.read(plan);
            ctx.contentType(OriginalMediaType.of(plan.originalPath(), bytes)).result(bytes);
        });
        r.get("/health", ctx -> ctx.json(archive.health()));
    }

    public WebApp start(String host, int port) {
        javalin.start(host, port);
        return this;
    }

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
