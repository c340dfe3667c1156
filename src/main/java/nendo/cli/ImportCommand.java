package nendo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import nendo.corpus.CorpusReader;
import nendo.corpus.CorpusSnapshot;
import nendo.corpus.EraYears;
import nendo.corpus.PlanFileParser;
import nendo.corpus.ingest.DraftWriter;
import nendo.corpus.ingest.ImportedPlan;
import nendo.corpus.ingest.PlanImporter;
import nendo.corpus.ingest.PlanTextImporter;
import nendo.model.ClientError;
import nendo.model.Department;
import nendo.model.PlanDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Turns a received file (extracted text in any common encoding, or a PDF) into a draft corpus file
 * and a review report. Exit 0: draft complete; 3: draft written but measures await review;
 * 2: the file could not be read or the options are wrong.
 */
@Command(name = "import", mixinStandardHelpOptions = true, description = "PDF や抽出テキストから下書きを作ります (draft a corpus file from a PDF or extracted text)")
final class ImportCommand implements Callable<Integer> {
    static final int NEEDS_REVIEW = 3;

    @Mixin
    CommonOptions options;

    @Parameters(paramLabel = "FILE", description = "取り込むファイル（.txt / .pdf、UTF-8・Shift_JIS・EUC-JP）")
    Path file;

    @Option(names = "--org", description = "団体名（例: 三鷹市）。省略時は --out のフォルダの既存文書から")
    String organization;

    @Option(names = "--year", description = "年度（2019, 令和元年度 など）。省略時は見出しから")
    String year;

    @Option(names = "--id", description = "文書 id。省略時は <フォルダ名>-<年度>")
    String id;

    @Option(names = "--out", paramLabel = "FILE.md", description = "下書きの保存先（原文も同じフォルダに保存）。省略時は標準出力")
    Path out;

    @Option(names = "--format", description = "出力形式: markdown | json (default: ${DEFAULT-VALUE})")
    Format format = Format.markdown;

    @Option(names = "--no-infer", negatable = false, description = "推定による部の振り分けをせず、要確認に回す")
    boolean noInfer;

    @Option(names = "--force", description = "既存のファイルを上書きする")
    boolean force;

    @Spec
    CommandSpec spec;

