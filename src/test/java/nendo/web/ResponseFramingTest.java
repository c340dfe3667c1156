package nendo.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** How a large JSON answer goes over the wire: in one piece with its length, or compressed. */
class ResponseFramingTest extends BundledApiTestBase {
    /** Fifty hits of the bundled corpus: well past Jetty's default 8 KB aggregation. */
    private static final String LARGE = "/api/search?size=50&q=" + URLEncoder.encode("事業", StandardCharsets.UTF_8);

    @Test
    void aLargePageOfHitsCarriesItsLengthInsteadOfChunks() throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + LARGE)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().length > 8 * 1024, "the page must be larger than 8 KB: " + r.body().length);
        assertEquals(String.valueOf(r.body().length), r.headers().firstValue("Content-Length").orElse(null));
        assertFalse(r.headers().firstValue("Transfer-Encoding").isPresent());
    }

    @Test
    void aClientAcceptingGzipStillGetsTheSameAnswerCompressed() throws Exception {
        HttpResponse<byte[]> plain = HTTP.send(HttpRequest.newBuilder(URI.create(base + LARGE)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + LARGE))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(null));
        assertEquals(String.valueOf(r.body().length), r.headers().firstValue("Content-Length").orElse(null));
        byte[] unzipped;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            unzipped = in.readAllBytes();
        }
        // The same hits; only the time the search took may differ between the two answers.
        assertEquals(JSON.readTree(plain.body()).get("hits"), JSON.readTree(unzipped).get("hits"));
    }

    @Test
    void headAnswersWhatGetWouldWithoutTheBody() throws Exception {
        HttpResponse<byte[]> get = HTTP.send(HttpRequest.newBuilder(URI.create(base + LARGE)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> head = HTTP.send(HttpRequest.newBuilder(URI.create(base + LARGE))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"));
        assertTrue(head.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        // What GET would refuse, HEAD refuses with the same status.
        for (String refused : new String[] {"/api/search?q=x&year=abc", "/api/measures/no-such-measure",
                "/api/departments?org=no-such-org"}) {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + refused))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> g = HTTP.send(HttpRequest.newBuilder(URI.create(base + refused)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertTrue(g.statusCode() >= 400, refused + " → " + g.statusCode());
            assertEquals(g.statusCode(), r.statusCode(), refused);
        }
    }
}
