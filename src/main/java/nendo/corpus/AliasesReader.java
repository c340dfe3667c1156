package nendo.corpus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nendo.model.CorpusProblem;

/** Reads and checks corpus/aliases.yaml; a broken file is a problem naming its line, never a crash. */
final class AliasesReader {
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** The aliases of the corpus, {@link Aliases#NONE} if it has no aliases file. */
    Aliases read(Path root) throws CorpusException {
        String text = text(root);
        return text == null ? Aliases.NONE : parse(text);
    }

    /** The text of the corpus's aliases file, null if it has none. */
    static String text(Path root) throws CorpusException {
        Path file = root.resolve(Aliases.FILE_NAME);
        if (!Files.isRegularFile(file)) return null;
        try {
            return TextDecoding.decode(Files.readAllBytes(file)).text();
        } catch (TextDecoding.UndeterminedEncodingException e) {
            throw fail(e.line(), e.getMessage());
        } catch (IOException e) {
            throw fail(0, "読み込めません: " + e.getMessage());
        }
    }

    /** The aliases an aliases file's text says, checked. */
    Aliases parse(String text) throws CorpusException {
        Map<String, Aliases.Organization> orgs;
        try {
            orgs = yaml.readValue(text, new TypeReference<Map<String, Aliases.Organization>>() {});
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            // Jackson reports the end of the mapping; the person needs the misspelt key.
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream().map(String::valueOf)
                    .sorted().collect(java.util.stream.Collectors.joining(", "));
            throw fail(lineOf(List.of(text.split("\n", -1)), e.getPropertyName() + ":"), "未知の項目 '" + e.getPropertyName()
                    + "' があります（使える項目: " + known + "。" + SHAPE + " の形で書きます）");
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            // A value of the wrong shape: say which key and what shape it takes, not Jackson's Java types.
            String where = JacksonMessages.path(e);
            throw fail(line(e), (where.isEmpty() ? "ファイル全体" : "「" + where + "」") + "の書き方が違います（"
                    + shape(e) + " の形で書きます）");
        } catch (JsonProcessingException e) {
            throw fail(line(e), "YAML として読めません（" + SHAPE + " の形で書きます）: " + JacksonMessages.plain(e));
        }
        Aliases aliases = new Aliases(orgs);
        validate(aliases, List.of(text.split("\n", -1)));
        return aliases;
    }

    private static final String SHAPE = "団体名: {series: {...}, departments: {部名: {formerly: [...], predecessors: [...]}}}";

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    /** The shape the value at the error's place takes, by its depth: organization, section, entry, list. */
    private static String shape(com.fasterxml.jackson.databind.JsonMappingException e) {
        var path = e.getPath();
        String section = path.size() > 1 ? path.get(1).getFieldName() : null;
        return switch (path.size()) {
            case 0 -> SHAPE;
            case 1 -> "団体名: {series: {...}, departments: {...}}";
            case 2 -> "departments".equals(section) ? "departments: {部名: {formerly: [...], predecessors: [...]}, ...}"
                    : "series: {現在のシリーズ名: [以前の名前, ...]}";
            case 3 -> "departments".equals(section) ? "部名: {formerly: [旧名, ...], predecessors: [前身の部, ...]}（別名が無ければ「部名:」だけ）"
                    : "現在のシリーズ名: [以前の名前, ...]";
            default -> "[名前, ...] の一覧";
        };
    }

    /** An old name may belong to one department only, and may not also be a current name. */
    private static void validate(Aliases aliases, List<String> lines) throws CorpusException {
        for (Map.Entry<String, Aliases.Organization> org : aliases.organizations().entrySet()) {
            if (org.getValue() == null) throw fail(lineOf(lines, org.getKey()), "団体「" + org.getKey() + "」の内容が空です");
            Map<String, String> owner = new HashMap<>();
            for (Map.Entry<String, Aliases.DepartmentNames> dept : org.getValue().departments().entrySet()) {
                Aliases.DepartmentNames names = dept.getValue() == null
                        ? new Aliases.DepartmentNames(null, null) : dept.getValue();
                for (String former : names.formerly()) {
                    if (org.getValue().departments().containsKey(former)) {
                        throw fail(lineOf(lines, former), "「" + former + "」は現在の部名としても書かれています（旧名は formerly にだけ書きます）");
                    }
                    String previous = owner.putIfAbsent(former, dept.getKey());
                    if (previous != null) {
                        throw fail(lineOf(lines, former), "旧名「" + former + "」が「" + previous + "」と「" + dept.getKey()
                                + "」の両方にあります（分割なら predecessors に書きます）");
                    }
                }
            }
        }
    }

    private static int lineOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        return 0;
    }

    private static CorpusException fail(int line, String message) {
        return new CorpusException(new CorpusProblem(Aliases.FILE_NAME, line, message));
    }
}
