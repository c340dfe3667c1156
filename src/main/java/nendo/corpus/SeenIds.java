package nendo.corpus;

import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;

/**
 * Every record id read so far, each with a number saying where it was read. A build holds the ids
 * of the whole corpus at once: at ten million records a {@code HashMap<String, Long>} took about
 * 120 bytes an id (node, string, its bytes, a boxed long) and the build spent most of its time in
 * full collections before running out of a 1 GB heap. Here an id costs its UTF-8 bytes in shared
 * blocks, a few ints of hash table and one long: Lucene's {@link BytesRefHash} keeps the bytes and
 * numbers the ids 0, 1, 2…, which index {@link #where}.
 */
final class SeenIds {
    private final BytesRefHash ids = new BytesRefHash();
    private long[] where = new long[1024];

    /**
     * Records {@code id} as read at {@code place} unless it was seen before.
     *
     * @return the place it was first seen, or -1 if it is new (places are never negative)
     */
    long putIfAbsent(String id, long place) {
        int n = ids.add(new BytesRef(id));
        if (n < 0) return where[-n - 1];
        if (n >= where.length) where = ArrayUtil.grow(where, n + 1);
        where[n] = place;
        return -1;
    }

    /** Records {@code id} as read at {@code place}, replacing where it was seen before. */
    void put(String id, long place) {
        int n = ids.add(new BytesRef(id));
        if (n < 0) n = -n - 1;
        else if (n >= where.length) where = ArrayUtil.grow(where, n + 1);
        where[n] = place;
    }
}
