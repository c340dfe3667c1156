package nendo.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches Javalin (URI or headers too long, malformed
 * requests): answered in the same JSON shape as {@link ApiErrors} instead of Jetty's HTML page.
 */
final class ProtocolErrors extends ErrorHandler {
    private final ObjectMapper json;

    ProtocolErrors(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws JsonProcessingException {
        Object attribute = request.getAttribute(ERROR_STATUS);
        int status = attribute instanceof Integer s ? s : response.getStatus();
        // A missing or unknown HTTP version is the client's mistake, not the server's: 400, not 505.
        if (status < 400 || status == 505) status = 400;
        String message = switch (status) {
            case 414 -> "URL が長すぎます。検索語を短くしてください（URI too long）";
            case 431 -> "リクエストヘッダーが大きすぎます（request header fields too large）";
            default -> "リクエストを解釈できません（" + HttpStatus.getMessage(status) + "）";
        };
        byte[] body = json.writeValueAsBytes(new ErrorBody(status, HttpStatus.getMessage(status), message));
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        SecurityHeaders.HEADERS.forEach(response.getHeaders()::put);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
