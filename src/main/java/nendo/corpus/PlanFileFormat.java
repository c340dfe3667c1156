package nendo.corpus;

/** Conventions of the corpus file format shared by the reader and the importer's draft writer. */
public final class PlanFileFormat {
    /**
     * Heading under which the importer leaves the measures it could not attribute. A file that still
     * has it is refused by {@code check} and {@code index}: an unreviewed draft never reaches search.
     */
    public static final String REVIEW_HEADING = "要確認（部を決められなかった事業）";

    private PlanFileFormat() {}
}
