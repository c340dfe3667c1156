package nendo.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end of a bulk build: one segment per core, even in entries, no entry lost. */
class EvenSegmentsTest {
    @TempDir
    Path dir;

    @Test
    void unevenFlushesEndAsEvenSegmentsOnePerCore() throws IOException {
        // Flushed smallest first, so that dealing them in the order written would be uneven
        // (3+10+30+50 = 93 against 5+20+40 = 65).
        int[] flushes = {3, 5, 10, 20, 30, 40, 50};
        try (FSDirectory directory = FSDirectory.open(dir)) {
            EvenSegments segments = new EvenSegments(2);
            IndexWriterConfig config = new IndexWriterConfig().setMergePolicy(segments)
                    .setMergeScheduler(segments.scheduler()).setMaxBufferedDocs(1000);
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (int size : flushes) {
                    for (int i = 0; i < size; i++) writer.addDocument(entry(size + "-" + i));
                    writer.flush();
                }
                assertEquals(7, segments.mergeBulkBuild(writer), "merged from the seven flushed segments");
                assertEquals(0, segments.mergeBulkBuild(writer), "nothing left to merge");
                writer.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                List<Integer> sizes = reader.leaves().stream().map(LeafReaderContext::reader)
                        .map(r -> r.maxDoc()).sorted().toList();
                // 50 → a, 40 → b, 30 → b (70), 20 → a (70), 10 → a (80), 5 → b (75), 3 → b (78)
                assertEquals(List.of(78, 80), sizes);
                assertEquals(158, reader.numDocs());
            }
        }
    }

    @Test
    void noMoreSegmentsThanCoresAreLeftAsTheyAre() throws IOException {
        try (FSDirectory directory = FSDirectory.open(dir)) {
            EvenSegments segments = new EvenSegments(4);
            IndexWriterConfig config = new IndexWriterConfig().setMergePolicy(segments)
                    .setMergeScheduler(segments.scheduler());
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (int flush = 0; flush < 3; flush++) {
                    writer.addDocument(entry("doc-" + flush));
                    writer.flush();
                }
                assertEquals(0, segments.mergeBulkBuild(writer));
                writer.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertEquals(3, reader.leaves().size());
            }
        }
    }

    private static Document entry(String id) {
        Document doc = new Document();
        doc.add(new StringField("id", id, Field.Store.NO));
        return doc;
    }
}
