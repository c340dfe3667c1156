package nendo.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nendo.corpus.AliasesText;
import nendo.corpus.CorpusReader;
import nendo.corpus.CorpusSnapshot;
import nendo.corpus.RecordFile;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * What the latest commit remembers of the corpus it was built from, which the next build (full or
 * in place) and {@code check} need to decide the same way: the record files it holds, in the order
 * they take ids. Read without writing anything.
 *
 * @param recordFiles relative paths of the record files indexed, in precedence order: a file indexed
 *     longer ago comes first, so that a record already published keeps its id when a file added
 *     later repeats it (files of one build come in path order)
 * @param aliases the aliases.yaml the commit was built with, null if none could be read
 */
public record LastBuild(List<String> recordFiles, AliasesText aliases) {
    /** No index (or an unreadable one): a first build, where path order decides. */
    public static final LastBuild NONE = new LastBuild(List.of(), null);

    public LastBuild {
        recordFiles = List.copyOf(recordFiles);
    }

    /** The latest commit of an index folder; {@link #NONE} if there is none or it cannot be read. */
    public static LastBuild read(Path indexDir) {
        if (!Files.isDirectory(indexDir)) return NONE;   // opening would create the folder
        try (Directory directory = FSDirectory.open(indexDir)) {
            return read(directory, new ObjectMapper());
        } catch (IOException e) {
            return NONE;
        }
    }

    static LastBuild read(Directory directory, ObjectMapper json) {
        try {
            if (!DirectoryReader.indexExists(directory)) return NONE;
            Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
            CommitData commitData = new CommitData(json);
            return new LastBuild(commitData.recordFiles(data).map(files -> List.copyOf(files.stamps().keySet()))
                    .orElse(List.of()), commitData.aliasesText(data));
        } catch (IOException | RuntimeException e) {
            // A damaged index remembers nothing; the build that replaces it starts afresh.
            return NONE;
        }
    }

    /**
     * The snapshot as a build of it reads it. While aliases.yaml cannot be read, the corpus is read
     * again with the aliases the index was built with, so that a typo in it does not drop the renames
     * and department checks of the archive. Record files already indexed come first, in the order
     * they were, then the new ones in path order: a build reads them in this order and a record keeps
     * an id against every later file, so a full build and an update in place decide alike.
     */
    public CorpusSnapshot prepare(CorpusSnapshot corpus) {
        if (corpus.aliasesUnreadable() && aliases != null && !corpus.folder().isEmpty()) {
            corpus = new CorpusReader().read(Path.of(corpus.folder()), aliases);
        }
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < recordFiles.size(); i++) rank.put(recordFiles.get(i), i);
        List<RecordFile> ordered = new ArrayList<>(corpus.recordFiles());
        // Stable: new files (rank MAX) keep their path order among themselves.
        ordered.sort(java.util.Comparator.comparingInt(f -> rank.getOrDefault(f.relative(), Integer.MAX_VALUE)));
        return corpus.withRecordFiles(ordered);
    }
}
