package nendo.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nendo.corpus.CorpusSnapshot;
import nendo.model.PlanDocument;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plan documents a rebuild carries over from the previous commit: those whose file became
 * invalid, so that one broken edit never takes a published document offline. A document admitted
 * while aliases.yaml could not be read was never checked against the department lists, so it is
 * not a good version to keep.
 */
final class LastGoodVersions {
    private static final Logger LOG = LoggerFactory.getLogger(LastGoodVersions.class);

    private LastGoodVersions() {}

    /** Documents of the current commit whose files are invalid in {@code corpus} and not replaced by a valid one. */
    static List<PlanDocument> of(Directory directory, ObjectMapper json, CorpusSnapshot corpus) {
        if (corpus.problems().isEmpty()) return List.of();
        Set<String> invalidFiles = new HashSet<>();
        corpus.problems().forEach(p -> invalidFiles.add(p.file()));
        Set<String> validIds = new HashSet<>();
        corpus.documents().forEach(d -> validIds.add(d.id()));
        List<PlanDocument> kept = new ArrayList<>();
        try {
            if (!DirectoryReader.indexExists(directory)) return List.of();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                // Admitted while aliases.yaml could not be read: never valid under its department lists.
                Set<String> unchecked = new CommitData(json).uncheckedFiles(reader.getIndexCommit().getUserData());
                IndexSearcher searcher = new IndexSearcher(reader);
                var kindDocument = KeywordField.newExactQuery(PlanFields.KIND, PlanFields.KIND_DOCUMENT);
                var top = searcher.search(kindDocument, Math.max(1, searcher.count(kindDocument)));
                for (var sd : top.scoreDocs) {
                    String stored = searcher.storedFields().document(sd.doc).get(PlanFields.DOCUMENT_JSON);
                    PlanDocument previous = json.readValue(stored, PlanDocument.class);
                    if (invalidFiles.contains(previous.sourcePath()) && !validIds.contains(previous.id())
                            && !unchecked.contains(previous.sourcePath())) {
                        kept.add(corpus.aliases().apply(previous));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // An unreadable or foreign previous index has nothing to keep; the rebuild replaces it.
            LOG.warn("前回の索引を読めないため、無効なファイルの旧版は引き継ぎません: {}", e.toString());
            return List.of();
        }
        return kept;
    }
}
