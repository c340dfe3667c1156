package nendo.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import nendo.model.CorpusProblem;
import nendo.model.PlanDocument;

/**
 * Reads every plan file ({@code *.md} except README.md) under the corpus folder. A broken file is
 * reported and skipped, so one bad file never keeps the others out of the archive.
 */
public final class CorpusReader {
    private final PlanFileParser parser = new PlanFileParser();

    public CorpusSnapshot read(Path root) {
        if (!Files.isDirectory(root)) {
            throw new UncheckedIOException(new IOException("コーパスのフォルダがありません: " + root.toAbsolutePath()));
        }
        List<Path> files = listFiles(root);
        List<PlanDocument> documents = new ArrayList<>();
        List<CorpusProblem> problems = new ArrayList<>();
        Map<String, String> idToFile = new HashMap<>();
        for (Path file : files) {
            if (!isPlanFile(file)) continue;
            try {
                PlanDocument doc = parser.parse(root, file);
                String previous = idToFile.putIfAbsent(doc.id(), doc.sourcePath());
                if (previous != null) {
                    problems.add(new CorpusProblem(doc.sourcePath(), idLine(file),
                            "id '" + doc.id() + "' は " + previous + " でも使われています"));
                    continue;
                }
                documents.add(doc);
            } catch (CorpusException e) {
                problems.add(e.problem());
            }
        }
        return new CorpusSnapshot(documents, problems, fingerprint(root, files));
    }

    /** Reads the verbatim original of a document, exactly the bytes on disk. */
    public byte[] readOriginal(Path root, PlanDocument doc) throws IOException {
        Path file = root.resolve(doc.originalPath()).normalize();
        if (!file.startsWith(root.normalize())) throw new IOException("original outside the corpus: " + file);
        return Files.readAllBytes(file);
    }

    private static int idLine(Path file) {
        try {
            return new FrontMatterLines(Files.readAllLines(file, StandardCharsets.UTF_8), 1).lineOf("id", 2);
        } catch (IOException e) {
            return 2;
        }
    }

    private static boolean isPlanFile(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".md") && !name.equalsIgnoreCase("README.md");
    }

    private static List<Path> listFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 over every file's relative path and bytes: any edit, addition or removal changes it. */
    private static String fingerprint(Path root, List<Path> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(PlanFileParser.relative(root, file).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
