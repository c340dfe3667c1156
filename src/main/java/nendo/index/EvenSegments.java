package nendo.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;

/**
 * Ends a bulk build with one segment per core, as even in entries as whole segments allow, merged
 * side by side on every core. A million records flush into about seven segments of uneven size;
 * searching them costs the per-segment work of each query seven times over, and two cores cannot
 * share seven uneven segments evenly (measured in BENCHMARKS.md: +11–13% QPS at c=1 and +12% at
 * c=8 for about 10 s of merging at 1M). The segments are dealt as the search threads deal them
 * ({@link EvenGroups}). Natural merges are left to Lucene's default policy.
 */
final class EvenSegments extends FilterMergePolicy {
    private final int count;
    /** Segments the last forced merge started from; 0 if it had nothing to merge. */
    private volatile int mergedFrom;

    EvenSegments(int count) {
        super(new TieredMergePolicy());
        this.count = Math.max(1, count);
    }

    /** A scheduler that runs the forced merges at the same time, one thread each. */
    ConcurrentMergeScheduler scheduler() {
        ConcurrentMergeScheduler scheduler = new ConcurrentMergeScheduler();
        scheduler.setMaxMergesAndThreads(count + 4, count);
        return scheduler;
    }

    /**
     * Merges the writer's segments into {@link #count} even ones, if it has more, and waits.
     *
     * @return the number of segments merged from, 0 if there were not more than {@link #count}
     */
    int mergeBulkBuild(IndexWriter writer) throws IOException {
        mergedFrom = 0;
        writer.forceMerge(count);
        return mergedFrom;
    }

    @Override
    public MergeSpecification findForcedMerges(SegmentInfos infos, int maxSegmentCount,
            Map<SegmentCommitInfo, Boolean> segmentsToMerge, MergeContext context) throws IOException {
        List<SegmentCommitInfo> segments = new ArrayList<>();
        for (SegmentCommitInfo info : infos) {
            // Only segments of this forceMerge and not already being merged.
            if (segmentsToMerge.containsKey(info) && !context.getMergingSegments().contains(info)) segments.add(info);
        }
        if (segments.size() <= maxSegmentCount) return null;
        if (mergedFrom == 0) mergedFrom = segments.size();
        MergeSpecification spec = new MergeSpecification();
        for (List<SegmentCommitInfo> group : EvenGroups.of(segments, s -> s.info.maxDoc(), maxSegmentCount)) {
            if (group.size() > 1) spec.add(new OneMerge(group));
        }
        return spec.merges.isEmpty() ? null : spec;
    }

    @Override
    public boolean useCompoundFile(SegmentInfos infos, SegmentCommitInfo merged, MergeContext context) {
        // As for flushed segments of a bulk build: compound files would copy the index once more.
        return false;
    }
}
