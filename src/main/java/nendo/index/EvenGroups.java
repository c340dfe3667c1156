package nendo.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Deals items into groups as even in size as whole items allow: largest first, each to the group
 * with the least so far (ties to the first). Used for the segments merged at the end of a bulk
 * build and for the segments each search thread takes, so that the two stay cut the same way.
 */
final class EvenGroups {
    private EvenGroups() {}

    /** {@code count} groups, some empty when there are fewer items than groups. */
    static <T> List<List<T>> of(List<T> items, ToIntFunction<T> size, int count) {
        List<T> bySize = new ArrayList<>(items);
        bySize.sort(Comparator.comparingInt(size).reversed());
        List<List<T>> groups = new ArrayList<>();
        long[] sizes = new long[count];
        for (int i = 0; i < count; i++) groups.add(new ArrayList<>());
        for (T item : bySize) {
            int lightest = 0;
            for (int i = 1; i < count; i++) if (sizes[i] < sizes[lightest]) lightest = i;
            groups.get(lightest).add(item);
            sizes[lightest] += size.applyAsInt(item);
        }
        return groups;
    }
}
