package nendo.index;

/**
 * Hears how far a build is, for a progress bar on a terminal or periodic lines in a log. Progress
 * is counted in bytes of the record files read (the number of records is not known up front).
 */
public interface IndexProgress {
    IndexProgress NONE = new IndexProgress() {
        @Override
        public void started(long totalBytes) {}

        @Override
        public void advanced(long bytesRead, long records) {}

        @Override
        public void finished(long records) {}
    };

    void started(long totalBytes);

    /** Called often from the reading thread: must be cheap. */
    void advanced(long bytesRead, long records);

    void finished(long records);
}
