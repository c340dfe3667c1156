package nendo.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import nendo.model.CorpusProblem;
import nendo.model.PlanDocument;

/**
 * One document per edition (organization, series, fiscal year). When two files claim the same
 * edition, one is read and the other is refused, and the choice decides which file an index keeps
 * serving (a refused file that was indexed before keeps its last good version). The file kept is
 * the one more likely right: first one named after its year ({@code <年度>.md}, the convention)
 * over one that is not, then the one changed longer ago (the other is most likely the edit that
 * made the clash), then the first in path order.
 */
final class Editions {
    /** A plan file that parsed, with what the choice needs. */
    record Candidate(PlanDocument document, Path file, long modifiedMillis) {
        boolean namedAfterItsYear() {
            return PlanFileParser.yearInName(document.sourcePath()).isPresent();
        }
    }

    record Result(List<Candidate> kept, List<CorpusProblem> problems) {}

    private static final Comparator<Candidate> KEEP_FIRST = Comparator
            .comparing((Candidate c) -> !c.namedAfterItsYear())
            .thenComparingLong(Candidate::modifiedMillis)
            .thenComparing(c -> c.document().sourcePath());

    private Editions() {}

    /**
     * @param candidates in path order; the kept ones come back in the same order
     * @param fiscalYearLine where a file says its fiscal year, for the problem of a refused one
     *     (read only then: a corpus of many organizations holds tens of thousands of plan files)
     */
    static Result of(List<Candidate> candidates, ToIntFunction<Path> fiscalYearLine) {
        Map<String, List<Candidate>> byEdition = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            PlanDocument doc = c.document();
            String edition = doc.organization() + "\u0000" + doc.seriesCanonical() + "\u0000" + doc.fiscalYear();
            byEdition.computeIfAbsent(edition, k -> new ArrayList<>()).add(c);
        }
        Set<Candidate> refused = Collections.newSetFromMap(new IdentityHashMap<>());
        List<CorpusProblem> problems = new ArrayList<>();
        for (List<Candidate> same : byEdition.values()) {
            if (same.size() < 2) continue;
            Candidate keep = same.stream().min(KEEP_FIRST).orElseThrow();
            for (Candidate other : same) {
                if (other == keep) continue;
                refused.add(other);
                problems.add(new CorpusProblem(other.document().sourcePath(), fiscalYearLine.applyAsInt(other.file()),
                        message(other, keep)));
            }
        }
        List<Candidate> kept = candidates.stream().filter(c -> !refused.contains(c)).toList();
        return new Result(kept, problems);
    }

    private static String message(Candidate refused, Candidate kept) {
        PlanDocument doc = refused.document();
        String why;
        if (kept.namedAfterItsYear() && !refused.namedAfterItsYear()) {
            why = "ファイル名が年度（<年度>.md）でないこのファイルは読み込みません";
        } else if (refused.modifiedMillis() > kept.modifiedMillis()) {
            why = "後から変更されたこのファイルは読み込みません";
        } else {
            why = "このファイルは読み込みません";
        }
        return doc.organization() + " の " + doc.fiscalYear() + " 年度「" + doc.seriesCanonical() + "」は "
                + kept.document().sourcePath() + " にもあります。同じ年度の文書は一つにしてください（" + why + "）";
    }
}
