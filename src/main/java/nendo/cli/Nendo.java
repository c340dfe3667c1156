package nendo.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import nendo.analysis.AnalyzerFactory;
import nendo.analysis.Synonyms;
import nendo.config.AppConfig;
import nendo.corpus.CorpusReader;
import nendo.corpus.CorpusSnapshot;
import nendo.index.ArchiveIndex;
import nendo.index.IndexProgress;
import nendo.index.IndexState;
import nendo.search.PlanArchive;
import nendo.web.WebApp;

/**
 * The object graph, built in one place: corpus reader → analyzers → index → archive → web. The
 * CLI commands and the tests all assemble the service through here.
 */
public final class Nendo implements AutoCloseable {
    private final AppConfig config;
    private final ObjectMapper json;
    private final CorpusReader corpusReader = new CorpusReader();
    private final AnalyzerFactory analysis = new AnalyzerFactory();
    private final ArchiveIndex index;
    private final PlanArchive archive;

    private Nendo(AppConfig config, IndexProgress progress) throws IOException {
        this.config = config;
        this.json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.index = ArchiveIndex.open(config.indexDir(), analysis, json, progress);
        this.archive = new PlanArchive(index, analysis, Synonyms.bundled(), json);
    }

    public static Nendo open(AppConfig config) throws IOException {
        return new Nendo(config, IndexProgress.NONE);
    }

    /** @param progress hears how far a build of JSON Lines records is */
    public static Nendo open(AppConfig config, IndexProgress progress) throws IOException {
        return new Nendo(config, progress);
    }

    /** Reads the corpus as it is on disk now. */
    public CorpusSnapshot readCorpus() {
        return corpusReader.read(config.corpusDir());
    }

    /**
     * Reads the corpus, refusing a folder that holds nothing or that would replace an index built
     * from another folder ({@link CorpusGuard}).
     *
     * @param replacing whether the user asked for the index to be rebuilt from this corpus
     */
    public CorpusSnapshot readCorpusFor(boolean replacing) throws IOException {
        CorpusSnapshot corpus = readCorpus();
        CorpusGuard.check(corpus, readableState(), config.corpusDir(), config.indexDir(), replacing);
        return corpus;
    }

    /** The index's state if it can be read; an unreadable index is for the opening to rebuild. */
    private Optional<IndexState> readableState() {
        try {
            return index.state();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Makes the index match the corpus and the analysis settings, rebuilding only if needed. */
    public IndexState ensureIndex() throws IOException {
        return index.ensureCurrent(readCorpusFor(false));
    }

    /**
     * Opens the index for the service: current, rebuilt first, or (when only the corpus changed)
     * the earlier index as it is, for {@link #rebuildInBackground} to replace.
     */
    public ArchiveIndex.Opening openIndexForServing() throws IOException {
        return index.openForServing(readCorpusFor(false));
    }

    /** The state of the index's latest commit. */
    public IndexState indexState() throws IOException {
        return index.state().orElseThrow(() -> new IllegalStateException("index not built"));
    }

    /**
     * Brings the index to the corpus as it is on disk now, on a thread of its own, while searches go
     * on against the commit they find; they see the new one once it is committed.
     */
    public CompletableFuture<ArchiveIndex.Refresh> updateInBackground() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return index.update(readCorpus());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, work -> Thread.ofPlatform().name("nendo-rebuild").daemon().start(work));
    }

    /** Rebuilds the index from the given snapshot in full, whatever its state. */
    public IndexState rebuild(CorpusSnapshot corpus) throws IOException {
        return index.rebuild(corpus);
    }

    /** Brings the index to the given snapshot: in place where it can, else in full. */
    public ArchiveIndex.Refresh update(CorpusSnapshot corpus) throws IOException {
        return index.update(corpus);
    }

    /** Picks up a commit written by another process (the index command run beside the service). */
    public void refreshIndex() throws IOException {
        index.refresh();
    }

    public PlanArchive archive() {
        return archive;
    }

    /** A web app over this archive, not yet started. */
    public WebApp web() {
        return new WebApp(archive, doc -> corpusReader.readOriginal(config.corpusDir(), doc),
                () -> index.tryUpdate(readCorpus()), config.adminToken(), json);
    }

    public AppConfig config() {
        return config;
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
