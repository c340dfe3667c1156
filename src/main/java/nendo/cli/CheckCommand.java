package nendo.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import nendo.corpus.CorpusReader;
import nendo.corpus.CorpusSnapshot;
import nendo.model.CorpusProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Validates every corpus file without touching the index; exit 1 if any file is invalid. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "コーパスの全ファイルを検査します。索引は変えません (validate the corpus)")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CorpusSnapshot corpus = new CorpusReader().read(options.corpus);
        for (CorpusProblem p : corpus.problems()) {
            err.println(options.corpus.resolve(p.file()) + (p.line() > 0 ? ":" + p.line() : "") + ": " + p.message());
        }
        out.printf("検査しました: 文書 %d 件（事業 %d 件）は正常、問題のあるファイル %d 件%n",
                corpus.documents().size(), corpus.measureCount(), corpus.problems().size());
        out.printf("checked: valid=%d measures=%d invalid=%d (%s)%n", corpus.documents().size(),
                corpus.measureCount(), corpus.problems().size(), options.corpus.toAbsolutePath());
        return corpus.problems().isEmpty() ? 0 : 1;
    }
}
