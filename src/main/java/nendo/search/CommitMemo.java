package nendo.search;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.util.IOSupplier;

/**
 * A value worked out from one index commit (a reader), kept until searches move to a newer one.
 * The archive's lists, counts and words are each a pass over the index: made once per commit, on
 * first use, by one thread while others asking for the same commit wait for it.
 */
final class CommitMemo<T> {
    private record Held<T>(IndexReader reader, T value) {}

    private volatile Held<T> held;

    /** The value for this reader, made by {@code make} if it has none yet. */
    T get(IndexReader reader, IOSupplier<T> make) throws IOException {
        T value = peek(reader);
        if (value != null) return value;
        synchronized (this) {
            value = peek(reader);
            if (value != null) return value;
            value = make.get();
            held = new Held<>(reader, value);
            return value;
        }
    }

    /** The value kept for this reader, or null if it has none yet. */
    T peek(IndexReader reader) {
        Held<T> current = held;
        return current != null && current.reader() == reader ? current.value() : null;
    }
}
