package nendo.corpus;

import java.nio.file.Path;

/**
 * A JSON Lines file of measure records in the corpus folder. It is read while indexing, record by
 * record, never held whole in memory.
 *
 * @param relative path relative to the corpus folder, as shown in messages
 * @param bytes size when the corpus was read, for the progress bar
 * @param modified modification time when the corpus was read, in milliseconds
 */
public record RecordFile(Path path, String relative, long bytes, long modified) {
    /**
     * What tells one version of the file from another without reading it: its size and modification
     * time (hashing hundreds of megabytes at every start would cost seconds before the first answer).
     */
    public String stamp() {
        return bytes + ":" + modified;
    }
}
