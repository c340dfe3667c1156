package nendo.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import nendo.cli.Nendo;
import nendo.config.AppConfig;
import nendo.search.SearchRequest;
import nendo.search.SearchResponse;
import nendo.testing.TestArchive;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An update in place ends with the index a full build of the same corpus writes: the same entries,
 * counts, invalid files and lines, and answers. Random rounds of edits (files added, grown, edited,
 * removed; duplicate ids across files and with plan entries; bad lines; plan edits) are applied to
 * one corpus; after each, the updated index is compared with a full build over a copy of the index
 * it started from (which records keep their ids depends on what that index already published).
 */
class IndexUpdateTest {
    private static final String[] DEPARTMENTS = {"総務部", "市民部", "健康福祉部", "都市整備部", "教育部"};
    private static final String[] PHRASES = {
        "地域防災力の強化を図ります。", "子育て世帯の負担を軽減します。", "避難所運営マニュアルを見直します。",
        "電子申請システムを導入します。", "公園施設の長寿命化を進めます。", "ぼうさい訓練を支援します。",
        "ライフ・ワーク・バランスを推進します。", "ＤＸの推進体制を整えます。",
    };
    /** Record files an edit may create; their names sort around the big first file and each other. */
    private static final String[] NAMES = {"records/b.jsonl", "records/d.jsonl", "records/k.jsonl", "records/z.jsonl",
        "other/m.jsonl", "records/d.jsonl", "records/k.jsonl", "0-first.jsonl"};
    private static final String BIG = "a-base/base.jsonl";
    /** Plan entry ids that a record may collide with. */
    private static final String[] PLAN_IDS = {"mitaka-2019-02-01", "mitaka-2019-03-02"};

    @TempDir
    Path dir;

    /** -Dnendo.update.seed=N repeats a run; -Dnendo.update.rounds=N runs longer (24 by default). */
    private final long seed = Long.getLong("nendo.update.seed", 20261125L);
    private final Random random = new Random(seed);
    private int nextId;
    private long clock = System.currentTimeMillis();

    @Test
    void everyRoundOfEditsEndsWithTheIndexAFullBuildWrites() throws Exception {
        Path corpus = bundledWithRecords(1500);
        AppConfig updated = new AppConfig(corpus, dir.resolve("index"), "127.0.0.1", 0);
        int inPlace = 0;
        int rounds = Integer.getInteger("nendo.update.rounds", 24);
        RecordsRead read = new RecordsRead();
        try (Nendo nendo = Nendo.open(updated, read)) {
            nendo.ensureIndex();
            for (int round = 0; round < rounds; round++) {
                List<String> edits = new ArrayList<>();
                int count = 1 + random.nextInt(3);
                for (int e = 0; e < count; e++) edits.add(edit(corpus));
                read.records = 0;
                // The full build to compare with starts from the same published index: which
                // records keep their ids depends on the files that index already holds.
                AppConfig full = new AppConfig(corpus, dir.resolve("full-" + round), "127.0.0.1", 0);
                copyIndex(updated.indexDir(), full.indexDir());
                ArchiveIndex.Refresh refresh = nendo.update(nendo.readCorpus());
                String context = "seed " + seed + " round " + round + " " + edits + " in place=" + refresh.inPlace();
                long lines = 0;
                for (String file : refresh.readRecordFiles()) lines += Files.readAllLines(corpus.resolve(file)).size();
                assertTrue(read.records <= lines, "only the files listed as read are read: " + context);
                if (refresh.inPlace()) {
                    inPlace++;
                    assertTrue(read.records < refresh.state().measures(), "the kept files are not read: " + context);
                }
                try (Nendo fresh = Nendo.open(full)) {
                    IndexState expected = fresh.rebuild(fresh.readCorpus());
                    IndexState actual = refresh.state();
                    assertEquals(expected.documents(), actual.documents(), context);
                    assertEquals(expected.measures(), actual.measures(), context);
                    assertEquals(expected.missions(), actual.missions(), context);
                    assertEquals(expected.invalidFiles(), actual.invalidFiles(), context);
                    assertEquals(expected.keptFiles(), actual.keptFiles(), context);
                    assertEquals(expected.corpusFingerprint(), actual.corpusFingerprint(), context);
                    assertEquals(entries(full.indexDir()), entries(updated.indexDir()), context);
                    for (String q : List.of("防災", "ぼうさい", "子育て", "ＤＸ", "追加事業")) {
                        assertSameAnswer(fresh.archive().search(SearchRequest.of(q)),
                                nendo.archive().search(SearchRequest.of(q)), context + " q=" + q);
                    }
                }
            }
        }
        assertTrue(inPlace >= rounds / 2, "most rounds update in place: " + inPlace + " of " + rounds);
        assertTrue(inPlace < rounds, "some rounds change most records and build in full");
    }

