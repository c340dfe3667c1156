package nendo.model;

/** Why a corpus file could not be used, pointing at the file (relative to the corpus) and line. */
public record CorpusProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
