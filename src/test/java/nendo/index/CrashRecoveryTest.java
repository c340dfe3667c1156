package nendo.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nendo.cli.Main;
import nendo.cli.Nendo;
import nendo.config.AppConfig;
import nendo.search.SearchRequest;
import nendo.testing.SyntheticCorpus;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Item 4 of "Reliable…": a crash loses nothing. The real indexer ({@code nendo.cli.Main index}) runs
 * as a separate JVM (the test JVM's java and classpath) on a synthetic corpus of a hundred files and is
 * killed with SIGKILL ({@link Process#destroyForcibly()}), over an existing index and over none: mostly
 * after a random delay (seeded and printed), every fifth run the moment a step of the commit shows on
 * disk (a new segment's info file, {@code pending_segments_N}, a new {@code segments_N}). After every kill:
 * <ul>
 *   <li>the index directory holds either the last complete commit (or the new, complete one) or, when
 *       there was no index before, no commit at all; a plain {@link DirectoryReader} opens it and its
 *       entries (kind=document, measure, mission) are exactly what the commit data records;
 *   <li>the corpus is byte-identical (SHA-256 of every file, originals and skipped files included) and
 *       {@code check} exits 0;
 *   <li>the service starts on a surviving commit without rebuilding it and answers like a clean build;
 *   <li>a following {@code index} exits 0 with the counts of a clean build.
 * </ul>
 *
 * <p>Normal suite: 15 kills (about 30 s on two idle cores). Longer run:
 * {@code mvn test -Dtest=CrashRecoveryTest -Dnendo.crash.runs=200}. {@code -Dnendo.crash.seed=N} repeats
 * a run's corpus and delays (the moments themselves depend on the machine's timing).
 */
class CrashRecoveryTest {
    static final int RUNS = Integer.getInteger("nendo.crash.runs", 15);
    static final int FILES = Integer.getInteger("nendo.crash.files", 100);

    private static final Pattern INDEXED =
            Pattern.compile("indexed: documents=(\\d+) measures=(\\d+) missions=(\\d+) invalid=(\\d+)");
    /** Words of the synthetic vocabulary; their hit counts must be those of the clean build. */
    private static final List<String> QUERIES = List.of("防災行政無線", "子ども食堂 連携", "ぼうさい", "合成市07");

    static int kills;
    static int recovered;
    static String phases = "";

    @TempDir
    Path dir;

    @Test
    void killedIndexerLeavesTheLastCompleteCommitOrNoneAndTheCorpusUntouched() throws Exception {
        long testStart = System.nanoTime();
        kills = 0;
        recovered = 0;
        long seed = Long.getLong("nendo.crash.seed", new Random().nextLong());
        Random random = new Random(seed);
        Path corpus = dir.resolve("corpus");
        Path index = dir.resolve("index");
        SyntheticCorpus.Summary written = SyntheticCorpus.write(corpus, FILES, seed);
        Map<String, String> corpusBefore = SyntheticCorpus.hashes(corpus);
        System.out.printf(Locale.ROOT, "crash-recovery: seed=%d runs=%d corpus=%s (-Dnendo.crash.seed=%d to repeat)%n",
                seed, RUNS, written, seed);

        // A clean build by the same child process gives the reference counts, how long a build takes and when
        // its writer starts writing files (later runs correct these estimates as the machine's load varies).
        long start = System.nanoTime();
        long writingMs = -1;
        Child clean = Child.start(dir, "clean", "index", "--corpus", corpus.toString(), "--index", index.toString());
        while (!clean.process.waitFor(2, TimeUnit.MILLISECONDS)) {
            if (writingMs < 0 && listing(index).stream().anyMatch(f -> !f.equals("write.lock"))) {
                writingMs = (System.nanoTime() - start) / 1_000_000;
            }
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(120), "clean build did not finish in 120 s");
        }
        long buildMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, clean.process.exitValue(), clean.output());
        Counts reference = Counts.parse(clean.output());
        assertEquals(new Counts(written.documents(), written.measures(), written.missions()), reference,
                "a clean build indexes every generated document, measure and mission");
        if (writingMs < 0) writingMs = buildMs / 2;
        long writeMs = buildMs - writingMs;
        Commit referenceCommit = Commit.read(index).orElseThrow();
        referenceCommit.assertConsistent(reference, "clean build");
        Map<String, Long> referenceHits = serviceHits(corpus, index, referenceCommit.builtAt(), "clean build");
        System.out.printf(Locale.ROOT, "crash-recovery: clean build %d ms (writing from %d ms), %s, hits %s%n", buildMs,
                writingMs, reference, referenceHits);

        Map<String, Integer> phaseCounts = new LinkedHashMap<>();
        // Runs go on until RUNS kills have happened (a run that finishes before its kill is checked too, and
        // teaches the real build time); the estimates follow what the runs show, as the machine's load varies.
        for (int run = 1; kills < RUNS; run++) {
            assertTrue(run <= RUNS * 3, "too many runs finished before their kill: " + phaseCounts);
            boolean fresh = run % 3 == 1; // runs 1, 4, 7, …: no index yet; the others rebuild over a complete one
            boolean full = run % 3 == 2; // runs 2, 5, 8, …: `index --full`; 3, 6, 9, …: `index` updates in place
            if (fresh) deleteTree(index);
            Optional<Commit> before = Commit.read(index);
            // Every fifth run kills the moment a commit step shows on disk. The others kill after a random delay:
            // a quarter from the process start, anywhere in a whole build; the rest from the moment this run's
            // writer is seen writing files, anywhere in the writing and committing that follow (measured from
            // writing rather than from the start, because the JVM's start-up time varies with the machine's load).
            Trigger trigger = run % 5 == 0 ? Trigger.values()[(run / 5 - 1) % Trigger.values().length] : null;
            boolean fromWriting = random.nextInt(4) != 0;
            long delayMs = (long) (random.nextDouble() * (fromWriting ? writeMs : buildMs));
            String what = String.format(Locale.ROOT, "run %d (kill %d/%d, seed=%d, %s, %s)", run, kills + 1, RUNS, seed,
                    trigger != null ? "kill on " + trigger
                            : fromWriting ? "delay=writing+" + delayMs + " ms" : "delay=" + delayMs + " ms",
                    fresh ? "no previous index" : (full ? "in full" : "in place") + " over the previous index gen "
                            + before.orElseThrow().generation());

            long runStart = System.nanoTime();
            List<String> args = new ArrayList<>(List.of("index", "--corpus", corpus.toString(), "--index", index.toString()));
            if (full) args.add("--full");
            Child child = Child.start(dir, "run", args.toArray(String[]::new));
            List<String> oldFiles = before.map(Commit::files).orElse(List.of());
            long sawWritingMs = -1;
            boolean finished;
            while (true) {
                finished = child.process.waitFor(2, TimeUnit.MILLISECONDS);
                if (finished) break;
                long elapsed = (System.nanoTime() - runStart) / 1_000_000;
                List<String> files = listing(index);
                if (sawWritingMs < 0 && files.stream().anyMatch(f -> !f.equals("write.lock") && !oldFiles.contains(f))) {
                    sawWritingMs = elapsed;
                }
                boolean due = trigger != null ? trigger.fired(files, before)
                        : fromWriting ? sawWritingMs >= 0 && elapsed >= sawWritingMs + delayMs
                        : elapsed >= delayMs;
                if (due) break;
            }
            long killedAtMs = (System.nanoTime() - runStart) / 1_000_000;
            if (!finished) {
                child.process.destroyForcibly();
                assertTrue(child.process.waitFor(30, TimeUnit.SECONDS), what + ": killed child did not exit");
                kills++;
            } else {
                assertEquals(0, child.process.exitValue(), what + ": finished before the kill, but failed\n" + child.output());
                buildMs = killedAtMs;
                if (sawWritingMs >= 0) writeMs = Math.max(1, killedAtMs - sawWritingMs);
                assertEquals(reference, Counts.parse(child.output()), what + ": counts of a build that was not killed");
            }

            // 1. What a reader sees now: the previous complete commit, a new complete one, or (fresh) nothing.
            String phase = finished ? "finished" : phase(index, before);
            Optional<Commit> after;
            try {
                after = Commit.read(index);
            } catch (IOException | RuntimeException e) {
                throw new AssertionError(what + " [" + phase + "]: the index directory does not open after the kill: "
                        + e + "\n  files: " + listing(index), e);
            }
            if (after.isEmpty()) {
                assertTrue(fresh, what + " [" + phase + "]: the previous complete commit was lost; files: " + listing(index));
            } else {
                after.get().assertConsistent(reference, what + " [" + phase + "]");
                boolean old = before.isPresent() && after.get().generation() == before.get().generation();
                assertTrue(old || after.get().generation() > before.map(Commit::generation).orElse(-1L),
                        what + ": commit went backwards: " + before + " → " + after);
            }
            phaseCounts.merge(phase, 1, Integer::sum);
            System.out.printf(Locale.ROOT, "crash-recovery: %s → %s at %d ms (writing seen from %d ms), %s%n", what, phase,
                    killedAtMs, sawWritingMs,
                    after.map(c -> "commit gen " + c.generation() + " documents=" + c.documents()).orElse("no commit"));

            // 2. The corpus is untouched and still valid.
            assertEquals(corpusBefore, SyntheticCorpus.hashes(corpus), what + ": the corpus changed");
            Cli check = Cli.run("check", "--corpus", corpus.toString());
            assertEquals(0, check.exit, what + ": check after the kill\n" + check);

            // 3. The service starts on a surviving commit as it is, without rebuilding it.
            if (after.isPresent()) {
                assertEquals(referenceHits, serviceHits(corpus, index, after.get().builtAt(), what),
                        what + ": search results on the surviving commit");
            }

            // 4. A following full index run completes with the counts of a clean build, and is served.
            Cli rebuild = Cli.run("index", "--corpus", corpus.toString(), "--index", index.toString());
            assertEquals(0, rebuild.exit, what + ": index after the kill\n" + rebuild);
            assertEquals(reference, Counts.parse(rebuild.out), what + ": counts of the rebuild");
            Commit rebuilt = Commit.read(index).orElseThrow();
            rebuilt.assertConsistent(reference, what + " then index");
            assertEquals(referenceHits, serviceHits(corpus, index, rebuilt.builtAt(), what), what + ": search results");
            assertEquals(corpusBefore, SyntheticCorpus.hashes(corpus), what + ": the corpus changed by the rebuild");
            if (!finished) recovered++;
            System.out.printf(Locale.ROOT, "crash-recovery:   recovered in %d ms%n",
                    (System.nanoTime() - runStart) / 1_000_000 - killedAtMs);
        }
        phases = phaseCounts.toString();
        System.out.printf(Locale.ROOT, "crash-recovery: seed=%d kills=%d recovered=%d phases=%s in %d s%n", seed, kills,
                recovered, phases, (System.nanoTime() - testStart) / 1_000_000_000);
    }

    @AfterAll
    static void summary() {
        CorruptIndexTest.report("kills", kills);
        CorruptIndexTest.report("recovered", recovered);
        System.out.printf(Locale.ROOT, "CRASH-KILLS kills=%d recovered=%d phases=%s%n", kills, recovered, phases);
        CorruptIndexTest.printCombinedSummary();
    }

    /**
     * Opens the service in-process ({@code Nendo.open(config).ensureIndex()}) and returns the hit counts of
     * {@link #QUERIES}. If {@code expectBuiltAt} is given, the index there is current and must be served
     * without a rebuild.
     */
    private static Map<String, Long> serviceHits(Path corpus, Path index, String expectBuiltAt, String what)
            throws IOException {
        try (Nendo nendo = Nendo.open(new AppConfig(corpus, index, "127.0.0.1", 0))) {
            IndexState state = nendo.ensureIndex();
            if (expectBuiltAt != null) {
                assertEquals(expectBuiltAt, state.builtAt(), what + ": a complete, current commit was rebuilt on start");
            }
            Map<String, Long> hits = new LinkedHashMap<>();
            for (String q : QUERIES) hits.put(q, nendo.archive().search(SearchRequest.of(q)).total());
            return hits;
        }
    }

    /** A step of the child's commit, seen in the index directory, at which it is killed at once. */
    enum Trigger {
        /** A new segment info file ({@code .si}): a segment is flushed, the commit not yet started. */
        NEW_SEGMENT_FILE,
        /** {@code pending_segments_N}: the commit is being written. */
        PENDING_COMMIT,
        /** A new {@code segments_N}: the commit is done, the old one may be being deleted. */
        NEW_COMMIT;

        boolean fired(List<String> files, Optional<Commit> before) {
            List<String> old = before.map(Commit::files).orElse(List.of());
            long generation = before.map(Commit::generation).orElse(-1L);
            return switch (this) {
                case NEW_SEGMENT_FILE -> files.stream().anyMatch(f -> f.endsWith(".si") && !old.contains(f));
                case PENDING_COMMIT -> files.stream().anyMatch(f -> f.startsWith(IndexFileNames.PENDING_SEGMENTS));
                case NEW_COMMIT -> files.stream().anyMatch(f -> f.startsWith(IndexFileNames.SEGMENTS + "_")
                        && org.apache.lucene.index.SegmentInfos.generationFromSegmentsFileName(f) > generation);
            };
        }
    }

    /** Where the kill landed, judged from the files it left beside the last commit. */
    private static String phase(Path index, Optional<Commit> before) throws IOException {
        Set<String> files = new TreeSet<>(listing(index));
        Set<String> committed = new TreeSet<>();
        long newest = -1;
        for (String f : files) {
            if (f.startsWith(IndexFileNames.SEGMENTS + "_")) {
                newest = Math.max(newest, org.apache.lucene.index.SegmentInfos.generationFromSegmentsFileName(f));
            }
        }
        if (newest > before.map(Commit::generation).orElse(-1L)) return "after-commit";
        if (files.stream().anyMatch(f -> f.startsWith(IndexFileNames.PENDING_SEGMENTS))) return "during-commit";
        if (before.isPresent()) committed.addAll(before.get().files());
        files.removeAll(committed);
        files.remove("write.lock");
        return files.isEmpty() ? "before-writing" : "while-writing";
    }

    private static List<String> listing(Path index) throws IOException {
        if (!Files.isDirectory(index)) return List.of();
        try (Stream<Path> list = Files.list(index)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** What the indexer printed: {@code indexed: documents=… measures=… missions=…}. */
    record Counts(int documents, int measures, int missions) {
        static Counts parse(String out) {
            Matcher m = INDEXED.matcher(out);
            if (!m.find()) throw new AssertionError("no 'indexed:' line in\n" + out);
            assertEquals("0", m.group(4), "invalid files in a valid corpus\n" + out);
            return new Counts(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
    }

    /** The latest commit as a reader sees it: its user data and what its entries really are. */
    record Commit(long generation, Map<String, String> data, long documentEntries, long measureEntries,
                  long missionEntries, long numDocs, List<String> files) {
        /** Opens the latest commit with a plain DirectoryReader; empty if there is no commit. */
        static Optional<Commit> read(Path index) throws IOException {
            if (!Files.isDirectory(index)) return Optional.empty();
            try (FSDirectory directory = FSDirectory.open(index)) {
                if (!DirectoryReader.indexExists(directory)) return Optional.empty();
                try (DirectoryReader reader = DirectoryReader.open(directory)) {
                    IndexCommit commit = reader.getIndexCommit();
                    IndexSearcher searcher = new IndexSearcher(reader);
                    return Optional.of(new Commit(commit.getGeneration(), Map.copyOf(commit.getUserData()),
                            searcher.count(KeywordField.newExactQuery(PlanFields.KIND, PlanFields.KIND_DOCUMENT)),
                            searcher.count(KeywordField.newExactQuery(PlanFields.KIND, PlanFields.KIND_MEASURE)),
                            searcher.count(KeywordField.newExactQuery(PlanFields.KIND, PlanFields.KIND_MISSION)),
                            reader.numDocs(), List.copyOf(new TreeSet<>(commit.getFileNames()))));
                }
            }
        }

        int documents() {
            return Integer.parseInt(data.getOrDefault("documents", "-1"));
        }

        String builtAt() {
            return data.get("builtAt");
        }

        /** The commit data matches what is really in the commit, and both match a clean build. */
        void assertConsistent(Counts expected, String what) {
            String where = what + ": commit gen " + generation + " " + data.keySet();
            assertEquals(ArchiveIndex.SCHEMA, data.get("schema"), where);
            assertEquals(Integer.toString(expected.documents()), data.get("documents"), where + " documents");
            assertEquals(Integer.toString(expected.measures()), data.get("measures"), where + " measures");
            assertEquals(Integer.toString(expected.missions()), data.get("missions"), where + " missions");
            assertEquals(expected.documents(), documentEntries, where + ": kind=document entries");
            assertEquals(expected.measures(), measureEntries, where + ": kind=measure entries");
            assertEquals(expected.missions(), missionEntries, where + ": kind=mission entries");
            assertEquals(expected.documents() + expected.measures() + expected.missions(), numDocs, where + ": numDocs");
        }
    }

    /** {@code nendo.cli.Main} in a separate JVM (the test JVM's java and classpath), output to a file. */
    record Child(Process process, Path log) {
        private static String classpath;

        /**
         * The test classpath, with its class folders (target/classes…) copied once into {@code dir}: a build
         * running beside the test (an IDE, another mvn) may rewrite target/classes while children start.
         */
        static synchronized String classpath(Path dir) throws IOException {
            if (classpath == null) {
                List<String> entries = new ArrayList<>();
                int n = 0;
                for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                    Path path = Path.of(entry);
                    if (Files.isDirectory(path)) {
                        Path copy = dir.resolve("classpath").resolve(Integer.toString(n++));
                        nendo.testing.TestArchive.copyTree(path, copy);
                        entries.add(copy.toString());
                    } else {
                        entries.add(entry);
                    }
                }
                classpath = String.join(java.io.File.pathSeparator, entries);
            }
            return classpath;
        }

        static Child start(Path dir, String name, String... args) throws IOException {
            String java = ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            List<String> command = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector",
                    "--enable-native-access=ALL-UNNAMED", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
                    "-Dstderr.encoding=UTF-8", "-cp", classpath(dir), "nendo.cli.Main"));
            command.addAll(List.of(args));
            Path log = dir.resolve(name + ".log");
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new Child(process, log);
        }

        String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }
    }

    /** {@code nendo.cli.Main} in this JVM through {@link Main#run}. */
    record Cli(int exit, String out, String err) {
        static Cli run(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit;
            try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
                exit = Main.run(args, o, e);
            }
            return new Cli(exit, out.toString(), err.toString());
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }
}
