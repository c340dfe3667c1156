package nendo.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The query language people type: words separated by spaces (half- or full-width), 、, commas or
 * {@code +} must all match ({@code AND} between them says the same); {@code OR} or {@code |}
 * between words makes either enough; {@code -word} excludes; {@code "..."} is an exact phrase.
 * Nothing typed is an error: an unclosed quote is closed at the end and a lone {@code -} or a
 * dangling {@code OR} is ignored, each with a notice telling the user what was repaired.
 *
 * <p>Every character and word with a meaning here is in the constants below: people type them in
 * the width and case their keyboard or IME gives (ＯＲ, or, ｏｒ; − from a word processor, ー from
 * an IME's "-" key), so each is read the same as the ASCII operator.
 */
public final class QuerySyntax {
    /** One word or phrase as typed, after NFKC. */
    public record Term(String text, boolean phrase) {}

    /**
     * @param groups all groups must match; within a group any term is enough (OR)
     * @param excluded no term here may match
     * @param notices what was repaired or read in a way the user might not expect, in Japanese, each once
     */
    public record Parsed(List<List<Term>> groups, List<Term> excluded, List<String> notices) {
        public boolean isEmpty() {
            return groups.isEmpty() && excluded.isEmpty();
        }
    }

    /**
     * Marks that exclude the word they start (after NFKC, which already turns － and ﹣ into -): the
     * minus sign, hyphens and dashes, and ー, which an IME gives for the "-" key and which no
     * Japanese word starts with. Only - is the plain reading; the others get a notice.
     */
    static final String EXCLUDE = "-−‐‑‒–—―ー";
    /** Joins words that must all match, as a space does (防災+訓練). */
    static final char AND_MARK = '+';
    /** Stands for OR, between words or glued to them (防災|子育て). */
    static final char OR_MARK = '|';
    /** Words that are operators in any case (NFKC makes ＯＲ and ｏｒ these). */
    static final String OR_WORD = "OR";
    static final String AND_WORD = "AND";

    /** How the notices of a repaired lone operator end (a lone - or OR): nothing was searched. */
    private static final String IGNORED = "無視しました";

    private enum Kind { WORD, OR, AND }

    private record Token(Kind kind, String text, boolean phrase, boolean negated) {
        static Token word(String text, boolean phrase, boolean negated) {
            return new Token(Kind.WORD, text, phrase, negated);
        }
    }

    public Parsed parse(String raw) {
        String q = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFKC);
        Set<String> notices = new LinkedHashSet<>();
        List<Token> tokens = tokenize(q, notices);

        List<List<Term>> groups = new ArrayList<>();
        List<Term> excluded = new ArrayList<>();
        boolean pendingOr = false;
        Token previous = null;
        for (Token t : tokens) {
            if (t.kind() == Kind.AND) {
                // What words do anyway: nothing to read, nothing to repair.
                continue;
            }
            if (t.kind() == Kind.OR) {
                if (groups.isEmpty() && previous != null && previous.negated()) {
                    notices.add("除外する語（-" + previous.text() + "）は OR でつなげないため、OR を無視しました");
                } else if (groups.isEmpty() || pendingOr) {
                    notices.add("OR の前に語がないため無視しました");
                } else {
                    pendingOr = true;
                }
                previous = t;
                continue;
            }
            Term term = new Term(t.text(), t.phrase());
            if (t.negated()) {
                if (pendingOr) {
                    notices.add("OR の後の「-" + t.text() + "」は除外する語のため、OR を無視して「" + t.text()
                            + "」を除外しました");
                    pendingOr = false;
                }
                excluded.add(term);
            } else if (pendingOr) {
                groups.get(groups.size() - 1).add(term);
                pendingOr = false;
            } else {
                groups.add(new ArrayList<>(List.of(term)));
            }
            previous = t;
        }
        if (pendingOr) notices.add("OR の後に語がないため無視しました");
        if (groups.isEmpty() && excluded.isEmpty() && !q.isBlank() && notices.stream().noneMatch(n -> n.endsWith(IGNORED))) {
            // Only operators were typed (AND, +): say that nothing was searched, as the repairs of
            // a lone - or OR do.
            notices.add("「" + q.strip() + "」には検索する語がないため、語なしで表示しました");
        }
        return new Parsed(groups.stream().map(List::copyOf).toList(), List.copyOf(excluded), List.copyOf(notices));
    }

    /**
     * The parsed query written back in the query language, so that parsing it gives the same groups
     * and exclusions: groups apart, alternatives joined by OR, exclusions with -, phrases quoted.
     */
    static String text(Parsed parsed) {
        List<String> parts = new ArrayList<>();
        for (List<Term> group : parsed.groups()) {
            parts.add(String.join(" OR ", group.stream().map(QuerySyntax::written).toList()));
        }
        for (Term t : parsed.excluded()) parts.add("-" + written(t));
        return String.join(" ", parts);
    }

    private static String written(Term t) {
        return t.phrase() ? "\"" + t.text() + "\"" : t.text();
    }

    private static List<Token> tokenize(String q, Set<String> notices) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = q.length();
        while (i < n) {
            char c = q.charAt(i);
            if (separates(q, i)) {
                i++;
                continue;
            }
            if (c == OR_MARK) {
                tokens.add(new Token(Kind.OR, String.valueOf(c), false, false));
                i++;
                continue;
            }
            boolean negated = false;
            char mark = c;
            if (EXCLUDE.indexOf(c) >= 0) {
                negated = true;
                i++;
                if (i >= n || separates(q, i) || q.charAt(i) == OR_MARK) {
                    notices.add("「" + mark + "」の後に除外する語がないため無視しました");
                    continue;
                }
                c = q.charAt(i);
            }
            if (c == '"') {
                int close = q.indexOf('"', i + 1);
                String text;
                if (close < 0) {
                    notices.add("閉じていない \" を文末で閉じました");
                    text = q.substring(i + 1);
                    i = n;
                } else {
                    text = q.substring(i + 1, close);
                    i = close + 1;
                }
                text = withoutEmoji(text.strip(), notices);
                if (!text.isBlank()) {
                    tokens.add(Token.word(text.strip(), true, negated));
                    if (negated) excludedAs(mark, "\"" + text.strip() + "\"", notices);
                }
                continue;
            }
            int start = i;
            while (i < n && !separates(q, i) && q.charAt(i) != '"' && q.charAt(i) != OR_MARK) i++;
            String word = withoutEmoji(q.substring(start, i), notices);
            if (negated) {
                tokens.add(Token.word(word, false, true));
                excludedAs(mark, word, notices);
            } else {
                tokens.add(operator(word, notices));
            }
        }
        return tokens;
    }

    /** An operator word (OR, AND in any case) as its operator, any other word as a word. */
    private static Token operator(String word, Set<String> notices) {
        String upper = word.toUpperCase(Locale.ROOT);
        Kind kind = upper.equals(OR_WORD) ? Kind.OR : upper.equals(AND_WORD) ? Kind.AND : Kind.WORD;
        if (kind == Kind.WORD) return Token.word(word, false, false);
        if (!word.equals(upper)) notices.add("「" + word + "」を " + upper + " として読みました");
        return new Token(kind, word, false, false);
    }

    /**
     * The word without emoji and pictographs, which no plan says and the analyzers keep as
     * characters (防災😀 found nothing): they are dropped like symbols, with a notice. A word of
     * nothing but emoji is left empty, so that it still counts as typed and, alone, is told it has
     * nothing searchable, as a word of symbols is. Returns the word itself when it holds none.
     */
    static String withoutEmoji(String word, Set<String> notices) {
        int first = -1;
        for (int i = 0; i < word.length() && first < 0; ) {
            int cp = word.codePointAt(i);
            if (isEmoji(cp)) first = i;
            i += Character.charCount(cp);
        }
        if (first < 0) return word;
        StringBuilder kept = new StringBuilder(word.length()).append(word, 0, first);
        for (int i = first; i < word.length(); ) {
            int cp = word.codePointAt(i);
            if (!isEmoji(cp)) kept.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        String rest = kept.toString();
        notices.add(rest.isBlank() ? "絵文字は検索できないため「" + word + "」を除きました"
                : "絵文字は検索できないため「" + word + "」を「" + rest + "」として検索しました");
        return rest;
    }

    /**
     * Pictographs, and what joins and modifies them (skin tones, flags' letters, the variation
     * selector and zero-width joiner, keycaps). ASCII is never one: digits, # and * are emoji
     * components too, for keycaps.
     */
    private static boolean isEmoji(int cp) {
        if (cp < 0x80) return false;
        return Character.isExtendedPictographic(cp) || Character.isEmojiComponent(cp);
    }

    /** A word excluded by a mark other than -: say so, the reading is not obvious (ー訓練). */
    private static void excludedAs(char mark, String word, Set<String> notices) {
        if (mark != '-') notices.add("「" + mark + word + "」を除外（-" + word + "）として読みました");
    }

    /**
     * Whether the character at i separates words. People list keywords with 、 or a comma as often
     * as with a space (防災、訓練); inside a word a 、 only ever joined two words the text must hold
     * side by side, which nobody means. A comma between digits is a thousands separator (1,000人).
     * Full-width ， and half-width ､ arrive as , and 、 after NFKC; ＋ as +.
     */
    private static boolean separates(String q, int i) {
        char c = q.charAt(i);
        if (Character.isWhitespace(c) || c == '、' || c == AND_MARK) return true;
        if (c != ',') return false;
        boolean inNumber = i > 0 && i + 1 < q.length() && Character.isDigit(q.charAt(i - 1))
                && Character.isDigit(q.charAt(i + 1));
        return !inNumber;
    }
}
