package nendo.cli;

import java.io.Console;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import nendo.index.IndexProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows how far a build of record files is: a bar redrawn in place on a terminal, or a line every
 * ten seconds in a log (where a redrawn bar would be thousands of lines). Remembers the number of
 * records for the summary.
 */
final class BuildProgress implements IndexProgress {
    private static final Logger LOG = LoggerFactory.getLogger("nendo.index");
    private static final int LOG_INTERVAL_MS = 10_000;

    private final boolean terminal;
    private final PrintStream err;
    private ProgressBar bar;
    private volatile long records;

    private BuildProgress(boolean terminal, PrintStream err) {
        this.terminal = terminal;
        this.err = err;
    }

    /** A bar when standard error is a terminal, log lines otherwise. */
    static BuildProgress forConsole() {
        return new BuildProgress(isTerminal(), System.err);
    }

    /** Log lines only: the service's build at start-up goes to its log. */
    static BuildProgress forLog() {
        return new BuildProgress(false, System.err);
    }

    @Override
    public void started(long totalBytes) {
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName("索引 (indexing)")
                .setInitialMax(Math.max(1, totalBytes))
                .setUnit("MB", 1 << 20)
                .showSpeed();
        if (terminal) {
            builder.setConsumer(new ConsoleProgressBarConsumer(err)).setUpdateIntervalMillis(500);
        } else {
            builder.setStyle(ProgressBarStyle.ASCII).setMaxRenderedLength(120)
                    .setConsumer(new DelegatingProgressBarConsumer(LOG::info)).setUpdateIntervalMillis(LOG_INTERVAL_MS);
        }
        bar = builder.build();
    }

    @Override
    public void advanced(long bytesRead, long records) {
        this.records = records;
        if (bar == null) return;
        bar.stepTo(bytesRead);
        bar.setExtraMessage(String.format(" %,d 件", records));
    }

    @Override
    public void finished(long records) {
        this.records = records;
        if (bar == null) return;
        bar.stepTo(bar.getMax());
        bar.setExtraMessage(String.format(" %,d 件", records));
        bar.close();
        bar = null;
    }

    long records() {
        return records;
    }

    /**
     * Whether a person watches: Console#isTerminal (Java 22+) when the runtime has it; on 21,
     * System.console() is null unless both streams are a terminal.
     */
    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
