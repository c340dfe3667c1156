package nendo.corpus;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a UTF-8 stream, each decoded on its own, so that bytes that are not UTF-8 spoil only
 * their own line: it reads as {@code null} and the next line reads as usual, with its right number.
 * (A decoding reader over the whole stream stops at the first bad byte, and its read-ahead puts
 * that stop thousands of lines too early.)
 *
 * <p>Only {@code \n} ends a line, as JSON Lines says; a {@code \r} before it is dropped. Each line is
 * decoded by the JDK's fast lenient decoder, which turns bad bytes into U+FFFD; only a line that
 * then holds U+FFFD is decoded again strictly, to tell bad bytes from a U+FFFD really written.
 */
final class Utf8Lines implements Closeable {
    private static final int BUFFER_BYTES = 1 << 16;
    private static final char REPLACEMENT = '\uFFFD';

    private final InputStream in;
    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buffer = new byte[BUFFER_BYTES];
    /** The unread bytes are {@code buffer[start, end)}. */
    private int start;
    private int end;
    private boolean drained;
    /** Bytes taken from the stream before {@code buffer[0]}. */
    private long bufferOffset;
    private long number;
    private String text;

    Utf8Lines(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        int scanned = start;
        while (true) {
            int newline = indexOfNewline(scanned, end);
            if (newline >= 0) {
                take(start, newline);
                start = newline + 1;
                return true;
            }
            scanned = end;
            if (drained) {
                if (start == end) return false;
                take(start, end);   // a last line without its \n
                start = end;
                return true;
            }
            scanned -= fill();
        }
    }

    /** The line's number, from 1. */
    long number() {
        return number;
    }

    /** The line without its end, or null if its bytes are not UTF-8. */
    String text() {
        return text;
    }

    /** Bytes of the stream up to the end of this line, for progress. */
    long bytesRead() {
        return bufferOffset + start;
    }

    private int indexOfNewline(int from, int to) {
        byte[] b = buffer;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') return i;
        }
        return -1;
    }

    private void take(int from, int to) {
        number++;
        if (to > from && buffer[to - 1] == '\r') to--;
        String lenient = new String(buffer, from, to - from, StandardCharsets.UTF_8);
        text = lenient.indexOf(REPLACEMENT) < 0 ? lenient : strictly(from, to);
    }

    private String strictly(int from, int to) {
        try {
            return strict.reset().decode(ByteBuffer.wrap(buffer, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Reads more bytes after the unread ones, moving them to the front first (or growing the buffer
     * when a line fills it); returns how far the unread bytes moved back.
     */
    private int fill() throws IOException {
        int moved = start;
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            bufferOffset += start;
            end -= start;
            start = 0;
        }
        if (end == buffer.length) buffer = Arrays.copyOf(buffer, buffer.length * 2);
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) drained = true;
        else end += n;
        return moved;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
