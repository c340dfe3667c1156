package nendo.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nendo.config.AppConfig;
import nendo.index.ArchiveIndex;
import nendo.index.BuildAbandonedException;
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

/**
 * Starts the service on the corpus: the index is built first if it is missing or was built with
 * other settings; if only the corpus changed, the service starts on the earlier index at once and
 * rebuilds it in the background.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "検索サービスを起動します (start the web service)")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    private static final long REFRESH_SECONDS = 5;

    @Mixin
    CommonOptions options;

    @Option(names = "--host", description = "待ち受けるアドレス (default: ${DEFAULT-VALUE})")
    String host = AppConfig.DEFAULT_HOST;

    int port = AppConfig.DEFAULT_PORT;

    @Spec
    CommandSpec spec;

    /** Checked as it is parsed, so a bad port is a usage error (exit 2) before anything is opened. */
    @Option(names = "--port", paramLabel = "PORT", description = "ポート番号（0〜65535）。0 で空いている番号 (default: " + AppConfig.DEFAULT_PORT + ")")
    void port(int value) {
        if (value < 0 || value > 65_535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--port は 0〜65535 の番号にしてください（0 は空いている番号）: " + value + " (port out of range)");
        }
        port = value;
    }

    /** Whether a background rebuild ended because the service is stopping. */
    private static boolean abandoned(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BuildAbandonedException) return true;
        }
        return false;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String token = System.getenv(AppConfig.ADMIN_TOKEN_VARIABLE);
        if (token != null && token.isBlank()) token = null;
        if (token != null && token.length() < AppConfig.MIN_ADMIN_TOKEN_LENGTH) {
            spec.commandLine().getErr().println(AppConfig.ADMIN_TOKEN_VARIABLE + " は " + AppConfig.MIN_ADMIN_TOKEN_LENGTH
                    + " 文字以上にしてください（admin token too short）");
            return 2;
        }
        AppConfig config = options.config(host, port).withAdminToken(token);
        LOG.info("config: corpus={} index={} host={} port={} admin API={}", config.corpusDir().toAbsolutePath(),
                config.indexDir().toAbsolutePath(), host, port, token == null ? "off" : "on");
        Nendo nendo = Nendo.open(config, BuildProgress.forLog());
        // Dictionaries load on another core while the index is opened and verified.
        Thread warmUp = Thread.ofPlatform().name("nendo-warm-up").daemon().start(() -> {
            try {
                nendo.archive().warmUp();
            } catch (Exception e) {
                LOG.warn("warming up the analyzers failed: {}", e.toString());
            }
        });
        ArchiveIndex.Opening opening = nendo.openIndexForServing();
        IndexState state = nendo.indexState();
        warmUp.join();
        for (CorpusProblem p : state.invalidFiles()) out.println("無効なファイル (skipped): " + p);
        WebApp web;
        try {
            web = nendo.web().start(host, port);
        } catch (RuntimeException e) {
            nendo.close();   // the port is taken: let go of the index before the message is printed
            throw e;
        }
        if (opening == ArchiveIndex.Opening.EARLIER_CORPUS) {
            out.println("コーパスが変わったため索引を更新しています。終わるまでは前回の索引で応答します"
                    + " (corpus changed: updating the index in the background, serving the earlier index meanwhile)");
            nendo.updateInBackground().whenComplete((refresh, failure) -> {
                if (abandoned(failure)) return; // stopping: closing the index has said so
                if (failure != null) {
                    LOG.error("索引の更新に失敗しました。前回の索引で応答を続けます (update failed, still serving the earlier index)",
                            failure);
                    return;
                }
                IndexState updated = refresh.state();
                LOG.info("索引を{}しました: 文書 {} 件, 事業 {} 件 ({})", refresh.inPlace() ? "更新" : "作り直",
                        updated.documents(), updated.measures(), refresh.inPlace() ? "updated in place" : "rebuilt");
                for (CorpusProblem p : updated.invalidFiles()) LOG.warn("無効なファイル (skipped): {}", p);
            });
        }
        // `index` run in another terminal commits beside us: look for a new commit now and then.
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nendo-index-refresh");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(() -> {
            try {
                nendo.refreshIndex();
            } catch (Exception e) {
                LOG.warn("refreshing the index failed: {}", e.toString());
            }
        }, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            refresher.shutdownNow();
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
