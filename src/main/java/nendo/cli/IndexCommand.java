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

/** Rebuilds the index from the corpus and reports what it holds; invalid files mean exit 1. */
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
        try (Nendo nendo = Nendo.open(options.config())) {
            CorpusSnapshot corpus = nendo.readCorpus();
            IndexState state = nendo.rebuild(corpus);
            out.printf("索引を作成しました: 文書 %d 件, 事業 %d 件, 使命 %d 件, 無効なファイル %d 件%n",
                    state.documents(), state.measures(), state.missions(), corpus.problems().size());
            out.printf("indexed: documents=%d measures=%d missions=%d invalid=%d (%s)%n",
                    state.documents(), state.measures(), state.missions(), corpus.problems().size(),
                    options.index.toAbsolutePath());
            for (CorpusProblem p : corpus.problems()) {
                err.println(options.corpus.resolve(p.file()) + (p.line() > 0 ? ":" + p.line() : "") + ": " + p.message());
            }
            return corpus.problems().isEmpty() ? 0 : 1;
        }
    }
}
