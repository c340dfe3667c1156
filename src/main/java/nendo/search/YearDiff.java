package nendo.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nendo.model.ClientError;
import nendo.model.Department;
import nendo.model.FiscalYear;
import nendo.model.Measure;
import nendo.model.PlanDocument;
import org.apache.lucene.index.IndexReader;

/**
 * One year against another, department by department: which measures continued (paired with their
 * new wording), which ended and which are new. Departments are lined up by canonical name, so a
 * rename is one department; a split or merge (aliases.yaml predecessors) is one group whose
 * measures are paired across all its departments.
 */
public final class YearDiff {
    /**
     * Below this two measures share only phrasing, not a subject: on the bundled corpus every pair
     * from 0.2 up was the same measure carried on, while pairs from 0.15 to 0.2 were half unrelated.
     */
    static final double PAIR_MIN = 0.2;

    /**
     * Measures of one year compared at most in one answer. A city's plan lists a few hundred; a
     * year of records can hold thousands, whose pairs (every one against every one) would take
     * seconds and pages, so the user is asked to pick a department.
     */
    static final int PAIR_LIMIT = 1_000;

    public record Result(String org, int from, String fromEra, int to, String toEra, Summary summary,
                         List<DepartmentDiff> departments) {}

    public record Summary(int continued, int ended, @JsonProperty("new") int added) {}

    /** relation: same, renamed, split, merged, reorganized, added (only in {@code to}), removed (only in {@code from}). */
    public record DepartmentDiff(String name, List<String> fromNames, List<String> toNames, String relation,
                                 List<Pair> continued, List<DiffMeasure> ended,
                                 @JsonProperty("new") List<DiffMeasure> added) {}

    public record Pair(DiffMeasure from, DiffMeasure to, double similarity, List<WordingChanges.Segment> changes) {}

    public record DiffMeasure(String id, String department, String text) {}

    private final MeasureSimilarity similarity;
    private final WordingChanges wording;

    YearDiff(MeasureSimilarity similarity, WordingChanges wording) {
        this.similarity = similarity;
        this.wording = wording;
    }

    Result diff(IndexReader reader, Iterable<PlanDocument> documents, RecordDepartments records, String org, int from,
                int to, String dept) throws IOException {
        if (from >= to) throw ClientError.badRequest("from（" + from + "）は to（" + to + "）より前の年度にしてください");
        boolean orgSeen = false;
        for (PlanDocument d : documents) orgSeen |= d.organization().equals(org);
        if (!orgSeen && !records.hasOrganization(org)) {
            throw ClientError.notFound("団体「" + org + "」の計画書も記録もありません");
        }
        List<Department> before = departments(documents, records, org, from);
        List<Department> after = departments(documents, records, org, to);
        List<Group> compared = groups(before, after).stream().filter(g -> dept == null || g.names().contains(dept)).toList();
        checkPairable(compared, org, from, to, dept);
        List<DepartmentDiff> out = new ArrayList<>();
        int continued = 0;
        int ended = 0;
        int added = 0;
        for (Group g : compared) {
            DepartmentDiff d = compare(reader, g);
            out.add(d);
            continued += d.continued().size();
            ended += d.ended().size();
            added += d.added().size();
        }
        if (dept != null && out.isEmpty()) {
            throw ClientError.notFound("部「" + dept + "」は " + from + "年度にも " + to + "年度にもありません");
        }
        return new Result(org, from, new FiscalYear(from).era(), to, new FiscalYear(to).era(),
                new Summary(continued, ended, added), out);
    }

    /**
     * Departments of the organization's plan(s) for the year, in document order, with its JSON Lines
     * records: a record joins the plan's department of its canonical name (as in /api/compare),
     * other records' departments follow in the order the files list them.
     */
    private static List<Department> departments(Iterable<PlanDocument> documents, RecordDepartments records, String org,
                                                int year) throws IOException {
        List<Department> list = new ArrayList<>();
        for (PlanDocument d : documents) {
            if (d.organization().equals(org) && d.fiscalYear() == year) list.addAll(d.departments());
        }
        for (Department fromRecords : records.of(org, year)) {
            int same = -1;
            for (int i = 0; i < list.size() && same < 0; i++) {
                if (list.get(i).canonical().equals(fromRecords.canonical())) same = i;
            }
            if (same < 0) {
                list.add(fromRecords);
            } else {
                Department plan = list.get(same);
                List<Measure> measures = new ArrayList<>(plan.measures());
                measures.addAll(fromRecords.measures());
                list.set(same, new Department(plan.name(), plan.canonical(), plan.predecessors(), plan.mission(),
                        plan.staff(), plan.budget(), measures));
            }
        }
        if (list.isEmpty()) throw ClientError.notFound(org + "の" + new FiscalYear(year).label() + "の計画書・記録はありません");
        return list;
    }

