package nendo.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nendo.analysis.AnalyzerFactory;
import nendo.analysis.Synonyms;
import nendo.index.ArchiveIndex;
import nendo.index.IndexState;
import nendo.index.PlanFields;
import nendo.model.ClientError;
import nendo.model.Department;
import nendo.model.FiscalYear;
import nendo.model.Measure;
import nendo.model.PlanDocument;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * What the archive can answer, read from the index only (never from the corpus files, so that all
 * answers come from one consistent commit): search, documents, measures, years, departments.
 */
public final class PlanArchive {
    private final ArchiveIndex index;
    private final ObjectMapper json;
    private final PlanSearcher searcher;
    private final ThemeComparison themes;
    private final GroupCounter groups;
    private final RelatedMeasures relatedMeasures;
    private final YearDiff yearDiff;
    private final DistinctiveTerms distinctiveTerms = new DistinctiveTerms();
    private final ArchiveWords words;
    /** Documents of the commit searched; reloaded when a new commit is opened. */
    private final CommitMemo<Map<String, PlanDocument>> catalog = new CommitMemo<>();
    /** Counts of JSON Lines records of the commit searched ({@link #records}). */
    private final CommitMemo<List<Map.Entry<GroupCounter.Key, Long>>> tally = new CommitMemo<>();

    public PlanArchive(ArchiveIndex index, AnalyzerFactory analysis, Synonyms synonyms, ObjectMapper json) {
        this.index = index;
        this.json = json;
        this.words = new ArchiveWords(analysis.vocabulary());
        UnderstoodQuery.Parser parser = new UnderstoodQuery.Parser(PlanFields.queryAnalyzer(analysis), synonyms);
        // Segments' department and organization names, read once and shared by every count.
        OrdinalNames names = new OrdinalNames();
        // The commit's organization and department names, for names typed among the words.
        QueryNames queryNames = new QueryNames();
        this.searcher = new PlanSearcher(parser, PlanFields.markAnalyzer(analysis), analysis.bigramCharacters(), names,
                queryNames);
        this.groups = new GroupCounter(names);
        this.themes = new ThemeComparison(parser, groups, queryNames);
        MeasureSimilarity similarity = new MeasureSimilarity(PlanFields.queryAnalyzer(analysis));
        this.relatedMeasures = new RelatedMeasures(similarity);
        this.yearDiff = new YearDiff(similarity, new WordingChanges(analysis.surfaceWords()));
    }

    /** Loads the analyzers' dictionaries ahead of the first search (called beside opening the index). */
    public void warmUp() throws IOException {
        searcher.warmUp();
    }

    public SearchResponse search(SearchRequest request) throws IOException {
        return index.withSearcher(s -> {
            SearchResponse response = searcher.search(s, request, documents(s));
            // Other words are offered for words that find nothing anywhere. When only the filters
            // exclude the hits, the facets (each counted without its own filter) say where they are.
            if (response.total() > 0 || request.q().isBlank() || response.facets().found()) return response;
            return response.withAlternatives(words.alternatives(s, documents(s), request.q(), 5,
                    word -> searcher.findsAnything(s, word)));
        });
    }

    /**
     * Every hit of a search (up to {@link SearchRequest#MAX_WINDOW}) in one response, for export:
     * the page and size of the request are ignored.
     */
    public SearchResponse searchAll(SearchRequest request) throws IOException {
        SearchRequest all = new SearchRequest(request.q(), request.years(), request.yearFrom(), request.yearTo(),
                request.departments(), request.orgs(), request.kinds(), 1, SearchRequest.MAX_WINDOW, request.sort());
        return index.withSearcher(s -> searcher.search(s, all, documents(s)));
    }

    /** Matching measures per year × department for a theme, with each year's number of measures. */
    public ThemeComparison.Comparison compare(ThemeComparison.Request request) throws IOException {
        return index.withSearcher(s -> themes.compare(s, request, documents(s).values()));
    }

    /** The measures of other years most like this one, the same organization's first. */
    public RelatedMeasures.Related related(String id, int limit) throws IOException {
        return index.withSearcher(s -> relatedMeasures.related(s, measure(s, id), limit, documents(s)));
    }

    /**
     * Continued, ended and new measures per department between two years of one organization, from
     * its plans and its JSON Lines records.
     */
    public YearDiff.Result diff(String org, Integer from, Integer to, String dept) throws IOException {
        if (org == null || from == null || to == null) {
            throw ClientError.badRequest("org, from, to を指定してください（例: org=架空市&from=2019&to=2020）");
        }
        return index.withSearcher(s -> {
            Map<String, PlanDocument> plans = documents(s);
            return yearDiff.diff(s.getIndexReader(), plans.values(), new RecordDepartments(s, plans.keySet()), org, from, to, dept);
        });
    }

