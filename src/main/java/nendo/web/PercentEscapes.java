package nendo.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The raw URL's percent escapes, checked before Javalin decodes them: Javalin drops a query
 * parameter it cannot decode (a year filter would silently vanish), fails on a path escape such as
 * %u0041 that Jetty lets through, and turns escaped bytes that are not UTF-8 (%C0%AF) into U+FFFD,
 * so a search would run for replacement characters. Each is the client's mistake: refused.
 */
final class PercentEscapes {
    private PercentEscapes() {}

    /** Whether a % is not followed by two hex digits, or the escaped bytes are not UTF-8. Looked at on every request. */
    static boolean malformed(String raw) {
        if (raw == null) return false;
        int first = raw.indexOf('%');
        if (first < 0) return false;
        for (int i = first; i >= 0; i = raw.indexOf('%', i + 1)) {
            if (i + 2 >= raw.length() || !HexFormat.isHexDigit(raw.charAt(i + 1))
                    || !HexFormat.isHexDigit(raw.charAt(i + 2))) {
                return true;
            }
        }
        return !utf8(raw, first);
    }

    /** Whether the text, escapes decoded to bytes and the rest as UTF-8, reads as UTF-8. */
    private static boolean utf8(String raw, int first) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        bytes.writeBytes(raw.substring(0, first).getBytes(StandardCharsets.UTF_8));
        for (int i = first; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                int end = i + Character.charCount(raw.codePointAt(i));
                bytes.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
