package nendo.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import nendo.analysis.AnalyzerFactory;
import nendo.corpus.CorpusSnapshot;
import nendo.model.PlanDocument;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
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
    static final String SCHEMA = "nendo-schema/7";
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveIndex.class);
    /** How long closing waits for an abandoned build to let go of the index folder. */
    private static final long ABANDON_WAIT_SECONDS = 30;

    private final Directory directory;
    private final AnalyzerFactory analysis;
    private final ObjectMapper json;
    private final CommitData commitData;
    private final EntryDocuments entries;
    private final IndexBuild build;
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
        this.build = new IndexBuild(directory, analysis, commitData, entries, progress);
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
            if (sameSettings) {
                update(corpus);
                return Opening.REBUILT;
            }
            LOG.info("索引を作り直します (index missing or built with other analysis settings)");
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
     * Updates unless another build is running, for requests that must not queue up behind one:
     * empty when busy.
     */
    public Optional<IndexState> tryUpdate(CorpusSnapshot corpus) throws IOException {
        if (!writing.tryLock()) return Optional.empty();
        try {
            return Optional.of(update(corpus).state());
        } finally {
            writing.unlock();
        }
    }

    /**
     * Brings the index to the snapshot: in place when the last commit was built with these settings
     * and most of its records still read the same ({@link IndexUpdate}), else by a full
     * {@link #rebuild}. Either way the result is the index a full build would write, and searchers
     * keep answering from the last commit until it is committed.
     */
    public Refresh update(CorpusSnapshot corpus) throws IOException {
        writing.lock();
        try {
            corpus = LastBuild.read(directory, json).prepare(corpus);
            Optional<IndexState> last;
            try {
                last = state();
            } catch (IOException | RuntimeException e) {
                last = Optional.empty();
            }
            // Only a whole last commit is kept in part: damage in it would outlive the update.
            if (last.isPresent() && builtWithTheseSettings(last.get()) && DamagedIndex.intact(directory)) {
                Optional<IndexBuild.Update> update = build.update(corpus, LastGoodVersions.of(directory, json, corpus));
                if (update.isPresent()) {
                    openSearchers();
                    return new Refresh(update.get().state(), true, update.get().unchanged(), update.get().readAgain());
                }
            }
            return new Refresh(rebuildOver(corpus, false), false, List.of(),
                    corpus.recordFiles().stream().map(nendo.corpus.RecordFile::relative).toList());
        } finally {
            writing.unlock();
        }
    }

    /**
     * How {@link #update} brought the index to the corpus.
     *
     * @param inPlace whether the last commit was updated (else it was rebuilt in full)
     * @param unchangedRecordFiles record files kept as indexed
     * @param readRecordFiles record files read
     */
    public record Refresh(IndexState state, boolean inPlace, List<String> unchangedRecordFiles,
                          List<String> readRecordFiles) {}

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
            corpus = (unreadable ? LastBuild.NONE : LastBuild.read(directory, json)).prepare(corpus);
            List<PlanDocument> kept = unreadable ? List.of() : LastGoodVersions.of(directory, json, corpus);
            build.write(corpus, kept, unreadable, this::closeSearchers);
            openSearchers();
            return state().orElseThrow();
        } finally {
            writing.unlock();
        }
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

    /**
     * Closes the index. A rebuild still under way is abandoned first: rolled back, so that the last
     * commit stays the latest (the next start rebuilds), and waited for, so that its threads let go
     * of the folder before it is closed.
     */
    @Override
    public void close() throws IOException {
        try {
            if (build.abandon()) {
                LOG.info("終了するため索引の作り直しを中断しました。前回の索引はそのまま残ります (rebuild abandoned on close; the last commit stays)");
            }
        } catch (IOException e) {
            // Closing goes on: nothing was committed, and the next writer removes files left behind.
            LOG.warn("作り直しの中断でエラーがありました (rolling back the rebuild failed: {})", e.toString());
        }
        try {
            if (writing.tryLock(ABANDON_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) writing.unlock();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        SearcherManager manager = searchers;
        if (manager != null) manager.close();
        entries.close();
        searcherFactory.close();
        directory.close();
    }
}
