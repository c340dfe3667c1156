package nendo.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import nendo.corpus.EraYears;
import nendo.model.ClientError;
import nendo.model.FiscalYear;
import nendo.search.SearchRequest;

/** Reads and validates request parameters; every rejection names the parameter and the limit. */
final class SearchParams {
    private static final int MAX_VALUE_LENGTH = 200;
    private static final int MAX_REPEATS = 50;
    private static final int MAX_SUGGEST_PREFIX = 50;
    private static final Set<String> KINDS = Set.of("measure", "mission");

    private SearchParams() {}

    static SearchRequest searchRequest(Context ctx) {
        String q = query(ctx);
        List<Integer> years = new ArrayList<>();
        for (String y : repeated(ctx, "year")) years.add(year("year", y));
        YearRange range = yearRange(ctx);
        Integer from = range.from();
        Integer to = range.to();
        List<String> kinds = repeated(ctx, "kind");
        for (String k : kinds) {
            if (!KINDS.contains(k)) throw ClientError.badRequest("kind は measure か mission で指定してください: '" + k + "'");
        }
        int size = intParam(ctx, "size", SearchRequest.DEFAULT_SIZE, 1, SearchRequest.MAX_SIZE);
        int page = intParam(ctx, "page", 1, 1, Integer.MAX_VALUE);
        if ((long) page * size > SearchRequest.MAX_WINDOW) {
            throw ClientError.badRequest("page が大きすぎます。先頭から " + SearchRequest.MAX_WINDOW
                    + " 件までしかたどれません。検索語や絞り込みを追加してください");
        }
        String sortParam = single(ctx, "sort");
        SearchRequest.SortOrder sort = sortParam == null || sortParam.isEmpty()
                ? SearchRequest.SortOrder.RELEVANCE : SearchRequest.SortOrder.fromParam(sortParam);
        if (sort == null) {
            throw ClientError.badRequest("sort は relevance, year_desc, year_asc のいずれかです: '" + sortParam + "'");
        }
        return new SearchRequest(q == null ? "" : q.strip(), years, from, to, repeated(ctx, "dept"),
                repeated(ctx, "org"), kinds, page, size, sort);
    }

    /** year_from and year_to (either may be null), in order. */
    record YearRange(Integer from, Integer to) {}

    /** The query text as sent (null when absent), within the length limit. */
    static String query(Context ctx) {
        String q = single(ctx, "q");
        if (q != null && q.length() > SearchRequest.MAX_QUERY_LENGTH) {
            throw ClientError.badRequest("検索語が長すぎます（" + q.length() + "文字）。"
                    + SearchRequest.MAX_QUERY_LENGTH + "文字以内にしてください（q is too long）");
        }
        return q;
    }

    static YearRange yearRange(Context ctx) {
        Integer from = optionalYear(ctx, "year_from");
        Integer to = optionalYear(ctx, "year_to");
        if (from != null && to != null && from > to) {
            throw ClientError.badRequest("year_from（" + from + "）が year_to（" + to + "）より後になっています");
        }
        return new YearRange(from, to);
    }

    /** The prefix to complete: at most 50 characters (a suggestion is a word, not a sentence). */
    static String suggestPrefix(Context ctx) {
        String q = single(ctx, "q");
        if (q == null) return "";
        if (q.length() > MAX_SUGGEST_PREFIX) {
            throw ClientError.badRequest("補完する語が長すぎます（" + MAX_SUGGEST_PREFIX + "文字以内）");
        }
        return q.strip();
    }

    static Integer optionalYear(Context ctx, String name) {
        String value = single(ctx, name);
        return value == null || value.isEmpty() ? null : year(name, value);
    }

    static String optionalText(Context ctx, String name) {
        String value = single(ctx, name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** 2019, 2019年度, 令和元年度, 平成31年度, R1, H31 … all name FY2019. */
    private static Integer year(String name, String value) {
        return EraYears.parameter(name, value);
    }

    /** A document or measure id from the path, refused when longer than any value is allowed to be. */
    static String pathId(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.length() > MAX_VALUE_LENGTH) throw ClientError.badRequest("id が長すぎます（" + MAX_VALUE_LENGTH + "文字以内）");
        return id;
    }

    static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String value = single(ctx, name);
        if (value == null || value.isEmpty()) return fallback;
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw ClientError.badRequest(name + " は " + min + "〜" + max + " で指定してください: " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ClientError.badRequest(name + " は整数で指定してください: '" + abbreviate(value) + "'");
        }
    }

    static String single(Context ctx, String name) {
        List<String> values = ctx.queryParams(name);
        if (values.size() > 1) throw ClientError.badRequest(name + " は一度だけ指定してください");
        String value = values.isEmpty() ? null : values.get(0);
        if (value != null && !"q".equals(name) && value.length() > MAX_VALUE_LENGTH) {
            throw ClientError.badRequest(name + " が長すぎます（" + MAX_VALUE_LENGTH + "文字以内）");
        }
        return value;
    }

    private static List<String> repeated(Context ctx, String name) {
        List<String> values = ctx.queryParams(name).stream().filter(v -> !v.isBlank()).map(String::strip).toList();
        if (values.size() > MAX_REPEATS) throw ClientError.badRequest(name + " の指定が多すぎます（" + MAX_REPEATS + "個まで）");
        for (String v : values) {
            if (v.length() > MAX_VALUE_LENGTH) throw ClientError.badRequest(name + " が長すぎます（" + MAX_VALUE_LENGTH + "文字以内）");
        }
        return values;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
