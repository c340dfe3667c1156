package nendo.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Builds plan PDFs in memory, laid out like the newsletter page 「各部の運営方針と目標」: a
 * full-width headline, intro paragraph and contact line, then two columns of framed department
 * boxes, each measure starting with ● and wrapped at a fixed width, the department's name printed
 * above, below, left or right of its box. Positions are in points from the top of an A4 page.
 */
public final class PlanPdfs {
    /** Debian's fonts-ipafont-gothic, which .ci/run installs: PDFBox needs a real Japanese font to embed. */
    public static final File FONT = new File("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf");

    public static final String HEADLINE = "令和2年度「各部の運営方針と目標」を策定しました";
    public static final String INTRO = "「各部の運営方針と目標」は、施政方針などに掲げる事業の実現を目指し、各部が主体的に"
            + "取り組むための「部の経営の全体構想」を示すものです。今号では、2年度の主な事業の概要を紹介します。";
    public static final String CONTACT = "企画経営課☎内線2150";

    /** Characters per line in a box and in the intro: wrapped mid-word, as the newsletter does. */
    public static final int BOX_CHARS = 15;
    public static final int INTRO_CHARS = 50;

    /** Left edges of the two columns. */
    public static final float[] COLUMN_X = {40, 300};

    private static final float BODY = 9;
    private static final float LABEL = 10;
    private static final float LEADING = 14;
    /** Extra space between two measures of a box, so each measure is a block of its own. */
    private static final float MEASURE_GAP = 6;
    private static final float PADDING = 7;
    private static final float BOX_WIDTH = BOX_CHARS * BODY + 2 * PADDING;
    /** Room left of a box for a label printed at its left. */
    private static final float LABEL_ROOM = 95;
    private static final float LABEL_OFFSET = 12;
    private static final float BOX_SPACING = 18;
    private static final float BOTTOM_LIMIT = PDRectangle.A4.getHeight() - 40;

    /** Where a department's name is printed, relative to its box. */
    public enum Side { ABOVE, LEFT, RIGHT, BELOW }

    /** A department box; {@code label} null for a box continued from the previous page. */
    public record Dept(String label, Side side, List<String> measures) {}

    /** Boxes stacked in one column (0 left, 1 right) from {@code top}. */
    public record Column(int index, float top, List<Dept> depts) {}

    /** Free text drawn as is: {@code baseline} from the top of the page. */
    public record Run(float x, float baseline, float size, String text) {}

    /** One page: the article header or not, columns of boxes, free text. */
    public record Page(boolean header, List<Column> columns, List<Run> runs) {}

    private PlanPdfs() {}

    /** The lines a measure is printed as: ● and the text, cut every {@link #BOX_CHARS} characters. */
    public static List<String> measureLines(String measure) {
        return wrap("●" + measure, BOX_CHARS);
    }

    public static List<String> introLines() {
        return wrap(INTRO, INTRO_CHARS);
    }

