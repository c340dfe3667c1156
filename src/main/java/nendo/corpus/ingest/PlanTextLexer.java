package nendo.corpus.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts the body of an extracted plan page into measures and department labels. A measure starts
 * at a bullet (●, ○, ◆, ■, ・ or a number such as 1. (1) ①) and runs over the wrapped lines that
 * follow; lines are joined with no space, because the line breaks are the extraction's, not the
 * author's. A blank line ends a measure only once its sentence is complete, since extraction also
 * breaks a sentence with an empty line (the seed's first bullet).
 */
final class PlanTextLexer {
    /** Markers that only ever start an item. */
    private static final Pattern STRONG_BULLET = Pattern.compile("^[●○◆◇■□◎▼▽★☆▪◉]\\s*");
    /** Markers that also occur inside text (ハード・ソフト, 10月から); only items after a finished sentence. */
    private static final Pattern WEAK_BULLET = Pattern.compile(
            "^(?:・|[0-9０-９]{1,2}[.．)）](?![0-9０-９])|[（(][0-9０-９]{1,2}[)）]|[①-⑳]|[⑴-⒇])\\s*");
    /** A label and the next box's first bullet on one line, as extraction leaves them (市民部 ●高齢化…). */
    private static final Pattern LABEL_THEN_BULLET = Pattern.compile("^(\\S+?)[ \\u3000]+(?=[●○◆◇■□◎▼▽★☆▪◉])");
    /** Brackets staff and designers put around labels: 【企画部】, ［企画部］, 〈企画部〉. */
    private static final Pattern BRACKETED = Pattern.compile("^[【［\\[〔〈《](.+)[】］\\]〕〉》]$");
    /** A contact line: a section and its phone or extension (企画経営課☎内線2150, 問い合わせ：…電話 0422-…). */
    private static final Pattern CONTACT = Pattern.compile(
            "(☎|℡|TEL|Tel|電話|内線|問い?合わ?せ先?)[\\s:：]*(?:内線|番号)?[\\s:：]*[0-9０-９(（]");
    private static final int MAX_CONTACT = 60;

    sealed interface Token permits Measure, Label, Stray, Contact {}

    record Measure(String text, int line) implements Token {}

    record Label(String name, int line) implements Token {}

    /** Text outside any measure (a mission paragraph, or something the importer cannot place). */
    record Stray(String text, int line) implements Token {}

    record Contact(String text, int line) implements Token {}

    private final Set<String> knownDepartments;

    /** @param knownDepartments names this organization is known to use (from the corpus and aliases) */
    PlanTextLexer(Set<String> knownDepartments) {
        this.knownDepartments = knownDepartments;
    }

    /**
     * @param lines the body lines
     * @param firstLine the file line number (1-based) of {@code lines.get(0)}
     */
    List<Token> tokens(List<String> lines, int firstLine) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder text = null;  // the measure or stray paragraph being read
        boolean inMeasure = false;
        int start = 0;
        boolean closed = true;      // is the text so far finished (a sentence, a label, a paragraph)?
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = firstLine + i;
            String line = Labels.strip(lines.get(i));
            if (line.isEmpty()) {
                // A blank line ends a paragraph, but a measure only once its sentence is complete.
                if (text != null && (!inMeasure || endsSentence(text))) {
                    flush(tokens, text, inMeasure, start);
                    text = null;
                    closed = true;
                }
                continue;
            }
            Matcher pair = LABEL_THEN_BULLET.matcher(line);
            String label = labelOf(line);
            if (pair.find() && labelOf(pair.group(1)) != null && closed) {
                flush(tokens, text, inMeasure, start);
                tokens.add(new Label(labelOf(pair.group(1)), lineNo));
                line = line.substring(pair.end());
                text = null;
                closed = true;
            } else if (label != null && closed) {
                flush(tokens, text, inMeasure, start);
                tokens.add(new Label(label, lineNo));
                text = null;
                closed = true;
                continue;
            } else if (isContact(line) && closed) {
                flush(tokens, text, inMeasure, start);
                tokens.add(new Contact(line, lineNo));
                text = null;
                closed = true;
                continue;
            }
            String item = bulletText(line, closed);
            if (item != null) {
                flush(tokens, text, inMeasure, start);
                text = new StringBuilder(item);
                inMeasure = true;
                start = lineNo;
            } else if (text == null) {
                text = new StringBuilder(line);
                inMeasure = false;
                start = lineNo;
            } else {
                text.append(line);
            }
            closed = endsSentence(text);
        }
        flush(tokens, text, inMeasure, start);
        return tokens;
    }

    /**
     * Whether a line ends the introduction: a contact line, a bullet, or a department label
     * (alone, bracketed, or before a bullet on the same line).
     */
    boolean startsBody(String line) {
        String t = Labels.strip(line);
        if (t.isEmpty()) return false;
        if (isContact(t) || STRONG_BULLET.matcher(t).find() || labelOf(t) != null) return true;
        Matcher pair = LABEL_THEN_BULLET.matcher(t);
        return pair.find() && labelOf(pair.group(1)) != null;
    }

    /** Short, not a sentence, and naming a phone or extension; a measure that mentions 電話相談 is none. */
    static boolean isContact(String line) {
        return line.length() <= MAX_CONTACT && !line.endsWith("。") && CONTACT.matcher(line).find();
    }

    private static void flush(List<Token> tokens, StringBuilder text, boolean inMeasure, int start) {
        if (text == null || text.isEmpty()) return;
        tokens.add(inMeasure ? new Measure(text.toString(), start) : new Stray(text.toString(), start));
    }

    /** The department a whole line names, or null: a known name, or one that reads as a label. */
    private String labelOf(String line) {
        String t = Labels.strip(line);
        Matcher bracketed = BRACKETED.matcher(t);
        if (bracketed.matches()) t = Labels.strip(bracketed.group(1));
        Matcher strong = STRONG_BULLET.matcher(t);
        if (strong.find()) t = t.substring(strong.end());  // ■企画部 as a heading
        if (knownDepartments.contains(t) || Labels.isDepartmentLabel(t)) return t;
        return null;
    }

    /** The item text if the line starts an item, else null. */
    private static String bulletText(String line, boolean afterSentence) {
        Matcher strong = STRONG_BULLET.matcher(line);
        if (strong.find()) return line.substring(strong.end());
        Matcher weak = WEAK_BULLET.matcher(line);
        if (afterSentence && weak.find() && weak.end() < line.length()) return line.substring(weak.end());
        return null;
    }

    private static boolean endsSentence(CharSequence text) {
        if (text.isEmpty()) return true;
        char last = text.charAt(text.length() - 1);
        return last == '。' || last == '．' || last == '.' || last == '！' || last == '？';
    }
}
