package nendo.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import nendo.corpus.CorpusSnapshot;
import nendo.index.IndexState;
import nendo.model.CorpusProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Rebuilds the index from the corpus (plan files and JSON Lines record files) and reports what it
 * holds and how fast it went; invalid files or lines mean exit 1.
 */
@Command(name = "index", mixinStandardHelpOptions = true, description = "コーパスから索引を作り直します (rebuild the index from the corpus)")
final class IndexCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BuildProgress progress = BuildProgress.forConsole();
        try (Nendo nendo = Nendo.open(options.config(), progress)) {
            long started = System.nanoTime();
            CorpusSnapshot corpus = nendo.readCorpus();
            IndexState state = nendo.rebuild(corpus);
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("索引を作成しました: 文書 %d 件, 事業 %d 件, 使命 %d 件, 無効なファイル・行 %d 件%n",
                    state.documents(), state.measures(), state.missions(), state.invalidFiles().size());
            out.printf("indexed: documents=%d measures=%d missions=%d invalid=%d (%s)%n",
                    state.documents(), state.measures(), state.missions(), state.invalidFiles().size(),
                    options.index.toAbsolutePath());
            if (!corpus.recordFiles().isEmpty()) {
                long records = progress.records();
                out.printf("JSON Lines: %,d 件を %.1f 秒で索引しました（%,.0f 件/秒）%n", records, seconds, records / seconds);
                out.printf("INDEXED records=%d seconds=%.1f records_per_s=%.0f%n", records, seconds, records / seconds);
            }
            for (CorpusProblem p : state.invalidFiles()) {
                err.println(options.corpus.resolve(p.file()) + (p.line() > 0 ? ":" + p.line() : "") + ": " + p.message());
            }
            return state.invalidFiles().isEmpty() ? 0 : 1;
        }
    }
}
