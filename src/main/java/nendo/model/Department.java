package nendo.model;

import java.util.List;

/**
 * A department's part of a plan document. {@code staff} (職員数, persons) and {@code budget}
 * (予算規模, thousand yen) are null when the document does not give them.
 */
public record Department(String name, String mission, Integer staff, Long budget, List<Measure> measures) {
    public Department {
        measures = List.copyOf(measures);
    }
}