    /** A refused duplicate is read again once its earlier use is gone, though its own file is unchanged. */
    @Test
    void aRefusedDuplicateIsIndexedOnceItsEarlierUseIsGone() throws Exception {
        Path corpus = bundledWithRecords(300);
        write(corpus.resolve("records/b.jsonl"), List.of(record("held", "先に読まれる追加事業。")));
        write(corpus.resolve("records/d.jsonl"), List.of(record("held", "後から読まれる重複の追加事業。"),
                record("mitaka-2019-08-04", "計画の次の事業と同じ id の追加事業。")));
        Path plan = corpus.resolve("mitaka/2019.md");
        String original = Files.readString(plan);
        Files.writeString(plan, original + "- 計画に足した追加事業を推進します。\n");
        AppConfig config = new AppConfig(corpus, dir.resolve("index"), "127.0.0.1", 0);
        try (Nendo nendo = Nendo.open(config)) {
            IndexState first = nendo.ensureIndex();
            assertEquals(List.of("records/d.jsonl:1", "records/d.jsonl:2"),
                    first.invalidFiles().stream().map(p -> p.file() + ":" + p.line()).toList(), first.invalidFiles().toString());
            assertTrue(first.invalidFiles().get(0).message().contains("records/b.jsonl の 1 行目で"), first.invalidFiles().toString());

            // The file that held the id goes: d.jsonl, unchanged, is read again and its record indexed.
            Files.delete(corpus.resolve("records/b.jsonl"));
            ArchiveIndex.Refresh refresh = nendo.update(nendo.readCorpus());
            assertTrue(refresh.inPlace());
            assertEquals(List.of("records/d.jsonl"), refresh.readRecordFiles());
            assertEquals(List.of("records/d.jsonl:2"),
                    refresh.state().invalidFiles().stream().map(p -> p.file() + ":" + p.line()).toList());
            assertEquals(1, nendo.archive().search(SearchRequest.of("後から読まれる重複")).total());

            // The plan measure that held the other id goes: the same again.
            Files.writeString(plan, original);
            refresh = nendo.update(nendo.readCorpus());
            assertTrue(refresh.inPlace());
            assertEquals(List.of("records/d.jsonl"), refresh.readRecordFiles());
            assertEquals(List.of(), refresh.state().invalidFiles());
            assertEquals(1, nendo.archive().search(SearchRequest.of("計画の次の事業と同じ")).total());

            // Nothing changed: nothing is read, and a kept file's problems would be kept as they were.
            assertEquals(List.of(), nendo.update(nendo.readCorpus()).readRecordFiles());
        }
    }

    @Test
    void anIndexWithoutRecordedStampsIsRebuiltInFullThenUpdatedInPlace() throws Exception {
        Path corpus = bundledWithRecords(300);
        AppConfig config = new AppConfig(corpus, dir.resolve("index"), "127.0.0.1", 0);
        try (Nendo nendo = Nendo.open(config)) {
            nendo.ensureIndex();
        }
        // As an index written before record files were stamped: the same state, no stamps.
        try (FSDirectory directory = FSDirectory.open(config.indexDir());
             org.apache.lucene.index.IndexWriter writer = new org.apache.lucene.index.IndexWriter(directory,
                     new org.apache.lucene.index.IndexWriterConfig().setOpenMode(
                             org.apache.lucene.index.IndexWriterConfig.OpenMode.APPEND).setCodec(new ArchiveCodec()))) {
            var data = new java.util.HashMap<String, String>();
            writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
            data.remove("recordFiles");
            data.remove("aliases");
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
        }
        write(corpus.resolve("records/d.jsonl"), lines(10));
        try (Nendo nendo = Nendo.open(config)) {
            assertFalse(nendo.update(nendo.readCorpus()).inPlace(), "no stamps: nothing can be trusted as kept");
            write(corpus.resolve("records/k.jsonl"), lines(10));
            ArchiveIndex.Refresh refresh = nendo.update(nendo.readCorpus());
            assertTrue(refresh.inPlace());
            assertEquals(List.of(BIG, "records/d.jsonl"), refresh.unchangedRecordFiles());
            assertEquals(List.of("records/k.jsonl"), refresh.readRecordFiles());
            assertEquals(7 + 0, refresh.state().documents());
        }
    }

