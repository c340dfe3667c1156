package nendo.model;

import java.util.List;

/**
 * A department's part of a plan document. {@code name} is as printed that year; {@code canonical}
 * is the name it is followed under across years (corpus/aliases.yaml: 企画部 → 政策企画部), equal to
 * {@code name} when there is no alias. {@code staff} (職員数, persons) and {@code budget}
 * (予算規模, thousand yen) are null when the document does not give them.
 */
public record Department(String name, String canonical, String mission, Integer staff, Long budget,
                         List<Measure> measures) {
    public Department {
        measures = List.copyOf(measures);
    }

    public Department withCanonical(String canonicalName) {
        return new Department(name, canonicalName, mission, staff, budget, measures);
    }
}
