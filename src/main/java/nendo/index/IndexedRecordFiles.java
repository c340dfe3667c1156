package nendo.index;

import java.util.LinkedHashMap;
import java.util.Map;
import nendo.corpus.CorpusSnapshot;
import nendo.corpus.RecordFile;

/**
 * The record files a commit was built from, as an update in place compares them with the corpus:
 * the aliases they were read under and each file's stamp (size and modification time).
 *
 * @param aliases {@link CorpusSnapshot#aliasesStamp} of the build
 * @param stamps relative path → {@link RecordFile#stamp}, of every record file read
 */
record IndexedRecordFiles(String aliases, Map<String, String> stamps) {
    IndexedRecordFiles {
        stamps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stamps));
    }

    static IndexedRecordFiles of(CorpusSnapshot corpus) {
        Map<String, String> stamps = new LinkedHashMap<>();
        for (RecordFile file : corpus.recordFiles()) stamps.put(file.relative(), file.stamp());
        return new IndexedRecordFiles(corpus.aliasesStamp(), stamps);
    }

    /** Whether {@code file} is indexed as it is now. */
    boolean holds(RecordFile file) {
        return file.stamp().equals(stamps.get(file.relative()));
    }
}
