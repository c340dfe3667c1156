package nendo.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The query language people type: words separated by spaces (half- or full-width), 、 or commas
 * must all match; {@code OR} between words makes either enough; {@code -word} excludes; {@code "..."} is an exact
 * phrase. Nothing typed is an error: an unclosed quote is closed at the end and a lone {@code -} or
 * a dangling {@code OR} is ignored, each with a notice telling the user what was repaired.
 */
public final class QuerySyntax {
    /** One word or phrase as typed, after NFKC. */
    public record Term(String text, boolean phrase) {}

    /**
     * @param groups all groups must match; within a group any term is enough (OR)
     * @param excluded no term here may match
     * @param notices what was repaired, in Japanese, for the user
     */
    public record Parsed(List<List<Term>> groups, List<Term> excluded, List<String> notices) {
        public boolean isEmpty() {
            return groups.isEmpty() && excluded.isEmpty();
        }
    }

    private record Token(String text, boolean phrase, boolean negated, boolean or) {}

    public Parsed parse(String raw) {
        String q = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFKC);
        List<String> notices = new ArrayList<>();
        List<Token> tokens = tokenize(q, notices);

        List<List<Term>> groups = new ArrayList<>();
        List<Term> excluded = new ArrayList<>();
        boolean pendingOr = false;
        for (Token t : tokens) {
            if (t.or()) {
                if (groups.isEmpty() || pendingOr) notices.add("OR の前に語がないため無視しました");
                else pendingOr = true;
                continue;
            }
            Term term = new Term(t.text(), t.phrase());
            if (t.negated()) {
                excluded.add(term);
            } else if (pendingOr) {
                groups.get(groups.size() - 1).add(term);
                pendingOr = false;
            } else {
                groups.add(new ArrayList<>(List.of(term)));
            }
        }
        if (pendingOr) notices.add("OR の後に語がないため無視しました");
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

    private static List<Token> tokenize(String q, List<String> notices) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = q.length();
        while (i < n) {
            char c = q.charAt(i);
            if (separates(q, i)) {
                i++;
                continue;
            }
            boolean negated = false;
            if (c == '-') {
                negated = true;
                i++;
                if (i >= n || separates(q, i)) {
                    notices.add("「-」の後に除外する語がないため無視しました");
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
                if (!text.isBlank()) tokens.add(new Token(text.strip(), true, negated, false));
                continue;
            }
            int start = i;
            while (i < n && !separates(q, i) && q.charAt(i) != '"') i++;
            String word = q.substring(start, i);
            tokens.add(new Token(word, false, negated, !negated && word.equals("OR")));
        }
        return tokens;
    }

    /**
     * Whether the character at i separates words. People list keywords with 、 or a comma as often
     * as with a space (防災、訓練); inside a word a 、 only ever joined two words the text must hold
     * side by side, which nobody means. A comma between digits is a thousands separator (1,000人).
     * Full-width ， and half-width ､ arrive as , and 、 after NFKC.
     */
    private static boolean separates(String q, int i) {
        char c = q.charAt(i);
        if (Character.isWhitespace(c) || c == '、') return true;
        if (c != ',') return false;
        boolean inNumber = i > 0 && i + 1 < q.length() && Character.isDigit(q.charAt(i - 1))
                && Character.isDigit(q.charAt(i + 1));
        return !inNumber;
    }
}
