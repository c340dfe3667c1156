package nendo.corpus;

import java.util.Locale;

/**
 * The media type an archive original is served with. Originals are kept as received, so a
 * Shift_JIS text stays Shift_JIS on disk and is labelled with its charset rather than re-encoded,
 * and a PDF is served as a PDF.
 */
public final class OriginalMediaType {
    private OriginalMediaType() {}

    public static String of(String path, byte[] bytes) {
        if (path.toLowerCase(Locale.ROOT).endsWith(".pdf")) return "application/pdf";
        try {
            TextDecoding.Decoded decoded = TextDecoding.decode(bytes);
            return "text/plain; charset=" + decoded.charset().name().toLowerCase(Locale.ROOT);
        } catch (TextDecoding.UndeterminedEncodingException e) {
            return "application/octet-stream";
        }
    }
}
