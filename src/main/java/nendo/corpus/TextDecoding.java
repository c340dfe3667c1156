package nendo.corpus;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns the bytes staff receive into text: UTF-8 (with or without BOM), Shift_JIS (read as
 * Windows-31J, which adds the NEC/IBM characters such as ① and ㈱ that municipal systems use) or
 * EUC-JP. UTF-8 is tried first and strictly, because valid UTF-8 is almost never anything else;
 * the legacy encodings are told apart by ICU's statistical detector and then decoded strictly, so
 * that a wrong guess is refused rather than stored as mojibake.
 */
public final class TextDecoding {
    /** ICU confidence (0–100) below which we refuse to guess; Japanese text of a few lines scores 30+. */
    private static final int MIN_CONFIDENCE = 10;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Decoded text and the encoding it was read with (as shown to people: UTF-8, UTF-8 (BOM), Shift_JIS, EUC-JP). */
    public record Decoded(String text, String encoding, Charset charset) {}

    private TextDecoding() {}

    /**
     * @throws UndeterminedEncodingException with a Japanese message if the bytes are in no
     *     encoding we can read with confidence
     */
    public static Decoded decode(byte[] bytes) throws UndeterminedEncodingException {
        if (startsWith(bytes, UTF8_BOM)) {
            String text = strict(StandardCharsets.UTF_8, Arrays.copyOfRange(bytes, 3, bytes.length));
            if (text == null) {
                throw new UndeterminedEncodingException("UTF-8 の BOM がありますが、UTF-8 として読めない部分があります",
                        firstBadUtf8Line(bytes));
            }
            return new Decoded(text, "UTF-8 (BOM)", StandardCharsets.UTF_8);
        }
        String utf8 = strict(StandardCharsets.UTF_8, bytes);
        if (utf8 != null && !hasIso2022Escapes(bytes)) return new Decoded(utf8, "UTF-8", StandardCharsets.UTF_8);

        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        for (CharsetMatch match : detector.detectAll()) {
            if (match.getConfidence() < MIN_CONFIDENCE) break;
            Charset charset = switch (match.getName()) {
                case "Shift_JIS" -> Charset.forName("windows-31j");
                case "EUC-JP" -> Charset.forName("EUC-JP");
                case "ISO-2022-JP" -> Charset.forName("ISO-2022-JP");
                default -> null;
            };
            if (charset == null) continue;
            String text = strict(charset, bytes);
            if (text != null && looksJapanese(text)) return new Decoded(text, match.getName(), charset);
        }
        int line = mostlyUtf8(bytes) ? firstBadUtf8Line(bytes) : 0;
        throw new UndeterminedEncodingException(
                "文字コードを判定できません（UTF-8、Shift_JIS、EUC-JP のいずれかで保存してください）"
                        + (line > 0 ? "。UTF-8 として読めない最初のバイトがこの行にあります (first byte that is not UTF-8)" : ""),
                line);
    }

    /**
     * Whether text that is not UTF-8 is UTF-8 but for a few stray bytes: its other non-ASCII
     * characters decode. A Shift_JIS or EUC-JP file read as UTF-8 is nearly all bad sequences, and
     * then a line would point at nothing in particular.
     */
    private static boolean mostlyUtf8(byte[] bytes) {
        String lenient = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes)).toString();
        long bad = lenient.chars().filter(c -> c == '\uFFFD').count();
        long good = lenient.chars().filter(c -> c > 0x7F && c != '\uFFFD').count();
        return good > bad;
    }

    /** The 1-based line of the first byte that is not UTF-8, 0 if there is none. */
    private static int firstBadUtf8Line(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        if (!decoder.decode(in, out, true).isError()) return 0;
        int line = 1;
        for (int i = 0; i < in.position(); i++) if (bytes[i] == '\n') line++;
        return line;
    }

    /** Decodes with a known charset (the one recorded when the file was read), refusing bad bytes. */
    public static String decodeAs(Charset charset, byte[] bytes) throws UndeterminedEncodingException {
        byte[] body = charset.equals(StandardCharsets.UTF_8) && startsWith(bytes, UTF8_BOM)
                ? Arrays.copyOfRange(bytes, 3, bytes.length) : bytes;
        String text = strict(charset, body);
        if (text == null) throw new UndeterminedEncodingException(charset.name() + " として読めません");
        return text;
    }

    /**
     * ISO-2022-JP (JIS, still used by old mail systems) is 7-bit, so it is also valid UTF-8; its
     * escape sequences (ESC $ B, ESC ( B …) give it away and send it to the detector instead.
     */
    private static boolean hasIso2022Escapes(byte[] bytes) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == 0x1B && (bytes[i + 1] == '$' || bytes[i + 1] == '(')) return true;
        }
        return false;
    }

    private static String strict(Charset charset, byte[] bytes) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * A wrong legacy guess decodes into half-width katakana and rare ideographs; real plan text is
     * mostly hiragana and common kanji. Require kana to be present and half-width kana to be rare.
     */
    private static boolean looksJapanese(String text) {
        long hiragana = text.codePoints().filter(c -> c >= 0x3041 && c <= 0x309F).count();
        long halfwidthKana = text.codePoints().filter(c -> c >= 0xFF61 && c <= 0xFF9F).count();
        return hiragana > 0 && halfwidthKana * 10 <= hiragana;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The bytes are not text in an encoding we can read; the message is for people. */
    public static final class UndeterminedEncodingException extends Exception {
        private final int line;

        public UndeterminedEncodingException(String message) {
            this(message, 0);
        }

        /** @param line the line of the first byte that could not be read, 0 if unknown */
        public UndeterminedEncodingException(String message, int line) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }
}
