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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import nendo.model.CorpusProblem;
import nendo.model.Department;
import nendo.model.PlanDocument;

/**
 * Reads every plan file ({@code *.md} except README.md) under the corpus folder and lists the JSON
 * Lines record files ({@code *.jsonl}). A broken file is reported and skipped, so one bad file never
 * keeps the others out of the archive.
 */
public final class CorpusReader {
    private final PlanFileParser parser = new PlanFileParser();
    private final AliasesReader aliasesReader = new AliasesReader();

    public CorpusSnapshot read(Path root) {
        return read(root, null);
    }

    /**
     * Reads the corpus; while its aliases.yaml cannot be read, {@code lastGood} (the version the
     * index was built with) stands in, so that one broken edit of it does not drop every rename and
     * department list from the archive. The problem is still reported.
     *
     * @param lastGood the last good aliases, null if there is none
     */
    public CorpusSnapshot read(Path root, AliasesText lastGood) {
        if (!Files.isDirectory(root)) {
            throw new UncheckedIOException(new java.nio.file.NoSuchFileException(root.toAbsolutePath().toString(), null,
                    "コーパスのフォルダがありません (corpus folder not found)"));
        }
        Listing listing = Listing.of(root);
        List<Path> files = listing.files();
        List<PlanDocument> documents = new ArrayList<>();
        List<CorpusProblem> problems = new ArrayList<>();
        for (Path link : listing.brokenLinks()) {
            // A link whose target is gone would otherwise drop its file from the index unnoticed.
            if (isPlanFile(link) || MeasureRecords.isRecordFile(link.getFileName().toString())) {
                problems.add(new CorpusProblem(PlanFileParser.relative(root, link), 0,
                        "リンク先のファイルがありません (broken link)"));
            }
        }
        Aliases aliases = Aliases.NONE;
        AliasesText aliasesText = null;
        boolean aliasesKept = false;
        try {
            String text = AliasesReader.text(root);
            if (text != null) {
                aliases = aliasesReader.parse(text);
                aliasesText = new AliasesText(text, aliasesStamp(root));
            }
        } catch (CorpusException e) {
            Aliases kept = lastGood == null ? null : lastGoodAliases(lastGood);
            if (kept == null) {
                problems.add(e.problem());
            } else {
                aliases = kept;
                aliasesText = lastGood;
                aliasesKept = true;
                problems.add(new CorpusProblem(e.problem().file(), e.problem().line(), e.problem().message()
                        + "（直すまで前回の正しい版の " + Aliases.FILE_NAME + " を使います / the last good version stays in use）"));
            }
        }
        List<RecordFile> recordFiles = new ArrayList<>();
        List<Editions.Candidate> candidates = new ArrayList<>();
        for (Path file : files) {
            if (MeasureRecords.isRecordFile(file.getFileName().toString())) {
                recordFiles.add(recordFile(root, file));
                continue;
            }
            if (!isPlanFile(file)) continue;
            try {
                PlanDocument doc = aliases.apply(parser.parse(root, file));
                checkDepartments(doc, aliases, file);
                candidates.add(new Editions.Candidate(doc, file, modifiedMillis(file)));
            } catch (CorpusException e) {
                problems.add(e.problem());
            }
        }
        Editions.Result editions = Editions.of(candidates, file -> lineOf(file, "fiscalYear"));
        problems.addAll(editions.problems());
        Map<String, String> idToFile = new HashMap<>();
        for (Editions.Candidate c : editions.kept()) {
            PlanDocument doc = c.document();
            String previous = idToFile.putIfAbsent(doc.id(), doc.sourcePath());
            if (previous != null) {
                problems.add(new CorpusProblem(doc.sourcePath(), idLine(root.resolve(doc.sourcePath())),
                        "id '" + doc.id() + "' は " + previous + " でも使われています"));
                continue;
            }
            documents.add(doc);
        }
        return new CorpusSnapshot(documents, problems, fingerprint(root, listing), aliases,
                aliasesKept ? lastGood.stamp() : aliasesStamp(root), recordFiles, realPath(root), aliasesText, aliasesKept);
    }

    /** The aliases of a last good version, or null should even it not read (then none are used, as before). */
    private Aliases lastGoodAliases(AliasesText lastGood) {
        try {
            return aliasesReader.parse(lastGood.text());
        } catch (CorpusException e) {
            return null;
        }
    }

