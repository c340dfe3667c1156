package nendo.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nendo.corpus.CorpusSnapshot;
import nendo.corpus.RecordFile;
import nendo.corpus.RecordLines;
import nendo.model.CorpusProblem;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an update in place of the last commit changes, so that it ends with the index a full build
 * of the same corpus would write, without reading again what that build would read the same.
 *
 * <p>Plan files are few and small, and their checks span every file (one id per entry, one document
 * per edition), so an update rewrites all of them. Record files hold the million entries: a file
 * indexed as it is now is kept, and the others are read, in corpus order, against the ids of the
 * kept ones. A kept file must also still read the same: one holding an id a plan now uses is read
 * again, and so is one with refused duplicates once an earlier use may be gone. A duplicate is
 * refused at its later line in corpus order; a record read now whose id a <em>later</em> kept file
 * holds would displace that file's record, which only a full build does
 * ({@link RecordLines.LaterFileHoldsId}).
 */
final class IndexUpdate {
    private static final Logger LOG = LoggerFactory.getLogger(IndexUpdate.class);
    /**
     * Above this share of the record bytes, reading again costs about what a full build costs, and
     * the full build leaves no deleted entries behind in the segments.
     */
    private static final double MAX_READ_AGAIN_SHARE = 0.5;

    /**
     * @param unchanged record files kept as indexed, in corpus order
     * @param readAgain record files to read, in corpus order
     * @param deleted document ids ({@link PlanFields#DOCUMENT_ID}) whose entries go: every plan and
     *     every record file indexed but not kept
     * @param deletedMeasures measures among the deleted entries
     * @param deletedMissions missions among the deleted entries
     */
    record Plan(List<RecordFile> unchanged, List<RecordFile> readAgain, Set<String> deleted, int deletedMeasures,
                int deletedMissions) {}

    private IndexUpdate() {}

    /**
     * The update that brings {@code last} to {@code corpus}, or empty when only a full build can
     * (no recorded stamps, another aliases file, or most of the records to read again); says why in the log.
     *
     * @param planEntryIds ids of the entries of every plan document the update writes
     */
    static Optional<Plan> of(IndexReader last, Optional<IndexedRecordFiles> indexed, CorpusSnapshot corpus,
                             List<CorpusProblem> problems, Set<String> planEntryIds) throws IOException {
        if (indexed.isEmpty()) {
            LOG.info("索引に記録ファイルの版がないため、全体を作り直します (no record file stamps in the index: full build)");
            return Optional.empty();
        }
        if (!indexed.get().aliases().equals(corpus.aliasesStamp())) {
            LOG.info("{} が変わったため、全体を作り直します (aliases changed: full build)", nendo.corpus.Aliases.FILE_NAME);
            return Optional.empty();
        }
        List<RecordFile> files = corpus.recordFiles();
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < files.size(); i++) order.put(files.get(i).relative(), i);
        Set<String> plans = planIds(last);
        for (String plan : plans) {
            // A plan's entries are deleted by its id: it must never be a record file's name.
            if (order.containsKey(plan) || indexed.get().stamps().containsKey(plan)) {
                LOG.info("文書 id {} が記録ファイルの名前と同じため、全体を作り直します (plan id names a record file: full build)", plan);
                return Optional.empty();
            }
        }

        Set<String> toRead = new HashSet<>();
        for (Map.Entry<String, String> held : holders(last, planEntryIds).entrySet()) {
            if (order.containsKey(held.getValue())) toRead.add(held.getValue());
        }
        toRead.addAll(unsettled(last, problems, planEntryIds, planEntryIds(last, plans), f -> order.containsKey(f)
                && indexed.get().holds(files.get(order.get(f))), toRead));
        List<RecordFile> unchanged = new ArrayList<>();
        List<RecordFile> readAgain = new ArrayList<>();
        for (RecordFile file : files) {
            boolean read = !indexed.get().holds(file) || toRead.contains(file.relative());
            (read ? readAgain : unchanged).add(file);
        }
        long all = files.stream().mapToLong(RecordFile::bytes).sum();
        long again = readAgain.stream().mapToLong(RecordFile::bytes).sum();
        if (again > all * MAX_READ_AGAIN_SHARE) {
            LOG.info("記録の {}% を読み直すため、全体を作り直します (most records to read again: full build)",
                    Math.round(again * 100.0 / all));
            return Optional.empty();
        }

