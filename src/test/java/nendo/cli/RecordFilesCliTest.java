package nendo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nendo.config.AppConfig;
import nendo.search.ArchiveViews;
import nendo.search.SearchRequest;
import nendo.search.SearchResponse;
import nendo.testing.TestArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON Lines record files ({@code *.jsonl}) in the corpus folder: indexed beside the plan files with
 * a summary, bad lines named by file and line (exit 1) while the good ones are still searchable.
 */
class RecordFilesCliTest {
    /** Good and bad records; lines 3, 5, 6, 7, 9 and 10 are bad, four are indexed (one a mission). */
    private static final List<String> MIXED_LINES = List.of(
            "\uFEFF{\"id\": \"r1\", \"year\": 2020, \"department\": \"総務部\", \"text\": \"防災訓練の実施を支援します。\"}",
            "{\"id\": \"r2\", \"year\": 2021, \"department\": \"消防本部\", \"text\": \"自主防災組織の防災訓練を推進します。\", \"org\": \"別市\"}",
            "{\"id\": \"r3\", \"year\": 2021, \"department\": \"消防本部\", \"text\": ",
            "",
            "{\"id\": \"r4\", \"year\": 2021, \"department\": \"総務部\"}",
            "{\"id\": \"r1\", \"year\": 2022, \"department\": \"総務部\", \"text\": \"重複した id の防災事業\"}",
            "{\"id\": \"r5\", \"year\": 1800, \"department\": \"総務部\", \"text\": \"古すぎる防災\"}",
            "{\"id\": \"r6\", \"year\": 2022, \"department\": \"総務部\", \"text\": \"部の使命です。防災を担います。\", \"kind\": \"mission\"}",
            "{\"id\": \"r7\", \"year\": 2022, \"department\": \"総務部\", \"text\": \"防災\", \"kind\": \"chapter\"}",
            "[1, 2]",
            "{\"id\": \"r8\", \"year\": 2022, \"department\": \"総務部\", \"text\": \"ＤＸの推進\", \"extra\": true}");
    private static final List<Integer> BAD_LINES = List.of(3, 5, 6, 7, 9, 10);

    @TempDir
    Path temp;

    @Test
    void recordsAreIndexedAndBadLinesAreNamedByFileAndLine() throws IOException {
        Path corpus = temp.resolve("corpus");
        Path file = corpus.resolve("records/架空県.jsonl");
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", MIXED_LINES), StandardCharsets.UTF_8);
        Path index = temp.resolve("index");

        CliResult r = CliResult.run("index", "--corpus", corpus.toString(), "--index", index.toString());

        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("INDEXED records=4 "), r.toString());
        assertTrue(r.out().contains("measures=3 missions=1"), r.toString());
        String where = file.toString() + ":";
        for (int line : BAD_LINES) {
            assertTrue(r.err().contains(where + line + ": "), "line " + line + " named\n" + r);
        }
        assertTrue(r.err().contains(where + "6: id 'r1' は 1 行目で使われています"), r.toString());
        assertTrue(r.err().contains(where + "5: text がないか空です"), r.toString());
        assertEquals(6, r.err().lines().count(), r.toString());

