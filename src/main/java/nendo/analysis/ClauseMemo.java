package nendo.analysis;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.analysis.ja.Token;

/**
 * Kuromoji's tokens of clauses already analysed during one build, shared by the indexing threads.
 * Plans repeat themselves: boilerplate clauses (市民との協働により、), and measures continued from
 * one year to the next in the same words. Kuromoji was a third of indexing's CPU time (measured),
 * and a clause it has seen costs only a lookup.
 *
 * <p>Bounded: the first clauses seen are kept, up to {@link #MAX_CLAUSES}, each at most
 * {@link #MAX_LENGTH} characters; the memo is emptied when the build ends ({@link #clear()}).
 */
final class ClauseMemo {
    /** About 40 MB of heap when full (a clause and its tokens take roughly 600 bytes). */
    static final int MAX_CLAUSES = 1 << 16;
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
    private final LongAdder lookups = new LongAdder();
    private final LongAdder hits = new LongAdder();

    /** The clause's tokens if analysed before, or null. */
    Clause get(String clause) {
        lookups.increment();
        Clause known = clauses.get(clause);
        if (known != null) hits.increment();
        return known;
    }

    /** Keeps a newly analysed clause while there is room. */
    void offer(String clause, Clause tokens) {
        if (clauses.size() < MAX_CLAUSES) clauses.putIfAbsent(clause, tokens);
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
