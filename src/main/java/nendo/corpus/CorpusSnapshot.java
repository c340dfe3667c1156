package nendo.corpus;

import java.util.List;
import nendo.model.CorpusProblem;
import nendo.model.PlanDocument;

/**
 * Everything read from the corpus folder at one moment: the valid documents, the files that
 * could not be used, the JSON Lines record files (read only while indexing, they may be large),
 * and a fingerprint so that a stale index can be detected.
 *
 * @param aliasesStamp identifies the aliases file's version: record files indexed under other
 *     aliases cannot be kept by an update in place
 * @param folder the corpus folder's real path, recorded with an index so that a command pointed at
 *     another folder by mistake does not silently replace the index of the archive being served
 * @param aliasesText the version of aliases.yaml in use (read now, or the last good one kept); null
 *     when there is no aliases file, or it cannot be read and no good version was given
 * @param aliasesKept whether aliases.yaml cannot be read and its last good version is in use
 */
public record CorpusSnapshot(List<PlanDocument> documents, List<CorpusProblem> problems, String fingerprint,
                             Aliases aliases, String aliasesStamp, List<RecordFile> recordFiles, String folder,
                             AliasesText aliasesText, boolean aliasesKept) {
    public CorpusSnapshot {
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
        recordFiles = List.copyOf(recordFiles);
    }

    public CorpusSnapshot(List<PlanDocument> documents, List<CorpusProblem> problems, String fingerprint,
                          Aliases aliases, String aliasesStamp, List<RecordFile> recordFiles, String folder) {
        this(documents, problems, fingerprint, aliases, aliasesStamp, recordFiles, folder, null, false);
    }

    /**
     * True when aliases.yaml cannot be read and no last good version stands in: the documents were
     * read without names to follow or department lists to check.
     */
    public boolean aliasesUnreadable() {
        return !aliasesKept && problems.stream().anyMatch(p -> p.file().equals(Aliases.FILE_NAME));
    }

    public CorpusSnapshot(List<PlanDocument> documents, List<CorpusProblem> problems, String fingerprint,
                          Aliases aliases) {
        this(documents, problems, fingerprint, aliases, "", List.of(), "");
    }

    /**
     * True when the folder holds no plan file, no record file and no file that failed to read: a
     * corpus path given by mistake, which would otherwise build an archive of nothing.
     */
    public boolean holdsNothing() {
        return documents.isEmpty() && problems.isEmpty() && recordFiles.isEmpty();
    }

    /**
     * The same snapshot with its record files in another order: the order in which an earlier use of
     * an id wins over a later one (the index decides it, from the files it already holds).
     */
    public CorpusSnapshot withRecordFiles(List<RecordFile> files) {
        return new CorpusSnapshot(documents, problems, fingerprint, aliases, aliasesStamp, files, folder, aliasesText,
                aliasesKept);
    }

    /** Bytes of all record files, the measure of progress while indexing them. */
    public long recordBytes() {
        return recordFiles.stream().mapToLong(RecordFile::bytes).sum();
    }

    public int measureCount() {
        return documents.stream().mapToInt(PlanDocument::measureCount).sum();
    }
}
