package nendo.index;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import nendo.corpus.CorpusException;
import nendo.corpus.MeasureRecords;
import nendo.corpus.RecordFile;
import nendo.model.CorpusProblem;
import nendo.model.MeasureRecord;
import org.apache.lucene.index.IndexWriter;

/**
 * Adds the records of JSON Lines files to an open writer. One thread reads, parses and checks the
 * lines (in order, so that a duplicate id is always reported at its later line); analysis — nearly
 * all of the cost — runs on one thread per core, each adding to the shared IndexWriter, which
 * keeps a segment per thread.
 */
final class RecordIndexer {
    /** Records per task: large enough to amortise hand-over, small enough to keep cores even. */
    private static final int BATCH = 256;
    /** Problems listed per file; the rest are counted in one last line, so the commit data stays small. */
    private static final int MAX_PROBLEMS_PER_FILE = 100;

    private final EntryDocuments entries;
    private final IndexProgress progress;
    private final int threads;

    record Outcome(long records, long measures, long missions, List<CorpusProblem> problems) {}

    RecordIndexer(EntryDocuments entries, IndexProgress progress, int threads) {
        this.entries = entries;
        this.progress = progress;
        this.threads = threads;
    }

    /**
     * @param takenIds ids already in the index (the plan documents' measures), so that a record
     *     cannot shadow one of them
     */
    Outcome add(IndexWriter writer, List<RecordFile> files, MeasureRecords parser, java.util.Set<String> takenIds)
            throws IOException {
        long totalBytes = files.stream().mapToLong(RecordFile::bytes).sum();
        progress.started(totalBytes);
        ExecutorService pool = Executors.newFixedThreadPool(threads, ParallelSearchers.daemon("nendo-index-worker"));
        Semaphore inFlight = new Semaphore(threads * 4);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong measures = new AtomicLong();
        AtomicLong missions = new AtomicLong();
        Map<String, Long> seen = new HashMap<>();
        takenIds.forEach(id -> seen.put(id, 0L));
        List<CorpusProblem> problems = new ArrayList<>();
        long records = 0;
        long bytesBefore = 0;
        try {
            for (RecordFile file : files) {
                FileReading reading = new FileReading(file, parser, seen);
                try (CountingStream counted = new CountingStream(Files.newInputStream(file.path()));
                     BufferedReader lines = new BufferedReader(new InputStreamReader(counted,
                             StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                     .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16)) {
                    List<MeasureRecord> batch = new ArrayList<>(BATCH);
                    String line;
                    while (true) {
                        try {
                            line = lines.readLine();
                        } catch (CharacterCodingException e) {
                            reading.problem(reading.lineNumber + 1, "UTF-8 として読めないバイトがあります。この行以降は読み込みません");
                            break;
                        }
                        if (line == null) break;
                        MeasureRecord record = reading.next(line);
                        if (record == null) continue;
                        batch.add(record);
                        if (batch.size() == BATCH) {
                            records += batch.size();
                            submit(pool, inFlight, failure, writer, batch, measures, missions);
                            batch = new ArrayList<>(BATCH);
                            progress.advanced(bytesBefore + counted.count, records);
                        }
                    }
                    records += batch.size();
                    submit(pool, inFlight, failure, writer, batch, measures, missions);
                }
                bytesBefore += file.bytes();
                progress.advanced(bytesBefore, records);
                problems.addAll(reading.problems());
            }
            pool.shutdown();
            if (!pool.awaitTermination(1, TimeUnit.HOURS)) throw new IOException("indexing did not finish within an hour");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("indexing interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        rethrow(failure.get());
        progress.finished(records);
        return new Outcome(records, measures.get(), missions.get(), problems);
    }

    private void submit(ExecutorService pool, Semaphore inFlight, AtomicReference<Throwable> failure, IndexWriter writer,
                        List<MeasureRecord> batch, AtomicLong measures, AtomicLong missions)
            throws InterruptedException, IOException {
        if (batch.isEmpty()) return;
        rethrow(failure.get());
        inFlight.acquire();
        pool.execute(() -> {
            try {
                for (MeasureRecord record : batch) {
                    if (failure.get() != null) return;
                    writer.addDocument(entries.of(record));
                    (PlanFields.KIND_MISSION.equals(record.kind()) ? missions : measures).incrementAndGet();
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            } finally {
                inFlight.release();
            }
        });
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t == null) return;
        if (t instanceof IOException io) throw io;
        if (t instanceof RuntimeException re) throw re;
        if (t instanceof Error err) throw err;
        throw new IOException(t);
    }

    /** The line-by-line state of one file: line numbers, ids seen, problems found. */
    private static final class FileReading {
        private final RecordFile file;
        private final MeasureRecords parser;
        private final String defaultOrg;
        private final Map<String, Long> seen;
        private final List<CorpusProblem> problems = new ArrayList<>();
        private long unlisted;
        private long lineNumber;

        FileReading(RecordFile file, MeasureRecords parser, Map<String, Long> seen) {
            this.file = file;
            this.parser = parser;
            this.defaultOrg = MeasureRecords.defaultOrg(file);
            this.seen = seen;
        }

        /** The record on the next line, or null for a blank or bad line. */
        MeasureRecord next(String line) {
            lineNumber++;
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') line = line.substring(1);
            if (line.isBlank()) return null;
            try {
                MeasureRecord record = parser.parse(file, defaultOrg, lineNumber, line);
                Long earlier = seen.putIfAbsent(record.id(), lineNumber);
                if (earlier != null) {
                    problem(lineNumber, "id '" + record.id() + "' は"
                            + (earlier == 0 ? "文書の事業で" : " " + earlier + " 行目で") + "使われています（重複は読み込みません）");
                    return null;
                }
                return record;
            } catch (CorpusException e) {
                problem(lineNumber, e.problem().message());
                return null;
            }
        }

        void problem(long line, String message) {
            if (problems.size() < MAX_PROBLEMS_PER_FILE) {
                problems.add(new CorpusProblem(file.relative(), (int) Math.min(line, Integer.MAX_VALUE), message));
            } else {
                unlisted++;
            }
        }

        List<CorpusProblem> problems() {
            if (unlisted == 0) return problems;
            List<CorpusProblem> all = new ArrayList<>(problems);
            all.add(new CorpusProblem(file.relative(), 0, "ほかに " + unlisted + " 行が読み込めませんでした"));
            return Collections.unmodifiableList(all);
        }
    }

    /** Counts the bytes read, for progress in bytes. */
    private static final class CountingStream extends FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
