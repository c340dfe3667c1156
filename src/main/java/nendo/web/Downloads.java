package nendo.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import nendo.model.ClientError;

/**
 * Answers an API request as JSON, or, with {@code format=csv} or {@code format=json}, as a file to
 * download: the same content, so what a researcher takes away is what the page showed.
 */
final class Downloads {
    private static final int MAX_NAME = 60;

    private Downloads() {}

    /**
     * @param name the file name without extension, e.g. "nendo-compare-防災"
     * @param table how the body reads as a CSV table
     */
    static <T> void respond(Context ctx, String name, T body, Function<T, CsvTable> table) {
        String format = SearchParams.optionalText(ctx, "format");
        if (format == null) {
            ctx.json(body);
            return;
        }
        switch (format) {
            case "json" -> {
                attachment(ctx, name + ".json");
                ctx.json(body);
            }
            case "csv" -> {
                attachment(ctx, name + ".csv");
                ctx.contentType("text/csv; charset=utf-8").result(table.apply(body).write());
            }
            default -> throw ClientError.badRequest("format は csv か json で指定してください: '" + format + "'");
        }
    }

    /**
     * Answers as JSON an endpoint that offers no download: {@code format} there is refused rather
     * than ignored (format=csv quietly answered JSON).
     */
    static void jsonOnly(Context ctx, Answer body) throws java.io.IOException {
        refuseFormat(ctx);
        ctx.json(body.get());
    }

    /** Refuses {@code format} on an endpoint that has one answer only. */
    static void refuseFormat(Context ctx) {
        if (requested(ctx)) {
            throw ClientError.badRequest("この API にはダウンロードがありません（format は検索・年度比較・差分・特徴語・職員数・関連事業で使えます）");
        }
    }

    /** The answer, worked out only once the request is known to want it. */
    @FunctionalInterface
    interface Answer {
        Object get() throws java.io.IOException;
    }

    /** Whether the request asks for a download rather than the paged API answer. */
    static boolean requested(Context ctx) {
        return SearchParams.optionalText(ctx, "format") != null;
    }

    /** A name for the file from the request's own words, e.g. nendo-compare-防災-架空市. */
    static String name(String kind, String... parts) {
        StringBuilder name = new StringBuilder("nendo-").append(kind);
        for (String p : parts) {
            if (p == null || p.isBlank()) continue;
            name.append('-').append(p.strip().replaceAll("[\\\\/:*?\"<>|\\s\\p{Cntrl}]+", "_"));
        }
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name.toString();
    }

    /** An ASCII fallback name for old clients and the UTF-8 name (RFC 6266 / 5987) for the rest. */
    private static void attachment(Context ctx, String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        ctx.header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded);
    }
}
