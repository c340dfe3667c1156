package nendo.web;

import io.javalin.http.Context;
import nendo.model.ClientError;
import nendo.search.DistinctiveTerms;
import nendo.search.ThemeComparison;

/** Reads and validates the parameters of the comparison endpoints (compare, terms). */
final class AnalysisParams {
    private AnalysisParams() {}

    static ThemeComparison.Request compareRequest(Context ctx) {
        // Parameters of the search that a comparison does not take would be ignored without a word.
        if (ctx.queryParam("year") != null) {
            throw ClientError.badRequest("年度比較の年度は year_from・year_to で指定してください（year は使えません。検索語の年度はそれぞれ列になります）");
        }
        if (ctx.queryParam("kind") != null) {
            throw ClientError.badRequest("年度比較は主要事業だけを数えます（kind は指定できません）");
        }
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