    enum Format { markdown, json }

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (out != null && !out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".md")) {
            throw ClientError.badRequest("--out は .md のファイルにしてください（例: corpus/mitaka/2020.md）: " + out);
        }
        if (id != null) {
            // The rule check applies, so that a draft never fails check for its id alone.
            PlanFileParser.idProblem(id).ifPresent(problem -> { throw ClientError.badRequest("--id: " + problem); });
        }
        Integer fiscalYear = year == null ? null : EraYears.parameter("--year", year);
        byte[] bytes = readInput();
        CorpusSnapshot corpus = Files.isDirectory(options.corpus) ? new CorpusReader().read(options.corpus) : null;
        String org = organization != null ? organization.strip() : organizationFromFolder(corpus);
        ImportedPlan plan;
        try {
            plan = new PlanImporter().read(bytes, new PlanTextImporter.Options(org, fiscalYear,
                    knownDepartments(corpus, org), !noInfer));
        } catch (PlanImporter.ImportException e) {
            throw ClientError.badRequest(file + ": " + e.getMessage());
        }
        if (plan.fiscalYear() == null) throw ClientError.badRequest(file + ": 年度が分かりません。--year で指定してください");
        OptionalInt named = out == null ? OptionalInt.empty() : PlanFileParser.yearInName(out.getFileName().toString());
        if (named.isPresent() && named.getAsInt() != plan.fiscalYear()) {
            // check refuses a <year>.md whose fiscalYear differs: say so before anything is written.
            throw ClientError.badRequest("--out のファイル名 " + out.getFileName() + " は " + plan.fiscalYear()
                    + " 年度の文書には使えません（" + plan.fiscalYear() + ".md にするか、--year を確かめてください）");
        }

        String docId = id != null ? id : defaultId(plan.fiscalYear());
        String originalName = out == null ? null : stem(out) + ".original."
                + (PlanImporter.kindOf(bytes) == PlanImporter.Kind.PDF ? "pdf" : "txt");
        String source = file.getFileName() + " から nendo import で取り込み";
        String rendered = format == Format.json
                ? new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(plan) + "\n"
                : new DraftWriter().write(plan, docId, source, originalName);

        if (out == null) {
            stdout.print(rendered);
            stdout.flush();
        } else {
            Path original = out.resolveSibling(originalName);
            refuseOverwrite(out);
            refuseOverwrite(original);
            writeAtomically(original, bytes);
            writeAtomically(out, rendered.getBytes(StandardCharsets.UTF_8));
            stdout.printf("下書きを書きました: %s（原文: %s）%n", out, original);
        }
        for (ImportedPlan.ReportLine line : plan.report()) {
            err.println(file + (line.line() > 0 ? ":" + line.line() : "") + ": " + label(line.level()) + line.message());
        }
        err.printf("%s: 部 %d、事業 %d 件（うち要確認 %d 件）、文字コード %s%n", file, plan.departments().size(),
                plan.measureCount(), plan.review().size(), plan.encoding());
        return plan.needsReview() ? NEEDS_REVIEW : 0;
    }

    private byte[] readInput() throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw ClientError.badRequest(file + ": ファイルがありません");
        } catch (IOException e) {
            throw ClientError.badRequest(file + ": 読み込めません (" + e.getMessage() + ")");
        }
    }

    private String organizationFromFolder(CorpusSnapshot corpus) {
        if (out != null && corpus != null) {
            Path folder = out.toAbsolutePath().normalize().getParent();
            Set<String> orgs = new LinkedHashSet<>();
            for (PlanDocument d : corpus.documents()) {
                if (options.corpus.toAbsolutePath().normalize().resolve(d.sourcePath()).getParent().equals(folder)) {
                    orgs.add(d.organization());
                }
            }
            if (orgs.size() == 1) return orgs.iterator().next();
        }
        throw ClientError.badRequest(file + ": 団体名が分かりません。--org で指定してください（例: --org 三鷹市）");
    }

    private static Set<String> knownDepartments(CorpusSnapshot corpus, String org) {
        Set<String> names = new LinkedHashSet<>();
        if (corpus == null) return names;
        corpus.aliases().knownDepartments(org).ifPresent(names::addAll);
        for (PlanDocument d : corpus.documents()) {
            if (d.organization().equals(org)) d.departments().stream().map(Department::name).forEach(names::add);
        }
        return names;
    }

    private String defaultId(int fiscalYear) {
        Path folder = out == null ? null : out.toAbsolutePath().normalize().getParent();
        String slug = folder == null ? "draft" : folder.getFileName().toString();
        return (slug.matches("[a-z0-9][a-z0-9-]*") ? slug : "draft") + "-" + fiscalYear;
    }

    private static String stem(Path path) {
        String name = path.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".md") ? name.substring(0, name.length() - 3) : name;
    }

    private void refuseOverwrite(Path target) {
        if (!force && Files.exists(target)) {
            throw ClientError.badRequest(target + ": すでにあります（上書きするときは --force）");
        }
    }

    /**
     * Writes through a temporary file and a rename, so that a crash never leaves half a draft. The
     * temporary file is created as any new file is (createTempFile would make it owner-only, and
     * the rename would carry that over); a file overwritten with --force keeps its permissions.
     */
    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createFile(dir.resolve(".import-" + java.util.UUID.randomUUID() + ".tmp"));
        try {
            Files.write(tmp, bytes);
            if (Files.exists(target) && Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String label(ImportedPlan.ReportLine.Level level) {
        return switch (level) {
            case INFO -> "";
            case WARNING -> "注意: ";
            case REVIEW -> "要確認: ";
        };
    }
}
