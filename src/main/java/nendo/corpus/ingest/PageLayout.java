package nendo.corpus.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Reading order of one page, from glyph positions alone: a recursive XY-cut. A region is cut at
 * vertical gutters first (so columns are read as columns), else at empty horizontal strips; strips
 * that sit under one common gutter are put back together, so a two-column area is never read
 * row by row just because both columns happen to have a gap at the same height.
 *
 * <p>Coordinates are top-down (y grows towards the bottom of the page), in PDF points.
 */
final class PageLayout {
    /** One glyph as printed: its text, left edge, baseline, advance width and font size. */
    record Glyph(String text, float x, float baseline, float width, float size) {
        float left() {
            return x;
        }

        float right() {
            return x + width;
        }

        /** Font metrics are unreliable across PDFs; an em box split 85/15 around the baseline is not. */
        float top() {
            return baseline - 0.85f * size;
        }

        float bottom() {
            return baseline + 0.15f * size;
        }

        /** Spaces are no ink: they must not bridge gutters, but they tell where a line has a space. */
        boolean blank() {
            return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
        }

        Rect bounds() {
            return new Rect(left(), top(), right(), bottom());
        }
    }

    /** An axis-aligned rectangle in top-down page coordinates. */
    record Rect(float left, float top, float right, float bottom) {
        Rect union(Rect o) {
            return new Rect(Math.min(left, o.left), Math.min(top, o.top),
                    Math.max(right, o.right), Math.max(bottom, o.bottom));
        }

        boolean contains(Rect o, float slack) {
            return o.left >= left - slack && o.right <= right + slack
                    && o.top >= top - slack && o.bottom <= bottom + slack;
        }

        float area() {
            return Math.max(0, right - left) * Math.max(0, bottom - top);
        }

        /** Whether the two share some x range (one is above the other) or some y range (side by side). */
        boolean faces(Rect o) {
            return Math.min(right, o.right) > Math.max(left, o.left)
                    || Math.min(bottom, o.bottom) > Math.max(top, o.top);
        }

        /** Shortest distance between the two rectangles; 0 when they touch or overlap. */
        float distance(Rect o) {
            float dx = Math.max(0, Math.max(o.left - right, left - o.right));
            float dy = Math.max(0, Math.max(o.top - bottom, top - o.bottom));
            return (float) Math.hypot(dx, dy);
        }
    }

    /** One visual line of a block. */
    record Line(String text, Rect bounds) {}

    /** A leaf of the cut: lines that belong together, with the box around their ink. */
    record Block(List<Line> lines, Rect bounds) {}

    /** A gutter must be this many font sizes wide: wider than an ideographic space, narrower than a column gap. */
    private static final float GUTTER_EMS = 1.5f;
    /** A gap between glyphs on a line wider than this many font sizes reads as a space. */
    private static final float SPACE_EMS = 0.45f;

    private final List<Glyph> spaces;
    private final float blockGap;

    private PageLayout(List<Glyph> spaces, float blockGap) {
        this.spaces = spaces;
        this.blockGap = blockGap;
    }

    /** The page's blocks in reading order; empty when the page has no ink. */
    static List<Block> blocks(List<Glyph> glyphs) {
        List<Glyph> ink = glyphs.stream().filter(g -> !g.blank()).toList();
        if (ink.isEmpty()) return List.of();
        List<Glyph> spaces = glyphs.stream().filter(Glyph::blank).toList();
        PageLayout layout = new PageLayout(spaces, blockGap(ink));
        List<Block> out = new ArrayList<>();
        layout.cut(ink, out);
        return out;
    }

    /** Median font size of the glyphs: the page's body text size. */
    static float em(List<Glyph> ink) {
        float[] sizes = new float[ink.size()];
        for (int i = 0; i < sizes.length; i++) sizes[i] = ink.get(i).size();
        Arrays.sort(sizes);
        return sizes.length == 0 ? 10f : sizes[sizes.length / 2];
    }

    /**
     * The least empty strip that separates two blocks: clearly more than the page's usual space
     * between lines (the gap from a glyph to the nearest glyph of the line below, over glyphs),
     * so that lines of a paragraph stay together whatever leading the page was set with.
     */
    private static float blockGap(List<Glyph> ink) {
        float em = em(ink);
        List<Glyph> byBaseline = new ArrayList<>(ink);
        byBaseline.sort(Comparator.comparingDouble(Glyph::baseline));
        List<Float> gaps = new ArrayList<>();
        for (int i = 0; i < byBaseline.size(); i++) {
            Glyph a = byBaseline.get(i);
            float best = Float.MAX_VALUE;
            for (int j = i + 1; j < byBaseline.size(); j++) {
                Glyph b = byBaseline.get(j);
                float gap = Math.max(0, b.top() - a.bottom());
                // Beyond a few lines down the gap no longer matters: block gaps are capped at 2 em.
                if (gap > best + 2 * em || b.baseline() - a.baseline() > 6 * em) break;
                boolean below = b.baseline() - a.baseline() > 0.6f * a.size();
                if (below && b.left() < a.right() && b.right() > a.left()) best = Math.min(best, gap);
            }
            if (best < Float.MAX_VALUE) gaps.add(best);
        }
        gaps.sort(null);
        // The lower quartile, not the median: in paragraphs of two lines half the glyphs look
        // down onto the next paragraph.
        float lineGap = gaps.isEmpty() ? 0.3f * em : gaps.get(gaps.size() / 4);
        return Math.min(2f * em, Math.max(0.8f * em, lineGap + 0.4f * em));
    }

