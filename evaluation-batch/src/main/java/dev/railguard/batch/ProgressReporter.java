package dev.railguard.batch;

import dev.railguard.api.EvaluationResult;
import dev.railguard.format.ResultLine;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A batch run's progress: a bar on a terminal, log lines every {@code logEvery} events otherwise, or nothing. */
final class ProgressReporter implements AutoCloseable {
    private final ProgressBar bar;
    private final BatchEvaluator.Progress progress;
    private final PrintStream log;
    private final int logEvery;
    private final int total;
    private final AtomicInteger finished;
    private final AtomicInteger failing = new AtomicInteger();

    /**
     * @param opening the first log line (what is run and from where), printed unless the bar or QUIET is used
     */
    ProgressReporter(BatchEvaluator.Progress progress, PrintStream log, int logEvery, int total, int alreadyDone,
            String opening) {
        this.progress = progress;
        this.log = log;
        this.logEvery = logEvery;
        this.total = total;
        this.finished = new AtomicInteger(alreadyDone);
        boolean useBar = progress == BatchEvaluator.Progress.BAR
                || (progress == BatchEvaluator.Progress.AUTO && System.console() != null);
        this.bar = useBar ? new ProgressBarBuilder().setTaskName("railguard").setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().build() : null;
        if (bar != null) {
            bar.stepTo(alreadyDone);
        } else if (progress != BatchEvaluator.Progress.QUIET) {
            print(opening);
        }
    }

    /** One event evaluated. */
    synchronized void step(EvaluationResult result) {
        int n = finished.incrementAndGet();
        if ("fail".equals(ResultLine.outcome(result))) {
            failing.incrementAndGet();
        }
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(failing.get() + " failing");
        } else if (progress != BatchEvaluator.Progress.QUIET && (n % logEvery == 0 || n == total)) {
            print(n + "/" + total + " events (" + (total == 0 ? 100 : n * 100 / total) + "%), " + failing.get()
                    + " with a failing metric in this run");
        }
    }

    /** A warning about a line that is still evaluated. */
    synchronized void warn(String message) {
        print(message);
    }

    /** A line that is not evaluated, with the reason; it counts as finished. */
    synchronized void note(String message) {
        finished.incrementAndGet();
        if (bar != null) {
            bar.step();
        }
        print(message);
    }

    /** A line of the run's log, outside the progress count. */
    void print(String message) {
        synchronized (log) {
            log.println("railguard batch: " + message);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
