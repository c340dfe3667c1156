package nendo.corpus.ingest;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nendo.corpus.ingest.PageLayout.Block;
import nendo.corpus.ingest.PageLayout.Glyph;
import nendo.corpus.ingest.PageLayout.Rect;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The PDF half of the importer: the text of a plan PDF in reading order, columns read as columns
 * and every department label on its own line directly before the box it is printed beside.
 *
 * <p>PDFBox's own ordering (content-stream order, or {@code setSortByPosition}) reads a grid of
 * boxes across columns and leaves labels where they were drawn; here PDFBox only reports glyph
 * positions and drawn rectangles, {@link PageLayout} finds the reading order and
 * {@link LabelPlacement} moves each label to its box.
 *
 * <p>Output: one line per visual line (wrapped lines stay separate: the importer joins them
 * without spaces), one empty line between blocks and between pages, no other normalisation.
 */
public final class PdfText {
    static final String NO_TEXT = "PDF に文字が含まれていません（画像だけの PDF は取り込めません）";

    public PdfText() {}

    /**
     * Text of every page in reading order.
     *
     * @throws IOException with a Japanese message when the bytes are not a readable PDF, or when
     *     the PDF has no text (a scan without a text layer)
     */
    public String extract(byte[] pdf) throws IOException {
        if (pdf == null || pdf.length == 0) throw new IOException("PDF として読めません: 空のファイルです");
        List<PageGlyphs> pages;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            GlyphStripper stripper = new GlyphStripper();
            stripper.getText(document);
            pages = stripper.pages;
        } catch (IOException | RuntimeException e) {
            // PDFBox reports broken files as IOExceptions and some broken structures as runtime ones.
            throw new IOException("PDF として読めません: " + e.getMessage(), e);
        }
        List<String> sections = new ArrayList<>();
        for (PageGlyphs page : pages) {
            List<Block> blocks = PageLayout.blocks(page.glyphs());
            if (blocks.isEmpty()) continue;
            float em = PageLayout.em(page.glyphs().stream().filter(g -> !g.blank()).toList());
            for (List<String> lines : LabelPlacement.arrange(blocks, page.frames(), page.size(), em)) {
                sections.add(String.join("\n", lines));
            }
        }
        if (sections.isEmpty()) throw new IOException(NO_TEXT);
        return String.join("\n\n", sections) + "\n";
    }

    /** What one page printed: glyphs and the rectangles drawn around things, top-down coordinates. */
    private record PageGlyphs(List<Glyph> glyphs, List<Rect> frames, Rect size) {}

    /**
     * Collects glyphs instead of writing text, and the bounding boxes of painted paths (box
     * frames), which PDFTextStripper does not look at; reading order is decided afterwards.
     */
    private static final class GlyphStripper extends PDFTextStripper {
        /** Painted paths smaller than this (points) are rules, bullets or outlined glyphs, not frames. */
        private static final float MIN_FRAME_SIDE = 12f;

        final List<PageGlyphs> pages = new ArrayList<>();
        private List<Glyph> glyphs = new ArrayList<>();
        private Map<String, List<Glyph>> seen = new HashMap<>();
        private List<Rect> frames = new ArrayList<>();
        private PDRectangle crop;
        private boolean framesUsable;
        /** Bounding box of the path under construction, in PDF user space (y up); null when none. */
        private float[] path;

        GlyphStripper() {
            for (String op : List.of("m", "l", "c", "v", "y", "h", "re")) addOperator(new PathBuilding(this, op));
            for (String op : List.of("S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n")) {
                addOperator(new PathPainting(this, op));
            }
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            glyphs = new ArrayList<>();
            seen = new HashMap<>();
            frames = new ArrayList<>();
            crop = page.getCropBox();
            // Glyph positions are rotated with the page, path coordinates are not; rather than
            // guess, a rotated page is laid out from its glyphs alone.
            framesUsable = page.getRotation() % 360 == 0;
            path = null;
            super.startPage(page);
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            String unicode = text.getUnicode();
            if (unicode == null || unicode.isEmpty()) return;
            float size = text.getFontSizeInPt();
            if (!(size > 0)) size = text.getHeightDir() > 0 ? text.getHeightDir() : 10f;
            Glyph g = new Glyph(unicode, text.getXDirAdj(), text.getYDirAdj(), text.getWidthDirAdj(), size);
            // Fake bold prints each glyph twice, a hair apart: keep the first.
            List<Glyph> same = seen.computeIfAbsent(unicode, u -> new ArrayList<>());
            for (Glyph other : same) {
                float near = 0.1f * size;
                if (Math.abs(other.x() - g.x()) < near && Math.abs(other.baseline() - g.baseline()) < near) return;
            }
            same.add(g);
            glyphs.add(g);
        }

        @Override
        protected void writePage() {
            Rect size = new Rect(0, 0, crop.getWidth(), crop.getHeight());
            pages.add(new PageGlyphs(List.copyOf(glyphs), List.copyOf(frames), size));
        }

        private void extendPath(float x, float y) {
            Point2D.Float p = getGraphicsState().getCurrentTransformationMatrix().transformPoint(x, y);
            if (path == null) path = new float[] {p.x, p.y, p.x, p.y};
            path[0] = Math.min(path[0], p.x);
            path[1] = Math.min(path[1], p.y);
            path[2] = Math.max(path[2], p.x);
            path[3] = Math.max(path[3], p.y);
        }

        /** Ends the current path; a painted one big enough to hold text becomes a frame. */
        private void endPath(boolean painted) {
            if (painted && framesUsable && path != null
                    && path[2] - path[0] >= MIN_FRAME_SIDE && path[3] - path[1] >= MIN_FRAME_SIDE) {
                float left = path[0] - crop.getLowerLeftX();
                float right = path[2] - crop.getLowerLeftX();
                float top = crop.getUpperRightY() - path[3];
                float bottom = crop.getUpperRightY() - path[1];
                frames.add(new Rect(left, top, right, bottom));
            }
            path = null;
        }

        /** Path construction operators: only the extent of the path matters. */
        private final class PathBuilding extends OperatorProcessor {
            private final String name;

            PathBuilding(PDFTextStripper context, String name) {
                super(context);
                this.name = name;
            }

            @Override
            public void process(Operator operator, List<COSBase> operands) {
                List<Float> xy = new ArrayList<>();
                for (COSBase operand : operands) {
                    if (!(operand instanceof COSNumber n)) return; // malformed: ignore, as PDFBox does
                    xy.add(n.floatValue());
                }
                if (name.equals("re") && xy.size() == 4) {
                    float x = xy.get(0), y = xy.get(1), w = xy.get(2), h = xy.get(3);
                    extendPath(x, y);
                    extendPath(x + w, y);
                    extendPath(x, y + h);
                    extendPath(x + w, y + h);
                    return;
                }
                for (int i = 0; i + 1 < xy.size(); i += 2) extendPath(xy.get(i), xy.get(i + 1));
            }

            @Override
            public String getName() {
                return name;
            }
        }

        /** Path painting operators ({@code n} ends a path without painting it, e.g. a clip). */
        private final class PathPainting extends OperatorProcessor {
            private final String name;

            PathPainting(PDFTextStripper context, String name) {
                super(context);
                this.name = name;
            }

            @Override
            public void process(Operator operator, List<COSBase> operands) {
                endPath(!name.equals("n"));
            }

            @Override
            public String getName() {
                return name;
            }
        }
    }
}