    /** The bundled corpus plus the big record file (most of the record bytes) of this many records. */
    private Path bundledWithRecords(int records) throws IOException {
        Path corpus = dir.resolve("corpus");
        TestArchive.copyTree(TestArchive.BUNDLED_CORPUS, corpus);
        write(corpus.resolve(BIG), lines(records));
        return corpus;
    }

    /** Counts the records a build reads, as the progress bar hears them. */
    private static final class RecordsRead implements IndexProgress {
        long records;

        @Override
        public void started(long totalBytes) {}

        @Override
        public void advanced(long bytesRead, long records) {}

        @Override
        public void finished(long records) {
            this.records = records;
        }
    }

    /** One random edit of the corpus; returns what it did, for the failure message. */
    private String edit(Path corpus) throws IOException {
        List<Path> records = recordFiles(corpus);
        int kind = random.nextInt(11);
        Path target = corpus.resolve(NAMES[random.nextInt(NAMES.length)]);
        switch (kind) {
            case 0, 1 -> {
                List<String> lines = new ArrayList<>(Files.exists(target) ? Files.readAllLines(target) : List.of());
                lines.addAll(lines(1 + random.nextInt(40)));
                write(target, lines);
                return "grow " + corpus.relativize(target);
            }
            case 2 -> {
                if (!Files.exists(target)) return "nothing";
                Files.delete(target);
                return "remove " + corpus.relativize(target);
            }
            case 3 -> {
                // A record whose id another file (or the same) already uses.
                Path other = records.get(random.nextInt(records.size()));
                List<String> lines = Files.readAllLines(other);
                String line = lines.get(random.nextInt(lines.size()));
                if (!line.startsWith("{\"id\"")) return "nothing";
                String id = line.substring(7, line.indexOf('"', 7));
                List<String> into = new ArrayList<>(Files.exists(target) ? Files.readAllLines(target) : List.of());
                into.add(record(id, "重複した追加事業です。"));
                write(target, into);
                return "duplicate " + id + " of " + corpus.relativize(other) + " into " + corpus.relativize(target);
            }
            case 4 -> {
                List<String> into = new ArrayList<>(Files.exists(target) ? Files.readAllLines(target) : List.of());
                into.add(random.nextBoolean() ? "{\"id\": \"broken\", " : record(PLAN_IDS[random.nextInt(PLAN_IDS.length)], "計画の事業と同じ id の追加事業。"));
                write(target, into);
                return "bad line into " + corpus.relativize(target);
            }
            case 5 -> {
                // Edit one line of a small file in place: its text, not its id.
                Path small = records.get(random.nextInt(records.size()));
                if (small.endsWith("base.jsonl") && random.nextInt(3) > 0) return "nothing";
                List<String> lines = new ArrayList<>(Files.readAllLines(small));
                int at = random.nextInt(lines.size());
                String line = lines.get(at);
                if (!line.startsWith("{\"id\"")) lines.remove(at);
                else lines.set(at, record(line.substring(7, line.indexOf('"', 7)), "書き換えた追加事業です。"));
                write(small, lines);
                return "edit " + corpus.relativize(small) + ":" + (at + 1);
            }
            case 6 -> {
                Path plan = corpus.resolve("mitaka/2019.md");
                Files.writeString(plan, Files.readString(plan) + "- 計画に足した追加事業" + (nextId++) + "を推進します。\n");
                return "plan edit";
            }
            case 7 -> {
                // A record takes the id the plan's next measure will get: a later plan edit makes
                // the record's file one that a full build reads differently.
                var plan = new nendo.corpus.CorpusReader().read(corpus).documents().stream()
                        .filter(d -> d.id().equals("mitaka-2019")).findFirst().orElseThrow();
                int last = plan.departments().size();
                String id = String.format(java.util.Locale.ROOT, "%s-%02d-%02d", plan.id(), last,
                        plan.departments().get(last - 1).measures().size() + 1);
                List<String> into = new ArrayList<>(Files.exists(target) ? Files.readAllLines(target) : List.of());
                into.add(record(id, "次の事業の id を先に使った追加事業。"));
                write(target, into);
                return "next plan id " + id + " into " + corpus.relativize(target);
            }
            case 8 -> {
                // The plan loses its last added measure: its id is free again for a record.
                Path plan = corpus.resolve("mitaka/2019.md");
                List<String> lines = new ArrayList<>(Files.readAllLines(plan));
                if (!lines.get(lines.size() - 1).contains("追加事業")) return "nothing";
                lines.remove(lines.size() - 1);
                Files.write(plan, lines, StandardCharsets.UTF_8);
                return "plan measure removed";
            }
            default -> {
                List<String> lines = new ArrayList<>(Files.exists(target) ? Files.readAllLines(target) : List.of());
                lines.addAll(lines(1 + random.nextInt(5)));
                write(target, lines);
                return "grow " + corpus.relativize(target);
            }
        }
    }

