package nendo.model;

/**
 * One measure from a JSON Lines file: the bulk form of the archive, for corpora too large to keep
 * as plan documents (every municipality, every year). It has no plan document around it.
 *
 * @param line the line of the file it came from, kept for ordering and for error messages
 */
public record MeasureRecord(String id, String org, int year, String department, String departmentCanonical,
                            String kind, String text, String file, long line) {}
