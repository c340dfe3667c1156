package nendo.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slices for the search threads: one per core, even in entries, every segment in exactly one. */
class ParallelSearchersTest {
    @TempDir
    Path dir;

    @Test
    void segmentsAreDealtLargestFirstToTheLightestSlice() throws IOException {
        try (FSDirectory directory = FSDirectory.open(dir)) {
            try (IndexWriter writer = new IndexWriter(directory,
                    new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
                for (int size : new int[] {3, 5, 2, 4, 3}) {
                    for (int i = 0; i < size; i++) {
                        Document doc = new Document();
                        doc.add(new StringField("id", size + "-" + i, Field.Store.NO));
                        writer.addDocument(doc);
                    }
                    writer.flush();
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                List<LeafReaderContext> leaves = reader.leaves();
                assertEquals(5, leaves.size());

                IndexSearcher.LeafSlice[] two = ParallelSearchers.balanced(leaves, 2);
                // 5 → a, 4 → b, 3 → b (7), 3 → a (8), 2 → b (9)
                assertEquals(List.of(8, 9), Arrays.stream(two).map(IndexSearcher.LeafSlice::getMaxDocs).sorted().toList());
                assertEquals(Set.copyOf(leaves), covered(two));

                assertEquals(5, ParallelSearchers.balanced(leaves, 8).length, "never more slices than segments");
                assertEquals(17, ParallelSearchers.balanced(leaves, 1)[0].getMaxDocs());

                // The searchers the archive opens use these slices (Lucene's own would put all
                // five small segments in one slice, leaving a core idle).
                int cores = Runtime.getRuntime().availableProcessors();
                try (ParallelSearchers searchers = new ParallelSearchers()) {
                    IndexSearcher searcher = searchers.newSearcher(reader, null);
                    assertEquals(Math.min(cores, 5), searcher.getSlices().length);
                }
            }
        }
    }

    private static Set<LeafReaderContext> covered(IndexSearcher.LeafSlice[] slices) {
        Set<LeafReaderContext> seen = new HashSet<>();
        for (IndexSearcher.LeafSlice slice : slices) {
            for (IndexSearcher.LeafReaderContextPartition p : slice.partitions) {
                assertEquals(true, seen.add(p.ctx), "a segment in two slices");
                assertEquals(0, p.minDocId);
            }
        }
        return seen;
    }
}
