package nendo.analysis;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.analysis.ja.Token;

/**
 * Kuromoji's tokens of clauses already analysed, shared by threads: by the indexing threads during
 * one build, or by the searches that mark the readings of their hits. Plans repeat themselves:
 * boilerplate clauses (市民との協働により、), and measures continued from one year to the next in the
 * same words; and the same hits come back page after page. Kuromoji was a third of indexing's CPU
 * time (measured), and a clause it has seen costs only a lookup.
 *
 * <p>Bounded, each clause at most {@link #MAX_LENGTH} characters. A build's memo keeps the first
 * clauses seen, up to {@link #FOR_BUILD} (a build's clauses are all seen once anyway), and is emptied
 * when the build ends ({@link #clear()}); the searches' memo, smaller, starts afresh when full so it
 * follows what is being searched.
 */
final class ClauseMemo {
    /** About 40 MB of heap when full (a clause and its tokens take roughly 600 bytes). */
    static final int FOR_BUILD = 1 << 16;
    /** About 10 MB of heap when full. */
    static final int FOR_SEARCHES = 1 << 14;
    /** Longer clauses rarely repeat; they would only take room. */
    static final int MAX_LENGTH = 64;

    /**
     * A clause's tokens: for token i, {@code spans[FIELDS*i .. FIELDS*i+3]} are its start and end offsets in the
     * clause, its position increment and its position length; {@code tokens[i]} carries its
     * reading, base form, part of speech and inflection.
     */
    record Clause(int[] spans, Token[] tokens) {
        /** Ints per token in {@code spans}. */
        static final int FIELDS = 4;
    }

    private final ConcurrentHashMap<String, Clause> clauses = new ConcurrentHashMap<>();
    private final int capacity;
    private final boolean renewWhenFull;
    private final LongAdder lookups = new LongAdder();
    private final LongAdder hits = new LongAdder();

    /** A build's memo. */
    static ClauseMemo forBuild() {
        return new ClauseMemo(FOR_BUILD, false);
    }

    /** The memo of the searches that mark readings. */
    static ClauseMemo forSearches() {
        return new ClauseMemo(FOR_SEARCHES, true);
    }

    private ClauseMemo(int capacity, boolean renewWhenFull) {
        this.capacity = capacity;
        this.renewWhenFull = renewWhenFull;
    }

    /** The clause's tokens if analysed before, or null. */
    Clause get(String clause) {
        lookups.increment();
        Clause known = clauses.get(clause);
        if (known != null) hits.increment();
        return known;
    }

    /** Keeps a newly analysed clause while there is room (or, for searches, after starting afresh). */
    void offer(String clause, Clause tokens) {
        if (clauses.size() >= capacity) {
            if (!renewWhenFull) return;
            clauses.clear();
        }
        clauses.putIfAbsent(clause, tokens);
    }

    /** Share of lookups answered from the memo since the last {@link #clear()}, for the build log. */
    double hitRate() {
        long n = lookups.sum();
        return n == 0 ? 0 : (double) hits.sum() / n;
    }

    void clear() {
        clauses.clear();
        lookups.reset();
        hits.reset();
    }
}
