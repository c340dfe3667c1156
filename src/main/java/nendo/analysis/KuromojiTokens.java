package nendo.analysis;

import java.io.CharArrayReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ja.Token;
import org.apache.lucene.analysis.ja.tokenattributes.BaseFormAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.InflectionAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.AttributeReflector;

/**
 * Kuromoji's tokens of one text, found once and replayed into each chain that starts with Kuromoji
 * ({@link #replay}). Kuromoji reads the text clause by clause, each up to and including a 、 or 。:
 * a clause's words are then the same wherever it stands (Kuromoji alone lets the words before a
 * 、 change how it cuts the words after it: 小規模 after 向け、 but 小・規模 at the start), so a
 * clause seen before comes from the {@link ClauseMemo}. Queries and indexing both analyse this way.
 * One instance per thread; a text's tokens are valid until the next {@link #analyse}.
 */
final class KuromojiTokens {
    /**
     * Flag of a token that follows the one before it across a single middle dot (ライフ・ワーク):
     * Kuromoji drops the dot as punctuation, and the readings read through it ({@link MiddleDots}).
     */
    static final int AFTER_MIDDLE_DOT = 1;

    /** Per token, as in a remembered clause: start, end, increment, position length. */
    private static final int FIELDS = ClauseMemo.Clause.FIELDS;

    private final Tokenizer kuromoji;
    /** Null when clauses are not remembered (query analysis: short texts, nothing repeats). */
    private final ClauseMemo memo;
    private final OffsetAttribute kuromojiOffset;
    private final PositionIncrementAttribute kuromojiIncrement;
    private final PositionLengthAttribute kuromojiLength;
    private final CharTermAttribute kuromojiTerm;
    private final AttributeImpl kuromojiBaseForm;
    private final TokenOf tokenOf = new TokenOf();

    /** The text after the char filters, as Kuromoji reads it. */
    private char[] chars = new char[512];
    private int length;
    private Reader filtered;
    /** Per token: start and end in {@link #chars}, then increment and position length. */
    private int[] spans = new int[FIELDS * 64];
    private Token[] tokens = new Token[64];
    private int size;

    KuromojiTokens(Tokenizer kuromoji, ClauseMemo memo) {
        this.kuromoji = kuromoji;
        this.memo = memo;
        this.kuromojiOffset = kuromoji.addAttribute(OffsetAttribute.class);
        this.kuromojiIncrement = kuromoji.addAttribute(PositionIncrementAttribute.class);
        this.kuromojiLength = kuromoji.addAttribute(PositionLengthAttribute.class);
        this.kuromojiTerm = kuromoji.addAttribute(CharTermAttribute.class);
        this.kuromojiBaseForm = (AttributeImpl) kuromoji.addAttribute(BaseFormAttribute.class);
    }

    /** Reads the text from the char filters (their offsets map the tokens' back to the original). */
    void analyse(Reader filtered) throws IOException {
        this.filtered = filtered;
        length = 0;
        for (int n; (n = filtered.read(chars, length, chars.length - length)) != -1; ) {
            length += n;
            if (length == chars.length) chars = Arrays.copyOf(chars, chars.length * 2);
        }
        size = 0;
        for (int start = 0, end; start < length; start = end) {
            end = clauseEnd(start);
            ClauseMemo.Clause clause = clause(start, end);
            int[] s = clause.spans();
            Token[] t = clause.tokens();
            for (int i = 0; i < t.length; i++) {
                add(start + s[FIELDS * i], start + s[FIELDS * i + 1], s[FIELDS * i + 2], s[FIELDS * i + 3], t[i]);
            }
        }
    }

    /** Just after the next 、 or 。, or the end of the text. */
    private int clauseEnd(int start) {
        for (int i = start; i < length; i++) {
            if (chars[i] == '、' || chars[i] == '。') return i + 1;
        }
        return length;
    }

    private ClauseMemo.Clause clause(int start, int end) throws IOException {
        if (memo == null || end - start > ClauseMemo.MAX_LENGTH) return tokenize(start, end);
        String key = new String(chars, start, end - start);
        ClauseMemo.Clause known = memo.get(key);
        if (known != null) return known;
        ClauseMemo.Clause analysed = tokenize(start, end);
        memo.offer(key, analysed);
        return analysed;
    }

