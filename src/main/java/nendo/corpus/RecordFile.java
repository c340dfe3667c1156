package nendo.corpus;

import java.nio.file.Path;

/**
 * A JSON Lines file of measure records in the corpus folder. It is read while indexing, record by
 * record, never held whole in memory.
 *
 * @param relative path relative to the corpus folder, as shown in messages
 * @param bytes size when the corpus was read, for the progress bar
 */
public record RecordFile(Path path, String relative, long bytes) {}
