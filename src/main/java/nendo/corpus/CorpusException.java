package nendo.corpus;

import nendo.model.CorpusProblem;

/** A corpus file that cannot be used; carries the file and line to show the person who edits it. */
public final class CorpusException extends Exception {
    private final transient CorpusProblem problem;

    public CorpusException(CorpusProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public CorpusProblem problem() {
        return problem;
    }
}
