package nendo.corpus;

/**
 * A version of aliases.yaml that could be read, kept so that a later broken edit of the file can
 * fall back on it (as a broken plan file falls back on its last good version).
 *
 * @param text the file's text, decoded
 * @param stamp SHA-256 of its bytes ({@link CorpusSnapshot#aliasesStamp})
 */
public record AliasesText(String text, String stamp) {}
