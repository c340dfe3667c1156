package nendo.model;

import java.util.List;

/**
 * A department's part of a plan document. {@code name} is as printed that year; {@code canonical}
 * is the name it is followed under across years (corpus/aliases.yaml: 企画部 → 政策企画部), equal to
 * {@code name} when there is no alias; {@code predecessors} are the canonical names of departments
 * it was split from or merged out of (環境部 ← 生活環境部), related but not the same. {@code staff} (職員数, persons) and {@code budget}
 * (予算規模, thousand yen) are null when the document does not give them.
 */
public record Department(String name, String canonical, List<String> predecessors, String mission, Integer staff,
                         Long budget, List<Measure> measures) {
    public Department {
        predecessors = predecessors == null ? List.of() : List.copyOf(predecessors);
        measures = List.copyOf(measures);
    }

    public Department withNames(String canonicalName, List<String> predecessorNames) {
        return new Department(name, canonicalName, predecessorNames, mission, staff, budget, measures);
    }
}
