package nendo.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import nendo.config.AppConfig;
import nendo.index.IndexState;
import nendo.model.CorpusProblem;
import nendo.web.WebApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the service on the corpus, (re)building the index first if it is missing or stale. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "検索サービスを起動します (start the web service)")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    CommonOptions options;

    @Option(names = "--host", description = "待ち受けるアドレス (default: ${DEFAULT-VALUE})")
    String host = AppConfig.DEFAULT_HOST;

    @Option(names = "--port", description = "ポート番号。0 で空いている番号 (default: ${DEFAULT-VALUE})")
    int port = AppConfig.DEFAULT_PORT;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        AppConfig config = options.config(host, port);
        LOG.info("config: corpus={} index={} host={} port={}", config.corpusDir().toAbsolutePath(),
                config.indexDir().toAbsolutePath(), host, port);
        Nendo nendo = Nendo.open(config);
        IndexState state = nendo.ensureIndex();
        for (CorpusProblem p : state.invalidFiles()) out.println("無効なファイル (skipped): " + p);
        WebApp web = nendo.web().start(host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.close();
            try {
                nendo.close();
            } catch (Exception e) {
                LOG.warn("closing the index failed", e);
            }
            stopped.countDown();
        }, "nendo-shutdown"));
        out.printf("nendo を起動しました: http://%s:%d/ （文書 %d 件, 事業 %d 件）Ctrl+C で終了%n",
                host, web.port(), state.documents(), state.measures());
        out.flush();
        stopped.await();
        return 0;
    }
}
