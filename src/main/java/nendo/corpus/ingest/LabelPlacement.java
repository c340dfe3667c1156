package nendo.corpus.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import nendo.corpus.ingest.PageLayout.Block;
import nendo.corpus.ingest.PageLayout.Line;
import nendo.corpus.ingest.PageLayout.Rect;

/**
 * Turns a page's blocks (in reading order) into output sections, each department label directly
 * before the box it is printed beside. Newsletters print the label left of, right of, above or
 * below the box, so reading order alone puts it in the wrong place; geometry decides instead.
 *
 * <p>A box is the run of blocks inside one drawn frame (a measure per block when measures are set
 * apart), or a single block when nothing frames it. A label goes to the box it faces (shares an x
 * or y range with) at the smallest distance; when two boxes are about equally near, or another
 * label is nearer to the same box, the label stays where it falls so the importer can flag it.
 */
final class LabelPlacement {
    /** A label farther than this (in body font sizes) from every box belongs to none of them. */
    private static final float MAX_DISTANCE_EMS = 10f;
    /** Two distances closer than this (in body font sizes) are a tie. */
    private static final float TIE_EMS = 0.25f;
    /** A frame covering more than this share of the page is a background or page border, not a box. */
    private static final float MAX_FRAME_SHARE = 0.5f;

    private record Label(String text, Rect bounds, int order) {}

    /** Blocks that read as one box; {@code order} is the reading position of its first block. */
    private record Box(Rect frame, List<Block> blocks, int order) {
        Rect area() {
            if (frame != null) return frame;
            Rect r = blocks.get(0).bounds();
            for (Block b : blocks) r = r.union(b.bounds());
            return r;
        }
    }

    private LabelPlacement() {}

    /** Sections in reading order, each a list of lines ("" between the blocks of one box). */
    static List<List<String>> arrange(List<Block> blocks, List<Rect> frames, Rect page, float em) {
        List<Rect> boxFrames = frames.stream()
                .filter(f -> f.area() <= MAX_FRAME_SHARE * page.area())
                .toList();
        List<Label> labels = new ArrayList<>();
        List<Box> boxes = new ArrayList<>();
        int order = 0;
        for (Block block : blocks) {
            List<Label> found = labelsOf(block, order);
            if (!found.isEmpty()) {
                labels.addAll(found);
                order += found.size();
                continue;
            }
            Rect frame = innermost(boxFrames, block.bounds());
            Box last = boxes.isEmpty() ? null : boxes.get(boxes.size() - 1);
            // Labels between two blocks of one frame do not split the box: they are placed anyway.
            if (frame != null && last != null && frame.equals(last.frame())) last.blocks().add(block);
            else boxes.add(new Box(frame, new ArrayList<>(List.of(block)), order));
            order++;
        }
        Map<Box, Label> attached = attach(labels, boxes, em);
        return sections(labels, boxes, attached);
    }

    /**
     * The labels a block consists of: each of its lines when every line is a label (two names
     * printed close together), or its whole text when that is one (a name set vertically, one
     * character a line, or wrapped); none for an ordinary block.
     */
    private static List<Label> labelsOf(Block block, int order) {
        List<Line> lines = block.lines();
        if (lines.size() > 1 && lines.stream().allMatch(l -> Labels.isDepartmentLabel(l.text()))) {
            List<Label> each = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                each.add(new Label(Labels.strip(lines.get(i).text()), lines.get(i).bounds(), order + i));
            }
            return each;
        }
        StringBuilder joined = new StringBuilder();
        for (Line l : lines) joined.append(Labels.strip(l.text()));
        String text = joined.toString();
        return Labels.isDepartmentLabel(text) ? List.of(new Label(text, block.bounds(), order)) : List.of();
    }

    /** The smallest frame around {@code r} (a point of slack for rounding), or null. */
    private static Rect innermost(List<Rect> frames, Rect r) {
        Rect best = null;
        for (Rect f : frames) {
            if (f.contains(r, 1f) && (best == null || f.area() < best.area())) best = f;
        }
        return best;
    }

    /** Each box's label, for the labels that belong to a box unambiguously (boxes by identity). */
    private static Map<Box, Label> attach(List<Label> labels, List<Box> boxes, float em) {
        Map<Box, Label> chosen = new IdentityHashMap<>();
        Map<Box, Float> distanceOfChosen = new IdentityHashMap<>();
        Map<Box, Boolean> contested = new IdentityHashMap<>();
        for (Label label : labels) {
            Box box = nearest(label, boxes, em);
            if (box == null) continue;
            float d = box.area().distance(label.bounds());
            Float other = distanceOfChosen.get(box);
            if (other == null) {
                chosen.put(box, label);
                distanceOfChosen.put(box, d);
            } else if (Math.abs(other - d) < TIE_EMS * em) {
                contested.put(box, true); // two labels equally near one box: neither is sure
            } else if (d < other) {
                chosen.put(box, label);
                distanceOfChosen.put(box, d);
            }
        }
        contested.keySet().forEach(chosen::remove);
        return chosen;
    }

    /** The box a label is printed beside, or null when none is near or two are equally near. */
    private static Box nearest(Label label, List<Box> boxes, float em) {
        List<Box> facing = boxes.stream().filter(b -> b.area().faces(label.bounds())).toList();
        List<Box> pool = new ArrayList<>(facing.isEmpty() ? boxes : facing);
        if (pool.isEmpty()) return null;
        pool.sort(Comparator.comparingDouble(b -> b.area().distance(label.bounds())));
        float best = pool.get(0).area().distance(label.bounds());
        if (best > MAX_DISTANCE_EMS * em) return null;
        if (pool.size() > 1 && pool.get(1).area().distance(label.bounds()) - best < TIE_EMS * em) return null;
        return pool.get(0);
    }

    /** Boxes in reading order, each preceded by its label; unplaced labels where they fell. */
    private static List<List<String>> sections(List<Label> labels, List<Box> boxes, Map<Box, Label> attached) {
        record Item(int order, List<String> lines) {}
        List<Item> items = new ArrayList<>();
        for (Box box : boxes) {
            List<String> lines = new ArrayList<>();
            Label label = attached.get(box);
            if (label != null) lines.add(label.text());
            for (int i = 0; i < box.blocks().size(); i++) {
                if (i > 0) lines.add("");
                box.blocks().get(i).lines().forEach(l -> lines.add(l.text()));
            }
            items.add(new Item(box.order(), lines));
        }
        for (Label label : labels) {
            if (!attached.containsValue(label)) items.add(new Item(label.order(), List.of(label.text())));
        }
        items.sort(Comparator.comparingInt(Item::order));
        return items.stream().map(Item::lines).toList();
    }
}
