package nendo.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.UUID;
import nendo.model.ClientError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only place where failures become HTTP answers. Handlers throw; here a client's mistake
 * becomes a 4xx JSON message, and anything else a logged 500 whose body carries only a request id.
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
        ctx.status(status).json(new ErrorBody(status, HttpStatus.forStatus(status).getMessage(), message));
    }
}
