package nendo.corpus;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nendo.model.Department;
import nendo.model.PlanDocument;

/**
 * Names that change across years, per organization (corpus/aliases.yaml): a department renamed
 * (企画部 → 政策企画部) is the same department under its current, canonical name; a department split
 * or merged names its predecessors, which are related but not the same; a renamed series lists its
 * former titles. Organizations that list their departments also get unknown names refused, which
 * catches typos in headings.
 */
public record Aliases(Map<String, Organization> organizations) {
    public static final String FILE_NAME = "aliases.yaml";
    public static final Aliases NONE = new Aliases(Map.of());

    public Aliases {
        organizations = organizations == null ? Map.of() : Map.copyOf(organizations);
    }

    /** One organization's names: canonical series → former titles; canonical department → its history. */
    public record Organization(
            @JsonProperty("series") Map<String, List<String>> series,
            @JsonProperty("departments") Map<String, DepartmentNames> departments) {
        public Organization {
            series = series == null ? Map.of() : series;
            Map<String, DepartmentNames> depts = new java.util.LinkedHashMap<>();
            // "総務部:" with nothing after it means a department without aliases.
            if (departments != null) departments.forEach((k, v) -> depts.put(k, v == null ? new DepartmentNames(null, null) : v));
            departments = java.util.Collections.unmodifiableMap(depts);
        }
    }

    /** {@code formerly}: earlier names of the same department; {@code predecessors}: departments it was split from or merged out of. */
    public record DepartmentNames(
            @JsonProperty("formerly") List<String> formerly,
            @JsonProperty("predecessors") List<String> predecessors) {
        public DepartmentNames {
            formerly = formerly == null ? List.of() : List.copyOf(formerly);
            predecessors = predecessors == null ? List.of() : List.copyOf(predecessors);
        }
    }

    /** The name a department is followed under: its canonical name, or itself if it has no alias. */
    public String canonicalDepartment(String organization, String name) {
        Organization org = organizations.get(organization);
        if (org == null) return name;
        if (org.departments().containsKey(name)) return name;
        for (Map.Entry<String, DepartmentNames> e : org.departments().entrySet()) {
            if (e.getValue().formerly().contains(name)) return e.getKey();
        }
        return name;
    }

    public String canonicalSeries(String organization, String series) {
        Organization org = organizations.get(organization);
        if (org == null) return series;
        for (Map.Entry<String, List<String>> e : org.series().entrySet()) {
            if (e.getKey().equals(series) || (e.getValue() != null && e.getValue().contains(series))) return e.getKey();
        }
        return series;
    }

    /** Every department name the organization is known to have used, if it lists its departments. */
    public Optional<Set<String>> knownDepartments(String organization) {
        Organization org = organizations.get(organization);
        if (org == null || org.departments().isEmpty()) return Optional.empty();
        Set<String> names = new LinkedHashSet<>(org.departments().keySet());
        org.departments().values().forEach(d -> names.addAll(d.formerly()));
        return Optional.of(names);
    }

    /** The departments a department was split from or merged out of (環境部 → 生活環境部). */
    public List<String> predecessors(String organization, String canonicalName) {
        Organization org = organizations.get(organization);
        DepartmentNames names = org == null ? null : org.departments().get(canonicalName);
        return names == null ? List.of() : names.predecessors();
    }

    /** The document with canonical names and predecessors filled in. */
    public PlanDocument apply(PlanDocument doc) {
        List<Department> departments = doc.departments().stream()
                .map(d -> {
                    String canonical = canonicalDepartment(doc.organization(), d.name());
                    return d.withNames(canonical, predecessors(doc.organization(), canonical));
                }).toList();
        return doc.withNames(canonicalSeries(doc.organization(), doc.series()), departments);
    }
}
