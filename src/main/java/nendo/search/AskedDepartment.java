package nendo.search;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nendo.model.Department;
import nendo.model.PlanDocument;

/**
 * The department a comparison asks for, under its current name in each organization. A name can be
 * current in one organization and former in another (企画部 is 三鷹市's department, and 架空市's
 * before it became 政策企画部), so it is resolved per organization: where an organization printed
 * it, the department it belongs to there (followed after a rename); elsewhere the name itself.
 *
 * @param asked the name as asked
 * @param byOrg each organization that printed the name, with that department's current name there
 */
record AskedDepartment(String asked, Map<String, String> byOrg) {
    /**
     * @param org the organization asked for, or null for all
     * @param measures every measure's cell, for the departments only records name
     */
    static AskedDepartment of(String asked, String org, Iterable<PlanDocument> documents,
                              Set<GroupCounter.Key> measures) {
        Map<String, String> byOrg = new LinkedHashMap<>();
        for (PlanDocument d : documents) {
            if (org != null && !org.equals(d.organization())) continue;
            for (Department part : d.departments()) {
                if (part.name().equals(asked)) byOrg.putIfAbsent(d.organization(), part.canonical());
            }
        }
        for (GroupCounter.Key k : measures) {
            if (asked.equals(k.printed())) byOrg.putIfAbsent(k.org(), k.department());
        }
        return new AskedDepartment(asked, Map.copyOf(byOrg));
    }

    /** The department's current name in this organization. */
    String canonicalIn(String org) {
        return byOrg.getOrDefault(org, asked);
    }

    /** Every current name it stands for: what the equivalent search filters on. */
    List<String> names() {
        Set<String> names = new LinkedHashSet<>(byOrg.values());
        names.add(asked);
        return List.copyOf(names);
    }
}
