package nendo.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Reads through a middle dot between two CJK characters ({@link MiddleDots}), before
 * {@code CJKBigramFilter} pairs them: ライフ・ワーク gives the bigrams of ライフワーク, with no break.
 * The filter pairs characters only where each token starts at the offset the one before ended, so
 * the character after the dot takes the dot's offset as its start (ワ spans ・ワ). Its bigrams'
 * offsets then still cover exactly what they stand for in the text; a mark that starts or ends on
 * the dot is trimmed where snippets are made. A dot anywhere else (next to Latin letters, a second
 * dot, the text's edge) is dropped and leaves a break, as the tokenizer did with it before.
 *
 * <p>A token without a dot, and not right after one, passes unchanged.
 */
final class MiddleDotJoinFilter extends TokenFilter {
    /** A token to pass on; later pieces of a token go out after the filters below have changed the attributes. */
    private record Piece(String text, int start, int end, int increment, String type) {}

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final Deque<Piece> pieces = new ArrayDeque<>();
    /** End offset of the last CJK character passed on, if nothing came after it; else -1. */
    private int lastCharacterEnd = -1;
    /** Offset of a dot that ended a token right after a CJK character: the next token decides. */
    private int dotBefore = -1;

    MiddleDotJoinFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pieces.isEmpty()) {
            emit(pieces.poll());
            return true;
        }
        while (input.incrementToken()) {
            if (!AnalyzerFactory.isPairedType(type.type())) {
                lastCharacterEnd = -1;
                dotBefore = -1;
                return true;
            }
            if (dotBefore < 0 && !hasDot()) {
                lastCharacterEnd = offset.endOffset();
                return true;
            }
            split();
            if (!pieces.isEmpty()) {
                emit(pieces.poll());
                return true;
            }
        }
        return false;
    }

    /** Cuts the current CJK token at its dots into the pieces to pass on (none for a lone dot). */
    private void split() {
        char[] c = term.buffer();
        int n = term.length();
        int start = offset.startOffset();
        int end = offset.endOffset();
        int increment = position.getPositionIncrement();
        String kind = type.type();
        // The previous token ended with a dot after a character; this one continues the text.
        int joinedAt = dotBefore >= 0 && start == dotBefore + 1 && c[0] != MiddleDots.MARK ? dotBefore : -1;
        dotBefore = -1;
        int previousEnd = lastCharacterEnd;
        lastCharacterEnd = c[n - 1] == MiddleDots.MARK ? -1 : end;
        if (end - start != n) {
            // Offsets that do not map character by character (NFKC changed the token): the bigram
            // filter gives each of its characters the whole token's span anyway, so the dots go
            // and the token keeps its span (and stays aligned with its neighbours).
            StringBuilder text = new StringBuilder(n);
            for (int i = 0; i < n; i++) if (c[i] != MiddleDots.MARK) text.append(c[i]);
            if (!text.isEmpty()) pieces.add(new Piece(text.toString(), joinedAt >= 0 ? joinedAt : start, end, increment, kind));
            return;
        }
        int from = 0;
        for (int k = 0; k <= n; k++) {
            if (k < n && c[k] != MiddleDots.MARK) continue;
            if (k > from) increment = addSegment(c, from, k, start, joinedAt, increment, kind);
            if (k == n) break;
            boolean before = k > 0 ? c[k - 1] != MiddleDots.MARK : start == previousEnd;
            boolean after = k + 1 < n && c[k + 1] != MiddleDots.MARK;
            joinedAt = before && after ? start + k : -1;
            if (before && k + 1 == n) dotBefore = start + k;
            from = k + 1;
        }
    }

    /** The characters c[from, to) as one piece, or two when the first one takes a dot's offset. */
    private int addSegment(char[] c, int from, int to, int start, int joinedAt, int increment, String kind) {
        if (joinedAt < 0) {
            pieces.add(new Piece(new String(c, from, to - from), start + from, start + to, increment, kind));
            return 1;
        }
        int width = Character.charCount(Character.codePointAt(c, from, to));
        pieces.add(new Piece(new String(c, from, width), joinedAt, start + from + width, increment, kind));
        if (from + width < to) {
            pieces.add(new Piece(new String(c, from + width, to - from - width), start + from + width, start + to, 1, kind));
        }
        return 1;
    }

    private boolean hasDot() {
        char[] c = term.buffer();
        for (int i = 0, n = term.length(); i < n; i++) {
            if (c[i] == MiddleDots.MARK) return true;
        }
        return false;
    }

    private void emit(Piece p) {
        clearAttributes();
        term.setEmpty().append(p.text());
        type.setType(p.type());
        offset.setOffset(p.start(), p.end());
        position.setPositionIncrement(p.increment());
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pieces.clear();
        lastCharacterEnd = -1;
        dotBefore = -1;
    }
}
