package nendo.index;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import nendo.analysis.AnalyzerFactory;
import nendo.corpus.CorpusSnapshot;
import nendo.corpus.MeasureRecords;
import nendo.model.CorpusProblem;
import nendo.model.PlanDocument;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a whole corpus into one new commit beside the last one. Until {@link IndexWriter#commit}
 * nothing is visible; a build that fails or is {@link #abandon abandoned} before then is rolled
 * back, so the last commit stays the latest and keeps answering.
 */
final class IndexBuild {
    private static final Logger LOG = LoggerFactory.getLogger(IndexBuild.class);
    private static final double RAM_BUFFER_MB = 256;
    /** Analysis threads for record files: one per core. */
    private static final int INDEX_THREADS = Runtime.getRuntime().availableProcessors();

    private final Directory directory;
    private final AnalyzerFactory analysis;
    private final CommitData commitData;
    private final EntryDocuments entries;
    private final IndexProgress progress;
    /** The writer of the build under way, for {@link #abandon} from another thread. */
    private volatile IndexWriter running;
    private volatile boolean abandoned;

    IndexBuild(Directory directory, AnalyzerFactory analysis, CommitData commitData, EntryDocuments entries,
               IndexProgress progress) {
        this.directory = directory;
        this.analysis = analysis;
        this.commitData = commitData;
        this.entries = entries;
        this.progress = progress;
    }

    /**
     * Opens a writer that replaces the index on commit. It reads the last commit to number its own
     * files, so a damaged last commit shows here (the index command over a broken index): then,
     * unless the index was just cleared, its files are cleared and the writer opened again.
     */
    private IndexWriter openWriter(EvenSegments segments, boolean cleared, Runnable onDamage) throws IOException {
        try {
            return new IndexWriter(directory, writerConfig(segments));
        } catch (LockObtainFailedException e) {
            throw new IOException("索引は別のプロセスが書き込み中です（index is locked by another process）: " + e.getMessage(), e);
        } catch (org.apache.lucene.index.CorruptIndexException | org.apache.lucene.index.IndexFormatTooOldException
                 | org.apache.lucene.index.IndexFormatTooNewException | java.nio.file.NoSuchFileException
                 | java.io.FileNotFoundException | java.io.EOFException e) {
            if (cleared) throw e;
            LOG.warn("索引を読めないため、コーパスから作り直します (unreadable index: {})", e.toString());
            onDamage.run();
            DamagedIndex.clear(directory);
            return new IndexWriter(directory, writerConfig(segments));
        }
    }

    private IndexWriterConfig writerConfig(EvenSegments segments) {
        return new IndexWriterConfig(PlanFields.indexAnalyzer(analysis))
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                // Only an explicit commit publishes a build: closing after a failure must roll
                // back, not commit the half that was written over the last good index.
                .setCommitOnClose(false)
                // Fewer, larger flushed segments: less merging during a bulk build (measured).
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                // A bulk build leaves a handful of large segments: copying each into a compound
                // file was one more write of the whole index for no gain (measured: +1–8% at 200k).
                .setUseCompoundFile(false)
                // Smaller stored-field chunks: each search reads its page's stored text.
                .setCodec(new ArchiveCodec())
                .setMergePolicy(segments)
                .setMergeScheduler(segments.scheduler());
    }

    /**
     * Adds every valid document of the snapshot and the kept last good versions, merges to one
     * segment per core and commits, recording the state.
     *
     * @param cleared whether the index folder was just cleared of a damaged index
     * @param onDamage called before a damaged last commit is cleared, to let go of its readers
     */
    IndexState write(CorpusSnapshot corpus, List<PlanDocument> kept, boolean cleared, Runnable onDamage)
            throws IOException {
        for (PlanDocument k : kept) {
            LOG.warn("{} は無効なため、前回の索引にあった版を使い続けます (kept last good version)", k.sourcePath());
        }
        EvenSegments segments = new EvenSegments(INDEX_THREADS);
        IndexWriter opened = openWriter(segments, cleared, onDamage);
        running = opened;
        try (IndexWriter writer = opened) {
            if (abandoned) writer.rollback();
            int measures = 0;
            int missions = 0;
            Set<String> ids = new HashSet<>();
            for (PlanDocument plan : Stream.concat(corpus.documents().stream(), kept.stream()).toList()) {
                for (Document entry : entries.of(plan)) {
                    writer.addDocument(entry);
                    String kind = entry.get(PlanFields.KIND);
                    if (PlanFields.KIND_MEASURE.equals(kind)) measures++;
                    if (PlanFields.KIND_MISSION.equals(kind)) missions++;
                }
                // The same ids check refuses for records, from the one place that names them.
                ids.addAll(plan.entryIds());
            }
            List<CorpusProblem> problems = new ArrayList<>(corpus.problems());
            if (!corpus.recordFiles().isEmpty()) {
                RecordIndexer.Outcome records = new RecordIndexer(entries, progress, INDEX_THREADS)
                        .add(writer, corpus.recordFiles(), new MeasureRecords(corpus.aliases()), ids);
                measures = Math.toIntExact(measures + records.measures());
                missions = Math.toIntExact(missions + records.missions());
                problems.addAll(records.problems());
            }
            IndexState state = new IndexState(ArchiveIndex.SCHEMA, analysis.signature(), corpus.fingerprint(),
                    corpus.documents().size() + kept.size(), measures, missions, problems,
                    kept.stream().map(PlanDocument::sourcePath).toList(), Instant.now().toString());
            long merging = System.nanoTime();
            int mergedFrom = segments.mergeBulkBuild(writer);
            if (mergedFrom > 0) {
                LOG.info("索引の区分 {} 個を {} 個に統合しました: {} 秒 (segments merged, one per core)", mergedFrom,
                        INDEX_THREADS, String.format(Locale.ROOT, "%.1f", (System.nanoTime() - merging) / 1e9));
            }
            writer.setLiveCommitData(commitData.of(state).entrySet());
            writer.commit();
            return state;
        } catch (AlreadyClosedException | IOException e) {
            if (abandoned) throw new BuildAbandonedException(e);
            throw e;
        } finally {
            running = null;
            LOG.info("Kuromoji: 節の {}% は解析済みの結果を再利用 (clauses reused from the memo)",
                    Math.round(entries.buildFinished() * 100));
        }
    }

    /**
     * Stops the build under way, if any, before it commits: its writer is rolled back, and the
     * thread running it ends with {@link BuildAbandonedException}. Builds started afterwards are abandoned too.
     *
     * @return whether a build was under way
     */
    boolean abandon() throws IOException {
        abandoned = true;
        IndexWriter writer = running;
        if (writer == null) return false;
        writer.rollback();
        return true;
    }
}
