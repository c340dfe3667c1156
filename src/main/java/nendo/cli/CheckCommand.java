package nendo.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import nendo.corpus.CorpusReader;
import nendo.corpus.CorpusSnapshot;
import nendo.corpus.MeasureRecords;
import nendo.corpus.RecordFile;
import nendo.corpus.RecordLines;
import nendo.index.LastBuild;
import nendo.model.CorpusProblem;
import nendo.model.PlanDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Validates every corpus file without touching the index: plan files, and each line of the JSON
 * Lines record files, read as an index build reads them. Exit 1 if anything is invalid.
 */
@Command(name = "check", mixinStandardHelpOptions = true, description = "コーパスの全ファイルを検査します。索引は変えません (validate the corpus)")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Read as a build over this index reads it: the files it holds keep their ids against new ones.
        CorpusSnapshot corpus = LastBuild.read(options.index).prepare(new CorpusReader().read(options.corpus));
        CorpusGuard.requireContents(corpus, options.corpus);
        List<CorpusProblem> problems = new ArrayList<>(corpus.problems());
        long[] records = {0};
        RecordLines lines = new RecordLines(new MeasureRecords(corpus.aliases()),
                corpus.documents().stream().map(PlanDocument::entryIds).flatMap(List::stream).toList());
        for (RecordFile file : corpus.recordFiles()) {
            try {
                problems.addAll(lines.read(file, (record, bytesRead) -> records[0]++));
            } catch (IOException e) {
                problems.add(new CorpusProblem(file.relative(), 0, "読めません: " + Failures.message(e)));
            }
        }
        for (CorpusProblem p : problems) {
            err.println(options.corpus.resolve(p.file()) + (p.line() > 0 ? ":" + p.line() : "") + ": " + p.message());
        }
        out.printf("検査しました: 文書 %d 件（事業 %d 件）と JSON Lines の記録 %,d 件は正常、問題のあるファイル・行 %d 件%n",
                corpus.documents().size(), corpus.measureCount(), records[0], problems.size());
        out.printf("checked: valid=%d measures=%d invalid=%d records=%d (%s)%n", corpus.documents().size(),
                corpus.measureCount(), problems.size(), records[0], options.corpus.toAbsolutePath());
        return problems.isEmpty() ? 0 : 1;
    }
}