        try (Nendo nendo = Nendo.open(new AppConfig(corpus, index, "127.0.0.1", 0))) {
            nendo.ensureIndex();
            SearchResponse found = nendo.archive().search(SearchRequest.of("防災"));
            assertEquals(3, found.total(), "r1, r2 and the mission r6");
            Map<String, Long> orgs = found.facets().org().stream()
                    .collect(Collectors.toMap(SearchResponse.FacetValue::value, SearchResponse.FacetValue::count));
            assertEquals(Map.of("架空県", 2L, "別市", 1L), orgs, "org defaults to the file's name");
            assertEquals(1, nendo.archive().search(SearchRequest.of("DX")).total(), "NFKC applies to records too");
            ArchiveViews.MeasureView r2 = nendo.archive().measure("r2");
            assertEquals("消防本部", r2.department());
            assertEquals(null, r2.documentId(), "a record has no plan document");
            assertTrue(found.hits().stream().allMatch(h -> h.documentId() == null),
                    "a record's hit links to no document either: " + found.hits());
            var related = nendo.archive().related("r2", 50).related();
            assertTrue(!related.isEmpty() && related.stream().allMatch(m -> m.documentId() == null),
                    "nor as a related measure: " + related);

            // The year and department lists know records too (measures only, as for documents).
            assertEquals(List.of("2022:0:1", "2021:0:1", "2020:0:1"), nendo.archive().years().years().stream()
                    .map(y -> y.year() + ":" + y.documents() + ":" + y.measures()).toList());
            assertEquals(List.of("総務部=2 総務部 2020-2022", "消防本部=1 消防本部 2021-2021"),
                    departments(nendo.archive().departments(null, null)));
            assertEquals(List.of("消防本部=1 消防本部 2021-2021"), departments(nendo.archive().departments(null, "別市")));
            assertEquals(List.of("総務部=1 総務部 2022-2022"), departments(nendo.archive().departments(2022, null)));
        }
    }

    @Test
    void checkNamesTheLinesAnIndexBuildLeavesOutAndWritesNoIndex() throws IOException {
        Path corpus = temp.resolve("corpus");
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, corpus);
        Path file = corpus.resolve("records/架空県.jsonl");
        Files.createDirectories(file.getParent());
        List<String> lines = new ArrayList<>(MIXED_LINES);
        lines.add("{\"id\": \"mitaka-2019-02-01\", \"year\": 2019, \"department\": \"総務部\", \"text\": \"計画の事業と同じ id\"}");
        lines.add("{\"id\": \"kakuu-2021\", \"year\": 2021, \"department\": \"総務部\", \"text\": \"文書と同じ id\"}");
        Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
        Path index = temp.resolve("index");

        CliResult checked = CliResult.run("check", "--corpus", corpus.toString(), "--index", index.toString());

        assertEquals(1, checked.exit(), checked.toString());
        assertTrue(checked.out().contains("checked: valid=7 measures=268 invalid=8 records=4 "), checked.toString());
        String where = file + ":";
        assertTrue(checked.err().contains(where + "12: id 'mitaka-2019-02-01' は文書の事業で使われています"), checked.toString());
        assertTrue(checked.err().contains(where + "13: id 'kakuu-2021' は文書の事業で使われています"), checked.toString());
        assertFalse(Files.exists(index), "check never writes an index");

        CliResult built = CliResult.run("index", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(1, built.exit(), built.toString());
        assertEquals(built.err().lines().sorted().toList(), checked.err().lines().sorted().toList(),
                "check names exactly the lines the build leaves out");
    }

    private static List<String> departments(ArchiveViews.DepartmentList list) {
        return list.departments().stream()
                .map(d -> d.name() + "=" + d.count() + " " + d.names().stream()
                        .map(n -> n.name() + " " + n.fromYear() + "-" + n.toYear()).collect(Collectors.joining(",")))
                .sorted(Comparator.reverseOrder())
                .toList();
    }

    @Test
    void indexReadsOnlyTheRecordFilesThatChangedUnlessAskedForAFullBuild() throws IOException {
        Path corpus = temp.resolve("corpus");
        Files.createDirectories(corpus);
        List<String> base = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            base.add("{\"id\": \"b" + i + "\", \"year\": 2020, \"department\": \"総務部\", \"text\": \"公園の整備その" + i + "\"}");
        }
        Files.write(corpus.resolve("2020.jsonl"), base, StandardCharsets.UTF_8);
        String index = temp.resolve("index").toString();
        CliResult first = CliResult.run("index", "--corpus", corpus.toString(), "--index", index);
        assertTrue(first.out().contains("INDEXED records=200 "), first.toString());

        Files.write(corpus.resolve("2021.jsonl"), List.of(
                "{\"id\": \"n1\", \"year\": 2021, \"department\": \"総務部\", \"text\": \"防災倉庫の更新\"}",
                "{\"id\": \"b7\", \"year\": 2021, \"department\": \"総務部\", \"text\": \"重複\"}"), StandardCharsets.UTF_8);
        CliResult added = CliResult.run("index", "--corpus", corpus.toString(), "--index", index);
        assertEquals(1, added.exit(), added.toString());
        assertTrue(added.out().contains("索引を更新しました: 記録ファイル 1 個はそのまま、1 個を読み込み"), added.toString());
        assertTrue(added.out().contains("INDEXED records=1 "), "only the new file is read\n" + added);
        assertTrue(added.out().contains("measures=201 "), added.toString());
        assertTrue(added.err().contains("2021.jsonl:2: id 'b7' は 2020.jsonl の 8 行目で使われています"), added.toString());

        CliResult again = CliResult.run("index", "--corpus", corpus.toString(), "--index", index);
        assertTrue(again.out().contains("記録ファイル 2 個はそのまま、0 個を読み込み"), again.toString());
        assertFalse(again.out().contains("INDEXED records="), again.toString());
        assertTrue(again.err().contains("2021.jsonl:2: id 'b7'"), "a kept file's bad lines are still named\n" + again);

        CliResult full = CliResult.run("index", "--full", "--corpus", corpus.toString(), "--index", index);
        assertFalse(full.out().contains("更新しました"), full.toString());
        assertTrue(full.out().contains("INDEXED records=201 "), full.toString());
        assertTrue(full.out().contains("measures=201 "), full.toString());
    }

    @Test
    void aLineThatIsNotUtf8IsSkippedAloneAndAnUpdateInPlaceSeesTheSameLineNumbers() throws IOException {
        Path corpus = temp.resolve("corpus");
        Files.createDirectories(corpus);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 1; i <= 20_000; i++) {
            String text = i == 15_000 ? "壊れた" : "公園の整備その" + i;
            byte[] line = ("{\"id\": \"b" + i + "\", \"year\": 2020, \"department\": \"総務部\", \"text\": \"" + text + "\"}\n")
                    .getBytes(StandardCharsets.UTF_8);
            if (i == 15_000) line[line.length - 5] = (byte) 0xFF;   // inside た
            bytes.writeBytes(line);
        }
        Path big = corpus.resolve("2020.jsonl");
        Files.write(big, bytes.toByteArray());
        String index = temp.resolve("index").toString();

        CliResult checked = CliResult.run("check", "--corpus", corpus.toString(), "--index", index);
        assertEquals(1, checked.exit(), checked.toString());
        assertEquals(big + ":15000: UTF-8 として読めないバイトがあります。この行は読み込みません (bytes that are not UTF-8)",
                checked.err().strip(), checked.toString());
        assertTrue(checked.out().contains("records=19999 "), checked.toString());

        CliResult built = CliResult.run("index", "--corpus", corpus.toString(), "--index", index);
        assertEquals(1, built.exit(), built.toString());
        assertTrue(built.out().contains("INDEXED records=19999 "), built.toString());
        assertEquals(checked.err(), built.err(), built.toString());

        // A new file repeats the id of the kept file's line 19000: the update names that line.
        Files.writeString(corpus.resolve("2021.jsonl"),
                "{\"id\": \"b19000\", \"year\": 2021, \"department\": \"総務部\", \"text\": \"重複\"}\n");
        CliResult added = CliResult.run("index", "--corpus", corpus.toString(), "--index", index);
        assertTrue(added.out().contains("記録ファイル 1 個はそのまま、1 個を読み込み"), added.toString());
        assertTrue(added.err().contains("2021.jsonl:1: id 'b19000' は 2020.jsonl の 19000 行目で使われています"), added.toString());
        assertTrue(added.err().contains("2020.jsonl:15000: UTF-8 として読めない"), added.toString());
    }

    @Test
    void anUnchangedRecordFileKeepsTheIndexAndAChangedOneRebuildsIt() throws IOException {
        Path corpus = temp.resolve("corpus");
        Files.createDirectories(corpus);
        Path file = corpus.resolve("市.jsonl");
        Files.writeString(file, "{\"id\": \"a\", \"year\": 2020, \"department\": \"総務部\", \"text\": \"公園の整備\"}\n");
        Path index = temp.resolve("index");
        AppConfig config = new AppConfig(corpus, index, "127.0.0.1", 0);
        String builtAt;
        try (Nendo nendo = Nendo.open(config)) {
            builtAt = nendo.ensureIndex().builtAt();
        }
        try (Nendo nendo = Nendo.open(config)) {
            assertEquals(builtAt, nendo.ensureIndex().builtAt(), "same file: the index is kept");
        }
        Files.writeString(file, "{\"id\": \"a\", \"year\": 2020, \"department\": \"総務部\", \"text\": \"公園の整備と橋梁の点検\"}\n");
        try (Nendo nendo = Nendo.open(config)) {
            nendo.ensureIndex();
            assertEquals(1, nendo.archive().search(SearchRequest.of("橋梁")).total(), "changed file: rebuilt");
        }
    }

    @Test
    void aLinkToAMissingFileIsNamedAndTheRestIsIndexed() throws IOException {
        Path corpus = temp.resolve("corpus");
        Files.createDirectories(corpus);
        Files.writeString(corpus.resolve("市.jsonl"), "{\"id\": \"a\", \"year\": 2020, \"department\": \"総務部\", \"text\": \"公園の整備\"}\n");
        Files.createSymbolicLink(corpus.resolve("移した.jsonl"), temp.resolve("moved-away.jsonl"));
        Files.createSymbolicLink(corpus.resolve("2019.md"), temp.resolve("moved-away.md"));
        Path index = temp.resolve("index");

        CliResult r = CliResult.run("index", "--corpus", corpus.toString(), "--index", index.toString());

        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("INDEXED records=1 "), r.toString());
        assertTrue(r.err().contains("移した.jsonl: リンク先のファイルがありません"), r.toString());
        assertTrue(r.err().contains("2019.md: リンク先のファイルがありません"), r.toString());

        // The links are part of the corpus the index records: removing one is a change.
        AppConfig config = new AppConfig(corpus, index, "127.0.0.1", 0);
        try (Nendo nendo = Nendo.open(config)) {
            assertEquals(2, nendo.ensureIndex().invalidFiles().size());
        }
        Files.delete(corpus.resolve("移した.jsonl"));
        try (Nendo nendo = Nendo.open(config)) {
            assertEquals(List.of("2019.md"), nendo.ensureIndex().invalidFiles().stream().map(p -> p.file()).toList());
        }
    }
}
