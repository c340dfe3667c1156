package nendo.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import nendo.corpus.RecordFile;
import nendo.corpus.RecordLines;
import nendo.model.CorpusProblem;
import nendo.model.MeasureRecord;
import org.apache.lucene.index.IndexWriter;

/**
 * Adds the records of JSON Lines files to an open writer. One thread reads, parses and checks the
 * lines, in order ({@link RecordLines}); analysis — nearly all of the cost — runs on one thread per
 * core, each adding to the shared IndexWriter, which keeps a segment per thread.
 */
final class RecordIndexer {
    /** Records per task: large enough to amortise hand-over, small enough to keep cores even. */
    private static final int BATCH = 256;

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
     * @param reading reads the lines, knowing the ids already taken (the plan documents' entries,
     *     the records of files an update keeps), so that a record cannot shadow one of them
     */
    Outcome add(IndexWriter writer, List<RecordFile> files, RecordLines reading) throws IOException {
        long totalBytes = files.stream().mapToLong(RecordFile::bytes).sum();
        progress.started(totalBytes);
        ExecutorService pool = Executors.newFixedThreadPool(threads, ParallelSearchers.daemon("nendo-index-worker"));
        Batches batches = new Batches(writer, pool);
        List<CorpusProblem> problems = new ArrayList<>();
        try {
            for (RecordFile file : files) {
                problems.addAll(reading.read(file, batches));
                batches.submit();
                batches.bytesBefore += file.bytes();
                progress.advanced(batches.bytesBefore, batches.records);
            }
            pool.shutdown();
            if (!pool.awaitTermination(1, TimeUnit.HOURS)) throw new IOException("indexing did not finish within an hour");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("indexing interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        rethrow(batches.failure.get());
        progress.finished(batches.records);
        return new Outcome(batches.records, batches.measures.get(), batches.missions.get(), problems);
    }

    /** Gathers the records read into batches and hands each to the analysis threads. */
    private final class Batches implements RecordLines.Sink {
        private final IndexWriter writer;
        private final ExecutorService pool;
        /** Bounds the batches read ahead of the analysis threads, so memory stays flat. */
        private final Semaphore inFlight = new Semaphore(threads * 4);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final AtomicLong measures = new AtomicLong();
        private final AtomicLong missions = new AtomicLong();
        private List<MeasureRecord> batch = new ArrayList<>(BATCH);
        private long records;
        /** Bytes of the files read before the current one. */
        private long bytesBefore;

        Batches(IndexWriter writer, ExecutorService pool) {
            this.writer = writer;
            this.pool = pool;
        }

        @Override
        public void accept(MeasureRecord record, long bytesRead) throws IOException, InterruptedException {
            batch.add(record);
            if (batch.size() == BATCH) {
                submit();
                progress.advanced(bytesBefore + bytesRead, records);
            }
        }

        void submit() throws IOException, InterruptedException {
            if (batch.isEmpty()) return;
            List<MeasureRecord> submitted = batch;
            batch = new ArrayList<>(BATCH);
            records += submitted.size();
            rethrow(failure.get());
            inFlight.acquire();
            pool.execute(() -> {
                try {
                    for (MeasureRecord record : submitted) {
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
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t == null) return;
        if (t instanceof IOException io) throw io;
        if (t instanceof RuntimeException re) throw re;
        if (t instanceof Error err) throw err;
        throw new IOException(t);
    }
}
