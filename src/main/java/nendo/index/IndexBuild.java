package nendo.index;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import nendo.analysis.AnalyzerFactory;
import nendo.corpus.CorpusSnapshot;
import nendo.corpus.MeasureRecords;
import nendo.corpus.RecordFile;
import nendo.corpus.RecordLines;
import nendo.model.CorpusProblem;
import nendo.model.PlanDocument;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
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
        warnKept(kept);
        EvenSegments segments = new EvenSegments(INDEX_THREADS);
        IndexWriter opened = openWriter(segments, cleared, onDamage);
        running = opened;
        try (IndexWriter writer = opened) {
            if (abandoned) writer.rollback();
            Counts plans = addPlans(writer, corpus, kept);
            RecordIndexer.Outcome records = addRecords(writer, corpus.recordFiles(), new RecordLines(
                    new MeasureRecords(corpus.aliases()), entryIds(corpus, kept)));
            IndexState state = state(corpus, kept, plans.measures + records.measures(), plans.missions + records.missions(),
                    records.problems());
            long merging = System.nanoTime();
            int mergedFrom = segments.mergeBulkBuild(writer);
            if (mergedFrom > 0) {
                LOG.info("索引の区分 {} 個を {} 個に統合しました: {} 秒 (segments merged, one per core)", mergedFrom,
                        INDEX_THREADS, String.format(Locale.ROOT, "%.1f", (System.nanoTime() - merging) / 1e9));
            }
            return commit(writer, state, corpus);
        } catch (AlreadyClosedException | IOException e) {
            if (abandoned) throw new BuildAbandonedException(e);
            throw e;
        } finally {
            finished();
        }
    }

    /**
     * Brings the last commit to the snapshot in place ({@link IndexUpdate}): the plan documents and
     * the record files that changed (or whose refused lines may read differently) are written again,
     * the rest is kept. Empty,
     * with nothing written, when only a full build can, or when the last commit cannot be opened
     * for writing (then the full build deals with the damage).
     */
    Optional<Update> update(CorpusSnapshot corpus, List<PlanDocument> kept) throws IOException {
        IndexWriter opened;
        try {
            opened = new IndexWriter(directory, writerConfig(new EvenSegments(INDEX_THREADS))
                    .setOpenMode(IndexWriterConfig.OpenMode.APPEND));
        } catch (LockObtainFailedException e) {
            throw new IOException("索引は別のプロセスが書き込み中です（index is locked by another process）: " + e.getMessage(), e);
        } catch (IOException e) {
            LOG.warn("索引を書き足せないため、全体を作り直します (cannot open the index for an update: {})", e.toString());
            return Optional.empty();
        }
        running = opened;
        try (IndexWriter writer = opened) {
            if (abandoned) writer.rollback();
            // The commit this writer starts from, and its state: the update is planned against it.
            Map<String, String> data = new HashMap<>();
            Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
            if (live != null) live.forEach(e -> data.put(e.getKey(), e.getValue()));
            IndexState previous = commitData.read(data);
            if (!ArchiveIndex.SCHEMA.equals(previous.schema()) || !analysis.signature().equals(previous.analysis())) {
                return Optional.empty();
            }
            Set<String> ids = entryIds(corpus, kept);
            RecordLines reading = new RecordLines(new MeasureRecords(corpus.aliases()), ids);
            reading.inCorpusOrder(names(corpus.recordFiles()));
            IndexUpdate.Plan plan;
            try (DirectoryReader last = DirectoryReader.open(writer)) {
                Optional<IndexUpdate.Plan> planned = IndexUpdate.of(last, commitData.recordFiles(data), corpus,
                        previous.invalidFiles(), ids);
                if (planned.isEmpty()) return Optional.empty();
                plan = planned.get();
                IndexUpdate.takeUnchangedIds(last, plan.unchanged(), reading);
            }
            warnKept(kept);
            writer.deleteDocuments(plan.deleted().stream().map(id -> new Term(PlanFields.DOCUMENT_ID, id))
                    .toArray(Term[]::new));
            Counts plans = addPlans(writer, corpus, kept);
            RecordIndexer.Outcome records;
            try {
                records = addRecords(writer, plan.readAgain(), reading);
            } catch (RecordLines.LaterFileHoldsId e) {
                LOG.info("記録の id が後のファイルと重なるため、全体を作り直します (full build: {})", e.getMessage());
                writer.rollback();
                return Optional.empty();
            }
            IndexState state = state(corpus, kept,
                    previous.measures() - plan.deletedMeasures() + plans.measures + records.measures(),
                    previous.missions() - plan.deletedMissions() + plans.missions + records.missions(),
                    inCorpusOrder(corpus, plan.unchanged(), previous.invalidFiles(), records.problems()));
            LOG.info("索引を更新しました: 記録ファイル {} 個はそのまま、{} 個を読み直し (updated in place: {} record files kept, {} read again)",
                    plan.unchanged().size(), plan.readAgain().size(), plan.unchanged().size(), plan.readAgain().size());
            return Optional.of(new Update(commit(writer, state, corpus), names(plan.unchanged()), names(plan.readAgain())));
        } catch (AlreadyClosedException | IOException e) {
            if (abandoned) throw new BuildAbandonedException(e);
            throw e;
        } finally {
            finished();
        }
    }

    /**
     * An update in place and what it read.
     *
     * @param unchanged record files kept as they were indexed
     * @param readAgain record files read (again or for the first time)
     */
    record Update(IndexState state, List<String> unchanged, List<String> readAgain) {}

    /**
     * The record files' problems in corpus order, as a full build lists them: the kept files' own
     * bad lines as the last build found them, the others' as read now.
     */
    private static List<CorpusProblem> inCorpusOrder(CorpusSnapshot corpus, List<RecordFile> unchanged,
                                                     List<CorpusProblem> previous, List<CorpusProblem> read) {
        Set<String> kept = new HashSet<>(names(unchanged));
        Map<String, List<CorpusProblem>> byFile = new HashMap<>();
        previous.stream().filter(p -> kept.contains(p.file()))
                .forEach(p -> byFile.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(p));
        read.forEach(p -> byFile.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(p));
        List<CorpusProblem> problems = new ArrayList<>();
        for (RecordFile file : corpus.recordFiles()) problems.addAll(byFile.getOrDefault(file.relative(), List.of()));
        return problems;
    }

    private static List<String> names(List<RecordFile> files) {
        return files.stream().map(RecordFile::relative).toList();
    }

    private static void warnKept(List<PlanDocument> kept) {
        for (PlanDocument k : kept) {
            LOG.warn("{} は無効なため、前回の索引にあった版を使い続けます (kept last good version)", k.sourcePath());
        }
    }

    private record Counts(int measures, int missions) {}

    /** The plan documents a build writes: the snapshot's valid ones and the kept last good versions. */
    private static List<PlanDocument> plans(CorpusSnapshot corpus, List<PlanDocument> kept) {
        return Stream.concat(corpus.documents().stream(), kept.stream()).toList();
    }

    /** Their entries' ids, which no record may take: from the one place that names them. */
    private static Set<String> entryIds(CorpusSnapshot corpus, List<PlanDocument> kept) {
        Set<String> ids = new HashSet<>();
        plans(corpus, kept).forEach(plan -> ids.addAll(plan.entryIds()));
        return ids;
    }

    /** Adds the plan documents' entries. */
    private Counts addPlans(IndexWriter writer, CorpusSnapshot corpus, List<PlanDocument> kept) throws IOException {
        int measures = 0;
        int missions = 0;
        for (PlanDocument plan : plans(corpus, kept)) {
            for (Document entry : entries.of(plan)) {
                writer.addDocument(entry);
                String kind = entry.get(PlanFields.KIND);
                if (PlanFields.KIND_MEASURE.equals(kind)) measures++;
                if (PlanFields.KIND_MISSION.equals(kind)) missions++;
            }
        }
        return new Counts(measures, missions);
    }

    private RecordIndexer.Outcome addRecords(IndexWriter writer, List<RecordFile> files, RecordLines reading)
            throws IOException {
        if (files.isEmpty()) return new RecordIndexer.Outcome(0, 0, 0, List.of());
        return new RecordIndexer(entries, progress, INDEX_THREADS).add(writer, files, reading);
    }

    private IndexState state(CorpusSnapshot corpus, List<PlanDocument> kept, long measures, long missions,
                             List<CorpusProblem> recordProblems) {
        List<CorpusProblem> problems = new ArrayList<>(corpus.problems());
        problems.addAll(recordProblems);
        List<String> keptFiles = new ArrayList<>(kept.stream().map(PlanDocument::sourcePath).toList());
        if (corpus.aliasesKept()) keptFiles.add(nendo.corpus.Aliases.FILE_NAME);
        return new IndexState(ArchiveIndex.SCHEMA, analysis.signature(), corpus.fingerprint(),
                corpus.documents().size() + kept.size(), Math.toIntExact(measures), Math.toIntExact(missions), problems,
                keptFiles, Instant.now().toString(), corpus.folder());
    }

    private IndexState commit(IndexWriter writer, IndexState state, CorpusSnapshot corpus) throws IOException {
        // Without readable aliases no department list checked the plans: they are not last good versions.
        List<String> unchecked = corpus.aliasesUnreadable()
                ? corpus.documents().stream().map(PlanDocument::sourcePath).toList() : List.of();
        writer.setLiveCommitData(commitData.of(state, IndexedRecordFiles.of(corpus), corpus.aliasesText(), unchecked)
                .entrySet());
        writer.commit();
        return state;
    }

    private void finished() {
        running = null;
        LOG.info("Kuromoji: 節の {}% は解析済みの結果を再利用 (clauses reused from the memo)",
                Math.round(entries.buildFinished() * 100));
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
