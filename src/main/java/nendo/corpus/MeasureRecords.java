package nendo.corpus;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Locale;
import nendo.model.CorpusProblem;
import nendo.model.FiscalYear;
import nendo.model.MeasureRecord;

/**
 * Parses and checks the lines of a JSON Lines record file:
 * {@code {"id", "year", "department", "text"}} plus optional {@code org} and {@code kind}. A bad line
 * becomes a problem naming the file and line; the other lines are still indexed.
 */
public final class MeasureRecords {
    public static final String EXTENSION = ".jsonl";
    private static final int MAX_ID_LENGTH = 200;

    private final ObjectReader reader;
    private final Aliases aliases;

    /**
     * The fields as written, untyped: a field of the wrong JSON type (a year of 2020.5 or "2020", an
     * org of 123) is refused with its own reason instead of being coerced or named by a Java type.
     * Unknown fields are ignored so that producers may add their own.
     */
    private record Raw(@JsonProperty("id") Object id, @JsonProperty("year") Object year,
                       @JsonProperty("department") Object department, @JsonProperty("text") Object text,
                       @JsonProperty("org") Object org, @JsonProperty("kind") Object kind) {}

    public MeasureRecords(Aliases aliases) {
        this.aliases = aliases;
        this.reader = new ObjectMapper()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .readerFor(Raw.class);
    }

    public static boolean isRecordFile(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(EXTENSION);
    }

    /**
     * The organization of records that do not name one: the file's name without its extension, so
     * that one file per municipality (三鷹市.jsonl) needs no org field.
     */
    public static String defaultOrg(RecordFile file) {
        String name = java.nio.file.Path.of(file.relative()).getFileName().toString();
        return name.substring(0, name.length() - EXTENSION.length());
    }

    /** The record on this line, or a problem that says what is wrong with it. */
    public MeasureRecord parse(RecordFile file, String defaultOrg, long lineNumber, String line)
            throws CorpusException {
        Raw raw;
        try {
            raw = reader.readValue(line);
        } catch (MismatchedInputException e) {
            // Jackson's own words here name the Java type the line was read into.
            throw problem(file, lineNumber, line.stripLeading().startsWith("{")
                    ? "JSON のオブジェクトの後ろに余分な文字があります（1 行に 1 件で書いてください）"
                    : "JSON のオブジェクト（{\"id\": …}）ではありません");
        } catch (JsonProcessingException e) {
            throw problem(file, lineNumber, "JSON として読めません: " + JacksonMessages.plain(e));
        }
        if (raw == null) throw problem(file, lineNumber, "JSON のオブジェクトではありません");
        String id = required(file, lineNumber, "id", raw.id());
        if (id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isWhitespace)) {
            throw problem(file, lineNumber, "id は空白を含まない " + MAX_ID_LENGTH + " 文字以内にしてください");
        }
        int year = year(file, lineNumber, raw.year());
        String department = required(file, lineNumber, "department", raw.department());
        required(file, lineNumber, "text", raw.text());
        String text = (String) raw.text(); // verbatim, like the text of a plan file
        String org = optional(file, lineNumber, "org", raw.org());
        org = org == null || org.isBlank() ? defaultOrg : org.strip();
        String kind = optional(file, lineNumber, "kind", raw.kind());
        if (kind == null) kind = "measure";
        if (!kind.equals("measure") && !kind.equals("mission")) {
            throw problem(file, lineNumber, "kind は measure か mission にしてください: " + kind);
        }
        String canonical = aliases.canonicalDepartment(org, department);
        return new MeasureRecord(id, org, year, department, canonical, aliases.predecessors(org, canonical), kind,
                text, file.relative(), lineNumber);
    }

    /** A whole number of the range; 2020.5, 2020.0 and "2020" are refused, not rounded or parsed. */
    private static int year(RecordFile file, long line, Object value) throws CorpusException {
        if (value == null) throw problem(file, line, "year がありません（西暦の年度を整数で書いてください）");
        // Jackson gives an Integer for a whole number that fits one, else a Long or a BigInteger.
        boolean whole = value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger;
        if (!whole) throw problem(file, line, "year は西暦の年度を整数で書いてください（例: 2020）: " + shown(value));
        if (!(value instanceof Integer year) || year < FiscalYear.MIN || year > FiscalYear.MAX) {
            throw problem(file, line, "year は " + FiscalYear.MIN + "〜" + FiscalYear.MAX + " の範囲にしてください: " + value);
        }
        return year;
    }

    private static String required(RecordFile file, long line, String field, Object value) throws CorpusException {
        String text = optional(file, line, field, value);
        if (text == null || text.isBlank()) throw problem(file, line, field + " がないか空です");
        return text.strip();
    }

    /** A text field, or null if absent; a number, true/false, list or object is refused. */
    private static String optional(RecordFile file, long line, String field, Object value) throws CorpusException {
        if (value == null || value instanceof String) return (String) value;
        throw problem(file, line, field + " は文字列（\"…\"）で書いてください: " + shown(value));
    }

    /** A wrong value as it would be written in JSON, shortened. */
    private static String shown(Object value) {
        String shown = value instanceof String s ? "\"" + s + "\"" : value instanceof java.util.Map ? "{…}"
                : value instanceof java.util.List ? "[…]" : String.valueOf(value);
        return shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
    }

    static CorpusException problem(RecordFile file, long line, String message) {
        return new CorpusException(new CorpusProblem(file.relative(), (int) Math.min(line, Integer.MAX_VALUE), message));
    }
}
