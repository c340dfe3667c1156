package nendo.corpus;

import java.util.List;
import nendo.model.CorpusProblem;
import nendo.model.PlanDocument;

/**
 * Everything read from the corpus folder at one moment: the valid documents, the files that
 * could not be used, and a fingerprint of every byte so that a stale index can be detected.
 */
public record CorpusSnapshot(List<PlanDocument> documents, List<CorpusProblem> problems, String fingerprint,
                             Aliases aliases) {
    public CorpusSnapshot {
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
    }

    public int measureCount() {
        return documents.stream().mapToInt(PlanDocument::measureCount).sum();
    }
}
