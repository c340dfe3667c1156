package nendo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nendo.config.AppConfig;
import nendo.index.IndexState;
import nendo.search.SearchRequest;
import nendo.search.YearDiff;
import nendo.testing.TestArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken aliases.yaml is a broken edit like any other: while it cannot be read, the index keeps
 * the version it was built with (renames and department lists), says so, and names the line. A plan
 * file admitted while no aliases could be read at all is not kept once they can be.
 */
class LastGoodAliasesCliTest {
    private static final String RENAME = "政策企画部: {formerly: [企画部]}";
    private static final String TYPO = "政策企画部: {formely: [企画部]}";
    /** A new plan whose heading no department list of 三鷹市 holds. */
    private static final String UNLISTED_PLAN = """
            ---
            id: mitaka-2021
            organization: 三鷹市
            fiscalYear: 2021
            series: 各部の運営方針と目標
            title: 令和3年度「各部の運営方針と目標」
            ---

            ## 総務部局

            - 一覧にない部局の防災事業を進めます。
            """;

    @TempDir
    Path temp;

    @Test
    void aTypoInAliasesKeepsTheLastGoodVersionInUse() throws IOException {
        Path corpus = temp.resolve("corpus");
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, corpus);
        Path index = temp.resolve("index");
        assertEquals(0, index(corpus, index).exit());

        Path aliases = corpus.resolve("aliases.yaml");
        String good = Files.readString(aliases);
        Files.writeString(aliases, good.replace(RENAME, TYPO), StandardCharsets.UTF_8);
        int typoLine = lineOf(aliases, "formely");
        Files.writeString(corpus.resolve("mitaka/2021.md"), UNLISTED_PLAN, StandardCharsets.UTF_8);

        CliResult checked = CliResult.run("check", "--corpus", corpus.toString(), "--index", index.toString());
        CliResult broken = index(corpus, index);
        assertEquals(1, broken.exit(), broken.toString());
        assertTrue(broken.err().contains(aliases + ":" + typoLine + ": 未知の項目 'formely'"), broken.toString());
        assertTrue(broken.err().contains("前回の正しい版"), broken.toString());
        assertTrue(broken.err().contains(corpus.resolve("mitaka/2021.md") + ":9: 部「総務部局」"),
                "the department lists stay checked: " + broken);
        assertTrue(broken.out().contains("前回の正しい版を使用中: aliases.yaml"), broken.toString());
        assertEquals(broken.err(), checked.err(), "check reads the corpus as the build does");
        assertRenamesFollowed(corpus, index);

        // The last good version outlives the next builds, full ones too, while the file stays broken.
        assertEquals(broken.err(), CliResult.run("index", "--full", "--corpus", corpus.toString(), "--index",
                index.toString()).err());
        assertRenamesFollowed(corpus, index);

        Files.writeString(aliases, good, StandardCharsets.UTF_8);
        CliResult fixed = index(corpus, index);
        assertFalse(fixed.err().contains(aliases + ":"), fixed.toString());
        try (Nendo nendo = Nendo.open(config(corpus, index))) {
            assertEquals(List.of(), nendo.ensureIndex().keptFiles());
        }
    }

    /** Finding: a plan admitted while aliases.yaml was unreadable stayed published once it was fixed. */
    @Test
    void aPlanAdmittedWhileNoAliasesCouldBeReadIsNotKeptOnceTheyCan() throws IOException {
        Path corpus = temp.resolve("corpus");
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, corpus);
        Path aliases = corpus.resolve("aliases.yaml");
        String good = Files.readString(aliases);
        // Broken from the first build: there is no good version to fall back on, as before.
        Files.writeString(aliases, good.replace(RENAME, TYPO), StandardCharsets.UTF_8);
        Files.writeString(corpus.resolve("mitaka/2021.md"), UNLISTED_PLAN, StandardCharsets.UTF_8);
        Path index = temp.resolve("index");
        CliResult first = index(corpus, index);
        assertFalse(first.err().contains("mitaka/2021.md"), "no department list is checked: " + first);
        try (Nendo nendo = Nendo.open(config(corpus, index))) {
            nendo.ensureIndex();
            assertEquals(1, nendo.archive().search(SearchRequest.of("一覧にない部局")).total());
        }

        Files.writeString(aliases, good, StandardCharsets.UTF_8);
        CliResult fixed = index(corpus, index);
        assertEquals(1, fixed.exit(), fixed.toString());
        assertTrue(fixed.err().contains(corpus.resolve("mitaka/2021.md") + ":9: 部「総務部局」"), fixed.toString());
        try (Nendo nendo = Nendo.open(config(corpus, index))) {
            IndexState state = nendo.ensureIndex();
            assertEquals(List.of(), state.keptFiles(), "never valid under readable aliases: nothing to keep");
            assertEquals(0, nendo.archive().search(SearchRequest.of("一覧にない部局")).total());
        }
    }

    /** 政策企画部 is followed back to 企画部 (2019–2021), and the year diff calls it renamed. */
    private static void assertRenamesFollowed(Path corpus, Path index) throws IOException {
        try (Nendo nendo = Nendo.open(config(corpus, index))) {
            IndexState state = nendo.ensureIndex();
            assertEquals(List.of("aliases.yaml"), state.keptFiles(), "/health says the last good aliases are in use");
            var renamed = nendo.archive().departments(null, "架空市").departments().stream()
                    .filter(d -> d.name().equals("政策企画部")).findFirst().orElseThrow();
            assertEquals(List.of("企画部 2019-2021", "政策企画部 2022-2024"),
                    renamed.names().stream().map(n -> n.name() + " " + n.fromYear() + "-" + n.toYear()).toList());
            YearDiff.DepartmentDiff diff = nendo.archive().diff("架空市", 2021, 2022, null).departments().stream()
                    .filter(d -> d.name().equals("政策企画部")).findFirst().orElseThrow();
            assertEquals("renamed", diff.relation());
        }
    }

    private static CliResult index(Path corpus, Path index) {
        return CliResult.run("index", "--corpus", corpus.toString(), "--index", index.toString());
    }

    private static AppConfig config(Path corpus, Path index) {
        return new AppConfig(corpus, index, "127.0.0.1", 0);
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(text + " not in " + file);
    }
}