    /** Terms that set a year or a department apart, by log-likelihood. */
    public DistinctiveTerms.Result terms(DistinctiveTerms.Request request) throws IOException {
        return index.withSearcher(s -> distinctiveTerms.terms(s, request));
    }

    /** Completions of a prefix typed in kanji, hiragana or katakana. */
    public ArchiveViews.SuggestList suggest(String prefix) throws IOException {
        return index.withSearcher(s -> new ArchiveViews.SuggestList(prefix, words.suggester(s, documents(s)).complete(prefix)));
    }

    /** The plan documents and, by organization, the measures read from JSON Lines records. */
    public ArchiveViews.DocumentList documents() throws IOException {
        return index.withSearcher(s -> {
            List<ArchiveViews.DocumentSummary> list = new ArrayList<>();
            for (PlanDocument d : documents(s).values()) {
                list.add(new ArchiveViews.DocumentSummary(d.id(), d.organization(), d.fiscalYear(), d.era(), d.series(),
                        d.title(), d.source(), d.sample(), d.departments().size(), d.measureCount()));
            }
            Set<String> planOrgs = new HashSet<>();
            for (ArchiveViews.DocumentSummary d : list) planOrgs.add(d.org());
            return new ArchiveViews.DocumentList(list, RecordCollections.of(records(s), planOrgs));
        });
    }

    public PlanDocument plan(String id) throws IOException {
        PlanDocument d = index.withSearcher(this::documents).get(id);
        if (d == null) throw ClientError.notFound("文書 '" + id + "' はありません（unknown document id）");
        return d;
    }

    public ArchiveViews.DocumentView document(String id) throws IOException {
        PlanDocument d = plan(id);
        List<ArchiveViews.DepartmentView> departments = new ArrayList<>();
        for (Department dept : d.departments()) {
            List<ArchiveViews.MeasureRef> measures = dept.measures().stream()
                    .map(m -> new ArchiveViews.MeasureRef(m.id(), m.text())).toList();
            departments.add(new ArchiveViews.DepartmentView(dept.name(), dept.canonical(), dept.mission(), dept.staff(),
                    dept.budget(), measures));
        }
        return new ArchiveViews.DocumentView(d.id(), d.organization(), d.fiscalYear(), d.era(), d.series(),
                d.seriesCanonical(), d.title(),
                d.source(), d.sample(), d.intro(), d.contact(), departments);
    }

    public ArchiveViews.MeasureView measure(String id) throws IOException {
        return index.withSearcher(s -> measure(s, id));
    }

    private ArchiveViews.MeasureView measure(IndexSearcher s, String id) throws IOException {
        TopDocs top = s.search(new TermQuery(new Term(PlanFields.ID, id)), 1);
        if (top.scoreDocs.length == 0) {
            throw ClientError.notFound("事業 '" + id + "' はありません（unknown measure id）");
        }
        var doc = s.storedFields().document(top.scoreDocs[0].doc);
        if (PlanFields.KIND_DOCUMENT.equals(doc.get(PlanFields.KIND))) {
            throw ClientError.notFound("'" + id + "' は文書の id です。/api/documents/" + id + " を使ってください");
        }
        int year = doc.getField(PlanFields.YEAR).numericValue().intValue();
        PlanDocument plan = documents(s).get(doc.get(PlanFields.DOCUMENT_ID));
        return new ArchiveViews.MeasureView(id, doc.get(PlanFields.ORG), year, new FiscalYear(year).era(),
                doc.get(PlanFields.DEPARTMENT), doc.get(PlanFields.DEPARTMENT_CANONICAL), doc.get(PlanFields.KIND),
                doc.get(PlanFields.TEXT),
                // A JSON Lines record has no plan document around it.
                plan == null ? null : plan.id(), plan == null ? null : plan.title(), plan != null && plan.sample(),
                plan == null ? 0 : positionOf(plan, id));
    }

    public ArchiveViews.YearList years() throws IOException {
        Map<Integer, int[]> counts = new TreeMap<>(Comparator.reverseOrder());
        for (PlanDocument d : index.withSearcher(this::documents).values()) {
            int[] c = counts.computeIfAbsent(d.fiscalYear(), y -> new int[2]);
            c[0]++;
            c[1] += d.measureCount();
        }
        for (Map.Entry<GroupCounter.Key, Long> r : index.withSearcher(this::records)) {
            counts.computeIfAbsent(r.getKey().year(), y -> new int[2])[1] += r.getValue().intValue();
        }
        List<ArchiveViews.YearCount> years = new ArrayList<>();
        counts.forEach((y, c) -> years.add(new ArchiveViews.YearCount(y, new FiscalYear(y).era(), c[0], c[1])));
        return new ArchiveViews.YearList(years);
    }

