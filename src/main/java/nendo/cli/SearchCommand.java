package nendo.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import nendo.corpus.EraYears;
import nendo.search.SearchRequest;
import nendo.search.SearchResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Searches from the terminal and prints readable hits, matches in 【】. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "索引を検索します (search the archive)")
final class SearchCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "検索語（空白区切りで AND）")
    List<String> words = List.of();

    /** Read by {@link EraYears#parameter}, as the API's year= is, so both take the same forms. */
    @Option(names = "--year", description = "年度で絞り込み（2019、令和元年度、平成31年度、R1、H31、2019年度）。繰り返し可")
    List<String> years = List.of();

    @Option(names = "--dept", description = "部で絞り込み。繰り返し可")
    List<String> departments = List.of();

    @Option(names = "--org", description = "団体で絞り込み。繰り返し可")
    List<String> orgs = List.of();

    @Option(names = "--size", description = "表示件数 (default: ${DEFAULT-VALUE})")
    int size = 10;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String q = String.join(" ", words);
        List<Integer> fiscalYears = years.stream().map(y -> EraYears.parameter("--year", y)).toList();
        SearchRequest request = new SearchRequest(q, fiscalYears, null, null, departments, orgs, List.of(), 1,
                Math.max(1, Math.min(size, SearchRequest.MAX_SIZE)), SearchRequest.SortOrder.RELEVANCE);
        try (Nendo nendo = Nendo.open(options.config())) {
            nendo.ensureIndex();
            SearchResponse response = nendo.archive().search(request);
            response.notices().forEach(n -> out.println("注意: " + n));
            out.printf("「%s」: %d 件 (%d ms)%n", q, response.total(), response.tookMs());
            int n = 0;
            for (SearchResponse.Hit hit : response.hits()) {
                out.printf("%n%2d. %d（%s） %s %s%s  [%s]%n", ++n, hit.year(), hit.era(), hit.org(),
                        hit.department(), hit.sample() ? " ［サンプル］" : "", hit.id());
                out.println("    " + plain(hit.snippet()));
            }
            return 0;
        }
    }

    /** The HTML snippet as terminal text: marks become 【】, entities are decoded. */
    static String plain(String html) {
        return html.replace("<mark>", "【").replace("</mark>", "】")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