    /**
     * Pairing is every measure of one year against every measure of the other, per department: a
     * bound keeps one answer within seconds and a page, and tells the user how to narrow it.
     */
    private static void checkPairable(List<Group> compared, String org, int from, int to, String dept) {
        int before = 0;
        int after = 0;
        for (Group g : compared) {
            for (Department d : g.before()) before += d.measures().size();
            for (Department d : g.after()) after += d.measures().size();
        }
        int most = Math.max(before, after);
        if (most <= PAIR_LIMIT) return;
        String year = new FiscalYear(before >= after ? from : to).label();
        throw ClientError.badRequest(org + "の" + year + "の事業は" + (dept == null ? " " : "部「" + dept + "」だけでも ")
                + String.format("%,d", most) + " 件あり、一度に比べられるのは " + String.format("%,d", PAIR_LIMIT) + " 件までです"
                + (dept == null ? "。部（dept）を指定してください" : "")
                + "（too many measures to pair in one answer）");
    }

    private record Group(List<Department> before, List<Department> after) {
        Set<String> names() {
            Set<String> names = new HashSet<>();
            for (Department d : before) { names.add(d.name()); names.add(d.canonical()); }
            for (Department d : after) { names.add(d.name()); names.add(d.canonical()); }
            return names;
        }
    }

    /**
     * Departments joined when they share a canonical name or one is the other's predecessor; groups
     * follow the later year's order, then departments that ended.
     */
    private static List<Group> groups(List<Department> before, List<Department> after) {
        int n = before.size() + after.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (int b = 0; b < before.size(); b++) {
            for (int a = 0; a < after.size(); a++) {
                Department old = before.get(b);
                Department now = after.get(a);
                if (old.canonical().equals(now.canonical()) || now.predecessors().contains(old.canonical())) {
                    parent[find(parent, b)] = find(parent, before.size() + a);
                }
            }
        }
        Map<Integer, Group> groups = new LinkedHashMap<>();
        for (int a = 0; a < after.size(); a++) {
            groups.computeIfAbsent(find(parent, before.size() + a), k -> new Group(new ArrayList<>(), new ArrayList<>()))
                    .after().add(after.get(a));
        }
        for (int b = 0; b < before.size(); b++) {
            groups.computeIfAbsent(find(parent, b), k -> new Group(new ArrayList<>(), new ArrayList<>()))
                    .before().add(before.get(b));
        }
        return List.copyOf(groups.values());
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }

    private DepartmentDiff compare(IndexReader reader, Group g) throws IOException {
        List<DiffMeasure> olds = measures(g.before());
        List<DiffMeasure> news = measures(g.after());
        List<MeasureSimilarity.Vector> oldVectors = new ArrayList<>();
        for (DiffMeasure m : olds) oldVectors.add(similarity.vector(reader, m.text()));
        List<MeasureSimilarity.Vector> newVectors = new ArrayList<>();
        for (DiffMeasure m : news) newVectors.add(similarity.vector(reader, m.text()));
        record Candidate(int old, int now, double score) {}
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < olds.size(); i++) {
            for (int j = 0; j < news.size(); j++) {
                double s = MeasureSimilarity.round(MeasureSimilarity.cosine(oldVectors.get(i), newVectors.get(j)));
                if (s >= PAIR_MIN) candidates.add(new Candidate(i, j, s));
            }
        }
        // Greedy on the best pairs first: each measure continues at most once.
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparingInt(Candidate::old).thenComparingInt(Candidate::now));
        Map<Integer, Candidate> pairedOld = new HashMap<>();
        Set<Integer> pairedNew = new HashSet<>();
        for (Candidate c : candidates) {
            if (pairedOld.containsKey(c.old()) || pairedNew.contains(c.now())) continue;
            pairedOld.put(c.old(), c);
            pairedNew.add(c.now());
        }
        List<Pair> continued = new ArrayList<>();
        List<DiffMeasure> ended = new ArrayList<>();
        for (int i = 0; i < olds.size(); i++) {
            Candidate c = pairedOld.get(i);
            if (c == null) {
                ended.add(olds.get(i));
            } else {
                DiffMeasure now = news.get(c.now());
                continued.add(new Pair(olds.get(i), now, c.score(), wording.between(olds.get(i).text(), now.text())));
            }
        }
        List<DiffMeasure> added = new ArrayList<>();
        for (int j = 0; j < news.size(); j++) {
            if (!pairedNew.contains(j)) added.add(news.get(j));
        }
        List<String> fromNames = g.before().stream().map(Department::name).toList();
        List<String> toNames = g.after().stream().map(Department::name).toList();
        return new DepartmentDiff(name(g), fromNames, toNames, relation(g), continued, ended, added);
    }

    private static List<DiffMeasure> measures(List<Department> departments) {
        List<DiffMeasure> list = new ArrayList<>();
        for (Department d : departments) {
            for (Measure m : d.measures()) list.add(new DiffMeasure(m.id(), d.name(), m.text()));
        }
        return list;
    }

    /** The group's name: its current department(s), or the one that ended. */
    private static String name(Group g) {
        List<Department> side = g.after().isEmpty() ? g.before() : g.after();
        return String.join("・", side.stream().map(Department::canonical).distinct().toList());
    }

    private static String relation(Group g) {
        int b = g.before().size();
        int a = g.after().size();
        if (b == 0) return "added";
        if (a == 0) return "removed";
        if (b == 1 && a == 1) {
            Department old = g.before().get(0);
            Department now = g.after().get(0);
            if (!old.canonical().equals(now.canonical())) return "reorganized";
            return old.name().equals(now.name()) ? "same" : "renamed";
        }
        if (b == 1) return "split";
        if (a == 1) return "merged";
        return "reorganized";
    }
}