    /**
     * Departments under their canonical names with their number of measures, in the order the
     * documents list them, each with the names it was printed under and in which years.
     */
    public ArchiveViews.DepartmentList departments(Integer year, String org) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Map<String, int[]>> names = new LinkedHashMap<>();
        // An organization the archive does not hold is a mistake to report, as other views do.
        boolean orgKnown = org == null;
        for (PlanDocument d : index.withSearcher(this::documents).values()) {
            if (org != null && !d.organization().equals(org)) continue;
            orgKnown = true;
            if (year != null && d.fiscalYear() != year) continue;
            for (Department dept : d.departments()) {
                counts.merge(dept.canonical(), (long) dept.measures().size(), Long::sum);
                int[] span = names.computeIfAbsent(dept.canonical(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(dept.name(), k -> new int[] {d.fiscalYear(), d.fiscalYear()});
                span[0] = Math.min(span[0], d.fiscalYear());
                span[1] = Math.max(span[1], d.fiscalYear());
            }
        }
        for (Map.Entry<GroupCounter.Key, Long> e : index.withSearcher(this::records)) {
            GroupCounter.Key r = e.getKey();
            if (org != null && !r.org().equals(org)) continue;
            orgKnown = true;
            if (year != null && r.year() != year) continue;
            counts.merge(r.department(), e.getValue(), Long::sum);
            int[] span = names.computeIfAbsent(r.department(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.printed(), k -> new int[] {r.year(), r.year()});
            span[0] = Math.min(span[0], r.year());
            span[1] = Math.max(span[1], r.year());
        }
        if (!orgKnown) throw ClientError.notFound("団体「" + org + "」の文書はありません");
        List<ArchiveViews.DepartmentCount> list = new ArrayList<>();
        counts.forEach((k, v) -> list.add(new ArchiveViews.DepartmentCount(k, v, names.get(k).entrySet().stream()
                .map(e -> new ArchiveViews.NameUse(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingInt(ArchiveViews.NameUse::fromYear)).toList())));
        return new ArchiveViews.DepartmentList(list);
    }

    /** Staff and budget per department and year for one organization (optionally one department). */
    public DepartmentFigures.Figures figures(String org, String dept) throws IOException {
        return DepartmentFigures.of(index.withSearcher(this::documents).values(), org, dept);
    }

    public ArchiveViews.Health health() throws IOException {
        IndexState s = index.state().orElseThrow(() -> new IllegalStateException("no index"));
        return new ArchiveViews.Health("ok", s.documents(), s.measures(), s.missions(), s.invalidFiles(), s.keptFiles(),
                s.builtAt(), s.analysis(), index.rebuilding());
    }

    private static int positionOf(PlanDocument plan, String measureId) {
        int n = 0;
        for (Department dept : plan.departments()) {
            for (Measure m : dept.measures()) {
                n++;
                if (m.id().equals(measureId)) return n;
            }
        }
        return 0;
    }

    /** All plan documents of this searcher's commit, ordered by organization then year. */
    private Map<String, PlanDocument> documents(IndexSearcher s) throws IOException {
        return catalog.get(s.getIndexReader(), () -> catalog(s));
    }

    /**
     * Measures of JSON Lines records per organization, department and year, in a stable order.
     * Records have no plan document, so the lists read from the documents would not know them.
     * A pass over the index, so made on demand and kept for the reader.
     */
    private List<Map.Entry<GroupCounter.Key, Long>> records(IndexSearcher s) throws IOException {
        return tally.get(s.getIndexReader(), () -> tally(s));
    }

    private List<Map.Entry<GroupCounter.Key, Long>> tally(IndexSearcher s) throws IOException {
        Query records = RecordCollections.query(documents(s).keySet());
        List<Map.Entry<GroupCounter.Key, Long>> rows = new ArrayList<>(groups.count(s, records).entrySet());
        rows.sort(Comparator.comparing((Map.Entry<GroupCounter.Key, Long> e) -> e.getKey().org())
                .thenComparingInt(e -> e.getKey().year())
                .thenComparing(e -> e.getKey().department())
                .thenComparing(e -> e.getKey().printed()));
        return List.copyOf(rows);
    }

    private Map<String, PlanDocument> catalog(IndexSearcher s) throws IOException {
        Query kindDocument = KeywordField.newExactQuery(PlanFields.KIND, PlanFields.KIND_DOCUMENT);
        // Sized by the count: a collector for "all" would allocate a queue as large as the index.
        TopDocs top = s.search(kindDocument, Math.max(1, s.count(kindDocument)));
        List<PlanDocument> docs = new ArrayList<>();
        for (ScoreDoc sd : top.scoreDocs) {
            docs.add(json.readValue(s.storedFields().document(sd.doc).get(PlanFields.DOCUMENT_JSON), PlanDocument.class));
        }
        docs.sort(Comparator.comparing(PlanDocument::organization).thenComparingInt(PlanDocument::fiscalYear));
        Map<String, PlanDocument> map = new LinkedHashMap<>();
        docs.forEach(d -> map.put(d.id(), d));
        return map;
    }
}
