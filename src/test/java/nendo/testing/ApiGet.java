package nendo.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** GET requests to a served archive's JSON API: parameters as name, value pairs, URL-encoded. */
public final class ApiGet {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiGet() {}

    /** The answer, whatever its status. */
    public static HttpResponse<String> send(String base, String path, String... params)
            throws IOException, InterruptedException {
        StringBuilder url = new StringBuilder(base).append(path).append('?');
        for (int i = 0; i < params.length; i += 2) {
            url.append(params[i]).append('=').append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8)).append('&');
        }
        return HTTP.send(HttpRequest.newBuilder(URI.create(url.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The answer's JSON, which must come with status 200. */
    public static JsonNode json(String base, String path, String... params) throws IOException, InterruptedException {
        HttpResponse<String> r = send(base, path, params);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }
}
