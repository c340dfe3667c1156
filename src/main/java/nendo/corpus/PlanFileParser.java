package nendo.corpus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nendo.model.CorpusProblem;
import nendo.model.Department;
import nendo.model.FiscalYear;
import nendo.model.Measure;
import nendo.model.PlanDocument;
import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads one plan file: YAML front matter (metadata) and a Markdown body in which each
 * {@code ## 部名} heading starts a department, an optional paragraph is its mission, and each
 * bullet item is one measure. Text is taken from the source lines, not from rendered Markdown,
 * so that what staff typed is what is indexed; wrapped lines are joined without a space because
 * Japanese has none between words.
 */
public final class PlanFileParser {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** A plan file named after its fiscal year (corpus/README.md: {@code <団体>/<年度>.md}). */
    private static final Pattern YEAR_NAME = Pattern.compile("(\\d{4})\\.md", Pattern.CASE_INSENSITIVE);

    private final Parser markdown = Parser.builder()
            .extensions(List.of(YamlFrontMatterExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();
    private final FrontMatterReader frontMatterReader = new FrontMatterReader();

    /**
     * @param corpusRoot the corpus folder, so that paths in documents and problems are relative to it
     * @param file a plan file inside it
     */
    public PlanDocument parse(Path corpusRoot, Path file) throws CorpusException {
        String name = relative(corpusRoot, file);
        String text = decode(name, file);
        List<String> lines = text.lines().toList();
        Node root = markdown.parse(text);

        Node first = root.getFirstChild();
        if (!(first instanceof YamlFrontMatterBlock)) {
            throw fail(name, 1, "先頭に front matter（--- で囲んだ YAML）がありません");
        }
        int fmEnd = lastLine(first);
        if (fmEnd >= lines.size() || !lines.get(fmEnd).strip().matches("---|\\.\\.\\.")) {
            throw fail(name, 1, "front matter の終わりを示す --- の行がありません");
        }
        List<String> yamlLines = lines.subList(1, Math.max(1, fmEnd));
        FrontMatter fm = frontMatterReader.read(name, String.join("\n", yamlLines), 2);
        FrontMatterLines keys = new FrontMatterLines(yamlLines, 2);
        validate(name, fm, keys);

        List<Department> departments = readBody(name, fm, first.getNext(), lines);
        checkResources(name, fm, departments, keys);
        String original = resolveOriginal(corpusRoot, file, fm.original(), name, keys);
        return new PlanDocument(fm.id(), fm.organization().strip(), fm.fiscalYear(), fm.series().strip(),
                fm.series().strip(), fm.title().strip(), blankToNull(fm.source()), Boolean.TRUE.equals(fm.sample()),
                blankToNull(fm.intro()), blankToNull(fm.contact()), name, original, departments);
    }

    private List<Department> readBody(String name, FrontMatter fm, Node node, List<String> lines)
            throws CorpusException {
        List<DepartmentBuilder> builders = new ArrayList<>();
        for (; node != null; node = node.getNext()) {
            int line = firstLine(node);
            DepartmentBuilder current = builders.isEmpty() ? null : builders.get(builders.size() - 1);
            if (node instanceof Heading h) {
                if (h.getLevel() != 2) {
                    throw fail(name, line, "見出しは「## 部名」（レベル2）で書いてください");
                }
                String dept = sourceText(h, lines).replaceFirst("^#+\\s*", "").strip();
                if (dept.isEmpty()) throw fail(name, line, "部名が空です");
                if (dept.equals(PlanFileFormat.REVIEW_HEADING)) {
                    throw fail(name, line, "取り込みで部を決められなかった事業が「## " + dept
                            + "」に残っています。原文で確かめて正しい部の見出しの下に移してください");
                }
                for (DepartmentBuilder b : builders) {
                    if (b.name.equals(dept)) throw fail(name, line, "部「" + dept + "」が二度出てきます");
                }
                builders.add(new DepartmentBuilder(dept));
            } else if (current == null) {
                throw fail(name, line, "最初の「## 部名」見出しより前に本文があります");
            } else if (node instanceof Paragraph p) {
                if (!current.measures.isEmpty()) {
                    throw fail(name, line, "部の使命（段落）は事業の箇条書きより前に書いてください");
                }
                String mission = sourceText(p, lines);
                current.mission = current.mission == null ? mission : current.mission + "\n" + mission;
            } else if (node instanceof BulletList list) {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    current.measures.add(readMeasure(name, fm.id(), builders.size(), current, (ListItem) item, lines));
                }
            } else {
                throw fail(name, line, "使えない書式です（部は「## 部名」、事業は「- 本文」で書いてください）");
            }
        }
        if (builders.isEmpty()) throw fail(name, lines.size(), "部（## 部名）が一つもありません");
        List<Department> departments = new ArrayList<>();
        for (DepartmentBuilder b : builders) {
            FrontMatter.Resources r = fm.resources() == null ? null : fm.resources().get(b.name);
            departments.add(new Department(b.name, b.name, List.of(), b.mission, r == null ? null : r.staff(),
                    r == null ? null : r.budget(), b.measures));
        }
        return departments;
    }

    private Measure readMeasure(String name, String docId, int deptNo, DepartmentBuilder dept, ListItem item,
                                List<String> lines) throws CorpusException {
        int line = firstLine(item);
        Node content = item.getFirstChild();
        // "- " alone is an item with no content at all: empty, not nested.
        if (content == null) throw fail(name, line, "事業の本文が空です（「- 」の後に事業を書くか、その行を消してください）");
        if (!(content instanceof Paragraph) || content.getNext() != null) {
            throw fail(name, line, "事業は「- 本文」の一段落で書いてください（入れ子の箇条書きは使えません）");
        }
        String text = PlanFileFormat.unescapeMeasure(sourceText(content, lines));
        if (text.isBlank()) throw fail(name, line, "事業の本文が空です");
        String id = String.format(java.util.Locale.ROOT, "%s-%02d-%02d", docId, deptNo, dept.measures.size() + 1);
        return new Measure(id, text, line);
    }

    private static void validate(String name, FrontMatter fm, FrontMatterLines keys) throws CorpusException {
        Optional<String> badId = idProblem(fm.id());
        if (badId.isPresent()) throw fail(name, keys.lineOf("id", 2), badId.get());
        if (fm.organization().isBlank()) throw fail(name, keys.lineOf("organization", 2), "organization が空です");
        if (fm.series().isBlank()) throw fail(name, keys.lineOf("series", 2), "series が空です");
        if (fm.title().isBlank()) throw fail(name, keys.lineOf("title", 2), "title が空です");
        try {
            new FiscalYear(fm.fiscalYear());
        } catch (IllegalArgumentException e) {
            throw fail(name, keys.lineOf("fiscalYear", 2), "fiscalYear: " + e.getMessage());
        }
        OptionalInt named = yearInName(name);
        if (named.isPresent() && named.getAsInt() != fm.fiscalYear()) {
            // Else the typo would take the other year's file offline as a duplicate of it, and this
            // file's last good version with it; refused here, this file alone keeps its last good version.
            throw fail(name, keys.lineOf("fiscalYear", 2), "fiscalYear は " + fm.fiscalYear() + " ですが、ファイル名の年度は "
                    + named.getAsInt() + " です。どちらかの誤りを直してください（fiscalYear " + fm.fiscalYear()
                    + " does not match the file name " + fileName(name) + "）");
        }
        if (fm.resources() != null) {
            for (Map.Entry<String, FrontMatter.Resources> e : fm.resources().entrySet()) {
                FrontMatter.Resources r = e.getValue();
                if (r == null || (r.staff() != null && r.staff() < 0) || (r.budget() != null && r.budget() < 0)) {
                    throw fail(name, keys.lineOf(e.getKey(), 2), "resources の「" + e.getKey() + "」は {staff: 人数, budget: 千円} で書いてください");
                }
            }
        }
    }

    /** Why a document id cannot be used, if it cannot; import checks --id by the same rule. */
    public static Optional<String> idProblem(String id) {
        if (ID.matcher(id).matches()) return Optional.empty();
        return Optional.of("id '" + id + "' は英小文字・数字・ハイフンで書いてください（例: mitaka-2019）");
    }

    /** The year a plan file's name gives, if it is named {@code <年度>.md}. */
    public static OptionalInt yearInName(String relative) {
        Matcher m = YEAR_NAME.matcher(fileName(relative));
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    private static String fileName(String relative) {
        return relative.substring(relative.lastIndexOf('/') + 1);
    }

    private static void checkResources(String name, FrontMatter fm, List<Department> departments,
                                       FrontMatterLines keys) throws CorpusException {
        if (fm.resources() == null) return;
        for (String dept : fm.resources().keySet()) {
            if (departments.stream().noneMatch(d -> d.name().equals(dept))) {
                throw fail(name, keys.lineOf(dept, 2), "resources の「" + dept + "」に対応する「## " + dept + "」がありません");
            }
        }
    }

    private static String resolveOriginal(Path root, Path file, String original, String name, FrontMatterLines keys)
            throws CorpusException {
        if (original == null || original.isBlank()) return name;
        Path resolved = file.resolveSibling(original).normalize();
        if (!resolved.startsWith(root.normalize()) || !Files.isRegularFile(resolved)) {
            throw fail(name, keys.lineOf("original", 2), "original のファイル '" + original + "' が見つかりません");
        }
        return relative(root, resolved);
    }

    /** Joins the source lines a block covers, dropping the line breaks a person used to wrap it. */
    private static String sourceText(Node node, List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (SourceSpan span : node.getSourceSpans()) {
            String line = lines.get(span.getLineIndex());
            int end = Math.min(line.length(), span.getColumnIndex() + span.getLength());
            sb.append(line, span.getColumnIndex(), end);
        }
        return sb.toString().strip();
    }

    /** Plan files may be UTF-8 (with or without BOM), Shift_JIS or EUC-JP; all read to the same text. */
    private static String decode(String name, Path file) throws CorpusException {
        try {
            return TextDecoding.decode(Files.readAllBytes(file)).text();
        } catch (TextDecoding.UndeterminedEncodingException e) {
            throw fail(name, e.line(), e.getMessage());
        } catch (java.io.IOException e) {
            throw fail(name, 0, "読み込めません: " + e.getMessage());
        }
    }

    private static int firstLine(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
    }

    private static int lastLine(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(spans.size() - 1).getLineIndex();
    }

    static String relative(Path root, Path file) {
        return root.normalize().relativize(file.normalize()).toString().replace('\\', '/');
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static CorpusException fail(String file, int line, String message) {
        return new CorpusException(new CorpusProblem(file, line, message));
    }

    private static final class DepartmentBuilder {
        final String name;
        String mission;
        final List<Measure> measures = new ArrayList<>();

        DepartmentBuilder(String name) {
            this.name = name;
        }
    }
}
