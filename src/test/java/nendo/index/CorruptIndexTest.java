package nendo.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import nendo.cli.Nendo;
import nendo.config.AppConfig;
import nendo.search.SearchRequest;
import nendo.testing.SyntheticCorpus;
import nendo.testing.TestArchive;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Item 4 of "Reliable…": an index directory that is corrupt, half deleted, full of garbage or written by
 * someone else never stops the service. Starting it ({@code Nendo.open(config).ensureIndex()}, as
 * {@code serve} and {@code search} do) must notice, log a line saying the index cannot be read and is
 * rebuilt from the corpus, rebuild, and then answer searches exactly like a clean build; {@code index}
 * must rebuild over any such directory. The corpus is never touched.
 */
class CorruptIndexTest {
    /** Searches whose totals must equal those of a clean build of the bundled corpus. */
    private static final List<String> QUERIES = List.of("ゆりかごプラス", "防災", "ぼうさい", "子ども", "DX");

    static int rebuilt;
    static final List<String> notRebuilt = new java.util.concurrent.CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    /**
     * A way of damaging an index; {@code unreadable} ones must be reported as such in the log. All but
     * {@link #OVERWRITTEN_SEGMENT_DATA} make {@code DirectoryReader.open} fail; that one (bytes overwritten
     * inside the segment data, length and footer intact) opens, and only its checksum tells.
     */
    enum Damage {
        TRUNCATED_SEGMENTS_FILE(true),
        EMPTY_SEGMENTS_FILE(true),
        GARBAGE_SEGMENTS_FILE(true),
        SEGMENTS_FORMAT_TOO_NEW(true),
        SEGMENTS_FORMAT_TOO_OLD(true),
        DELETED_SEGMENT_DATA_FILE(true),
        DELETED_SEGMENT_INFO_FILE(true),
        TRUNCATED_SEGMENT_DATA_FILE(true),
        GARBAGE_NEWER_COMMIT(true),
        OVERWRITTEN_SEGMENT_DATA(true),
        GARBAGE_FILES_ONLY(false),
        FOREIGN_INDEX(false),
        MISSING_COMMIT_DATA(false);

        final boolean unreadable;

        Damage(boolean unreadable) {
            this.unreadable = unreadable;
        }
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void startingOnADamagedIndexRebuildsItFromTheCorpus(Damage damage) throws Exception {
        notRebuilt.add("start:" + damage);
        Path corpus = dir.resolve("corpus");
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, corpus);
        Map<String, String> corpusBefore = SyntheticCorpus.hashes(corpus);
        Path index = dir.resolve("index");
        AppConfig config = new AppConfig(corpus, index, "127.0.0.1", 0);

        IndexState clean;
        Map<String, Long> reference;
        try (Nendo nendo = Nendo.open(config)) {
            clean = nendo.ensureIndex();
            reference = hits(nendo);
        }
        damage(damage, index);

        Captured start = captureStderr(() -> {
            // As the service starts: an index it cannot read is rebuilt before it answers.
            try (Nendo nendo = Nendo.open(config)) {
                assertEquals(ArchiveIndex.Opening.REBUILT, nendo.openIndexForServing());
                return new Object[] {nendo.indexState(), hits(nendo)};
            }
        });
        String what = damage + " (index files now: " + listing(index) + ")";
        if (start.error != null) {
            throw new AssertionError(what + ": starting the service failed instead of rebuilding: " + start.error
                    + "\n--- log:\n" + start.log, start.error);
        }
        IndexState state = (IndexState) start.result[0];
        @SuppressWarnings("unchecked")
        Map<String, Long> answers = (Map<String, Long>) start.result[1];
        assertNotEquals(clean.builtAt(), state.builtAt(), what + ": not rebuilt");
        assertEquals(clean.documents(), state.documents(), what);
        assertEquals(clean.measures(), state.measures(), what);
        assertEquals(clean.missions(), state.missions(), what);
        assertEquals(reference, answers, what + ": searches after the rebuild");
        assertTrue(start.log.contains("作り直"), what + ": no log line about the rebuild\n--- log:\n" + start.log);
        if (damage.unreadable) {
            assertTrue(start.log.contains("読め"), what + ": the log does not say the index could not be read"
                    + " (expected a line like 「索引を読めないため、コーパスから作り直します」)\n--- log:\n" + start.log);
        }

