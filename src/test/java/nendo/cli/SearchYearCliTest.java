package nendo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import nendo.corpus.EraYears;
import nendo.model.ClientError;
import nendo.testing.TestArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code search --year} takes every form the API's year= takes, and refuses the rest in the same words. */
class SearchYearCliTest {
    @TempDir
    Path temp;

    @Test
    void everyFormOfFiscalYear2019FindsTheSameHitsAsTheWesternYear() throws IOException {
        Path corpus = temp.resolve("corpus");
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, corpus);
        String[] where = {"--corpus", corpus.toString(), "--index", temp.resolve("index").toString()};
        CliResult western = search(where, "2019");
        assertEquals(0, western.exit(), western.toString());
        assertTrue(western.out().contains("「防災」: 5 件"), western.toString());

        for (String form : List.of("令和元年度", "平成31年度", "R1", "H31", "2019年度", "ｒ１")) {
            CliResult r = search(where, form);
            assertEquals(0, r.exit(), form + "\n" + r);
            assertEquals(hits(western), hits(r), form);
        }

        CliResult bad = search(where, "令和九十年度");
        assertEquals(2, bad.exit(), bad.toString());
        String api = "";
        try {
            EraYears.parameter("year", "令和九十年度");
        } catch (ClientError e) {
            api = e.getMessage();
        }
        assertEquals("エラー: --year は年度（例: 2019、令和元年度、R1）で指定してください: '令和九十年度'", bad.err().strip());
        assertEquals("year は年度（例: 2019、令和元年度、R1）で指定してください: '令和九十年度'", api, "the API says the same");
    }

    private static CliResult search(String[] where, String year) {
        return CliResult.run(java.util.stream.Stream.concat(java.util.stream.Stream.of("search", "防災", "--year", year),
                java.util.Arrays.stream(where)).toArray(String[]::new));
    }

    /** The hit lines, without the timing. */
    private static List<String> hits(CliResult r) {
        return r.out().lines().filter(l -> l.contains("[")).toList();
    }
}
