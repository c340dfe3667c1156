package nendo.corpus;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
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

    /** The fields as written; unknown fields are ignored so that producers may add their own. */
    private record Raw(@JsonProperty("id") String id, @JsonProperty("year") Integer year,
                       @JsonProperty("department") String department, @JsonProperty("text") String text,
                       @JsonProperty("org") String org, @JsonProperty("kind") String kind) {}

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
        } catch (JsonProcessingException e) {
            throw problem(file, lineNumber, "JSON として読めません: " + e.getOriginalMessage());
        }
        if (raw == null) throw problem(file, lineNumber, "JSON のオブジェクトではありません");
        String id = required(file, lineNumber, "id", raw.id());
        if (id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isWhitespace)) {
            throw problem(file, lineNumber, "id は空白を含まない " + MAX_ID_LENGTH + " 文字以内にしてください");
        }
        if (raw.year() == null) throw problem(file, lineNumber, "year がありません（西暦の年度を数で書いてください）");
        if (raw.year() < FiscalYear.MIN || raw.year() > FiscalYear.MAX) {
            throw problem(file, lineNumber, "year は " + FiscalYear.MIN + "〜" + FiscalYear.MAX + " の範囲にしてください: " + raw.year());
        }
        String department = required(file, lineNumber, "department", raw.department());
        required(file, lineNumber, "text", raw.text());
        String text = raw.text(); // verbatim, like the text of a plan file
        String org = raw.org() == null || raw.org().isBlank() ? defaultOrg : raw.org().strip();
        String kind = raw.kind() == null ? "measure" : raw.kind();
        if (!kind.equals("measure") && !kind.equals("mission")) {
            throw problem(file, lineNumber, "kind は measure か mission にしてください: " + kind);
        }
        String canonical = aliases.canonicalDepartment(org, department);
        return new MeasureRecord(id, org, raw.year(), department, canonical, aliases.predecessors(org, canonical), kind,
                text, file.relative(), lineNumber);
    }

    private static String required(RecordFile file, long line, String field, String value) throws CorpusException {
        if (value == null || value.isBlank()) throw problem(file, line, field + " がないか空です");
        return value.strip();
    }

    static CorpusException problem(RecordFile file, long line, String message) {
        return new CorpusException(new CorpusProblem(file.relative(), (int) Math.min(line, Integer.MAX_VALUE), message));
    }
}
