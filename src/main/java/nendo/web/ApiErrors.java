package nendo.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.UUID;
import nendo.model.ClientError;
import nendo.search.HtmlText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only place where failures become HTTP answers. Handlers throw; here a client's mistake
 * becomes a 4xx JSON message, and anything else a logged 500 whose body carries only a request id.
 * A browser asking for a page (not /api/ or /health, Accept: text/html) gets the same message as a
 * small Japanese HTML page with a way back to the start page instead of raw JSON.
 */
final class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {}

    static void register(JavalinConfig config) {
        config.routes.exception(ClientError.class, (e, ctx) -> {
            if (e.kind() == ClientError.Kind.UNAUTHORIZED) ctx.header("WWW-Authenticate", "Bearer realm=\"nendo-admin\"");
            write(ctx, e.kind().status(), e.getMessage());
        });
        config.routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(), message(e, ctx)));
        config.routes.exception(Exception.class, (e, ctx) -> {
            String requestId = UUID.randomUUID().toString();
            LOG.error("request {} {} failed (id {})", ctx.method(), ctx.path(), requestId, e);
            write(ctx, 500, "サーバー内部でエラーが発生しました（request id: " + requestId + "）");
        });
    }

    private static String message(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> "そのページや API はありません: " + ctx.path() + "（unknown route）";
            case 405 -> "このメソッドは使えません: " + ctx.method() + " " + ctx.path();
            default -> e.getMessage() == null || e.getMessage().isBlank() ? "リクエストを処理できません" : e.getMessage();
        };
    }

    static void write(Context ctx, int status, String message) {
        if (wantsPage(ctx)) {
            ctx.status(status).contentType("text/html; charset=utf-8").result(page(status, message));
            return;
        }
        ctx.status(status).json(new ErrorBody(status, HttpStatus.forStatus(status).getMessage(), message));
    }

    /** API clients (and fetch from the page, which asks for JSON) always get JSON. */
    private static boolean wantsPage(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/health")) return false;
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/html");
    }

    private static String page(int status, String message) {
        String title = switch (status) {
            case 404 -> "ページが見つかりません";
            case 500 -> "サーバーでエラーが発生しました";
            default -> "ページを表示できません";
        };
        return """
                <!doctype html>
                <html lang="ja">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s - nendo</title>
                <link rel="stylesheet" href="/style.css">
                </head>
                <body>
                <main class="page error-page">
                <h1>%1$s <span class="en" lang="en">(HTTP %2$d)</span></h1>
                <p>%3$s</p>
                <p><a href="/">nendo のトップページへ戻る</a></p>
                </main>
                </body>
                </html>
                """.formatted(HtmlText.escape(title), status, HtmlText.escape(message));
    }
}