        // The rebuilt index is sound: a plain reader agrees with its commit data, and the next start keeps it.
        CrashRecoveryTest.Commit.read(index).orElseThrow().assertConsistent(
                new CrashRecoveryTest.Counts(clean.documents(), clean.measures(), clean.missions()), what + " rebuilt");
        try (Nendo nendo = Nendo.open(config)) {
            assertEquals(state.builtAt(), nendo.ensureIndex().builtAt(), what + ": rebuilt again on the next start");
            assertEquals(reference, hits(nendo), what);
        }
        assertEquals(corpusBefore, SyntheticCorpus.hashes(corpus), what + ": the corpus changed");
        rebuilt++;
        notRebuilt.remove("start:" + damage);
        System.out.printf(Locale.ROOT, "corrupt-index: %s → rebuilt; log: %s%n", damage,
                start.log.lines().filter(l -> l.contains("索引")).toList());
    }

    /** Harmless stray files beside a sound index: the service keeps answering (rebuilding is allowed). */
    @Test
    void strayFilesBesideASoundIndexDoNotStopTheService() throws Exception {
        Path corpus = dir.resolve("corpus");
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, corpus);
        Path index = dir.resolve("index");
        AppConfig config = new AppConfig(corpus, index, "127.0.0.1", 0);
        Map<String, Long> reference;
        try (Nendo nendo = Nendo.open(config)) {
            nendo.ensureIndex();
            reference = hits(nendo);
        }
        Files.writeString(index.resolve("notes.txt"), "誰かが置いたメモ\n");
        Files.write(index.resolve("_zz.cfs"), randomBytes(4096, 7));
        Files.write(index.resolve("_zz.si"), randomBytes(300, 8));
        Files.createDirectories(index.resolve("backup"));
        Files.write(index.resolve("backup/segments_1"), randomBytes(100, 9));
        try (Nendo nendo = Nendo.open(config)) {
            nendo.ensureIndex();
            assertEquals(reference, hits(nendo));
        }
    }

    static Stream<Damage> unreadableDamages() {
        return Stream.of(Damage.values()).filter(d -> d.unreadable);
    }

    /** {@code nendo index} rebuilds over an unreadable directory too, and says so. */
    @ParameterizedTest
    @MethodSource("unreadableDamages")
    void indexCommandRebuildsOverADamagedIndex(Damage damage) throws Exception {
        notRebuilt.add("index:" + damage);
        Path corpus = dir.resolve("corpus");
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, corpus);
        Path index = dir.resolve("index");
        CrashRecoveryTest.Cli first = CrashRecoveryTest.Cli.run("index", "--corpus", corpus.toString(), "--index", index.toString());
        assertEquals(0, first.exit(), first.toString());
        CrashRecoveryTest.Counts counts = CrashRecoveryTest.Counts.parse(first.out());
        Map<String, String> corpusBefore = SyntheticCorpus.hashes(corpus);
        damage(damage, index);
        Captured run = captureStderr(() -> new Object[] {
            CrashRecoveryTest.Cli.run("index", "--corpus", corpus.toString(), "--index", index.toString())});
        CrashRecoveryTest.Cli second = (CrashRecoveryTest.Cli) run.result[0];
        assertEquals(0, second.exit(), damage + ": index over the damaged directory\n" + second + "\n--- log:\n" + run.log);
        assertEquals(counts, CrashRecoveryTest.Counts.parse(second.out()));
        CrashRecoveryTest.Commit.read(index).orElseThrow().assertConsistent(counts, damage + " then index");
        if (damage != Damage.OVERWRITTEN_SEGMENT_DATA) { // index replaces it without reading it: nothing to say
            assertTrue(run.log.contains("読め"), damage + ": index did not say the old index could not be read\n--- log:\n"
                    + run.log);
        }
        assertEquals(corpusBefore, SyntheticCorpus.hashes(corpus), damage + ": the corpus changed");
        rebuilt++;
        notRebuilt.remove("index:" + damage);
    }

    /** {@code nendo search} (which starts the archive like {@code serve}) answers on a damaged index. */
    @Test
    void searchCommandAnswersOnATruncatedSegmentsFile() throws Exception {
        notRebuilt.add("search:" + Damage.TRUNCATED_SEGMENTS_FILE);
        Path corpus = dir.resolve("corpus");
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, corpus);
        Path index = dir.resolve("index");
        String[] search = {"search", "ゆりかごプラス", "--corpus", corpus.toString(), "--index", index.toString()};
        CrashRecoveryTest.Cli first = CrashRecoveryTest.Cli.run(search);
        assertEquals(0, first.exit(), first.toString());
        assertTrue(first.out().contains(": 1 件"), first.toString());
        damage(Damage.TRUNCATED_SEGMENTS_FILE, index);
        Captured run = captureStderr(() -> new Object[] {CrashRecoveryTest.Cli.run(search)});
        CrashRecoveryTest.Cli second = (CrashRecoveryTest.Cli) run.result[0];
        assertEquals(0, second.exit(), second + "\n--- log:\n" + run.log);
        assertTrue(second.out().contains(": 1 件"), second.toString());
        assertTrue(run.log.contains("読め") && run.log.contains("作り直"), "log:\n" + run.log);
        rebuilt++;
        notRebuilt.remove("search:" + Damage.TRUNCATED_SEGMENTS_FILE);
    }

    @AfterAll
    static void summary() {
        report("rebuilt-after-corruption", rebuilt);
        report("not-rebuilt", notRebuilt.size());
        System.out.printf(Locale.ROOT, "CORRUPT-INDEX rebuilt-after-corruption=%d of %d%s%n", rebuilt,
                rebuilt + notRebuilt.size(), notRebuilt.isEmpty() ? "" : " NOT REBUILT: " + notRebuilt);
        printCombinedSummary();
    }

    // ---- damage ------------------------------------------------------------------------------------

    static void damage(Damage damage, Path index) throws IOException {
        Path segments = latestSegmentsFile(index);
        switch (damage) {
            case TRUNCATED_SEGMENTS_FILE -> truncate(segments, Files.size(segments) / 2);
            case EMPTY_SEGMENTS_FILE -> truncate(segments, 0);
            case GARBAGE_SEGMENTS_FILE -> Files.write(segments, randomBytes((int) Files.size(segments), 1));
            case SEGMENTS_FORMAT_TOO_NEW -> {
                patchSegmentsFormat(segments, Integer.MAX_VALUE);
                assertReaderFails(index, IndexFormatTooNewException.class);
            }
            case SEGMENTS_FORMAT_TOO_OLD -> {
                patchSegmentsFormat(segments, 0);
                assertReaderFails(index, IndexFormatTooOldException.class);
            }
            case DELETED_SEGMENT_DATA_FILE -> Files.delete(largestSegmentFile(index));
            case DELETED_SEGMENT_INFO_FILE -> Files.delete(segmentFileEndingWith(index, ".si"));
            case TRUNCATED_SEGMENT_DATA_FILE -> {
                Path data = largestSegmentFile(index);
                truncate(data, Files.size(data) - 100);
            }
            case OVERWRITTEN_SEGMENT_DATA -> {
                Path data = largestSegmentFile(index);
                byte[] bytes = Files.readAllBytes(data);
                Random random = new Random(3);
                for (int i = 0; i < 64; i++) {
                    int at = bytes.length / 4 + random.nextInt(bytes.length / 2);
                    bytes[at] ^= (byte) (1 + random.nextInt(255));
                }
                Files.write(data, bytes);
                try (FSDirectory directory = FSDirectory.open(index);
                     DirectoryReader reader = DirectoryReader.open(directory)) {
                    assertThrows(CorruptIndexException.class, () -> {
                        for (var leaf : reader.leaves()) leaf.reader().checkIntegrity();
                    }, "the checksum does not see the damage");
                }
            }
            case GARBAGE_NEWER_COMMIT -> {
                long generation = SegmentInfos.generationFromSegmentsFileName(segments.getFileName().toString());
                Files.write(index.resolve(IndexFileNames.fileNameFromGeneration(IndexFileNames.SEGMENTS, "",
                        generation + 5)), randomBytes(500, 2));
            }
            case GARBAGE_FILES_ONLY -> {
                CrashRecoveryTest.deleteTree(index);
                Files.createDirectories(index);
                Files.write(index.resolve("_0.cfs"), randomBytes(10_000, 3));
                Files.write(index.resolve("_0.si"), randomBytes(200, 4));
                Files.writeString(index.resolve("README.txt"), "これは索引ではありません\n");
            }
            case FOREIGN_INDEX -> {
                CrashRecoveryTest.deleteTree(index);
                try (FSDirectory directory = FSDirectory.open(index);
                     IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
                    for (int i = 0; i < 50; i++) {
                        Document doc = new Document();
                        doc.add(new StringField(PlanFields.KIND, PlanFields.KIND_MEASURE, Field.Store.YES));
                        doc.add(new TextField(PlanFields.TEXT_BIGRAM, "よその索引 ゆりかごプラス 防災 " + i, Field.Store.YES));
                        writer.addDocument(doc);
                    }
                    writer.setLiveCommitData(Map.of("schema", "someone-else/1", "documents", "50").entrySet());
                    writer.commit();
                }
            }
            case MISSING_COMMIT_DATA -> {
                try (FSDirectory directory = FSDirectory.open(index);
                     IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig()
                             .setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
                    writer.setLiveCommitData(Map.<String, String>of().entrySet());
                    writer.commit();
                }
                try (FSDirectory directory = FSDirectory.open(index)) {
                    assertEquals(Map.of(), SegmentInfos.readLatestCommit(directory).getUserData());
                }
            }
        }
        if (damage.unreadable && damage != Damage.OVERWRITTEN_SEGMENT_DATA) assertReaderFails(index, IOException.class);
    }

    private static void assertReaderFails(Path index, Class<? extends IOException> type) throws IOException {
        try (FSDirectory directory = FSDirectory.open(index)) {
            assertThrows(type, () -> DirectoryReader.open(directory).close(), "the damage is not what a reader sees");
        }
    }

    private static Path latestSegmentsFile(Path index) throws IOException {
        try (FSDirectory directory = FSDirectory.open(index)) {
            return index.resolve(SegmentInfos.getLastCommitSegmentsFileName(directory.listAll()));
        }
    }

    private static Path largestSegmentFile(Path index) throws IOException {
        return segmentFiles(index).max(Comparator.comparingLong(CorruptIndexTest::size)).orElseThrow();
    }

    private static Path segmentFileEndingWith(Path index, String suffix) throws IOException {
        return segmentFiles(index).filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow();
    }

    private static Stream<Path> segmentFiles(Path index) throws IOException {
        try (Stream<Path> list = Files.list(index)) {
            return list.filter(p -> p.getFileName().toString().startsWith("_")).sorted().toList().stream();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void truncate(Path file, long size) throws IOException {
        try (var channel = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    /** The segments file starts with CodecUtil's header: magic, the string "segments", then the format (big-endian). */
    private static void patchSegmentsFormat(Path segments, int format) throws IOException {
        byte[] bytes = Files.readAllBytes(segments);
        int at = 4 + 1 + "segments".length();
        assertEquals("segments", new String(bytes, 5, 8, StandardCharsets.US_ASCII));
        ByteBuffer.wrap(bytes, at, 4).putInt(format);
        Files.write(segments, bytes);
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static List<String> listing(Path index) {
        try (Stream<Path> list = Files.list(index)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of("(" + e + ")");
        }
    }

    private static Map<String, Long> hits(Nendo nendo) throws IOException {
        Map<String, Long> hits = new LinkedHashMap<>();
        for (String q : QUERIES) hits.put(q, nendo.archive().search(SearchRequest.of(q)).total());
        return hits;
    }

    // ---- log capture -------------------------------------------------------------------------------

    /** What a piece of work returned or threw, and what was logged (slf4j-simple writes to System.err). */
    record Captured(Object[] result, Throwable error, String log) {}

    @FunctionalInterface
    interface Work {
        Object[] run() throws Exception;
    }

    static synchronized Captured captureStderr(Work work) {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                buffer.write(b);
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                buffer.write(b, off, len);
                original.write(b, off, len);
            }
        };
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
        try {
            return new Captured(work.run(), null, buffer.toString(StandardCharsets.UTF_8));
        } catch (Throwable e) {
            return new Captured(null, e, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.err.flush();
            System.setErr(original);
        }
    }

    // ---- summary shared with CrashRecoveryTest -------------------------------------------------------

    static void report(String key, int value) {
        System.setProperty("nendo.crash.summary." + key, Integer.toString(value));
    }

    /** Prints the line for RELIABILITY.md once both test classes have reported. */
    static void printCombinedSummary() {
        String kills = System.getProperty("nendo.crash.summary.kills");
        String recovered = System.getProperty("nendo.crash.summary.recovered");
        String corrupt = System.getProperty("nendo.crash.summary.rebuilt-after-corruption");
        String failed = System.getProperty("nendo.crash.summary.not-rebuilt", "0");
        if (kills != null && corrupt != null) {
            System.out.printf(Locale.ROOT, "CRASH-RECOVERY kills=%s recovered=%s rebuilt-after-corruption=%s%s%n", kills,
                    recovered, corrupt, "0".equals(failed) ? "" : " not-rebuilt=" + failed);
        }
    }
}
