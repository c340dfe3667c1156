package nendo.corpus;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the file line on which a front matter key is written, so that every problem with a value
 * points at the line a person has to edit.
 */
final class FrontMatterLines {
    private final List<String> lines;
    private final int firstLine;

    /** @param lines the YAML lines; {@code firstLine} is the 1-based file line of the first one */
    FrontMatterLines(List<String> lines, int firstLine) {
        this.lines = lines;
        this.firstLine = firstLine;
    }

    /** The line of {@code key:} (at any indentation), or {@code fallback} if it is not written. */
    int lineOf(String key, int fallback) {
        Pattern p = Pattern.compile("\\s*" + Pattern.quote(key) + "\\s*:.*");
        for (int i = 0; i < lines.size(); i++) {
            if (p.matcher(lines.get(i)).matches()) return firstLine + i;
        }
        return fallback;
    }
}
