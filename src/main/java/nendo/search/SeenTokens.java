package nendo.search;

import java.util.Arrays;

/**
 * The tokens {@link BigramMarks} kept from one text (terms of the query's phrases, and bigrams a
 * lone character starts), in position order, and the offset where each position starts. Arrays
 * grown as needed rather than a token object each: a text has hundreds of tokens and few are kept.
 */
final class SeenTokens {
    int size;
    int[] position = new int[16];
    int[] term = new int[16];
    boolean[] exact = new boolean[16];
    int[] start = new int[16];
    int[] end = new int[16];
    /** Offset where each position's first token starts; -1 where no token stands (a gap). */
    int[] positionStart = filled(new int[64], 0);

    private static int[] filled(int[] array, int from) {
        Arrays.fill(array, from, array.length, -1);
        return array;
    }

    void add(int at, int number, boolean whole, int from, int to) {
        if (size == position.length) {
            position = Arrays.copyOf(position, size * 2);
            term = Arrays.copyOf(term, size * 2);
            exact = Arrays.copyOf(exact, size * 2);
            start = Arrays.copyOf(start, size * 2);
            end = Arrays.copyOf(end, size * 2);
        }
        position[size] = at;
        term[size] = number;
        exact[size] = whole;
        start[size] = from;
        end[size] = to;
        size++;
    }

    void starts(int at, int offset) {
        if (at >= positionStart.length) {
            int old = positionStart.length;
            positionStart = filled(Arrays.copyOf(positionStart, Math.max(at + 1, old * 2)), old);
        }
        positionStart[at] = offset;
    }

    /** Where the kept tokens of the next position begin. */
    int nextPosition(int r) {
        int at = position[r];
        while (r < size && position[r] == at) r++;
        return r;
    }

    /** The first kept token at a position with this term, whole or as a bigram's first character; -1 if none. */
    int find(int at, int number, boolean whole) {
        for (int r = 0; r < size && position[r] <= at; r++) {
            if (position[r] == at && term[r] == number && exact[r] == whole) return r;
        }
        return -1;
    }

    /**
     * The character where it stands alone at the position of token r, or the first half of the
     * bigram it starts there: up to where the next position starts.
     */
    int[] characterSpan(int r, int character) {
        int at = position[r];
        int alone = find(at, character, true);
        if (alone >= 0) return new int[] {start[alone], end[alone]};
        int bigram = find(at, character, false);
        if (bigram < 0) return null;
        int next = at + 1 < positionStart.length ? positionStart[at + 1] : -1;
        return new int[] {start[bigram], next < 0 ? end[bigram] : Math.min(next, end[bigram])};
    }
}
