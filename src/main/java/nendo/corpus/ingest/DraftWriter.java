package nendo.corpus.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.ArrayList;
import java.util.List;
import nendo.corpus.FrontMatter;
import nendo.corpus.PlanFileFormat;
import nendo.corpus.ingest.ImportedPlan.ImportedDepartment;
import nendo.corpus.ingest.ImportedPlan.ImportedMeasure;
import nendo.corpus.ingest.ImportedPlan.ReviewItem;

/**
 * Writes an imported plan as a corpus file (front matter + {@code ## 部名} + {@code - 事業}), the
 * same format staff edit by hand. Inferred attributions are named in YAML comments at the top,
 * and measures that could not be placed go under the review heading, which {@code check} and
 * {@code index} refuse until a person has moved them.
 */
public final class DraftWriter {
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE));

    /**
     * @param id the document id
     * @param source where the text came from (shown on the document page)
     * @param original file name of the verbatim original beside the draft, or null
     */
    public String write(ImportedPlan plan, String id, String source, String original) {
        StringBuilder out = new StringBuilder("---\n");
        for (String comment : comments(plan, source)) out.append("# ").append(comment).append('\n');
        FrontMatter fm = new FrontMatter(id, plan.organization(), plan.fiscalYear(), plan.series(),
                plan.title() == null ? "" : plan.title(), source, false, original, plan.intro(), plan.contact(), null);
        try {
            out.append(yaml.writeValueAsString(fm));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("front matter of " + id, e);
        }
        out.append("---\n");
        for (ImportedDepartment dept : plan.departments()) {
            out.append("\n## ").append(dept.name()).append("\n\n");
            if (dept.mission() != null) out.append(dept.mission()).append("\n\n");
            for (ImportedMeasure m : dept.measures()) out.append("- ").append(PlanFileFormat.escapeMeasure(m.text())).append('\n');
        }
        if (!plan.review().isEmpty()) {
            out.append("\n## ").append(PlanFileFormat.REVIEW_HEADING).append("\n\n");
            for (ReviewItem item : plan.review()) out.append("- ").append(PlanFileFormat.escapeMeasure(item.text())).append('\n');
        }
        return out.toString();
    }

    private static List<String> comments(ImportedPlan plan, String source) {
        List<String> lines = new ArrayList<>();
        lines.add("nendo import で作成した下書きです（" + source + "、文字コード " + plan.encoding() + "）。");
        lines.add("内容を原文と見比べて確認してから、この説明の行は消してかまいません。");
        for (ImportedDepartment d : plan.departments()) {
            if (d.basis().inferred()) lines.add("要確認: 「" + d.name() + "」の事業は" + d.basis().description() + "。");
        }
        if (!plan.review().isEmpty()) {
            lines.add("要確認: 部を決められなかった事業が " + plan.review().size() + " 件、「## "
                    + PlanFileFormat.REVIEW_HEADING + "」にあります。正しい部の下に移してください。");
            for (ReviewItem item : plan.review()) {
                lines.add("  " + item.line() + " 行目: " + item.reason());
            }
        }
        return lines;
    }
}
