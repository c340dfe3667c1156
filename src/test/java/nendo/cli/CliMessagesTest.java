package nendo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nendo.testing.TestArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command line prints when something is wrong: a plain Japanese line (English may follow)
 * naming the file and line where there is one, never a Java class name or an exception's type.
 */
class CliMessagesTest {
    @TempDir
    Path temp;

    /** Java class names, exception types and Jackson's quoting of them. */
    private static void assertNoJava(CliResult r) {
        for (String internal : new String[] {"java.", "nendo.", "io.javalin", "Exception", "$", "`", "\tat "}) {
            assertFalse(r.err().contains(internal) || r.out().contains(internal), "'" + internal + "' shown:\n" + r);
        }
    }

    @Test
    void aTypeErrorInAliasesNamesTheKeyAndItsShape() throws IOException {
        Path corpus = temp.resolve("corpus");
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, corpus);
        Files.writeString(corpus.resolve("aliases.yaml"), "三鷹市:\n  departments:\n    企画部: 総務部\n", StandardCharsets.UTF_8);

        CliResult r = CliResult.run("check", "--corpus", corpus.toString());

        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains(corpus.resolve("aliases.yaml") + ":3: 「三鷹市 > departments > 企画部」の書き方が違います"
                + "（部名: {formerly: [旧名, ...], predecessors: [前身の部, ...]}"), r.toString());
        assertNoJava(r);
    }

    @Test
    void aJsonLineThatIsNotAnObjectSaysSoInIndexAndInTheIndexState() throws IOException {
        Path corpus = temp.resolve("corpus");
        Files.createDirectories(corpus);
        Files.writeString(corpus.resolve("市.jsonl"), "[1,2,3]\n");

        CliResult r = CliResult.run("index", "--corpus", corpus.toString(), "--index", temp.resolve("index").toString());

        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("市.jsonl:1: JSON のオブジェクト（{\"id\": …}）ではありません"), r.toString());
        assertNoJava(r);
    }

    @Test
    void aMissingCorpusFolderIsOneLineWithThePath() {
        Path missing = temp.resolve("nope");
        CliResult r = CliResult.run("check", "--corpus", missing.toString());
        assertEquals(1, r.exit(), r.toString());
        assertEquals("エラー: " + missing.toAbsolutePath() + ": コーパスのフォルダがありません (corpus folder not found)",
                r.err().strip(), r.toString());
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        for (String port : new String[] {"99999", "-1", "65536"}) {
            CliResult r = CliResult.run("serve", "--port", port, "--corpus", temp.resolve("nope").toString());
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.err().startsWith("エラー: --port は 0〜65535 の番号にしてください（0 は空いている番号）: " + port), r.toString());
            assertNoJava(r);
        }
    }

    @Test
    void optionsThatCannotBeReadAreSaidInJapaneseWithWhereTheHelpIs() {
        String[][] cases = {
                {"オプションの値が正しくありません (Invalid value for option '--size': 'abc' is not an int)", "nendo search --help",
                        "search", "--size", "abc", "防災"},
                {"知らないオプションです (Unknown option: '--frob')", "nendo search --help", "search", "--frob", "防災"},
                {"必要な値が指定されていません (Missing required parameter for option '--port' (PORT))", "nendo serve --help",
                        "serve", "--port"},
                {"解釈できない引数があります (Unmatched arguments from index 0: 'serach', '防災')", "nendo --help", "serach", "防災"},
        };
        for (String[] c : cases) {
            CliResult r = CliResult.run(java.util.Arrays.copyOfRange(c, 2, c.length));
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.err().startsWith("エラー: " + c[0] + "\n"), r.toString());
            assertTrue(r.err().strip().endsWith("使い方: " + c[1]), r.toString());
            assertTrue(!r.err().contains("Usage:") && !r.err().contains("Did you mean"), r.toString());
        }
        String mistyped = CliResult.run("serach", "防災").err();
        assertTrue(mistyped.lines().anyMatch(l -> l.startsWith("もしかして: ") && l.contains("search")), mistyped);
    }

    @Test
    void aPortInUseIsSaidInJapanese() throws IOException {
        Path corpus = temp.resolve("corpus");
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, corpus);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            CliResult r = CliResult.run("serve", "--port", Integer.toString(port), "--host", "127.0.0.1",
                    "--corpus", corpus.toString(), "--index", temp.resolve("index").toString());
            assertEquals(1, r.exit(), r.toString());
            assertTrue(r.err().contains("エラー: ポート " + port + " は別のプログラムが使っています。--port で別の番号を指定してください"
                    + " (port " + port + " is already in use)"), r.toString());
            assertNoJava(r);
        }
    }
}
