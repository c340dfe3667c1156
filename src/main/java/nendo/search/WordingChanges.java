package nendo.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The wording that changed between two versions of a measure, as whole words: a longest common
 * subsequence over Kuromoji's surface words (punctuation included), so that 「強化に向け」→「拠点に」
 * shows as words replaced rather than scattered characters. Joining the segments that are not
 * {@code added} gives the old text back exactly; those not {@code removed}, the new text.
 */
public final class WordingChanges {
    public enum Op { same, removed, added }

    public record Segment(Op op, String text) {}

    /** A one-character word kept between two changes (の, を) reads better as part of the change. */
    private static final int MIN_KEPT = 2;

    private final Analyzer words;

    WordingChanges(Analyzer surfaceWords) {
        this.words = surfaceWords;
    }

    List<Segment> between(String before, String after) {
        List<String> a = split(before);
        List<String> b = split(after);
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Segment> raw = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                raw.add(new Segment(Op.same, a.get(i++)));
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                raw.add(new Segment(Op.added, b.get(j++)));
            } else {
                raw.add(new Segment(Op.removed, a.get(i++)));
            }
        }
        return tidy(merge(raw));
    }

    /** Surface words covering the whole text (gaps the tokenizer skips, such as spaces, kept as words). */
    private List<String> split(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = words.tokenStream("surface", text)) {
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            int last = 0;
            while (ts.incrementToken()) {
                if (offset.startOffset() > last) out.add(text.substring(last, offset.startOffset()));
                if (offset.endOffset() > Math.max(last, offset.startOffset())) {
                    out.add(text.substring(Math.max(last, offset.startOffset()), offset.endOffset()));
                }
                last = Math.max(last, offset.endOffset());
            }
            ts.end();
            if (last < text.length()) out.add(text.substring(last));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Consecutive segments of one kind as one; within a change, removals before additions. */
    private static List<Segment> merge(List<Segment> segments) {
        List<Segment> out = new ArrayList<>();
        int k = 0;
        while (k < segments.size()) {
            if (segments.get(k).op() == Op.same) {
                StringBuilder same = new StringBuilder();
                while (k < segments.size() && segments.get(k).op() == Op.same) same.append(segments.get(k++).text());
                out.add(new Segment(Op.same, same.toString()));
            } else {
                StringBuilder removed = new StringBuilder();
                StringBuilder added = new StringBuilder();
                while (k < segments.size() && segments.get(k).op() != Op.same) {
                    Segment s = segments.get(k++);
                    (s.op() == Op.removed ? removed : added).append(s.text());
                }
                if (!removed.isEmpty()) out.add(new Segment(Op.removed, removed.toString()));
                if (!added.isEmpty()) out.add(new Segment(Op.added, added.toString()));
            }
        }
        return out;
    }

    /** Folds a very short unchanged piece between two changes into them, then merges again. */
    private static List<Segment> tidy(List<Segment> segments) {
        List<Segment> out = new ArrayList<>();
        for (int k = 0; k < segments.size(); k++) {
            Segment s = segments.get(k);
            boolean between = k > 0 && k < segments.size() - 1 && segments.get(k - 1).op() != Op.same
                    && segments.get(k + 1).op() != Op.same;
            if (s.op() == Op.same && between && s.text().length() < MIN_KEPT) {
                out.add(new Segment(Op.removed, s.text()));
                out.add(new Segment(Op.added, s.text()));
            } else {
                out.add(s);
            }
        }
        return out.size() == segments.size() ? out : merge(out);
    }
}
