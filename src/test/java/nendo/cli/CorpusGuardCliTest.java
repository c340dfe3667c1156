package nendo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nendo.testing.TestArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mistaken {@code --corpus} never replaces an index built from another corpus folder: a service
 * running on that index would pick the new commit up within seconds and answer from the wrong
 * archive. The bundled corpus holds 7 documents and 268 measures; its 架空市 subfolder 6 and 244.
 */
class CorpusGuardCliTest {
    private static final String BUNDLED_COUNTS = "documents=7 measures=268";

    @TempDir
    Path temp;

    private Path corpus;
    private Path index;

    @BeforeEach
    void buildIndexOfTheBundledCorpus() throws IOException {
        corpus = temp.resolve("corpus");
        index = temp.resolve("index");
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, corpus);
        CliResult built = CliResult.run("index", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(0, built.exit(), built.toString());
        assertTrue(built.out().contains(BUNDLED_COUNTS), built.toString());
    }

    /** What the index holds now, as the read-only search reports it over the bundled corpus. */
    private void assertIndexStillHoldsTheBundledCorpus() {
        CliResult r = CliResult.run("search", "防災", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("「防災」: 16 件"), r.toString());
        CliResult again = CliResult.run("index", "--corpus", corpus.toString(), "--index", index.toString());
        assertTrue(again.out().contains(BUNDLED_COUNTS), again.toString());
    }

    @Test
    void anEmptyFolderIsRefusedByEveryCommandThatReadsTheCorpus() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        for (String[] args : new String[][] {
                {"search", "防災", "--corpus", empty.toString(), "--index", index.toString()},
                {"index", "--corpus", empty.toString(), "--index", index.toString()},
                {"index", "--full", "--corpus", empty.toString(), "--index", index.toString()},
                {"check", "--corpus", empty.toString()}}) {
            CliResult r = CliResult.run(args);
            assertEquals(2, r.exit(), String.join(" ", args) + "\n" + r);
            assertTrue(r.err().contains("計画文書（.md）も記録ファイル（.jsonl）もありません"), r.toString());
            assertTrue(r.err().contains(empty.toString()), "names the folder: " + r);
        }
        assertIndexStillHoldsTheBundledCorpus();
    }

    @Test
    void anotherFolderDoesNotReplaceTheIndexUnlessAFullBuildIsAskedFor() throws IOException {
        Path subfolder = corpus.resolve("kakuu");
        for (String[] args : new String[][] {
                {"search", "防災", "--corpus", subfolder.toString(), "--index", index.toString()},
                {"index", "--corpus", subfolder.toString(), "--index", index.toString()}}) {
            CliResult r = CliResult.run(args);
            assertEquals(2, r.exit(), String.join(" ", args) + "\n" + r);
            assertTrue(r.err().contains("別のコーパス"), r.toString());
            assertTrue(r.err().contains("index --full"), "says how to go on: " + r);
        }
        assertIndexStillHoldsTheBundledCorpus();

        CliResult full = CliResult.run("index", "--full", "--corpus", subfolder.toString(), "--index", index.toString());
        assertEquals(0, full.exit(), full.toString());
        assertTrue(full.out().contains("documents=6 measures=244"), full.toString());
        CliResult search = CliResult.run("search", "防災", "--corpus", subfolder.toString(), "--index", index.toString());
        assertEquals(0, search.exit(), search.toString());
    }

    @Test
    void aCopyWithTheSameFilesElsewhereUsesTheIndexAsItIs() throws IOException {
        Path copy = temp.resolve("moved");
        TestArchive.copyTree(corpus, copy);
        CliResult r = CliResult.run("search", "防災", "--corpus", copy.toString(), "--index", index.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("「防災」: 16 件"), r.toString());
        // Once the copy is edited, it is another corpus: building from it takes a full build.
        Files.writeString(copy.resolve("kakuu/2021.md"), Files.readString(copy.resolve("kakuu/2021.md"))
                .replaceFirst("\n- ", "\n- 改め、"));
        CliResult edited = CliResult.run("index", "--corpus", copy.toString(), "--index", index.toString());
        assertEquals(2, edited.exit(), edited.toString());
    }
}
