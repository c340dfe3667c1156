package nendo.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import nendo.cli.Nendo;
import nendo.config.AppConfig;
import nendo.search.SearchRequest;
import nendo.testing.TestArchive;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index is rebuilt exactly when the corpus or the analysis settings differ from its commit. */
class IndexLifecycleTest {
    @TempDir
    Path dir;

    private AppConfig config() {
        return new AppConfig(dir.resolve("corpus"), dir.resolve("index"), "127.0.0.1", 0);
    }

    @Test
    void unchangedCorpusKeepsTheIndexAndAnEditRebuildsIt() throws Exception {
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, dir.resolve("corpus"));
        String firstBuild;
        try (Nendo nendo = Nendo.open(config())) {
            IndexState state = nendo.ensureIndex();
            firstBuild = state.builtAt();
            assertEquals(7, state.documents());
            assertEquals(nendo.readCorpus().measureCount(), state.measures());
        }
        try (Nendo nendo = Nendo.open(config())) {
            assertEquals(firstBuild, nendo.ensureIndex().builtAt(), "same corpus and settings: no rebuild");
        }
        Path mitaka = dir.resolve("corpus/mitaka/2019.md");
        Files.writeString(mitaka, Files.readString(mitaka) + "- 新しく追加した独自事業ぴよぴよ計画を推進します。\n");
        try (Nendo nendo = Nendo.open(config())) {
            IndexState state = nendo.ensureIndex();
            assertNotEquals(firstBuild, state.builtAt(), "edited corpus: rebuilt");
            assertEquals(1, nendo.archive().search(SearchRequest.of("ぴよぴよ計画")).total());
        }
    }

    @Test
    void segmentsAreWrittenWithTheArchiveCodecWhichLuceneFindsByName() throws Exception {
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, dir.resolve("corpus"));
        try (Nendo nendo = Nendo.open(config())) {
            nendo.ensureIndex();
        }
        try (FSDirectory directory = FSDirectory.open(dir.resolve("index"))) {
            SegmentInfos segments = SegmentInfos.readLatestCommit(directory);
            assertTrue(segments.size() > 0);
            for (SegmentCommitInfo segment : segments) {
                assertEquals(ArchiveCodec.NAME, segment.info.getCodec().getName());
            }
        }
        assertInstanceOf(ArchiveCodec.class, Codec.forName(ArchiveCodec.NAME), "registered for the service loader");
        try (Nendo nendo = Nendo.open(config())) {
            nendo.ensureIndex();
            String text = nendo.archive().search(SearchRequest.of("防災")).hits().get(0).text();
            assertTrue(text.contains("防災"), text);
        }
    }

    @Test
    void everyEntryIdOfThePlanDocumentsIsWhatTheyDeclare() throws Exception {
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, dir.resolve("corpus"));
        Set<String> declared = new HashSet<>();
        try (Nendo nendo = Nendo.open(config())) {
            nendo.ensureIndex();
            nendo.readCorpus().documents().forEach(plan -> declared.addAll(plan.entryIds()));
        }
        Set<String> indexed = new HashSet<>();
        try (FSDirectory directory = FSDirectory.open(dir.resolve("index"));
             DirectoryReader reader = DirectoryReader.open(directory)) {
            StoredFields stored = reader.storedFields();
            for (int doc = 0; doc < reader.maxDoc(); doc++) indexed.add(stored.document(doc).get(PlanFields.ID));
        }
        // check (without an index) refuses a record id from PlanDocument.entryIds; the index build
        // from the entries it wrote: the two must be the same set.
        assertEquals(indexed, declared);
        assertTrue(declared.stream().anyMatch(id -> id.endsWith("-mission")), "missions included");
    }

    @Test
    void indexBuiltWithOtherAnalysisSettingsIsRebuilt() throws Exception {
        String firstBuild = buildTheBundledCorpus();
        recordAnalysis("some-other-chain");
        try (Nendo nendo = Nendo.open(config())) {
            IndexState state = nendo.ensureIndex();
            assertNotEquals(firstBuild, state.builtAt());
            assertTrue(state.analysis().startsWith("nendo-analysis/"), state.analysis());
        }
    }

    /** The service may answer from an index of an earlier corpus, never from one of other settings. */
    @Test
    void theServiceWaitsForARebuildOnlyWhenTheSettingsDiffer() throws Exception {
        String firstBuild = buildTheBundledCorpus();
        try (Nendo nendo = Nendo.open(config())) {
            assertEquals(ArchiveIndex.Opening.CURRENT, nendo.openIndexForServing());
            assertEquals(firstBuild, nendo.indexState().builtAt());
        }
        Path mitaka = dir.resolve("corpus/mitaka/2019.md");
        Files.writeString(mitaka, Files.readString(mitaka) + "- 新しく追加した独自事業ぴよぴよ計画を推進します。\n");
        try (Nendo nendo = Nendo.open(config())) {
            assertEquals(ArchiveIndex.Opening.EARLIER_CORPUS, nendo.openIndexForServing());
            assertEquals(firstBuild, nendo.indexState().builtAt());
            assertEquals(0, nendo.archive().search(SearchRequest.of("ぴよぴよ計画")).total());
        }
        recordAnalysis("some-other-chain");
        try (Nendo nendo = Nendo.open(config())) {
            assertEquals(ArchiveIndex.Opening.REBUILT, nendo.openIndexForServing());
            assertNotEquals(firstBuild, nendo.indexState().builtAt());
            assertEquals(1, nendo.archive().search(SearchRequest.of("ぴよぴよ計画")).total());
        }
    }

    /** Copies the bundled corpus, indexes it and returns when the index was built. */
    private String buildTheBundledCorpus() throws Exception {
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, dir.resolve("corpus"));
        try (Nendo nendo = Nendo.open(config())) {
            return nendo.ensureIndex().builtAt();
        }
    }

    /** Rewrites the latest commit's record of the analysis settings, as an older version would have. */
    private void recordAnalysis(String analysis) throws Exception {
        try (FSDirectory directory = FSDirectory.open(dir.resolve("index"));
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig()
                     .setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            Map<String, String> data = new HashMap<>(SegmentInfos.readLatestCommit(directory).getUserData());
            data.put("analysis", analysis);
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
        }
    }

    @Test
    void invalidFileIsSkippedAndReportedWhileTheRestIsIndexed() throws Exception {
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, dir.resolve("corpus"));
        Files.writeString(dir.resolve("corpus/kakuu/2025.md"), "---\nid: kakuu-2025\nfiscalYear: abc\n---\n");
        try (Nendo nendo = Nendo.open(config())) {
            IndexState state = nendo.ensureIndex();
            assertEquals(7, state.documents());
            assertEquals(1, state.invalidFiles().size());
            assertEquals("kakuu/2025.md", state.invalidFiles().get(0).file());
            assertEquals(3, state.invalidFiles().get(0).line());
            assertEquals(state.invalidFiles(), nendo.archive().health().invalidFiles());
        }
    }

    @Test
    void aBrokenEditKeepsTheLastGoodVersionOnline() throws Exception {
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, dir.resolve("corpus"));
        try (Nendo nendo = Nendo.open(config())) {
            nendo.ensureIndex();
            assertEquals(1, nendo.archive().search(SearchRequest.of("ゆりかごプラス")).total());
        }
        // Someone saves the published Mitaka file with a typo in its front matter.
        Path mitaka = dir.resolve("corpus/mitaka/2019.md");
        Files.writeString(mitaka, Files.readString(mitaka).replace("fiscalYear: 2019", "fiscalYear: 二〇一九"));
        try (Nendo nendo = Nendo.open(config())) {
            IndexState state = nendo.ensureIndex();
            assertEquals(1, state.invalidFiles().size(), state.invalidFiles().toString());
            assertEquals("mitaka/2019.md", state.invalidFiles().get(0).file());
            assertEquals(java.util.List.of("mitaka/2019.md"), state.keptFiles());
            assertEquals(7, state.documents(), "the last good Mitaka document is still indexed");
            assertEquals(24, nendo.archive().plan("mitaka-2019").measureCount());
            assertEquals(1, nendo.archive().search(SearchRequest.of("ゆりかごプラス")).total());
            assertEquals(java.util.List.of("mitaka/2019.md"), nendo.archive().health().keptFiles());
        }
        // A file that was never valid has nothing to keep.
        Files.writeString(dir.resolve("corpus/kakuu/2030.md"), "---\nid: kakuu-2030\n---\n");
        try (Nendo nendo = Nendo.open(config())) {
            IndexState state = nendo.ensureIndex();
            assertEquals(2, state.invalidFiles().size());
            assertEquals(java.util.List.of("mitaka/2019.md"), state.keptFiles());
        }
    }

    @Test
    void aFiscalYearTypoKeepsItsOwnFileLastGoodVersionAndLeavesTheOtherYearAlone() throws Exception {
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, dir.resolve("corpus"));
        try (Nendo nendo = Nendo.open(config())) {
            nendo.ensureIndex();
        }
        // 2020.md is saved claiming 2021, the year of another, correct file.
        Path kakuu2020 = dir.resolve("corpus/kakuu/2020.md");
        Files.writeString(kakuu2020, Files.readString(kakuu2020).replace("fiscalYear: 2020", "fiscalYear: 2021"));
        for (boolean inPlace : new boolean[] {true, false}) {
            try (Nendo nendo = Nendo.open(config())) {
                IndexState state = inPlace ? nendo.ensureIndex() : nendo.rebuild(nendo.readCorpus());
                assertEquals(java.util.List.of("kakuu/2020.md:4: fiscalYear は 2021 ですが、ファイル名の年度は 2020 です。"
                        + "どちらかの誤りを直してください（fiscalYear 2021 does not match the file name 2020.md）"),
                        state.invalidFiles().stream().map(Object::toString).toList());
                assertEquals(java.util.List.of("kakuu/2020.md"), state.keptFiles());
                assertEquals(7, state.documents());
                var y2020 = nendo.archive().plan("kakuu-2020");
                var y2021 = nendo.archive().plan("kakuu-2021");
                assertEquals(2020, y2020.fiscalYear(), "the last good 2020 stays 2020");
                assertEquals("kakuu/2021.md", y2021.sourcePath(), "2021 is still read from its own file");
                assertEquals(39, y2021.measureCount());
                SearchRequest in2021 = new SearchRequest("", java.util.List.of(2021), null, null, java.util.List.of(),
                        java.util.List.of(), java.util.List.of(), 1, 100, SearchRequest.SortOrder.RELEVANCE);
                assertEquals(Set.of("kakuu-2021"), nendo.archive().search(in2021).hits().stream()
                        .map(h -> h.documentId()).collect(Collectors.toSet()));
            }
        }
    }

    @Test
    void aRebuildThatFailsHalfwayLeavesTheLastCommitAnswering() throws Exception {
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, dir.resolve("corpus"));
        Path records = dir.resolve("corpus/records.jsonl");
        Files.writeString(records, "{\"id\": \"r1\", \"year\": 2020, \"department\": \"総務部\", \"text\": \"ぴよぴよ公園の整備\"}\n");
        try (Nendo nendo = Nendo.open(config())) {
            IndexState first = nendo.ensureIndex();
            var corpus = nendo.readCorpus();
            // The records file goes away after the snapshot listed it: the build cannot finish.
            Files.delete(records);
            assertThrows(IOException.class, () -> nendo.rebuild(corpus));
            IndexState after = nendo.indexState();
            assertEquals(first.builtAt(), after.builtAt(), "the last commit is still the latest");
            assertEquals(first.measures(), after.measures());
            nendo.refreshIndex();
            assertEquals(1, nendo.archive().search(SearchRequest.of("ぴよぴよ公園")).total());
            assertEquals(first.documents(), nendo.archive().health().documents());
        }
        try (Nendo nendo = Nendo.open(config())) {
            assertEquals(ArchiveIndex.Opening.EARLIER_CORPUS, nendo.openIndexForServing(),
                    "the next start finds the earlier commit whole");
        }
    }

    @Test
    void closingDuringARebuildAbandonsItAndKeepsTheLastCommitWhole() throws Exception {
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, dir.resolve("corpus"));
        IndexState first;
        try (Nendo nendo = Nendo.open(config())) {
            first = nendo.ensureIndex();
        }
        Set<String> committedFiles = indexFiles();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            lines.append("{\"id\": \"r").append(i).append("\", \"year\": 2020, \"department\": \"総務部\", \"text\": \"公園の整備 ")
                    .append(i).append("\"}\n");
        }
        Files.writeString(dir.resolve("corpus/records.jsonl"), lines);
        CountDownLatch building = new CountDownLatch(1);
        IndexProgress slowStart = new IndexProgress() {
            @Override
            public void started(long totalBytes) {
                building.countDown();
                // Holds the build before its records long enough for close() to come first.
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void advanced(long bytesRead, long records) {}

            @Override
            public void finished(long records) {}
        };
        Nendo nendo = Nendo.open(config(), slowStart);
        assertEquals(ArchiveIndex.Opening.EARLIER_CORPUS, nendo.openIndexForServing());
        CompletableFuture<ArchiveIndex.Refresh> rebuild = nendo.updateInBackground();
        assertTrue(building.await(30, TimeUnit.SECONDS));
        nendo.close();
        var failure = assertThrows(ExecutionException.class, rebuild::get);
        assertInstanceOf(BuildAbandonedException.class, failure.getCause().getCause(), failure.toString());

        assertEquals(committedFiles, indexFiles(), "no files of the abandoned build are left");
        try (Nendo again = Nendo.open(config())) {
            assertEquals(ArchiveIndex.Opening.EARLIER_CORPUS, again.openIndexForServing());
            assertEquals(first.builtAt(), again.indexState().builtAt());
            assertEquals(first.measures(), again.archive().health().measures());
            assertEquals(2000 + first.measures(), again.rebuild(again.readCorpus()).measures(), "the next rebuild completes");
        }
    }

    @Test
    void aPlanFileWhoseLinkBreaksKeepsItsLastGoodVersionOnline() throws Exception {
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, dir.resolve("corpus"));
        try (Nendo nendo = Nendo.open(config())) {
            nendo.ensureIndex();
        }
        // The file is moved elsewhere and a link left in its place points at where it was.
        Path mitaka = dir.resolve("corpus/mitaka/2019.md");
        Files.delete(mitaka);
        Files.createSymbolicLink(mitaka, dir.resolve("moved-away/2019.md"));
        try (Nendo nendo = Nendo.open(config())) {
            IndexState state = nendo.ensureIndex();
            assertEquals("mitaka/2019.md: リンク先のファイルがありません (broken link)", state.invalidFiles().get(0).toString());
            assertEquals(java.util.List.of("mitaka/2019.md"), state.keptFiles());
            assertEquals(1, nendo.archive().search(SearchRequest.of("ゆりかごプラス")).total());
        }
    }

    private Set<String> indexFiles() throws IOException {
        try (var files = Files.list(dir.resolve("index"))) {
            return files.map(f -> f.getFileName().toString()).filter(f -> !f.equals("write.lock"))
                    .collect(Collectors.toSet());
        }
    }
}
