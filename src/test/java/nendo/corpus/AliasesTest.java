package nendo.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nendo.model.CorpusProblem;
import nendo.model.Department;
import nendo.model.PlanDocument;
import nendo.testing.TestArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** corpus/aliases.yaml: renamed departments and series are followed, unknown names are refused. */
class AliasesTest {
    @TempDir
    Path dir;

    private CorpusSnapshot bundled() {
        return new CorpusReader().read(TestArchive.BUNDLED_CORPUS);
    }

    private static PlanDocument doc(CorpusSnapshot corpus, String id) {
        return corpus.documents().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    private static Map<String, String> canonicalNames(PlanDocument doc) {
        return doc.departments().stream().collect(Collectors.toMap(Department::name, Department::canonical));
    }

    @Test
    void bundledCorpusIsValidAndRenamedDepartmentsShareTheirCurrentName() {
        CorpusSnapshot corpus = bundled();
        assertEquals(List.of(), corpus.problems());
        assertEquals("政策企画部", canonicalNames(doc(corpus, "kakuu-2019")).get("企画部"));
        assertEquals("政策企画部", canonicalNames(doc(corpus, "kakuu-2021")).get("企画部"));
        assertEquals("政策企画部", canonicalNames(doc(corpus, "kakuu-2022")).get("政策企画部"));
        // A split is not a rename: 生活環境部 stays itself, its successors name it as predecessor.
        assertEquals("生活環境部", canonicalNames(doc(corpus, "kakuu-2022")).get("生活環境部"));
        assertEquals(List.of("生活環境部"), corpus.aliases().predecessors("架空市", "環境部"));
        assertEquals(List.of("生活環境部"), corpus.aliases().predecessors("架空市", "地域協働部"));
        // The series was renamed in 2024; earlier years are followed under the current title.
        assertEquals("各部の運営方針と目標", doc(corpus, "kakuu-2019").series());
        assertEquals("各部の経営方針と主要事業", doc(corpus, "kakuu-2019").seriesCanonical());
        assertEquals("各部の経営方針と主要事業", doc(corpus, "kakuu-2024").series());
        assertEquals("各部の経営方針と主要事業", doc(corpus, "kakuu-2024").seriesCanonical());
        // Mitaka has no renames: every name is its own canonical name.
        canonicalNames(doc(corpus, "mitaka-2019")).forEach((name, canonical) -> assertEquals(name, canonical));
        assertEquals("各部の運営方針と目標", doc(corpus, "mitaka-2019").seriesCanonical());
    }

    @Test
    void aHeadingNotInTheDepartmentListIsAnErrorNamingTheLine() throws Exception {
        Path corpus = dir.resolve("corpus");
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, corpus);
        Path file = corpus.resolve("kakuu/2020.md");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.addAll(List.of("", "## 総務布", "", "- 庁舎の維持管理を計画的に行います。"));
        int heading = lines.indexOf("## 総務布");
        Files.write(file, lines);
        CorpusSnapshot snapshot = new CorpusReader().read(corpus);
        assertEquals(1, snapshot.problems().size(), snapshot.problems().toString());
        CorpusProblem p = snapshot.problems().get(0);
        assertEquals("kakuu/2020.md", p.file());
        assertEquals(heading + 1, p.line());
        assertTrue(p.message().contains("総務布") && p.message().contains("aliases.yaml"), p.message());
        assertEquals(6, snapshot.documents().size(), "every other file is still read");
    }

    @Test
    void brokenAliasesFileIsReportedAndTheDocumentsStillLoad() throws Exception {
        Path corpus = dir.resolve("corpus");
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, corpus);
        Files.writeString(corpus.resolve("aliases.yaml"), """
                架空市:
                  departments:
                    政策企画部: {formerly: [企画部]}
                    総務部: {formerly: [企画部]}
                """);
        CorpusSnapshot snapshot = new CorpusReader().read(corpus);
        CorpusProblem p = snapshot.problems().get(0);
        assertEquals("aliases.yaml", p.file());
        assertEquals(3, p.line());
        assertTrue(p.message().contains("企画部"), p.message());
        assertEquals(7, snapshot.documents().size());

        Files.writeString(corpus.resolve("aliases.yaml"), "架空市:\n  departmentz:\n    総務部:\n");
        CorpusProblem unknownKey = new CorpusReader().read(corpus).problems().get(0);
        assertEquals("aliases.yaml", unknownKey.file());
        assertEquals(2, unknownKey.line(), unknownKey.toString());
        assertTrue(unknownKey.message().startsWith("未知の項目 'departmentz' があります（使える項目: departments, series。"),
                unknownKey.toString());
    }

    @Test
    void twoFilesForTheSameYearAndSeriesAreRefused() throws Exception {
        Path corpus = dir.resolve("corpus");
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, corpus);
        String copy = Files.readString(corpus.resolve("kakuu/2020.md")).replace("id: kakuu-2020", "id: kakuu-2020b");
        Files.writeString(corpus.resolve("kakuu/2020b.md"), copy);
        // Changed longer ago than 2020.md, yet refused: its name is not a year.
        Files.setLastModifiedTime(corpus.resolve("kakuu/2020b.md"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        CorpusSnapshot snapshot = new CorpusReader().read(corpus);
        assertEquals(1, snapshot.problems().size(), snapshot.problems().toString());
        assertEquals("kakuu/2020b.md", snapshot.problems().get(0).file());
        assertTrue(snapshot.problems().get(0).message().contains("kakuu/2020.md"));
        assertTrue(snapshot.problems().get(0).message().contains("ファイル名が年度（<年度>.md）でないこのファイル"),
                snapshot.problems().toString());
    }

    @Test
    void ofTwoFilesNamedAfterTheSameEditionTheOneChangedLaterIsRefused() throws Exception {
        Path corpus = dir.resolve("corpus");
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, corpus);
        // Another folder of the same organization gets a copy of 2021, changed after kakuu/2021.md
        // although it sorts first; then kakuu/2021.md is the newer one.
        Path copy = corpus.resolve("a-kakuu/2021.md");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, Files.readString(corpus.resolve("kakuu/2021.md")).replace("id: kakuu-2021", "id: a-kakuu-2021"));
        java.nio.file.attribute.FileTime now = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis());
        java.nio.file.attribute.FileTime earlier = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(corpus.resolve("kakuu/2021.md"), earlier);
        Files.setLastModifiedTime(copy, now);

        CorpusSnapshot snapshot = new CorpusReader().read(corpus);
        assertEquals(List.of("a-kakuu/2021.md:4: 架空市 の 2021 年度「各部の経営方針と主要事業」は kakuu/2021.md にもあります。"
                + "同じ年度の文書は一つにしてください（後から変更されたこのファイルは読み込みません）"),
                snapshot.problems().stream().map(Object::toString).toList());

        Files.setLastModifiedTime(corpus.resolve("kakuu/2021.md"), now);
        Files.setLastModifiedTime(copy, earlier);
        snapshot = new CorpusReader().read(corpus);
        assertEquals(List.of("kakuu/2021.md"), snapshot.problems().stream().map(p -> p.file()).toList());
        assertTrue(snapshot.documents().stream().anyMatch(d -> d.id().equals("a-kakuu-2021")));
    }
}