    /** Where an organization lists its departments in aliases.yaml, a heading must be one of them. */
    private static void checkDepartments(PlanDocument doc, Aliases aliases, Path file) throws CorpusException {
        Optional<Set<String>> known = aliases.knownDepartments(doc.organization());
        if (known.isEmpty()) return;
        for (Department dept : doc.departments()) {
            if (!known.get().contains(dept.name())) {
                throw new CorpusException(new CorpusProblem(doc.sourcePath(), headingLine(file, dept.name()),
                        "部「" + dept.name() + "」は " + Aliases.FILE_NAME + " の「" + doc.organization()
                                + "」の部の一覧にありません（誤字でなければ、新しい部名か旧名として " + Aliases.FILE_NAME + " に追加してください）"));
            }
        }
    }

    private static int headingLine(Path file, String dept) {
        try {
            List<String> lines = java.util.Arrays.asList(TextDecoding.decode(Files.readAllBytes(file)).text().split("\n", -1));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).strip().equals("## " + dept)) return i + 1;
            }
        } catch (IOException | TextDecoding.UndeterminedEncodingException e) {
            // fall through: the problem is still reported, without a line
        }
        return 0;
    }

    private static String realPath(Path root) {
        try {
            return root.toRealPath().toString();
        } catch (IOException e) {
            return root.toAbsolutePath().normalize().toString();
        }
    }

    /** Reads the verbatim original of a document, exactly the bytes on disk. */
    public byte[] readOriginal(Path root, PlanDocument doc) throws IOException {
        // Real paths, so that neither ../ in a stored path nor a symbolic link leads out of the corpus.
        Path realRoot = root.toRealPath();
        Path file = root.resolve(doc.originalPath()).normalize().toRealPath();
        if (!file.startsWith(realRoot)) throw new IOException("original outside the corpus: " + doc.originalPath());
        return Files.readAllBytes(file);
    }

    private static long modifiedMillis(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;   // unknown: never preferred over a file whose time is known
        }
    }

    private static int idLine(Path file) {
        return lineOf(file, "id");
    }

    private static int lineOf(Path file, String key) {
        try {
            String text = TextDecoding.decode(Files.readAllBytes(file)).text();
            return new FrontMatterLines(java.util.Arrays.asList(text.split("\n", -1)), 1).lineOf(key, 2);
        } catch (IOException | TextDecoding.UndeterminedEncodingException e) {
            return 2;
        }
    }

    private static boolean isPlanFile(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".md") && !name.equalsIgnoreCase("README.md");
    }

    /** The regular files under a corpus root and the links whose target is missing, sorted, hidden ones left out. */
    private record Listing(List<Path> files, List<Path> brokenLinks) {
        static Listing of(Path root) {
            try (Stream<Path> walk = Files.walk(root)) {
                List<Path> files = new ArrayList<>();
                List<Path> brokenLinks = new ArrayList<>();
                walk.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().forEach(p -> {
                    if (Files.isRegularFile(p)) files.add(p);
                    else if (Files.isSymbolicLink(p) && !Files.exists(p)) brokenLinks.add(p);
                });
                return new Listing(files, brokenLinks);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static RecordFile recordFile(Path root, Path file) {
        try {
            return new RecordFile(file, PlanFileParser.relative(root, file), Files.size(file),
                    Files.getLastModifiedTime(file).toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of aliases.yaml's bytes ("" without one): records take their canonical departments from it. */
    private static String aliasesStamp(Path root) {
        Path file = root.resolve(Aliases.FILE_NAME);
        try {
            if (!Files.isRegularFile(file)) return "";
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            // Unreadable now: a stamp no index has, so that nothing is kept on its account.
            return "unreadable";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * SHA-256 over every file's relative path and bytes: any edit, addition or removal changes it.
     * A record file counts by its size and modification time instead: hashing hundreds of megabytes
     * at every start would cost seconds before the first answer.
     */
    private static String fingerprint(Path root, Listing listing) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : listing.files()) {
                digest.update(PlanFileParser.relative(root, file).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                if (MeasureRecords.isRecordFile(file.getFileName().toString())) {
                    digest.update(recordFile(root, file).stamp().getBytes(StandardCharsets.UTF_8));
                } else {
                    digest.update(Files.readAllBytes(file));
                }
                digest.update((byte) 0);
            }
            // Broken links by name: their problems are part of the state an index records.
            for (Path link : listing.brokenLinks()) {
                digest.update(PlanFileParser.relative(root, link).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 1);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