    private static List<Path> recordFiles(Path corpus) throws IOException {
        try (Stream<Path> walk = Files.walk(corpus)) {
            return walk.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
    }

    private List<String> lines(int n) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String text = PHRASES[random.nextInt(PHRASES.length)] + "追加事業" + nextId + "。";
            lines.add(record("u" + (nextId++), text));
        }
        return lines;
    }

    private String record(String id, String text) {
        return "{\"id\":\"" + id + "\", \"year\": " + (2019 + random.nextInt(4)) + ", \"department\": \""
                + DEPARTMENTS[random.nextInt(DEPARTMENTS.length)] + "\", \"text\": \"" + text + "\"}";
    }

    /** Writes the file and moves its modification time on, so that every edit changes its stamp. */
    private void write(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
        clock += 2000;
        Files.setLastModifiedTime(file, FileTime.fromMillis(clock));
    }

    private static void copyIndex(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals("write.lock")) Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    /** Every live entry of the index as a line of its fields, sorted. */
    private static List<String> entries(Path index) throws IOException {
        List<String> entries = new ArrayList<>();
        try (FSDirectory directory = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                NumericDocValues positions = leaf.reader().getNumericDocValues(PlanFields.POSITION);
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) continue;
                    var d = stored.document(doc);
                    long position = positions != null && positions.advanceExact(doc) ? positions.longValue() : -1;
                    entries.add(String.join("|", d.get(PlanFields.ID), d.get(PlanFields.KIND), d.get(PlanFields.DOCUMENT_ID),
                            d.get(PlanFields.ORG), d.get(PlanFields.YEAR), String.valueOf(d.get(PlanFields.DEPARTMENT)),
                            String.valueOf(d.get(PlanFields.DEPARTMENT_CANONICAL)), String.valueOf(d.get(PlanFields.TEXT)),
                            String.valueOf(d.get(PlanFields.DOCUMENT_JSON)), Long.toString(position)));
                }
            }
        }
        entries.sort(null);
        return entries;
    }

    private static void assertSameAnswer(SearchResponse expected, SearchResponse actual, String context) {
        assertEquals(expected.total(), actual.total(), context);
        assertEquals(expected.facets(), actual.facets(), context);
        // The order of a full page may differ: deleted entries count in term statistics until merged.
        if (expected.total() <= expected.size()) assertEquals(ids(expected), ids(actual), context);
    }

    private static Set<String> ids(SearchResponse response) {
        Set<String> ids = new HashSet<>();
        response.hits().forEach(h -> ids.add(h.id()));
        return ids;
    }
}
