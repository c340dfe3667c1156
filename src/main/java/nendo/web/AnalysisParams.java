package nendo.web;

import io.javalin.http.Context;
import nendo.model.ClientError;
import nendo.search.DistinctiveTerms;
import nendo.search.SearchRequest;
import nendo.search.ThemeComparison;

/** Reads and validates the parameters of the comparison endpoints (compare, terms). */
final class AnalysisParams {
    private AnalysisParams() {}

    static ThemeComparison.Request compareRequest(Context ctx) {
        String q = SearchParams.single(ctx, "q");
        if (q != null && q.length() > SearchRequest.MAX_QUERY_LENGTH) {
            throw ClientError.badRequest("検索語が長すぎます（" + q.length() + "文字）。"
                    + SearchRequest.MAX_QUERY_LENGTH + "文字以内にしてください（q is too long）");
        }
        Integer from = SearchParams.optionalYear(ctx, "year_from");
        Integer to = SearchParams.optionalYear(ctx, "year_to");
        if (from != null && to != null && from > to) {
            throw ClientError.badRequest("year_from（" + from + "）が year_to（" + to + "）より後になっています");
        }
        return new ThemeComparison.Request(q == null ? null : q.strip(), SearchParams.optionalText(ctx, "org"),
                SearchParams.optionalText(ctx, "dept"), from, to);
    }

    static DistinctiveTerms.Request termsRequest(Context ctx) {
        return new DistinctiveTerms.Request(SearchParams.optionalText(ctx, "org"),
                SearchParams.optionalYear(ctx, "year"), SearchParams.optionalYear(ctx, "vs"),
                SearchParams.optionalText(ctx, "dept"),
                SearchParams.intParam(ctx, "limit", DistinctiveTerms.DEFAULT_LIMIT, 1, DistinctiveTerms.MAX_LIMIT),
                SearchParams.intParam(ctx, "min_count", DistinctiveTerms.DEFAULT_MIN_COUNT, 1, 1000));
    }
}
