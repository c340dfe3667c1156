package nendo.corpus.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import nendo.corpus.TextDecoding;

/**
 * The import pipeline for one received file: a PDF is read by position, a text file has its
 * encoding detected; both then go through the same text importer.
 */
public final class PlanImporter {
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final PdfText pdf = new PdfText();
    private final PlanTextImporter text = new PlanTextImporter();

    /** The file's kind, which decides the extension its verbatim original is kept under. */
    public enum Kind { PDF, TEXT }

    public static Kind kindOf(byte[] bytes) {
        return bytes.length >= PDF_MAGIC.length && Arrays.equals(bytes, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)
                ? Kind.PDF : Kind.TEXT;
    }

    /** @throws ImportException with a message for people when the file cannot be read at all */
    public ImportedPlan read(byte[] bytes, PlanTextImporter.Options options) throws ImportException {
        if (bytes.length == 0) throw new ImportException("ファイルが空です");
        if (kindOf(bytes) == Kind.PDF) {
            try {
                return text.read(pdf.extract(bytes), "PDF", options);
            } catch (IOException e) {
                throw new ImportException(e.getMessage());
            }
        }
        try {
            TextDecoding.Decoded decoded = TextDecoding.decode(bytes);
            return text.read(decoded.text(), decoded.encoding(), options);
        } catch (TextDecoding.UndeterminedEncodingException e) {
            throw new ImportException(e.getMessage());
        }
    }

    /** The file cannot be imported; the message says why, in Japanese. */
    public static final class ImportException extends Exception {
        public ImportException(String message) {
            super(message);
        }
    }
}
