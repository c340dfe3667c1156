package nendo.index;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene90.Lucene90StoredFieldsFormat;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;

/**
 * Lucene's default codec with smaller stored-field chunks. Every search reads the stored text of
 * its page's ten hits, and reading one entry decodes the lengths of every entry in its chunk and
 * decompresses part of the chunk: the default chunk (80 KiB, up to 1,024 entries) holds hundreds of
 * our short entries.
 * Chunks of 32 KiB and at most 256 entries answered 3–9% more searches per second at 1M entries
 * for 25% more stored-field bytes than the default; 8 KiB and 64 entries 2–3% more again, for 38%
 * more stored-field bytes (196 → 272 MB, 9% more index; BENCHMARKS.md). The chunk size is written
 * in each segment, so an index written with other chunks reads as before. Found by name through
 * Lucene's service loader (META-INF/services), which an index's segments record.
 */
public final class ArchiveCodec extends FilterCodec {
    static final String NAME = "NendoArchive1";
    private static final int CHUNK_BYTES = 8 * 1024;
    private static final int CHUNK_ENTRIES = 64;
    /** Lucene's own value for the chunk index's block size (2^10 chunks per block). */
    private static final int INDEX_BLOCK_SHIFT = 10;

    private final StoredFieldsFormat storedFields = new Lucene90CompressingStoredFieldsFormat(
            "NendoStoredFields", Lucene90StoredFieldsFormat.BEST_SPEED_MODE, CHUNK_BYTES, CHUNK_ENTRIES,
            INDEX_BLOCK_SHIFT);

    /** Public and without arguments for the service loader. */
    public ArchiveCodec() {
        super(NAME, new Lucene104Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return storedFields;
    }
}
