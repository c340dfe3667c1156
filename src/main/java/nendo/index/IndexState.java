package nendo.index;

import java.util.List;
import nendo.model.CorpusProblem;

/**
 * What the latest commit says about itself: the settings it was built with, the corpus it was built
 * from, and what that corpus held (counts, files that could not be indexed).
 *
 * @param corpusFolder the real path of the corpus folder it was built from; null for an index
 *     written before it was recorded, or an empty string for a snapshot made without a folder
 */
public record IndexState(String schema, String analysis, String corpusFingerprint, int documents, int measures,
                         int missions, List<CorpusProblem> invalidFiles, List<String> keptFiles, String builtAt,
                         String corpusFolder) {
    public IndexState {
        invalidFiles = List.copyOf(invalidFiles);
        keptFiles = List.copyOf(keptFiles);
    }
}
