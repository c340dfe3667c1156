package nendo.corpus;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import nendo.model.CorpusProblem;

/** Reads front matter YAML with Jackson, turning its errors into messages that name the line. */
final class FrontMatterReader {
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // fiscalYear: 2020.5 (and staff: 1.5) are mistakes to name, not numbers to round down.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * @param firstLine the file line (1-based) on which the YAML text starts, so that errors
     *     point into the plan file rather than into the extracted YAML
     */
    FrontMatter read(String file, String yamlText, int firstLine) throws CorpusException {
        try {
            FrontMatter fm = yaml.readValue(yamlText, FrontMatter.class);
            if (fm == null) {
                throw new CorpusException(new CorpusProblem(file, firstLine, "front matter が空です"));
            }
            return fm;
        } catch (UnrecognizedPropertyException e) {
            throw problem(file, yamlText, firstLine, e, e.getPropertyName(), "未知の項目 '" + e.getPropertyName()
                    + "' があります（使える項目: id, organization, fiscalYear, series, title, source, sample,"
                    + " original, intro, contact, resources）");
        } catch (MismatchedInputException e) {
            String path = e.getPath().isEmpty() ? "?" : e.getPath().get(e.getPath().size() - 1).getFieldName();
            String message = e.getOriginalMessage().startsWith("Missing required creator property")
                    ? "必須項目 '" + missingName(e.getOriginalMessage()) + "' がありません"
                    : "項目 '" + path + "' の値の型が正しくありません" + expected(path);
            throw problem(file, yamlText, firstLine, e, path, message);
        } catch (JsonProcessingException e) {
            throw problem(file, yamlText, firstLine, e, null, "YAML として読めません: " + JacksonMessages.plain(e));
        }
    }

    /** What a key's value must be, for the message about a value of the wrong type. */
    private static String expected(String key) {
        return switch (key) {
            case "fiscalYear" -> "（西暦の年度を整数で書いてください。例: 2024）";
            case "staff", "budget" -> "（0 以上の整数で書いてください。カンマや単位は付けません）";
            case "sample" -> "（true か false で書いてください）";
            case "resources" -> "（部名ごとに {staff: 人数, budget: 千円} で書いてください）";
            default -> "";
        };
    }

    private static String missingName(String message) {
        int start = message.indexOf('\'');
        int end = message.indexOf('\'', start + 1);
        return start >= 0 && end > start ? message.substring(start + 1, end) : "?";
    }

    /**
     * Points at the line of the offending key when there is one: Jackson buffers record properties,
     * so its own location is often the end of the mapping rather than the key a person must fix.
     */
    private static CorpusException problem(String file, String yamlText, int firstLine, JsonProcessingException e,
                                           String key, String message) {
        JsonLocation loc = e.getLocation();
        int located = loc == null || loc.getLineNr() < 1 ? firstLine : firstLine + loc.getLineNr() - 1;
        int line = key == null ? located
                : new FrontMatterLines(List.of(yamlText.split("\n", -1)), firstLine).lineOf(key, located);
        return new CorpusException(new CorpusProblem(file, line, message));
    }
}
