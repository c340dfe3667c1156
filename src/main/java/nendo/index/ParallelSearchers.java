package nendo.index;

import java.io.Closeable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * Searchers that search segments on every core: one request at a time (a person waiting) is
 * answered about twice as fast on two cores; under load the cores are busy either way (measured in
 * BENCHMARKS.md). Owns the threads, which end with it.
 */
final class ParallelSearchers extends SearcherFactory implements Closeable {
    private final ExecutorService threads =
            Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), daemon("nendo-search"));

    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
        return new IndexSearcher(reader, threads);
    }

    @Override
    public void close() {
        threads.shutdown();
    }

    /** Threads that never keep the process alive, named for thread dumps and profiles. */
    static ThreadFactory daemon(String name) {
        return Thread.ofPlatform().name(name).daemon().factory();
    }
}