    /** Runs Kuromoji over one clause; offsets come out relative to the clause. */
    private ClauseMemo.Clause tokenize(int start, int end) throws IOException {
        int[] s = new int[FIELDS * 8];
        Token[] t = new Token[8];
        int n = 0;
        kuromoji.setReader(new CharArrayReader(chars, start, end - start));
        try {
            kuromoji.reset();
            while (kuromoji.incrementToken()) {
                int from = kuromojiOffset.startOffset();
                int to = kuromojiOffset.endOffset();
                // Replay takes a token's term from the text; Kuromoji's term is its surface form.
                if (!Arrays.equals(kuromojiTerm.buffer(), 0, kuromojiTerm.length(), chars, start + from, start + to)) {
                    throw new IllegalStateException("Kuromoji term differs from its text: " + kuromojiTerm);
                }
                if (n == t.length) {
                    t = Arrays.copyOf(t, n * 2);
                    s = Arrays.copyOf(s, FIELDS * n * 2);
                }
                s[FIELDS * n] = from;
                s[FIELDS * n + 1] = to;
                s[FIELDS * n + 2] = kuromojiIncrement.getPositionIncrement();
                s[FIELDS * n + 3] = kuromojiLength.getPositionLength();
                kuromojiBaseForm.copyTo(tokenOf);
                t[n++] = tokenOf.token;
            }
            kuromoji.end();
        } finally {
            kuromoji.close();
        }
        return new ClauseMemo.Clause(Arrays.copyOf(s, FIELDS * n), Arrays.copyOf(t, n));
    }

    private void add(int start, int end, int increment, int positionLength, Token token) {
        if (size == tokens.length) {
            tokens = Arrays.copyOf(tokens, size * 2);
            spans = Arrays.copyOf(spans, FIELDS * size * 2);
        }
        spans[FIELDS * size] = start;
        spans[FIELDS * size + 1] = end;
        spans[FIELDS * size + 2] = increment;
        spans[FIELDS * size + 3] = positionLength;
        tokens[size++] = token;
    }

    /** Offsets in the original text, through the char filters, as Kuromoji's own would be. */
    private int original(int offset) {
        return filtered instanceof CharFilter f ? f.correctOffset(offset) : offset;
    }

    /**
     * A tokenizer that gives the current text's tokens with every attribute Kuromoji sets.
     *
     * @param analysesInput whether it analyses its own input when reset (a query analyzer's
     *     tokenizer), or replays what {@link #analyse} found for another reader (indexing's three
     *     chains over one pass)
     */
    Tokenizer replay(boolean analysesInput) {
        return new Replay(analysesInput);
    }

    private final class Replay extends Tokenizer {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final PositionLengthAttribute positionLength = addAttribute(PositionLengthAttribute.class);
        private final BaseFormAttribute baseForm = addAttribute(BaseFormAttribute.class);
        private final PartOfSpeechAttribute partOfSpeech = addAttribute(PartOfSpeechAttribute.class);
        private final ReadingAttribute reading = addAttribute(ReadingAttribute.class);
        private final InflectionAttribute inflection = addAttribute(InflectionAttribute.class);
        private final FlagsAttribute flags = addAttribute(FlagsAttribute.class);
        private final boolean analysesInput;
        private int next;

        Replay(boolean analysesInput) {
            this.analysesInput = analysesInput;
        }

        @Override
        public boolean incrementToken() {
            if (next == size) return false;
            clearAttributes();
            int i = next++;
            int from = spans[FIELDS * i];
            int to = spans[FIELDS * i + 1];
            term.copyBuffer(chars, from, to - from);
            offset.setOffset(original(from), original(to));
            increment.setPositionIncrement(spans[FIELDS * i + 2]);
            positionLength.setPositionLength(spans[FIELDS * i + 3]);
            Token token = tokens[i];
            baseForm.setToken(token);
            partOfSpeech.setToken(token);
            reading.setToken(token);
            inflection.setToken(token);
            boolean afterDot = i > 0 && spans[FIELDS * (i - 1) + 1] == from - 1 && MiddleDots.joins(chars[from - 1]);
            flags.setFlags(afterDot ? AFTER_MIDDLE_DOT : 0);
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            if (analysesInput) analyse(input);
            next = 0;
        }

        @Override
        public void end() throws IOException {
            super.end();
            int last = original(length);
            offset.setOffset(last, last);
        }
    }

    /** Receives the token behind Kuromoji's morphological attributes (they all hold the same one). */
    private static final class TokenOf extends AttributeImpl implements BaseFormAttribute {
        private Token token;

        @Override
        public void setToken(Token token) {
            this.token = token;
        }

        @Override
        public String getBaseForm() {
            return token == null ? null : token.getBaseForm();
        }

        @Override
        public void clear() {
            token = null;
        }

        @Override
        public void copyTo(AttributeImpl target) {
            ((BaseFormAttribute) target).setToken(token);
        }

        @Override
        public void reflectWith(AttributeReflector reflector) {
            reflector.reflect(BaseFormAttribute.class, "baseForm", getBaseForm());
        }
    }
}
