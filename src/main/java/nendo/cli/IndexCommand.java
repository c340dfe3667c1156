package nendo.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import nendo.corpus.CorpusSnapshot;
import nendo.index.ArchiveIndex;
import nendo.index.IndexState;
import nendo.model.CorpusProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Brings the index to the corpus (plan files and JSON Lines record files): in place when only some
 * record files changed, else in full; reports what it holds and how fast it went. Invalid files or
 * lines mean exit 1.
 */
@Command(name = "index", mixinStandardHelpOptions = true, description = "コーパスに合わせて索引を作ります。変わった記録ファイルだけを読み直します (build or update the index from the corpus)")
final class IndexCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = "--full", description = "変わっていない記録ファイルも読み直し、索引全体を作り直します (rebuild everything, not only what changed)")
    boolean full;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BuildProgress progress = BuildProgress.forConsole();
        try (Nendo nendo = Nendo.open(options.config(), progress)) {
            long started = System.nanoTime();
            CorpusSnapshot corpus = nendo.readCorpusFor(full);
            ArchiveIndex.Refresh refresh = full
                    ? new ArchiveIndex.Refresh(nendo.rebuild(corpus), false, java.util.List.of(), java.util.List.of())
                    : nendo.update(corpus);
            IndexState state = refresh.state();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (refresh.inPlace()) {
                out.printf("索引を更新しました: 記録ファイル %d 個はそのまま、%d 個を読み込み (updated in place: %d record files kept, %d read)%n",
                        refresh.unchangedRecordFiles().size(), refresh.readRecordFiles().size(),
                        refresh.unchangedRecordFiles().size(), refresh.readRecordFiles().size());
            }
            out.printf((refresh.inPlace() ? "索引の中身" : "索引を作成しました") + ": 文書 %d 件, 事業 %d 件, 使命 %d 件, 無効なファイル・行 %d 件%n",
                    state.documents(), state.measures(), state.missions(), state.invalidFiles().size());
            out.printf("indexed: documents=%d measures=%d missions=%d invalid=%d (%s)%n",
                    state.documents(), state.measures(), state.missions(), state.invalidFiles().size(),
                    options.index.toAbsolutePath());
            for (String kept : state.keptFiles()) {
                out.printf("前回の正しい版を使用中: %s（無効なため。直すまでこの版で公開します） (last good version in use)%n", kept);
            }
            long records = progress.records();
            if (records > 0) {
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
