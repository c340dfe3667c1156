package nendo.index;

import java.util.List;
import nendo.model.CorpusProblem;

/**
 * What the latest commit says about itself: the settings it was built with, the corpus it was built
 * from, and what that corpus held (counts, files that could not be indexed).
 */
public record IndexState(String schema, String analysis, String corpusFingerprint, int documents, int measures,
                         int missions, List<CorpusProblem> invalidFiles, List<String> keptFiles, String builtAt) {
    public IndexState {
        invalidFiles = List.copyOf(invalidFiles);
        keptFiles = List.copyOf(keptFiles);
    }
}
