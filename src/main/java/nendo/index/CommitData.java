package nendo.index;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nendo.model.CorpusProblem;

/**
 * An {@link IndexState} as the string map Lucene keeps with each commit, and back. Written in the
 * same commit as the entries, so the state always describes the index it is read from.
 */
final class CommitData {
    private final ObjectMapper json;

    CommitData(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param aliasesText the aliases.yaml the build used, kept for later builds while the file cannot be read
     * @param uncheckedFiles plan files admitted while no aliases could be read, whose department
     *     headings no list has checked: never kept as a last good version
     */
    Map<String, String> of(IndexState state, IndexedRecordFiles recordFiles, nendo.corpus.AliasesText aliasesText,
                           List<String> uncheckedFiles) {
        Map<String, String> data = new HashMap<>();
        data.put("schema", state.schema());
        data.put("analysis", state.analysis());
        data.put("corpus", state.corpusFingerprint());
        data.put("documents", Integer.toString(state.documents()));
        data.put("measures", Integer.toString(state.measures()));
        data.put("missions", Integer.toString(state.missions()));
        data.put("builtAt", state.builtAt());
        if (state.corpusFolder() != null) data.put("corpusFolder", state.corpusFolder());
        try {
            data.put("invalidFiles", json.writeValueAsString(state.invalidFiles()));
            data.put("keptFiles", json.writeValueAsString(state.keptFiles()));
            data.put("aliases", recordFiles.aliases());
            data.put("recordFiles", json.writeValueAsString(recordFiles.stamps()));
            if (aliasesText != null) data.put("aliasesText", json.writeValueAsString(aliasesText));
            if (!uncheckedFiles.isEmpty()) data.put("uncheckedFiles", json.writeValueAsString(uncheckedFiles));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return data;
    }

    IndexState read(Map<String, String> data) throws IOException {
        List<CorpusProblem> invalid = data.containsKey("invalidFiles")
                ? json.readValue(data.get("invalidFiles"), new TypeReference<List<CorpusProblem>>() {})
                : List.of();
        List<String> kept = data.containsKey("keptFiles")
                ? json.readValue(data.get("keptFiles"), new TypeReference<List<String>>() {})
                : List.of();
        return new IndexState(data.get("schema"), data.get("analysis"), data.get("corpus"),
                parseInt(data.get("documents")), parseInt(data.get("measures")), parseInt(data.get("missions")),
                invalid, kept, data.get("builtAt"), data.get("corpusFolder"));
    }

    /**
     * The record files of the commit, empty if it was written before they were recorded (then no
     * update in place can trust it).
     */
    java.util.Optional<IndexedRecordFiles> recordFiles(Map<String, String> data) throws IOException {
        if (!data.containsKey("aliases") || !data.containsKey("recordFiles")) return java.util.Optional.empty();
        Map<String, String> stamps = json.readValue(data.get("recordFiles"),
                new TypeReference<java.util.LinkedHashMap<String, String>>() {});
        return java.util.Optional.of(new IndexedRecordFiles(data.get("aliases"), stamps));
    }

    /** The plan files the commit admitted without checking their departments (see {@link #of}). */
    java.util.Set<String> uncheckedFiles(Map<String, String> data) throws IOException {
        String files = data.get("uncheckedFiles");
        return files == null ? java.util.Set.of() : json.readValue(files, new TypeReference<java.util.Set<String>>() {});
    }

    /** The aliases.yaml the commit was built with, null if none could be read (or none was recorded). */
    nendo.corpus.AliasesText aliasesText(Map<String, String> data) throws IOException {
        String text = data.get("aliasesText");
        return text == null ? null : json.readValue(text, nendo.corpus.AliasesText.class);
    }

    private static int parseInt(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
