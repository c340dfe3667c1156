package nendo.index;

import java.io.IOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An index folder that cannot be read (a crash mid-copy, a truncated file, another program's
 * files): found before a rebuild writes over it, and cleared of Lucene's own files only, so that a
 * damaged commit cannot confuse the new one and nothing else in the folder is touched.
 */
final class DamagedIndex {
    private static final Logger LOG = LoggerFactory.getLogger(DamagedIndex.class);

    private DamagedIndex() {}

    /** Whether the previous commit (if any) can be opened; says so in the log when it cannot. */
    static boolean opens(Directory directory) {
        try {
            if (!DirectoryReader.indexExists(directory)) return true;
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                return true;
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("索引を読めないため、コーパスから作り直します (unreadable index: {})", e.toString());
            return false;
        }
    }

    /** Whether the latest commit opens and every file's checksum holds; says so in the log when not. */
    static boolean intact(Directory directory) {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            verifyChecksums(reader);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("索引を読めないため、コーパスから作り直します (unreadable index: {})", e.toString());
            return false;
        }
    }

    /**
     * Removes the files Lucene owns (segments_N, _0.cfs, write.lock…) from an unreadable index, so
     * that a damaged commit cannot confuse the new one; any other file in the folder is left alone.
     */
    static void clear(Directory directory) throws IOException {
        // Under the write lock: another process writing here keeps its files (we fail instead).
        try (Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            for (String name : directory.listAll()) {
                boolean lucene = name.startsWith(IndexFileNames.SEGMENTS)
                        || IndexFileNames.CODEC_FILE_PATTERN.matcher(name).matches();
                if (lucene) {
                    LOG.info("壊れた索引のファイルを削除します: {}", name);
                    directory.deleteFile(name);
                }
            }
        } catch (LockObtainFailedException e) {
            throw new IOException("索引は別のプロセスが書き込み中です（index is locked by another process）", e);
        }
    }

    /**
     * Verifies every file's checksum, which finds damage inside segment data that opening alone
     * does not read (a few flipped bytes); throws CorruptIndexException.
     */
    static void verifyChecksums(IndexReader reader) throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) leaf.reader().checkIntegrity();
    }
}
