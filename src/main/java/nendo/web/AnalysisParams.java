package nendo.web;

import io.javalin.http.Context;
import nendo.search.DistinctiveTerms;
import nendo.search.ThemeComparison;

/** Reads and validates the parameters of the comparison endpoints (compare, terms). */
final class AnalysisParams {
    private AnalysisParams() {}

    static ThemeComparison.Request compareRequest(Context ctx) {
        String q = SearchParams.query(ctx);
        SearchParams.YearRange range = SearchParams.yearRange(ctx);
        return new ThemeComparison.Request(q == null ? null : q.strip(), SearchParams.optionalText(ctx, "org"),
                SearchParams.optionalText(ctx, "dept"), range.from(), range.to());
    }

    static DistinctiveTerms.Request termsRequest(Context ctx) {
        return new DistinctiveTerms.Request(SearchParams.optionalText(ctx, "org"),
                SearchParams.optionalYear(ctx, "year"), SearchParams.optionalYear(ctx, "vs"),
                SearchParams.optionalText(ctx, "dept"),
                SearchParams.intParam(ctx, "limit", DistinctiveTerms.DEFAULT_LIMIT, 1, DistinctiveTerms.MAX_LIMIT),
                SearchParams.intParam(ctx, "min_count", DistinctiveTerms.DEFAULT_MIN_COUNT, 1, 1000));
    }
}
