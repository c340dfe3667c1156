package nendo.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The compact id table answers as a map of id to place would, past its first growths. */
class SeenIdsTest {
    @Test
    void answersAsAMapWould() {
        SeenIds seen = new SeenIds();
        Map<String, Long> expected = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            // Ids of varying length and script, about one in five a repeat.
            String id = (random.nextInt(3) == 0 ? "事業-" : "m") + random.nextInt(160_000);
            long place = i + 1L;
            if (random.nextInt(50) == 0) {
                seen.put(id, place);
                expected.put(id, place);
            } else {
                Long before = expected.putIfAbsent(id, place);
                assertEquals(before == null ? -1 : before, seen.putIfAbsent(id, place), id);
            }
        }
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            assertEquals(e.getValue(), seen.putIfAbsent(e.getKey(), -5), e.getKey());
        }
    }
}
