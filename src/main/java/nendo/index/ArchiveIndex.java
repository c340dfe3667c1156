package nendo.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nendo.analysis.AnalyzerFactory;
import nendo.corpus.CorpusSnapshot;
import nendo.corpus.MeasureRecords;
import nendo.model.CorpusProblem;
import nendo.model.PlanDocument;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-disk index and its one owner. Builds are atomic: a new build is written beside the last
 * commit and becomes visible only when committed, so searchers keep answering from the last
 * complete index. Each commit records the analysis signature and the corpus fingerprint it was
 * built from; an index that differs from the running settings or corpus is rebuilt, never served.
 */
public final class ArchiveIndex implements Closeable {
    /** Bump when fields or entry layout change. */
    static final String SCHEMA = "nendo-schema/6";
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveIndex.class);
    private static final double RAM_BUFFER_MB = 256;
    /** Analysis threads for record files: one per core. */
    private static final int INDEX_THREADS = Runtime.getRuntime().availableProcessors();

    private final Directory directory;
    private final AnalyzerFactory analysis;
    private final ObjectMapper json;
    private final CommitData commitData;
    private final EntryDocuments entries;
    private final IndexProgress progress;
    private volatile SearcherManager searchers;
    private final ParallelSearchers searcherFactory = new ParallelSearchers();
    /** One build at a time; searchers keep answering from the last commit meanwhile. */
    private final java.util.concurrent.locks.ReentrantLock writing = new java.util.concurrent.locks.ReentrantLock();

    private ArchiveIndex(Directory directory, AnalyzerFactory analysis, ObjectMapper json, IndexProgress progress) {
        this.directory = directory;
        this.analysis = analysis;
        this.json = json;
        this.commitData = new CommitData(json);
        this.entries = new EntryDocuments(json, analysis.kuromojiStreams());
        this.progress = progress;
    }

    public static ArchiveIndex open(Path dir, AnalyzerFactory analysis, ObjectMapper json) throws IOException {
        return open(dir, analysis, json, IndexProgress.NONE);
    }

    /** @param progress hears how far the JSON Lines records of a build are */
    public static ArchiveIndex open(Path dir, AnalyzerFactory analysis, ObjectMapper json, IndexProgress progress)
            throws IOException {
        return new ArchiveIndex(FSDirectory.open(dir), analysis, json, progress);
    }

    /** The state of the latest commit, if there is an index at all. */
    public Optional<IndexState> state() throws IOException {
        if (!DirectoryReader.indexExists(directory)) return Optional.empty();
        return Optional.of(commitData.read(SegmentInfos.readLatestCommit(directory).getUserData()));
    }

    /** True if the index was built by these analysis settings and this schema (from any corpus). */
    private boolean builtWithTheseSettings(IndexState state) {
        return SCHEMA.equals(state.schema()) && analysis.signature().equals(state.analysis());
    }

    /** How {@link #openForServing} left the index. */
    public enum Opening {
        /** Built from this corpus with these settings, and opened. */
        CURRENT,
        /** Missing, built with other settings or unreadable: rebuilt, then opened. */
        REBUILT,
        /**
         * Built with these settings from an earlier version of the corpus, readable and complete:
         * opened as it is, answering for that version until the caller {@link #rebuild}s it.
         */
        EARLIER_CORPUS
    }

    /**
     * Rebuilds if the index is missing, stale, built with other settings, or unreadable (corrupt,
     * truncated, another program's); otherwise keeps it. An unreadable index is never served.
     */
    public IndexState ensureCurrent(CorpusSnapshot corpus) throws IOException {
        open(corpus, false);
        return state().orElseThrow();
    }

    /**
     * Like {@link #ensureCurrent}, except that an index of an earlier version of the corpus is
     * opened without waiting for a rebuild: at a million records a rebuild takes over a minute,
     * and until it ends the earlier index gives the right answers for the corpus as it was. An
     * index built with other analysis settings or another schema is still rebuilt first, since
     * it would answer wrongly, and an unreadable one is never served.
     */
    public Opening openForServing(CorpusSnapshot corpus) throws IOException {
        return open(corpus, true);
    }

    private Opening open(CorpusSnapshot corpus, boolean earlierCorpusWillDo) throws IOException {
        try {
            Optional<IndexState> state = state();
            boolean sameSettings = state.isPresent() && builtWithTheseSettings(state.get());
            boolean sameCorpus = sameSettings && corpus.fingerprint().equals(state.get().corpusFingerprint());
            if (sameCorpus || sameSettings && earlierCorpusWillDo) {
                openSearchers();
                verifyCounts();
                if (sameCorpus) return Opening.CURRENT;
                LOG.info("コーパスが変わりました。作り直す間は前回の索引で応答します (corpus changed: serving the earlier index until it is rebuilt)");
                return Opening.EARLIER_CORPUS;
            }
            LOG.info("索引を作り直します (index missing, stale or built with other analysis settings)");
        } catch (IOException | RuntimeException e) {
            LOG.warn("索引を読めないため、コーパスから作り直します (unreadable index: {})", e.toString());
            closeSearchers();
            rebuildOver(corpus, true);
            return Opening.REBUILT;
        }
        rebuild(corpus);
        return Opening.REBUILT;
    }

    /** True while a rebuild is writing (the index answers from its previous commit meanwhile). */
    public boolean rebuilding() {
        return writing.isLocked();
    }

    /**
     * Every file's checksum holds and the commit's recorded counts match what a reader sees, or the
     * index is not the one recorded (checked at start-up only).
     */
    private void verifyCounts() throws IOException {
        IndexState recorded = state().orElseThrow();
        int documents = withSearcher(s -> {
            DamagedIndex.verifyChecksums(s.getIndexReader());
            return s.count(org.apache.lucene.document.KeywordField.newExactQuery(PlanFields.KIND, PlanFields.KIND_DOCUMENT));
        });
        if (documents != recorded.documents()) {
            throw new org.apache.lucene.index.CorruptIndexException("commit records " + recorded.documents()
                    + " documents, reader sees " + documents, directory.toString());
        }
    }

    /**
     * Rebuilds unless another rebuild is running, for requests that must not queue up behind one:
     * empty when busy.
     */
    public Optional<IndexState> tryRebuild(CorpusSnapshot corpus) throws IOException {
        if (!writing.tryLock()) return Optional.empty();
        try {
            return Optional.of(rebuild(corpus));
        } finally {
            writing.unlock();
        }
    }

    /**
     * Writes every valid document of the snapshot into a new commit, replacing the previous one. A
     * file that is invalid now but was indexed before keeps its last good version, so that one
     * broken edit never takes a published document offline; /health lists it as kept.
     */
    public IndexState rebuild(CorpusSnapshot corpus) throws IOException {
        return rebuildOver(corpus, false);
    }

    private IndexState rebuildOver(CorpusSnapshot corpus, boolean unreadable) throws IOException {
        writing.lock();
        try {
            if (!unreadable && !DamagedIndex.opens(directory)) {
                closeSearchers();
                unreadable = true;
            }
            if (unreadable) DamagedIndex.clear(directory);
            List<PlanDocument> kept = unreadable ? List.of() : LastGoodVersions.of(directory, json, corpus);
            try {
                return write(corpus, kept);
            } catch (org.apache.lucene.index.CorruptIndexException | org.apache.lucene.index.IndexFormatTooOldException
                     | org.apache.lucene.index.IndexFormatTooNewException | java.nio.file.NoSuchFileException
                     | java.io.FileNotFoundException | java.io.EOFException e) {
                if (unreadable) throw e;
                // The writer read the damaged previous commit (the index command over a broken index).
                LOG.warn("索引を読めないため、コーパスから作り直します (unreadable index: {})", e.toString());
                closeSearchers();
                DamagedIndex.clear(directory);
                return write(corpus, kept);
            }
        } finally {
            writing.unlock();
        }
    }

    private IndexState write(CorpusSnapshot corpus, List<PlanDocument> kept) throws IOException {
        for (PlanDocument k : kept) {
            LOG.warn("{} は無効なため、前回の索引にあった版を使い続けます (kept last good version)", k.sourcePath());
        }
        IndexWriterConfig config = new IndexWriterConfig(PlanFields.indexAnalyzer(analysis))
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                // Fewer, larger flushed segments: less merging during a bulk build (measured).
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                // A bulk build leaves a handful of large segments: copying each into a compound
                // file was one more write of the whole index for no gain (measured: +1–8% at 200k).
                .setUseCompoundFile(false)
                // Smaller stored-field chunks: each search reads its page's stored text.
                .setCodec(new ArchiveCodec());
        EvenSegments segments = new EvenSegments(INDEX_THREADS);
        config.setMergePolicy(segments).setMergeScheduler(segments.scheduler());
        int measures = 0;
        int missions = 0;
        java.util.Set<String> ids = new java.util.HashSet<>();
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (PlanDocument plan : java.util.stream.Stream.concat(corpus.documents().stream(), kept.stream()).toList()) {
                for (Document entry : entries.of(plan)) {
                    writer.addDocument(entry);
                    String kind = entry.get(PlanFields.KIND);
                    if (PlanFields.KIND_MEASURE.equals(kind)) measures++;
                    if (PlanFields.KIND_MISSION.equals(kind)) missions++;
                }
                // The same ids check refuses for records, from the one place that names them.
                ids.addAll(plan.entryIds());
            }
            List<CorpusProblem> problems = new java.util.ArrayList<>(corpus.problems());
            if (!corpus.recordFiles().isEmpty()) {
                RecordIndexer.Outcome records = new RecordIndexer(entries, progress, INDEX_THREADS)
                        .add(writer, corpus.recordFiles(), new MeasureRecords(corpus.aliases()), ids);
                measures = Math.toIntExact(measures + records.measures());
                missions = Math.toIntExact(missions + records.missions());
                problems.addAll(records.problems());
            }
            IndexState state = new IndexState(SCHEMA, analysis.signature(), corpus.fingerprint(),
                    corpus.documents().size() + kept.size(), measures, missions, problems,
                    kept.stream().map(PlanDocument::sourcePath).toList(), Instant.now().toString());
            long merging = System.nanoTime();
            int mergedFrom = segments.mergeBulkBuild(writer);
            if (mergedFrom > 0) {
                LOG.info("索引の区分 {} 個を {} 個に統合しました: {} 秒 (segments merged, one per core)", mergedFrom,
                        INDEX_THREADS, String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - merging) / 1e9));
            }
            writer.setLiveCommitData(commitData.of(state).entrySet());
            writer.commit();
        } catch (LockObtainFailedException e) {
            throw new IOException("索引は別のプロセスが書き込み中です（index is locked by another process）: " + e.getMessage(), e);
        } finally {
            LOG.info("Kuromoji: 節の {}% は解析済みの結果を再利用 (clauses reused from the memo)",
                    Math.round(entries.buildFinished() * 100));
        }
        openSearchers();
        return state().orElseThrow();
    }

    /**
     * Opens the latest commit if another process (the {@code index} command) wrote one; searches
     * already running finish on the commit they started with.
     */
    public void refresh() throws IOException {
        SearcherManager manager = searchers;
        if (manager != null) manager.maybeRefresh();
    }

    /** Runs {@code work} on a searcher of the latest commit, released afterwards. */
    public <T> T withSearcher(SearcherWork<T> work) throws IOException {
        SearcherManager manager = searchers;
        if (manager == null) throw new IllegalStateException("index not opened: call ensureCurrent first");
        IndexSearcher searcher = manager.acquire();
        try {
            return work.apply(searcher);
        } finally {
            manager.release(searcher);
        }
    }

    /** Work that needs a searcher; may throw IOException. */
    @FunctionalInterface
    public interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private synchronized void closeSearchers() {
        SearcherManager manager = searchers;
        searchers = null;
        if (manager != null) {
            try {
                manager.close();
            } catch (IOException e) {
                LOG.warn("closing searchers of an unreadable index failed: {}", e.toString());
            }
        }
    }

    private synchronized void openSearchers() throws IOException {
        if (searchers == null) {
            searchers = new SearcherManager(directory, searcherFactory);
        } else {
            searchers.maybeRefreshBlocking();
        }
    }

    @Override
    public void close() throws IOException {
        SearcherManager manager = searchers;
        if (manager != null) manager.close();
        entries.close();
        searcherFactory.close();
        directory.close();
    }
}
