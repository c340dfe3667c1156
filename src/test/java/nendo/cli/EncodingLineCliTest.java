package nendo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nendo.config.AppConfig;
import nendo.model.CorpusProblem;
import nendo.testing.TestArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A UTF-8 plan file with a few stray bytes is refused at the line of the first one: check, index and /health. */
class EncodingLineCliTest {
    @TempDir
    Path temp;

    @Test
    void strayBytesInAUtf8PlanAreNamedByTheirLine() throws IOException {
        Path corpus = temp.resolve("corpus");
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, corpus);
        List<String> lines = new ArrayList<>(List.of("---", "id: mitaka-2020", "organization: 三鷹市", "fiscalYear: 2020",
                "series: 各部の運営方針と目標", "title: 令和2年度「各部の運営方針と目標」", "---", "", "## 総務部", ""));
        while (lines.size() < 25) lines.add("- 防災の事業その" + lines.size() + "を進めます。");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            bytes.writeBytes(lines.get(i).getBytes(StandardCharsets.UTF_8));
            if (i == 19) bytes.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0x80});   // line 20
            bytes.write('\n');
        }
        Path file = corpus.resolve("mitaka/2020.md");
        Files.write(file, bytes.toByteArray());
        Path index = temp.resolve("index");
        String expected = file + ":20: 文字コードを判定できません";

        CliResult checked = CliResult.run("check", "--corpus", corpus.toString(), "--index", index.toString());
        assertTrue(checked.err().startsWith(expected), checked.toString());
        CliResult built = CliResult.run("index", "--corpus", corpus.toString(), "--index", index.toString());
        assertTrue(built.err().startsWith(expected), built.toString());
        try (Nendo nendo = Nendo.open(new AppConfig(corpus, index, "127.0.0.1", 0))) {
            nendo.ensureIndex();
            CorpusProblem problem = nendo.archive().health().invalidFiles().get(0);
            assertEquals("mitaka/2020.md", problem.file());
            assertEquals(20, problem.line(), "/health names the line too");
        }
    }
}
