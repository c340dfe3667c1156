package nendo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nendo.config.AppConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record already published keeps its id: a file added later that repeats it has its own line
 * refused, though its name sorts first, whether the index is updated in place, rebuilt in full or
 * checked. Only a first build, with nothing published, goes by path order.
 */
class RecordIdPrecedenceCliTest {
    @TempDir
    Path temp;

    @Test
    void aNewFileRepeatingAPublishedIdIsTheOneRefused() throws IOException {
        Path corpus = temp.resolve("corpus");
        write(corpus.resolve("records/extra.jsonl"), extra("公開中の子育て事業です。"));
        Path index = temp.resolve("index");
        CliResult first = CliResult.run("index", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(0, first.exit(), first.toString());

        // bad.jsonl sorts before extra.jsonl; its line 5 reuses r-001.
        List<String> bad = new ArrayList<>();
        for (int i = 1; i <= 4; i++) bad.add(record("b-00" + i, "追加した事業" + i + "です。"));
        bad.add(record("r-001", "新しいファイルの重複した事業です。"));
        write(corpus.resolve("records/bad.jsonl"), bad);
        String refused = corpus.resolve("records/bad.jsonl") + ":5: id 'r-001' は records/extra.jsonl の 1 行目で使われています";

        CliResult checked = CliResult.run("check", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(List.of(refused + "（重複は読み込みません）"), checked.err().lines().toList(), checked.toString());

        CliResult updated = CliResult.run("index", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(1, updated.exit(), updated.toString());
        assertTrue(updated.out().contains("updated in place"), "a new file is read alone: " + updated);
        assertEquals(checked.err(), updated.err(), "check names the line the update refuses");
        assertPublished(corpus, index, "公開中の防災事業です。");

        CliResult full = CliResult.run("index", "--full", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(1, full.exit(), full.toString());
        assertEquals(updated.err(), full.err(), "a full build over the index decides as the update did");
        assertPublished(corpus, index, "公開中の防災事業です。");

        // An edit of the older file does not make it younger: it keeps the id.
        write(corpus.resolve("records/extra.jsonl"), extra("書き換えた子育て事業です。"));
        CliResult edited = CliResult.run("index", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(updated.err(), edited.err(), edited.toString());
        assertPublished(corpus, index, "公開中の防災事業です。");

        // A first build has nothing published: path order decides, as documented.
        Path fresh = temp.resolve("fresh");
        CliResult firstBuild = CliResult.run("index", "--corpus", corpus.toString(), "--index", fresh.toString());
        assertTrue(firstBuild.err().contains(corpus.resolve("records/extra.jsonl")
                + ":1: id 'r-001' は records/bad.jsonl の 5 行目で使われています"), firstBuild.toString());
    }

    private static void assertPublished(Path corpus, Path index, String text) throws IOException {
        try (Nendo nendo = Nendo.open(new AppConfig(corpus, index, "127.0.0.1", 0))) {
            nendo.ensureIndex();
            assertEquals(text, nendo.archive().measure("r-001").text());
        }
    }

    /** The published file: r-001 on line 1, and enough records that adding bad.jsonl is an update in place. */
    private static List<String> extra(String second) {
        List<String> lines = new ArrayList<>(List.of(record("r-001", "公開中の防災事業です。"), record("r-002", second)));
        for (int i = 3; i <= 20; i++) lines.add(record("r-0" + i, "公開中の事業" + i + "です。"));
        return lines;
    }

    private static String record(String id, String text) {
        return "{\"id\": \"" + id + "\", \"year\": 2021, \"department\": \"総務部\", \"text\": \"" + text + "\"}";
    }

    private long clock = System.currentTimeMillis();

    /** Writes the file with a modification time of its own, so that every write changes its stamp. */
    private void write(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
        clock += 2000;
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(clock));
    }
}