        Set<String> deleted = new HashSet<>(plans);
        deleted.addAll(indexed.get().stamps().keySet());
        unchanged.forEach(f -> deleted.remove(f.relative()));
        IndexSearcher searcher = new IndexSearcher(last);
        return Optional.of(new Plan(List.copyOf(unchanged), List.copyOf(readAgain), deleted,
                count(searcher, deleted, PlanFields.KIND_MEASURE), count(searcher, deleted, PlanFields.KIND_MISSION)));
    }

    /**
     * The files whose refused lines may read differently now, though the files did not change. A
     * line's own faults stay. A refused duplicate stays as it was while its earlier use stays: a plan
     * entry then and now, or a record of a file that is kept as it is (the test is repeated until no
     * more files join, since a file read again may settle its ids differently).
     */
    private static Set<String> unsettled(IndexReader last, List<CorpusProblem> problems, Set<String> planIds,
                                         Set<String> oldPlanIds, java.util.function.Predicate<String> unchangedFile,
                                         Set<String> readAnyway) throws IOException {
        Set<String> unsettled = new HashSet<>();
        Map<String, List<String>> refusedIds = new HashMap<>();   // refused id → files that refused it
        for (CorpusProblem p : problems) {
            if (RecordLines.isUnlisted(p)) unsettled.add(p.file());
            Optional<String> id = RecordLines.duplicateId(p);
            if (id.isEmpty()) continue;
            boolean planNow = planIds.contains(id.get());
            boolean planThen = oldPlanIds.contains(id.get());
            if (planNow != planThen) unsettled.add(p.file());
            if (!planNow && !planThen) refusedIds.computeIfAbsent(id.get(), k -> new ArrayList<>()).add(p.file());
        }
        record Refusal(String file, String holder) {}
        List<Refusal> refusals = new ArrayList<>();
        Map<String, String> holders = holders(last, refusedIds.keySet());
        refusedIds.forEach((id, files) -> files.forEach(file -> {
            if (holders.containsKey(id)) refusals.add(new Refusal(file, holders.get(id)));
            else unsettled.add(file);
        }));
        boolean grown = true;
        while (grown) {
            grown = false;
            for (Refusal r : refusals) {
                boolean holderStays = unchangedFile.test(r.holder()) && !unsettled.contains(r.holder())
                        && !readAnyway.contains(r.holder());
                if (!holderStays && unsettled.add(r.file())) grown = true;
            }
        }
        return unsettled;
    }

    /** Takes the ids of the kept files' records, with their files and lines, for the records read again. */
    static void takeUnchangedIds(IndexReader last, List<RecordFile> unchanged, RecordLines reading) throws IOException {
        if (unchanged.isEmpty()) return;
        for (LeafReaderContext leaf : last.leaves()) {
            LeafReader reader = leaf.reader();
            Bits live = reader.getLiveDocs();
            int[] fileOf = null;
            for (int f = 0; f < unchanged.size(); f++) {
                PostingsEnum docs = reader.postings(new Term(PlanFields.DOCUMENT_ID, unchanged.get(f).relative()));
                if (docs == null) continue;
                if (fileOf == null) {
                    fileOf = new int[reader.maxDoc()];
                    java.util.Arrays.fill(fileOf, -1);
                }
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if (live == null || live.get(doc)) fileOf[doc] = f;
                }
            }
            if (fileOf == null) continue;
            // A record's position is its line (EntryDocuments); read in doc order, as doc values go.
            long[] lineOf = new long[reader.maxDoc()];
            NumericDocValues positions = reader.getNumericDocValues(PlanFields.POSITION);
            for (int doc = 0; doc < fileOf.length && positions != null; doc++) {
                if (fileOf[doc] >= 0 && positions.advanceExact(doc)) lineOf[doc] = positions.longValue();
            }
            Terms ids = reader.terms(PlanFields.ID);
            if (ids == null) continue;
            TermsEnum terms = ids.iterator();
            PostingsEnum docs = null;
            for (BytesRef id = terms.next(); id != null; id = terms.next()) {
                docs = terms.postings(docs, PostingsEnum.NONE);
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if (fileOf[doc] >= 0) reading.taken(id.utf8ToString(), unchanged.get(fileOf[doc]).relative(), lineOf[doc]);
                }
            }
        }
    }

    /** The plan documents in the index, by id (their entries' document id). */
    private static Set<String> planIds(IndexReader last) throws IOException {
        Set<String> ids = new HashSet<>();
        for (LeafReaderContext leaf : last.leaves()) {
            LeafReader reader = leaf.reader();
            PostingsEnum docs = reader.postings(new Term(PlanFields.KIND, PlanFields.KIND_DOCUMENT));
            if (docs == null) continue;
            Bits live = reader.getLiveDocs();
            var stored = reader.storedFields();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live == null || live.get(doc)) ids.add(stored.document(doc, Set.of(PlanFields.ID)).get(PlanFields.ID));
            }
        }
        return ids;
    }

    /** The ids of the entries of the given plan documents in the index. */
    private static Set<String> planEntryIds(IndexReader last, Set<String> plans) throws IOException {
        Set<String> ids = new HashSet<>();
        for (LeafReaderContext leaf : last.leaves()) {
            LeafReader reader = leaf.reader();
            Bits live = reader.getLiveDocs();
            var stored = reader.storedFields();
            for (String plan : plans) {
                PostingsEnum docs = reader.postings(new Term(PlanFields.DOCUMENT_ID, plan));
                if (docs == null) continue;
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if (live == null || live.get(doc)) ids.add(stored.document(doc, Set.of(PlanFields.ID)).get(PlanFields.ID));
                }
            }
        }
        return ids;
    }

    /** For each id, the document id (plan id or record file) of the live entry that holds it. */
    private static Map<String, String> holders(IndexReader last, Collection<String> ids) throws IOException {
        Map<String, String> holders = new HashMap<>();
        for (LeafReaderContext leaf : last.leaves()) {
            LeafReader reader = leaf.reader();
            Bits live = reader.getLiveDocs();
            var stored = reader.storedFields();
            PostingsEnum docs = null;
            Terms terms = reader.terms(PlanFields.ID);
            if (terms == null) continue;
            TermsEnum te = terms.iterator();
            for (String id : ids) {
                if (!te.seekExact(new BytesRef(id))) continue;
                docs = te.postings(docs, PostingsEnum.NONE);
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if (live != null && !live.get(doc)) continue;
                    holders.put(id, stored.document(doc, Set.of(PlanFields.DOCUMENT_ID)).get(PlanFields.DOCUMENT_ID));
                }
            }
        }
        return holders;
    }

    private static int count(IndexSearcher searcher, Set<String> documentIds, String kind) throws IOException {
        if (documentIds.isEmpty()) return 0;
        Query query = new BooleanQuery.Builder()
                .add(KeywordField.newSetQuery(PlanFields.DOCUMENT_ID, new ArrayList<>(toBytes(documentIds))), Occur.FILTER)
                .add(KeywordField.newExactQuery(PlanFields.KIND, kind), Occur.FILTER)
                .build();
        return searcher.count(query);
    }

    private static List<BytesRef> toBytes(Set<String> values) {
        List<BytesRef> bytes = new ArrayList<>();
        values.forEach(v -> bytes.add(new BytesRef(v)));
        return bytes;
    }
}