    private void cut(List<Glyph> region, List<Block> out) {
        List<List<Glyph>> columns = columns(region);
        if (columns.size() > 1) {
            for (List<Glyph> column : columns) cut(column, out);
            return;
        }
        List<List<Glyph>> bands = bands(region);
        if (bands.size() == 1) {
            out.add(block(region));
            return;
        }
        int i = 0;
        while (i < bands.size()) {
            List<Glyph> group = bands.get(i);
            int next = i + 1;
            // A strip that has columns of its own starts a multi-column area; the strips below it
            // belong to it while one gutter still runs through all of them. The whole region has no
            // gutter, so a group is always smaller than the region and the recursion ends.
            if (columns(group).size() > 1) {
                while (next < bands.size()) {
                    List<Glyph> wider = new ArrayList<>(group);
                    wider.addAll(bands.get(next));
                    if (columns(wider).size() < 2) break;
                    group = wider;
                    next++;
                }
            }
            cut(group, out);
            i = next;
        }
    }

    /** Splits at vertical gutters, left to right; one element when there is none. */
    private static List<List<Glyph>> columns(List<Glyph> region) {
        List<Glyph> byLeft = new ArrayList<>(region);
        byLeft.sort(Comparator.comparingDouble(Glyph::left));
        List<List<Glyph>> runs = new ArrayList<>();
        List<Glyph> run = null;
        Glyph edge = null; // the glyph reaching furthest right in the current run
        for (Glyph g : byLeft) {
            float gutter = GUTTER_EMS * Math.max(g.size(), edge == null ? 0 : edge.size());
            if (run == null || g.left() - edge.right() >= gutter) {
                run = new ArrayList<>();
                runs.add(run);
                edge = g;
            }
            run.add(g);
            if (g.right() > edge.right()) edge = g;
        }
        return runs;
    }

    /** Splits at empty horizontal strips at least one block gap high, top to bottom. */
    private List<List<Glyph>> bands(List<Glyph> region) {
        List<Glyph> byTop = new ArrayList<>(region);
        byTop.sort(Comparator.comparingDouble(Glyph::top));
        List<List<Glyph>> runs = new ArrayList<>();
        List<Glyph> run = null;
        float bottom = 0;
        for (Glyph g : byTop) {
            if (run == null || g.top() - bottom >= blockGap) {
                run = new ArrayList<>();
                runs.add(run);
                bottom = g.bottom();
            }
            run.add(g);
            bottom = Math.max(bottom, g.bottom());
        }
        return runs;
    }

    /** A leaf: its glyphs grouped into lines by baseline, each line read left to right. */
    private Block block(List<Glyph> glyphs) {
        List<Glyph> byBaseline = new ArrayList<>(glyphs);
        byBaseline.sort(Comparator.comparingDouble(Glyph::baseline).thenComparingDouble(Glyph::left));
        List<List<Glyph>> rows = new ArrayList<>();
        List<Glyph> row = null;
        for (Glyph g : byBaseline) {
            Glyph first = row == null ? null : row.get(0);
            if (first == null || g.baseline() - first.baseline() > 0.4f * Math.max(g.size(), first.size())) {
                row = new ArrayList<>();
                rows.add(row);
            }
            row.add(g);
        }
        List<Line> lines = new ArrayList<>();
        Rect bounds = null;
        for (List<Glyph> r : rows) {
            r.sort(Comparator.comparingDouble(Glyph::left));
            Line line = line(r);
            lines.add(line);
            bounds = bounds == null ? line.bounds() : bounds.union(line.bounds());
        }
        return new Block(lines, bounds);
    }

    private Line line(List<Glyph> row) {
        StringBuilder text = new StringBuilder();
        Rect bounds = row.get(0).bounds();
        Glyph previous = null;
        for (Glyph g : row) {
            if (previous != null) text.append(separator(previous, g));
            text.append(g.text());
            bounds = bounds.union(g.bounds());
            previous = g;
        }
        return new Line(text.toString(), bounds);
    }

    /**
     * What goes between two neighbouring glyphs: the space the PDF printed there (one, as printed),
     * a plain space when the gap is clearly wider than the text's spacing, else nothing (Japanese
     * has no spaces between words, and wrapped lines are joined by the importer).
     */
    private String separator(Glyph a, Glyph b) {
        float gap = b.left() - a.right();
        float size = Math.max(a.size(), b.size());
        if (gap <= 0.1f * size) return "";
        for (Glyph s : spaces) {
            float centre = s.left() + s.width() / 2;
            if (Math.abs(s.baseline() - a.baseline()) <= 0.4f * size
                    && centre > a.right() - 0.1f * size && centre < b.left() + 0.1f * size) {
                return s.text().substring(0, Character.charCount(s.text().codePointAt(0)));
            }
        }
        return gap > SPACE_EMS * size ? " " : "";
    }
}
