package nendo.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import nendo.model.ClientError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code nendo serve | index | search}; only here are errors printed and exit codes set. */
@Command(name = "nendo", mixinStandardHelpOptions = true, version = "nendo 0.1",
        description = "各部の運営方針と目標 — 全文検索アーカイブ (full-text archive of yearly plan documents)",
        subcommands = {ServeCommand.class, IndexCommand.class, SearchCommand.class, ImportCommand.class, CheckCommand.class})
public final class Main implements Runnable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Main.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "サブコマンドを指定してください: serve, index, search, import, check");
    }

    public static void main(String[] args) {
        quietLibraryLogging();
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /**
     * Lucene logs through java.util.logging; at its default INFO level every run would start with
     * lines about the vector API. The bundled configuration shows Lucene's warnings and nothing
     * below them; JUL applies it to Lucene's loggers as they are made.
     */
    private static void quietLibraryLogging() {
        try (java.io.InputStream config = Main.class.getResourceAsStream("logging.properties")) {
            if (config != null) java.util.logging.LogManager.getLogManager().readConfiguration(config);
        } catch (java.io.IOException e) {
            LOG.debug("logging.properties unreadable, JUL defaults kept: {}", e.toString());
        }
    }

    /** Runs a command line and returns its exit code (used by tests too). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(new UsageErrors(err));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ClientError) {
                err.println("エラー: " + e.getMessage());
                return 2;
            }
            if (!Failures.expected(e)) LOG.error("内部エラー (internal error)", e);   // a defect: keep its trace in the log
            err.println("エラー: " + Failures.message(e));
            return 1;
        });
        return cli.execute(args);
    }
}
