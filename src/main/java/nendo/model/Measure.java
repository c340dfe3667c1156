package nendo.model;

/** One major measure (主要事業) of a department, in the order the document lists it. */
public record Measure(String id, String text, int line) {}
