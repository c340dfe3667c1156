package nendo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nendo.testing.TestArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import} options and the files it writes: refused options (exit 2) write nothing, a draft
 * in which nothing was found needs review (exit 3), and written files get the permissions of any
 * new file.
 */
class ImportOptionsCliTest {
    /** The bundled Mitaka original: headline 令和元年度「各部の運営方針と目標」, 8 departments. */
    private static final Path ORIGINAL = TestArchive.BUNDLED_CORPUS.resolve("mitaka/2019.original.txt");

    @TempDir
    Path temp;

    private Path drafts;

    @BeforeEach
    void folders() throws IOException {
        drafts = temp.resolve("drafts/mitaka");
        Files.createDirectories(drafts);
    }

    private CliResult importFile(Path file, String... extra) {
        List<String> args = new ArrayList<>(List.of("import", file.toString(), "--org", "三鷹市",
                "--corpus", temp.resolve("no-corpus").toString()));
        args.addAll(List.of(extra));
        return CliResult.run(args.toArray(String[]::new));
    }

    private List<Path> written() throws IOException {
        try (Stream<Path> files = Files.list(drafts)) {
            return files.toList();
        }
    }

    @Test
    void theDraftAndTheSavedOriginalGetTheModeOfANewFile() throws IOException {
        assumeTrue(Files.getFileStore(drafts).supportsFileAttributeView("posix"), "POSIX permissions only");
        Set<PosixFilePermission> fresh = Files.getPosixFilePermissions(Files.createFile(drafts.resolve("fresh")));
        Files.delete(drafts.resolve("fresh"));
        Path out = drafts.resolve("2019.md");

        CliResult r = importFile(ORIGINAL, "--out", out.toString());

        assertEquals(0, r.exit(), r.toString());
        assertEquals(PosixFilePermissions.toString(fresh), PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertEquals(PosixFilePermissions.toString(fresh),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(drafts.resolve("2019.original.txt"))));
        assertEquals(List.of(), written().stream().filter(p -> p.getFileName().toString().startsWith(".")).toList(),
                "no temporary file is left");

        // Overwritten with --force, a file keeps the mode someone gave it.
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));
        assertEquals(0, importFile(ORIGINAL, "--out", out.toString(), "--force").exit());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    @Test
    void anIdThatCheckWouldRefuseIsRefusedBeforeAnythingIsWritten() throws IOException {
        CliResult r = importFile(ORIGINAL, "--id", "BAD_ID", "--out", drafts.resolve("2019.md").toString());
        assertEquals(2, r.exit(), r.toString());
        assertEquals("エラー: --id: id 'BAD_ID' は英小文字・数字・ハイフンで書いてください（例: mitaka-2019）", r.err().strip());
        assertEquals(List.of(), written());
    }

    @Test
    void aYearOutOfRangeGivesTheRangeAndAnUnreadableOneTheForms() {
        CliResult far = importFile(ORIGINAL, "--year", "2200");
        assertEquals(2, far.exit(), far.toString());
        assertEquals("エラー: --year: 年度は 1947〜2100 の範囲で指定してください: 2200", far.err().strip());
        CliResult unreadable = importFile(ORIGINAL, "--year", "いつか");
        assertEquals(2, unreadable.exit(), unreadable.toString());
        assertEquals("エラー: --year は年度（例: 2019、令和元年度、R1）で指定してください: 'いつか'", unreadable.err().strip());
    }

    @Test
    void aYearThatDisagreesWithTheHeadlineIsWarnedAbout() {
        CliResult r = importFile(ORIGINAL, "--year", "R2");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("fiscalYear: 2020"), r.toString());
        assertTrue(r.err().contains(": 注意: --year の 2020（令和2年度）は、見出しの年度 2019（令和元年度）と違います。"), r.toString());

        CliResult same = importFile(ORIGINAL, "--year", "令和元年度");
        assertFalse(same.err().contains("見出しの年度"), same.toString());
    }

    @Test
    void aFileWithOnlyTheHeadlineNeedsReview() throws IOException {
        Path headline = temp.resolve("headline.txt");
        Files.writeString(headline, "令和2年度「各部の運営方針と目標」\n", StandardCharsets.UTF_8);
        CliResult r = importFile(headline);
        assertEquals(ImportCommand.NEEDS_REVIEW, r.exit(), r.toString());
        assertTrue(r.err().contains("要確認: 事業（● などで始まる項目）が見つかりません"), r.toString());
    }

    @Test
    void anOutThatIsNotMarkdownIsRefused() throws IOException {
        CliResult r = importFile(ORIGINAL, "--out", drafts.resolve("x.txt").toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().startsWith("エラー: --out は .md のファイルにしてください（例: corpus/mitaka/2020.md）"), r.toString());
        assertEquals(List.of(), written());
    }

    @Test
    void anOutNamedAfterAnotherYearIsRefused() throws IOException {
        CliResult r = importFile(ORIGINAL, "--year", "2020", "--out", drafts.resolve("2019.md").toString());
        assertEquals(2, r.exit(), r.toString());
        assertEquals("エラー: --out のファイル名 2019.md は 2020 年度の文書には使えません（2020.md にするか、--year を確かめてください）",
                r.err().strip());
        assertEquals(List.of(), written());
    }
}
