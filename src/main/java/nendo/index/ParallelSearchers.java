package nendo.index;

import java.io.Closeable;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * Searchers that search segments on every core: one request at a time (a person waiting) is
 * answered about twice as fast on two cores; under load the cores are busy either way (measured in
 * BENCHMARKS.md). Owns the threads, which end with it.
 */
final class ParallelSearchers extends SearcherFactory implements Closeable {
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private final ExecutorService threads = Executors.newFixedThreadPool(CORES, daemon("nendo-search"));

    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
        return new IndexSearcher(reader, threads) {
            @Override
            protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
                return balanced(leaves, CORES);
            }
        };
    }

    /**
     * One slice per core, as even in entries as whole segments allow (largest segment first, each
     * to the lightest slice). Lucene's default cuts slices at 250,000 entries, which at 1M gave
     * three uneven slices for two cores.
     */
    static IndexSearcher.LeafSlice[] balanced(List<LeafReaderContext> leaves, int count) {
        return EvenGroups.of(leaves, leaf -> leaf.reader().maxDoc(), Math.max(1, count)).stream()
                .filter(group -> !group.isEmpty())
                .map(group -> new IndexSearcher.LeafSlice(group.stream()
                        .map(IndexSearcher.LeafReaderContextPartition::createForEntireSegment).toList()))
                .toArray(IndexSearcher.LeafSlice[]::new);
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