    /** Cuts text every {@code width} code points, wherever that falls. */
    public static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i < cps.length; i += width) {
            lines.add(new String(cps, i, Math.min(width, cps.length - i)));
        }
        return lines;
    }

    /** Height of the frame drawn around these measures. */
    public static float boxHeight(List<String> measures) {
        int lines = measures.stream().mapToInt(m -> measureLines(m).size()).sum();
        return PADDING + 0.85f * BODY + (lines - 1) * LEADING + (measures.size() - 1) * MEASURE_GAP
                + 0.15f * BODY + PADDING;
    }

    /** Width of the frame drawn around a box. */
    public static float boxWidth() {
        return BOX_WIDTH;
    }

    /** A PDF of the given pages, as bytes. */
    public static byte[] pdf(Page... pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = font(doc);
            for (Page page : pages) {
                PDPage pdPage = new PDPage(PDRectangle.A4);
                doc.addPage(pdPage);
                try (PDPageContentStream out = new PDPageContentStream(doc, pdPage)) {
                    Painter painter = new Painter(out, font);
                    if (page.header()) header(painter, font);
                    for (Column column : page.columns()) column(painter, column);
                    for (Run run : page.runs()) painter.text(run.x(), run.baseline(), run.size(), run.text());
                }
            }
            return bytes(doc);
        }
    }

    /** A one-page PDF with a framed box and no text at all (like a scan without a text layer). */
    public static byte[] frameOnly() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                out.addRect(40, 400, 200, 150);
                out.stroke();
            }
            return bytes(doc);
        }
    }

    private static PDType0Font font(PDDocument doc) throws IOException {
        if (!FONT.isFile()) {
            throw new IllegalStateException("日本語フォント " + FONT + " がありません: "
                    + "apt-get install fonts-ipafont-gothic（.ci/run が入れます）");
        }
        return PDType0Font.load(doc, FONT);
    }

    private static byte[] bytes(PDDocument doc) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        doc.save(bytes);
        return bytes.toByteArray();
    }

    private static void header(Painter p, PDType0Font font) throws IOException {
        p.text(COLUMN_X[0], 70, 14, HEADLINE);
        float baseline = 100;
        for (String line : introLines()) {
            p.text(COLUMN_X[0], baseline, BODY, line);
            baseline += LEADING;
        }
        float width = font.getStringWidth(CONTACT) / 1000 * BODY;
        p.text(PDRectangle.A4.getWidth() - 40 - width, baseline - LEADING + 22, BODY, CONTACT);
    }

    /** Stacks the column's boxes, each with its label on its side; fails if they overflow the page. */
    private static void column(Painter p, Column column) throws IOException {
        float x = COLUMN_X[column.index()];
        float y = column.top();
        for (Dept dept : column.depts()) {
            Side side = dept.label() == null ? Side.ABOVE : dept.side();
            if (side == Side.ABOVE && dept.label() != null) {
                p.text(x, y + 0.85f * LABEL, LABEL, dept.label());
                y += LABEL + 6;
            }
            float boxX = side == Side.LEFT ? x + LABEL_ROOM : x;
            float bottom = p.box(boxX, y, dept.measures());
            float firstBaseline = y + PADDING + 0.85f * BODY;
            switch (side) {
                case LEFT -> {
                    // Set flush against the box, as a tab on its side would be.
                    float width = p.font().getStringWidth(dept.label()) / 1000 * LABEL;
                    p.text(boxX - LABEL_OFFSET - width, firstBaseline, LABEL, dept.label());
                }
                case RIGHT -> p.text(boxX + BOX_WIDTH + LABEL_OFFSET, firstBaseline, LABEL, dept.label());
                case BELOW -> {
                    p.text(x, bottom + 6 + 0.85f * LABEL, LABEL, dept.label());
                    bottom += 6 + LABEL;
                }
                case ABOVE -> {}
            }
            y = bottom + BOX_SPACING;
            if (y > BOTTOM_LIMIT) throw new IllegalArgumentException("boxes overflow the page at " + dept);
        }
    }

    /** Draws on one page in top-down coordinates. */
    private record Painter(PDPageContentStream out, PDType0Font font) {
        void text(float x, float baseline, float size, String text) throws IOException {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, PDRectangle.A4.getHeight() - baseline);
            out.showText(text);
            out.endText();
        }

        /** A framed box of measures with its top-left corner at (x, top); returns its bottom. */
        float box(float x, float top, List<String> measures) throws IOException {
            float baseline = top + PADDING + 0.85f * BODY;
            for (int m = 0; m < measures.size(); m++) {
                if (m > 0) baseline += MEASURE_GAP;
                for (String line : measureLines(measures.get(m))) {
                    text(x + PADDING, baseline, BODY, line);
                    baseline += LEADING;
                }
            }
            float bottom = baseline - LEADING + 0.15f * BODY + PADDING;
            out.addRect(x, PDRectangle.A4.getHeight() - bottom, BOX_WIDTH, bottom - top);
            out.stroke();
            return bottom;
        }
    }
}
