package nendo.search;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;

/**
 * The names of a segment's doc values ordinals (departments, organizations), read once per segment
 * instead of once per search. Naming a facet's counts looked up every counted ordinal in the
 * segment's terms dictionary: with 1,700 organizations that is thousands of lookups per query, a
 * common word's search among them. Segments never change, so the names are kept until the segment
 * closes.
 */
final class OrdinalNames {
    private record Key(IndexReader.CacheKey segment, String field) {}

    private final Map<Key, String[]> names = new ConcurrentHashMap<>();

    /** The name of every ordinal of {@code values}, the doc values of {@code field} in {@code segment}. */
    String[] of(LeafReader segment, String field, SortedDocValues values) throws IOException {
        IndexReader.CacheHelper helper = segment.getCoreCacheHelper();
        if (helper == null) return read(values);
        Key key = new Key(helper.getKey(), field);
        String[] known = names.get(key);
        if (known != null) return known;
        String[] read = read(values);
        if (names.putIfAbsent(key, read) == null) {
            helper.addClosedListener(closed -> names.remove(new Key(closed, field)));
        }
        return read;
    }

    private static String[] read(SortedDocValues values) throws IOException {
        String[] read = new String[values.getValueCount()];
        for (int ord = 0; ord < read.length; ord++) read[ord] = values.lookupOrd(ord).utf8ToString();
        return read;
    }
}
