package nendo.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nendo.testing.TestArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command line through {@link Main#run}, on a copy of the bundled corpus in a temp dir. The
 * bundled corpus holds 7 documents (三鷹市 2019, 架空市 2019–2024), 268 measures (one per "- " item:
 * 24 + 40 + 39 + 39 + 40 + 43 + 43) and 48 mission paragraphs.
 */
class CliTest {
    private static final String VALID_COUNTS = "documents=7 measures=268 missions=48";

    @TempDir
    Path temp;

    private Path corpus;
    private Path index;

    @BeforeEach
    void copyCorpus() throws IOException {
        corpus = temp.resolve("corpus");
        index = temp.resolve("index");
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, corpus);
    }

    private static CliResult run(String... args) {
        return CliResult.run(args);
    }

    private CliResult index() {
        return run("index", "--corpus", corpus.toString(), "--index", index.toString());
    }

    // ------------------------------------------------------------------ check

    @Test
    void checkOnTheBundledCorpusIsCleanAndWritesNoIndex() {
        CliResult r = run("check", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("checked: valid=7 measures=268 invalid=0"), r.toString());
        assertEquals("", r.err(), r.toString());
        assertFalse(Files.exists(index), "check never touches the index");
    }

    @Test
    void checkNamesEveryBrokenFileWithItsLineAndExitsOne() throws IOException {
        Path kakuu = corpus.resolve("kakuu/2021.md");
        List<String> lines = new ArrayList<>(Files.readAllLines(kakuu));
        lines.add("");
        lines.add("## " + nendo.corpus.PlanFileFormat.REVIEW_HEADING);
        lines.add("");
        lines.add("- 部が決まらなかった事業です。");
        Files.write(kakuu, lines);
        Files.write(corpus.resolve("kakuu/2025.md"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0x81, 0x7f});
        CliResult r = run("check", "--corpus", corpus.toString());
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("checked: valid=6 measures=" + (268 - 39) + " invalid=2"), r.toString());
        assertTrue(r.err().contains(corpus.resolve("kakuu/2021.md") + ":" + (lines.size() - 2) + ": "), r.toString());
        assertTrue(r.err().contains("要確認"), r.toString());
        assertTrue(r.err().contains(corpus.resolve("kakuu/2025.md") + ": 文字コードを判定できません"), r.toString());
        assertFalse(r.err().contains("Exception"), r.toString());
    }

    // ------------------------------------------------------------------ index

    @Test
    void indexPrintsTheCounts() {
        CliResult r = index();
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains(VALID_COUNTS + " invalid=0"), r.toString());
        assertTrue(r.out().contains("文書 7 件, 事業 268 件"), r.toString());
        assertTrue(r.out().contains("無効なファイル・行 0 件"), r.toString());
        assertTrue(r.err().isBlank(), r.toString());
        assertTrue(Files.isDirectory(index), "the index folder was created");
    }

    @Test
    void indexTwiceGivesTheSameCounts() {
        assertEquals(0, index().exit());
        CliResult again = index();
        assertEquals(0, again.exit(), again.toString());
        assertTrue(again.out().contains(VALID_COUNTS + " invalid=0"), again.toString());
    }

    // ------------------------------------------------------------------ search

    @Test
    void searchBousaiInMitaka() {
        CliResult r = run("search", "防災", "--org", "三鷹市", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("「防災」: 3 件"), r.toString());
        // The three Mitaka measures that contain 防災 (grep 防災 corpus/mitaka/2019.md).
        for (String id : List.of("[mitaka-2019-02-01]", "[mitaka-2019-02-02]", "[mitaka-2019-06-01]")) {
            assertTrue(r.out().contains(id), id + "\n" + r);
        }
        assertEquals(3, r.out().lines().filter(l -> l.contains("[mitaka-2019-")).count(), r.toString());
        List<String> snippets = r.out().lines().filter(l -> l.startsWith("    ")).toList();
        assertEquals(3, snippets.size(), r.toString());
        for (String s : snippets) {
            assertTrue(s.contains("【防災】"), s);
            assertFalse(s.contains("<mark>") || s.contains("&lt;"), "terminal text, not HTML: " + s);
        }
        assertTrue(r.out().contains("2019（令和元年度） 三鷹市 総務部"), r.toString());
        assertTrue(r.out().contains("2019（令和元年度） 三鷹市 スポーツと文化部"), r.toString());
        assertFalse(r.out().contains("サンプル"), "Mitaka is real data: " + r);
        assertFalse(r.out().contains("架空市"), r.toString());
    }

    @Test
    void searchWithYearAndDepartment() {
        CliResult r = run("search", "防災", "--year", "2019", "--dept", "総務部", "--corpus", corpus.toString(),
                "--index", index.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("「防災」: 4 件"), r.toString());
        assertTrue(r.out().contains("［サンプル］"), "架空市 hits carry the sample badge: " + r);
    }

    @Test
    void searchWithNoHits() {
        CliResult r = run("search", "存在しない語句", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains(": 0 件"), r.toString());
    }

    // ------------------------------------------------------------------ broken plan files

    /**
     * A broken plan file, the line a person editing it would be sent to, and a word the message
     * must contain. Line numbers are counted in the text blocks below, first line = 1.
     */
    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                // line 4 holds "fiscalYear: abc"
                Arguments.of("year.md", """
                        ---
                        id: broken-year
                        organization: 壊れ市
                        fiscalYear: abc
                        series: 各部の運営方針と目標
                        title: 年度が数字でない文書
                        ---

                        ## 総務部

                        - 防災訓練を実施します。
                        """, 4, "fiscalYear"),
                // line 6 holds "fiscalYear: 1800" (out of range, not the first key)
                Arguments.of("range.md", """
                        ---
                        id: broken-range
                        organization: 壊れ市
                        series: 各部の運営方針と目標
                        title: 年度が範囲外の文書
                        fiscalYear: 1800
                        ---

                        ## 総務部

                        - 防災訓練を実施します。
                        """, 6, "fiscalYear"),
                // line 8 holds the misspelt key "auther" (line 2 is a YAML comment)
                Arguments.of("unknown.md", """
                        ---
                        # コメント行
                        id: broken-unknown
                        organization: 壊れ市
                        fiscalYear: 2020
                        series: 各部の運営方針と目標
                        title: 未知の項目がある文書
                        auther: 誰か
                        ---

                        ## 総務部

                        - 防災訓練を実施します。
                        """, 8, "auther"),
                // the front matter opened on line 1 is never closed: the "## 総務部" below is visible
                // to a reader, so "no department" would be wrong; line 1 is where the fix goes
                Arguments.of("unclosed.md", """
                        ---
                        id: broken-unclosed
                        organization: 壊れ市
                        fiscalYear: 2021
                        series: 各部の運営方針と目標
                        title: front matter が閉じていない文書

                        ## 総務部

                        - 防災訓練を実施します。
                        """, 1, "---"),
                // a measure on line 9, before any "## 部名" heading
                Arguments.of("orphan.md", """
                        ---
                        id: broken-orphan
                        organization: 壊れ市
                        fiscalYear: 2022
                        series: 各部の運営方針と目標
                        title: 部のない事業がある文書
                        ---

                        - 部の見出しより前に書かれた事業です。

                        ## 総務部

                        - 防災訓練を実施します。
                        """, 9, "## 部名"),
                // no "##" heading at all: the body text starts on line 9
                Arguments.of("noheading.md", """
                        ---
                        id: broken-noheading
                        organization: 壊れ市
                        fiscalYear: 2023
                        series: 各部の運営方針と目標
                        title: 部の見出しがない文書
                        ---

                        総務部の使命のつもりの段落です。

                        - 防災訓練を実施します。
                        """, 9, "## 部名"),
                // a front matter and nothing else: the file ends on line 7
                Arguments.of("empty-body.md", """
                        ---
                        id: broken-empty
                        organization: 壊れ市
                        fiscalYear: 2023
                        series: 各部の運営方針と目標
                        title: 本文のない文書
                        ---
                        """, 7, "## 部名"),
                // a level-3 heading on line 9
                Arguments.of("level3.md", """
                        ---
                        id: broken-level3
                        organization: 壊れ市
                        fiscalYear: 2024
                        series: 各部の運営方針と目標
                        title: 見出しのレベルが違う文書
                        ---

                        ### 総務部

                        - 防災訓練を実施します。
                        """, 9, "##"),
                // the second "## 総務部" is on line 13
                Arguments.of("duplicate.md", """
                        ---
                        id: broken-duplicate
                        organization: 壊れ市
                        fiscalYear: 2020
                        series: 各部の運営方針と目標
                        title: 部が二度出てくる文書
                        ---

                        ## 総務部

                        - 防災訓練を実施します。

                        ## 総務部

                        - もう一度書いてしまった事業です。
                        """, 13, "総務部"),
                // resources names a department on line 9 that has no heading
                Arguments.of("resources.md", """
                        ---
                        id: broken-resources
                        organization: 壊れ市
                        fiscalYear: 2020
                        series: 各部の運営方針と目標
                        title: 資源の部に見出しがない文書
                        resources:
                          総務部: {staff: 10, budget: 100}
                          存在しない部: {staff: 1, budget: 1}
                        ---

                        ## 総務部

                        - 防災訓練を実施します。
                        """, 9, "存在しない部"));
    }

    @ParameterizedTest(name = "{0} → line {2}")
    @MethodSource("brokenFiles")
    void aBrokenFileIsNamedWithItsLineAndTheOthersAreStillIndexed(String name, String content, int line,
                                                                   String word) throws IOException {
        write("broken/" + name, content);
        CliResult r = index();
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains(VALID_COUNTS + " invalid=1"), "the 7 valid documents are still indexed\n" + r);
        String problem = problemLine(r.err(), "broken/" + name);
        assertAll(
                () -> assertEquals(line, lineNumber(problem), "line in: " + problem),
                () -> assertTrue(messageOf(problem).contains(word), "message should mention '" + word + "': " + problem));
    }

    @Test
    void allBrokenFilesTogether() throws IOException {
        List<Arguments> cases = brokenFiles().toList();
        for (Arguments a : cases) write("broken/" + a.get()[0], (String) a.get()[1]);
        CliResult r = index();
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains(VALID_COUNTS + " invalid=" + cases.size()), r.toString());
        assertTrue(r.out().contains("無効なファイル・行 " + cases.size() + " 件"), r.toString());
        List<Executable> checks = new ArrayList<>();
        for (Arguments a : cases) {
            String file = "broken/" + a.get()[0];
            checks.add(() -> assertEquals(1, r.err().lines().filter(l -> l.contains(file + ":")).count(),
                    file + " is named once with a line number\n" + r.err()));
        }
        assertAll(checks);
        // None of the valid files is reported.
        assertFalse(r.err().contains("kakuu/") || r.err().contains("mitaka/"), r.err());
    }

    @Test
    void fixingTheFileMakesTheIndexCleanAgain() throws IOException {
        write("broken/year.md", (String) brokenFiles().findFirst().orElseThrow().get()[1]);
        assertEquals(1, index().exit());
        Files.delete(corpus.resolve("broken/year.md"));
        CliResult r = index();
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains(VALID_COUNTS + " invalid=0"), r.toString());
    }

    // ------------------------------------------------------------------ usage errors

    @Test
    void unknownSubcommandFails() {
        CliResult r = run("frobnicate");
        assertNotEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("frobnicate"), r.toString());
    }

    @Test
    void noSubcommandFails() {
        CliResult r = run();
        assertNotEquals(0, r.exit(), r.toString());
        assertFalse(r.err().isBlank(), r.toString());
        assertTrue(r.err().contains("serve") && r.err().contains("index") && r.err().contains("search"),
                "names the subcommands: " + r);
    }

    @Test
    void badOptionValueFails() {
        CliResult r = run("search", "防災", "--year", "abc", "--corpus", corpus.toString(), "--index", index.toString());
        assertNotEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("abc"), r.toString());
    }

    @Test
    void missingCorpusFolderFailsWithAMessage() {
        CliResult r = run("index", "--corpus", temp.resolve("nope").toString(), "--index", index.toString());
        assertNotEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("nope"), r.toString());
    }

    // ------------------------------------------------------------------ helpers

    private void write(String relative, String content) throws IOException {
        Path file = corpus.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** "broken/x.md:12: message" → 12 and "message". */
    private static final Pattern PROBLEM = Pattern.compile("^[^:]+:(\\d+): (.*)$");

    /** The one error line that names {@code file} with a line number. */
    private static String problemLine(String err, String file) {
        List<String> lines = err.lines().filter(l -> l.contains(file)).toList();
        assertEquals(1, lines.size(), "exactly one error line names " + file + ":\n" + err);
        String line = lines.get(0);
        assertTrue(line.contains(file + ":"), "file:line expected: " + line);
        return line.substring(line.indexOf(file));
    }

    private static int lineNumber(String problem) {
        Matcher m = PROBLEM.matcher(problem);
        if (!m.find()) throw new AssertionError("no line number in: " + problem);
        return Integer.parseInt(m.group(1));
    }

    private static String messageOf(String problem) {
        Matcher m = PROBLEM.matcher(problem);
        return m.find() ? m.group(2) : problem;
    }
}
