package nendo.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nendo.testing.TestArchive;

/**
 * Shared helpers for the analysis API tests (compare, related, diff, terms, export): raw requests
 * for error statuses and downloads, an RFC 4180 CSV reader, and an independent reading of the
 * bundled corpus (department headings and measure lines), so expected values come from the text
 * itself rather than from what the API answers.
 */
final class AnalysisApiSupport {
    private AnalysisApiSupport() {}

    static String url(String path, String... params) {
        StringBuilder url = new StringBuilder(BundledApiTestBase.base).append(path);
        for (int i = 0; i < params.length; i += 2) {
            url.append(i == 0 ? '?' : '&').append(params[i]).append('=')
                    .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        return url.toString();
    }

    static HttpResponse<byte[]> raw(String path, String... params) throws Exception {
        return BundledApiTestBase.HTTP.send(HttpRequest.newBuilder(URI.create(url(path, params))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static String body(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /** Asserts a JSON error answer with the given status and a message, and returns it. */
    static JsonNode error(int status, String path, String... params) throws Exception {
        HttpResponse<byte[]> r = raw(path, params);
        String text = body(r);
        String where = url(path, params) + " -> " + r.statusCode() + " "
                + (text.length() > 400 ? text.substring(0, 400) + "…" : text);
        assertEquals(status, r.statusCode(), where);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), where);
        JsonNode json = BundledApiTestBase.JSON.readTree(r.body());
        assertEquals(status, json.path("status").asInt(), where);
        assertFalse(json.path("message").asText().isBlank(), where);
        return json;
    }

    // ---- CSV (RFC 4180) ----

    /** Parses CSV text (no BOM) into rows of fields; quoted fields may hold commas, quotes and line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"') {
                if (!field.isEmpty()) throw new IllegalArgumentException("quote inside an unquoted field at " + i);
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else if (c == '\n' || c == '\r') {
                throw new IllegalArgumentException("bare line break (not CRLF) at " + i);
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) throw new IllegalArgumentException("unterminated quoted field");
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    /** A downloaded CSV: checks status, type, disposition and BOM, then returns the parsed rows (header first). */
    static List<List<String>> csv(String path, String... params) throws Exception {
        String[] all = new String[params.length + 2];
        System.arraycopy(params, 0, all, 0, params.length);
        all[params.length] = "format";
        all[params.length + 1] = "csv";
        HttpResponse<byte[]> r = raw(path, all);
        assertEquals(200, r.statusCode(), body(r));
        assertEquals("text/csv; charset=utf-8", r.headers().firstValue("Content-Type").orElse("").toLowerCase());
        String disposition = r.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.startsWith("attachment;"), disposition);
        assertTrue(disposition.matches(".*filename=\"[^\"]+\\.csv\".*"), disposition);
        assertTrue(disposition.contains("filename*=UTF-8''"), disposition);
        assertTrue(utf8FileName(disposition).endsWith(".csv"), disposition);
        byte[] b = r.body();
        assertTrue(b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF,
                "UTF-8 byte-order mark");
        String text = new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"), "last line ends with CRLF");
        List<List<String>> rows = parseCsv(text);
        int width = rows.get(0).size();
        for (List<String> row : rows) assertEquals(width, row.size(), "every row has the header's width: " + row);
        return rows;
    }

    /** The RFC 5987 {@code filename*} of a Content-Disposition header, decoded. */
    static String utf8FileName(String disposition) {
        int at = disposition.indexOf("filename*=UTF-8''");
        String encoded = disposition.substring(at + "filename*=UTF-8''".length()).split(";")[0].strip();
        return java.net.URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Data rows (header dropped) as maps from header to value. */
    static List<Map<String, String>> records(List<List<String>> rows) {
        List<String> header = rows.get(0);
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) m.put(header.get(i), row.get(i));
            out.add(m);
        }
        return out;
    }

    // ---- The bundled corpus, read directly ----

    /** A department of a year's plan as printed: its heading and its measure lines, in order. */
    record CorpusDepartment(String name, List<String> measures) {}

    /** 架空市's plan of the year: {@code ## 部名} headings and the {@code - } measure lines under each. */
    static List<CorpusDepartment> kakuu(int year) throws IOException {
        List<String> lines = Files.readAllLines(TestArchive.BUNDLED_CORPUS.resolve("kakuu").resolve(year + ".md"));
        int fences = 0;
        List<CorpusDepartment> out = new ArrayList<>();
        for (String line : lines) {
            if (fences < 2) {
                if (line.equals("---")) fences++;
                continue;
            }
            if (line.startsWith("## ")) out.add(new CorpusDepartment(line.substring(3).strip(), new ArrayList<>()));
            else if (line.startsWith("- ") && !out.isEmpty()) out.get(out.size() - 1).measures().add(line.substring(2).strip());
        }
        return out;
    }

    static List<String> kakuuMeasures(int year) throws IOException {
        List<String> all = new ArrayList<>();
        for (CorpusDepartment d : kakuu(year)) all.addAll(d.measures());
        return all;
    }

    static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isNull() ? null : n.asText()));
        return out;
    }

    static int occurrences(String text, String word) {
        int n = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) n++;
        return n;
    }
}
