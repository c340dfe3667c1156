package nendo.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Jackson's words about a YAML or JSON file, fit for the person who wrote the file: they fix keys
 * and values, not Java classes, so the types Jackson names ({@code `nendo.corpus.Aliases$DepartmentNames`})
 * are left out.
 */
final class JacksonMessages {
    /** A Java type as Jackson quotes it, generics included. */
    private static final Pattern JAVA_TYPE = Pattern.compile("`[A-Za-z_$][\\w$.]*(?:<[^`]*>)?(?:\\[])*`");

    private JacksonMessages() {}

    /** The first line of Jackson's message, a Java type shown as 「値」. */
    static String plain(JsonProcessingException e) {
        String first = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
        return JAVA_TYPE.matcher(first).replaceAll("値");
    }

    /** Where in the document the error is, as keys from the top: 「三鷹市 > departments > 企画部」; "" at the top. */
    static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : r.getIndex() >= 0 ? (r.getIndex() + 1) + " 番目" : "?")
                .collect(Collectors.joining(" > "));
    }
}
