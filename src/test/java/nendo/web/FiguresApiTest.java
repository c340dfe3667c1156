package nendo.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /api/figures: staff and budget per year, followed across a department's rename. */
class FiguresApiTest extends BundledApiTestBase {
    @Test
    void renamedDepartmentIsOneSeriesWithEveryYearsFigures() throws Exception {
        JsonNode r = get("/api/figures", "org", "架空市", "dept", "政策企画部");
        assertEquals("架空市", r.get("org").asText());
        assertEquals(1, r.get("departments").size());
        JsonNode series = r.get("departments").get(0);
        assertEquals("政策企画部", series.get("name").asText());
        List<String> rows = new ArrayList<>();
        for (JsonNode y : series.get("years")) {
            rows.add(y.get("year").asInt() + " " + y.get("printedName").asText() + " " + y.get("staff").asInt()
                    + " " + y.get("budget").asLong());
        }
        assertEquals(List.of("2019 企画部 62 1850000", "2020 企画部 63 2640000", "2021 企画部 64 2380000",
                "2022 政策企画部 68 2150000", "2023 政策企画部 70 2230000", "2024 政策企画部 72 2310000"), rows);
        assertEquals("令和元年度", series.get("years").get(0).get("era").asText());
    }

    @Test
    void everyDepartmentOfTheOrganizationWithoutADepartmentFilter() throws Exception {
        JsonNode r = get("/api/figures", "org", "架空市");
        List<String> names = new ArrayList<>();
        r.get("departments").forEach(d -> names.add(d.get("name").asText()));
        assertEquals(10, names.size(), names.toString());
        assertTrue(names.contains("政策企画部") && !names.contains("企画部"), names.toString());
        // Mitaka's article gives no figures: the years are there, the values are null, not zero.
        JsonNode mitaka = get("/api/figures", "org", "三鷹市", "dept", "総務部").get("departments").get(0).get("years").get(0);
        assertTrue(mitaka.get("staff").isNull() && mitaka.get("budget").isNull(), mitaka.toString());
        assertEquals(3, mitaka.get("measures").asInt());
    }

    @Test
    void missingOrUnknownOrganizationIsAJsonError() throws Exception {
        assertEquals(400, status("/api/figures"));
        assertEquals(404, status("/api/figures?org=" + URLEncoder.encode("どこか市", StandardCharsets.UTF_8)));
        assertEquals(404, status("/api/figures?org=" + URLEncoder.encode("架空市", StandardCharsets.UTF_8)
                + "&dept=" + URLEncoder.encode("宇宙部", StandardCharsets.UTF_8)));
    }

    private static int status(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.body());
        return r.statusCode();
    }
}
