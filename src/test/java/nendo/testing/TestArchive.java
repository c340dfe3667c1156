package nendo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nendo.cli.Nendo;
import nendo.config.AppConfig;
import nendo.web.WebApp;

/**
 * A real archive for tests: a copy of the bundled corpus (or any corpus folder) in a temp dir,
 * indexed through the production indexer, optionally served on a free port.
 */
public final class TestArchive implements AutoCloseable {
    /** The bundled corpus, relative to the project root where Maven runs the tests. */
    public static final Path BUNDLED_CORPUS = Path.of("corpus");

    private final Nendo nendo;
    private final Path corpus;
    private WebApp web;

    private TestArchive(Path tempDir, Path corpus, String adminToken) throws IOException {
        this.corpus = corpus;
        this.nendo = Nendo.open(new AppConfig(corpus, tempDir.resolve("index"), "127.0.0.1", 0, adminToken));
        nendo.ensureIndex();
    }

    /** Copies the bundled corpus into {@code tempDir/corpus} and indexes it. */
    public static TestArchive bundled(Path tempDir) throws IOException {
        return bundled(tempDir, null);
    }

    /** The bundled corpus, served with the admin API on for this token (null: off). */
    public static TestArchive bundled(Path tempDir, String adminToken) throws IOException {
        Path target = tempDir.resolve("corpus");
        copyTree(BUNDLED_CORPUS, target);
        return new TestArchive(tempDir, target, adminToken);
    }

    /**
     * An archive holding these JSON Lines records ({@code tempDir/corpus/records.jsonl}), beside
     * the bundled plans or alone. Files already written into {@code tempDir/corpus} (aliases.yaml)
     * are indexed with them.
     */
    public static TestArchive withRecords(Path tempDir, boolean bundledPlans, List<String> records) throws IOException {
        Path corpus = Files.createDirectories(tempDir.resolve("corpus"));
        if (bundledPlans) copyTree(BUNDLED_CORPUS, corpus);
        Files.writeString(corpus.resolve("records.jsonl"), String.join("\n", records) + "\n");
        return new TestArchive(tempDir, corpus, null);
    }

    /** Indexes the given corpus folder (already inside {@code tempDir}). */
    public static TestArchive of(Path tempDir, Path corpus) throws IOException {
        return new TestArchive(tempDir, corpus, null);
    }

    public Nendo nendo() {
        return nendo;
    }

    public Path corpus() {
        return corpus;
    }

    /** Starts the web app on a free loopback port (once) and returns its base URL. */
    public String serve() {
        if (web == null) web = nendo.web().start("127.0.0.1", 0);
        return "http://127.0.0.1:" + web.port();
    }

    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() throws IOException {
        if (web != null) web.close();
        nendo.close();
    }
}
