package nendo.model;

import java.util.List;

/**
 * One measure from a JSON Lines file: the bulk form of the archive, for corpora too large to keep
 * as plan documents (every municipality, every year). It has no plan document around it.
 *
 * @param departmentPredecessors the canonical names of the departments its department was split from
 *     or merged out of (aliases.yaml), as a plan's department has them
 * @param line the line of the file it came from, kept for ordering and for error messages
 */
public record MeasureRecord(String id, String org, int year, String department, String departmentCanonical,
                            List<String> departmentPredecessors, String kind, String text, String file, long line) {
    public MeasureRecord {
        departmentPredecessors = departmentPredecessors == null ? List.of() : List.copyOf(departmentPredecessors);
    }
}
