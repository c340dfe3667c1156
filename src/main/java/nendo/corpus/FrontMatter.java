package nendo.corpus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The YAML front matter of a plan file, exactly as staff write it (see corpus/README.md).
 * Unknown keys are rejected by the reader so that a typo never silently drops a value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FrontMatter(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "organization", required = true) String organization,
        @JsonProperty(value = "fiscalYear", required = true) Integer fiscalYear,
        @JsonProperty(value = "series", required = true) String series,
        @JsonProperty(value = "title", required = true) String title,
        @JsonProperty("source") String source,
        @JsonProperty("sample") Boolean sample,
        @JsonProperty("original") String original,
        @JsonProperty("intro") String intro,
        @JsonProperty("contact") String contact,
        @JsonProperty("resources") Map<String, Resources> resources) {

    /** A department's management resources (経営資源): staff in persons, budget in thousand yen. */
    public record Resources(@JsonProperty("staff") Integer staff, @JsonProperty("budget") Long budget) {}
}
