package dev.railguard.batch;

import dev.railguard.api.Checks;
import dev.railguard.api.EvaluationHandle;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.Evaluator;
import dev.railguard.api.RunMode;
import dev.railguard.engine.EvaluationFailures;
import dev.railguard.format.ResultLine;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Evaluates a file of JSON lines shaped like DeepRails events and writes one JSON line per event, concurrently and
 * resumably.
 *
 * <pre>{@code
 * try (RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(panel).build()) {
 *     BatchSummary summary = BatchEvaluator.builder()
 *         .evaluator(evaluator)
 *         .input(Path.of("events.jsonl"))
 *         .output(Path.of("railguard-out/results.jsonl"))
 *         .build()
 *         .run();
 *     dev.railguard.report.HtmlReport.write(summary, Path.of("railguard-out/report.html"));
 * }
 * }</pre>
 *
 * <p><b>Input</b>, one JSON object a line: {@code model_input} ({@code user_prompt}, {@code system_prompt},
 * {@code ground_truth}, {@code context} as {@code [{role, content}]}, {@code documents} as strings),
 * {@code model_output}, {@code model_used}, {@code run_mode}, {@code nametag}, {@code guardrail_metrics} (names, or an
 * object of names to thresholds), optional {@code capabilities} and {@code id}. A line that is not JSON, lacks a field
 * or asks for something its metrics cannot do (the evaluator's validation message) is skipped with its line number and
 * reason, and the run goes on. Blank lines are ignored.
 *
 * <p><b>Output</b>, one JSON object per event, in completion order: {@code line}, {@code input_hash}, {@code event_id},
 * {@code status}, {@code passed}, {@code outcome}, {@code nametag}, {@code evaluation_result} as
 * {@code {metric: {score, rationale, threshold, verdict}}}, {@code units} and {@code diagnostics} by metric,
 * {@code usage}, and the prompt and output for the report.
 *
 * <p><b>Resume</b>: an event is keyed by its line number and a hash of the line's text. Started again with the same
 * output file, a run keeps the events already there whose key still matches the input and evaluates only the others;
 * a truncated last line (the process died while writing) and records of changed lines are dropped first. Events that
 * were canceled, or have a SKIPPED metric (no judge was configured), are evaluated again,
 * so configuring a judge and running again completes them.
 *
 * <p><b>Concurrency</b>: at most {@link Builder#maxInFlight} events are submitted at a time; the evaluator bounds the
 * judge calls themselves. <b>Progress</b>: a progress bar when the JVM has a console, a log line every
 * {@link Builder#logEvery} events otherwise.
 */
public final class BatchEvaluator {

    private final Evaluator evaluator;
    private final Path input;
    private final Path output;
    private final Path summaryFile;
    private final int maxInFlight;
    private final List<String> defaultMetrics;
    private final RunMode defaultRunMode;
    private final Progress progress;
    private final PrintStream log;
    private final int logEvery;
    private final int maxLineBytes;
    private final boolean lenient;
    private final ColumnMapping columns;
    private final MappedInput.Format format;

    private BatchEvaluator(Builder b) {
        this.evaluator = Objects.requireNonNull(b.evaluator, "evaluator must not be null");
        this.input = Objects.requireNonNull(b.input, "input must not be null");
        this.output = Objects.requireNonNull(b.output, "output must not be null");
        this.summaryFile = b.summaryFile;
        this.maxInFlight = b.maxInFlight;
        this.defaultMetrics = List.copyOf(b.defaultMetrics);
        this.defaultRunMode = b.defaultRunMode;
        this.progress = b.progress;
        this.log = b.log;
        this.logEvery = b.logEvery;
        this.maxLineBytes = b.maxLineBytes;
        this.lenient = b.lenient;
        this.columns = b.columns;
        this.format = b.format;
        ResultsFile.refuseOverlap("output", output, "input", input);
        if (summaryFile != null) {
            ResultsFile.refuseOverlap("summaryFile", summaryFile, "input", input);
            ResultsFile.refuseOverlap("summaryFile", summaryFile, "output", output);
        }
    }

    /** A builder; the evaluator, the input and the output are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** How progress is shown. */
    public enum Progress {
        /** A progress bar when {@link System#console()} is not null, else log lines. */
        AUTO,
        /** Always a progress bar. */
        BAR,
        /** Always log lines. */
        LOG,
        /** Nothing but skipped-line notes and the final line. */
        QUIET
    }

    /**
     * Runs the batch: reads the input, keeps what the output already holds for unchanged lines, evaluates the rest,
     * appends their records, and summarizes the whole output file. If the calling thread is interrupted, the run stops
     * submitting, cancels what is in flight, keeps what it wrote and returns a summary marked interrupted.
     *
     * @throws UncheckedIOException if the input cannot be read or the output cannot be written
     */
    public BatchSummary run() {
        long started = System.nanoTime();
        List<BatchInput.RawLine> raw = columns == null ? BatchInput.read(input, maxLineBytes)
                : MappedInput.read(input, format, columns, maxLineBytes);
        List<String> lines = raw.stream().map(l -> l.text() == null ? "" : l.text()).toList();
        int nonBlank = (int) raw.stream().filter(l -> !l.blank()).count();
        Map<Integer, ResultLine> done = ResultsFile.resume(output, lines);
        List<BatchSummary.SkippedLine> skipped = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger evaluated = new AtomicInteger();
        AtomicReference<RuntimeException> writeFailure = new AtomicReference<>();
        boolean interrupted = false;
        Semaphore window = new Semaphore(maxInFlight);
        Set<EvaluationHandle> inFlight = ConcurrentHashMap.newKeySet();
        try (ResultsFile out = ResultsFile.append(output); ProgressReporter reporter = new ProgressReporter(progress,
                log, logEvery, nonBlank, done.size(), nonBlank + " events in " + input + (done.isEmpty() ? "" : ", "
                + done.size() + " already in " + output + " (resuming)") + ", up to " + maxInFlight + " at a time")) {
            for (int i = 0; i < lines.size() && !interrupted; i++) {
                int lineNo = i + 1;
                if (raw.get(i).problem() != null) {
                    skip(skipped, reporter, lineNo, raw.get(i).problem());
                    continue;
                }
                if (lines.get(i).isBlank() || done.containsKey(lineNo)) {
                    continue;
                }
                BatchLines.Input parsed;
                try {
                    parsed = BatchLines.parse(lines.get(i), defaultMetrics, defaultRunMode, lenient);
                } catch (IllegalArgumentException | NullPointerException e) {
                    skip(skipped, reporter, lineNo, e.getMessage());
                    continue;
                }
                parsed.warnings().forEach(w -> reporter.warn("line " + lineNo + ": " + w));
                try {
                    window.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    interrupted = true;
                    break;
                }
                EvaluationHandle handle;
                try {
                    handle = evaluator.submit(parsed.request());
                } catch (IllegalArgumentException | NullPointerException e) {
                    window.release();
                    skip(skipped, reporter, lineNo, e.getMessage());
                    continue;
                }
                inFlight.add(handle);
                String hash = BatchLines.hash(lines.get(i));
                handle.result().whenComplete((result, error) -> {
                    try {
                        if (result != null && result.status() != EvaluationStatus.CANCELED) {
                            byte[] record;
                            try {
                                record = BatchLines.record(lineNo, hash, parsed, result).write()
                                        .getBytes(StandardCharsets.UTF_8);
                            } catch (RuntimeException e) {
                                skip(skipped, reporter, lineNo, "its result could not be serialized: "
                                        + EvaluationFailures.describe(e));
                                return;
                            }
                            out.append(record);
                            evaluated.incrementAndGet();
                            reporter.step(result);
                        } else if (error != null) {
                            skip(skipped, reporter, lineNo, "evaluation failed: " + EvaluationFailures.describe(error));
                        }
                    } catch (RuntimeException e) {
                        writeFailure.compareAndSet(null, e);
                    } finally {
                        inFlight.remove(handle);
                        window.release();
                    }
                });
            }
            interrupted = awaitAll(window, inFlight) || interrupted;
        }
        if (writeFailure.get() != null) {
            throw new UncheckedIOException("could not write a result to " + output + "; run again to resume",
                    writeFailure.get() instanceof UncheckedIOException u ? u.getCause()
                            : new IOException(writeFailure.get()));
        }
        skipped.sort((x, y) -> Integer.compare(x.line(), y.line()));
        BatchSummary summary = BatchLines.summarize(output, nonBlank, new ArrayList<>(ResultsFile.read(output).values()),
                evaluated.get(), done.size(), skipped, Duration.ofNanos(System.nanoTime() - started), interrupted);
        writeSummary(summary);
        return summary;
    }

    /**
     * Waits for the window to empty; interrupted, cancels what is in flight and says so. After the cancel every result
     * is complete, but an evaluation that finished just before it may still be inside its callback on another thread,
     * about to append its line: the window empties when the last callback has returned, so the results file is never
     * closed under a line being written (which failed the interrupted run with "could not write a result").
     */
    private boolean awaitAll(Semaphore window, Set<EvaluationHandle> inFlight) {
        try {
            window.acquire(maxInFlight);
            window.release(maxInFlight);
            return false;
        } catch (InterruptedException e) {
            inFlight.forEach(EvaluationHandle::cancel);
            window.acquireUninterruptibly(maxInFlight);
            window.release(maxInFlight);
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private void writeSummary(BatchSummary summary) {
        if (summaryFile != null) {
            try {
                Files.createDirectories(summaryFile.toAbsolutePath().getParent());
                Files.writeString(summaryFile, BatchLines.toJson(summary) + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write " + summaryFile, e);
            }
        }
        synchronized (log) {
            log.println("railguard batch: " + summary.events() + " events in " + output + " (" + summary.evaluatedNow()
                    + " evaluated now, " + summary.resumed() + " from an earlier run), " + summary.passedEvents()
                    + " passed, " + summary.metricErrors() + " metric errors, " + summary.skippedLines().size()
                    + " skipped lines, " + summary.judgeCalls() + " judge calls"
                    + (summary.interrupted() ? "; interrupted: run again to resume" : ""));
        }
    }

    private static void skip(List<BatchSummary.SkippedLine> skipped, ProgressReporter reporter, int line,
            String reason) {
        String r = reason == null || reason.isBlank() ? "unknown problem" : reason;
        skipped.add(new BatchSummary.SkippedLine(line, r));
        reporter.note("line " + line + " skipped: " + r);
    }

    /** Builds a {@link BatchEvaluator}; not thread-safe. */
    public static final class Builder {
        private Evaluator evaluator;
        private Path input;
        private Path output;
        private Path summaryFile;
        private int maxInFlight = 32;
        private List<String> defaultMetrics = List.of();
        private RunMode defaultRunMode = RunMode.FAST;
        private Progress progress = Progress.AUTO;
        private PrintStream log = System.err;
        private int logEvery = 25;
        private int maxLineBytes = 1 << 20;
        private boolean lenient;
        private ColumnMapping columns;
        private MappedInput.Format format = MappedInput.Format.DEEPRAILS;

        private Builder() {}

        /**
         * Reads the input as {@code format} ({@link MappedInput.Format#JSONL} or {@link MappedInput.Format#CSV}) whose
         * columns {@code mapping} names, instead of DeepRails-shaped lines. Rows name no metrics: set
         * {@link #defaultMetrics}.
         *
         * @throws IllegalArgumentException if {@code format} is {@code DEEPRAILS} (which needs no mapping)
         */
        public Builder columns(ColumnMapping mapping, MappedInput.Format format) {
            Objects.requireNonNull(mapping, "mapping must not be null");
            if (Objects.requireNonNull(format, "format must not be null") == MappedInput.Format.DEEPRAILS) {
                throw new IllegalArgumentException("format must be jsonl or csv with a column mapping, but was:"
                        + " deeprails");
            }
            this.columns = mapping;
            this.format = format;
            return this;
        }

        /**
         * The longest input line read, in bytes; a longer line is skipped with its number and length. Default 1 MiB
         * (1048576), enough for an event with a long output and documents; at most 64 MiB.
         */
        public Builder maxLineBytes(int bytes) {
            Checks.between(bytes, 1024, 64 << 20, "maxLineBytes");
            this.maxLineBytes = bytes;
            return this;
        }

        /**
         * Whether an unknown field of a line is only a warning (logged, the field ignored) instead of skipping the line.
         * Default false: a misspelt field ({@code run_mod}) skips its line naming the field, rather than running with a
         * default the user did not choose. Wrong types, duplicate keys and bad values skip the line either way.
         */
        public Builder lenient(boolean lenient) {
            this.lenient = lenient;
            return this;
        }

        /** The evaluator that evaluates each event; the batch does not close it. Required. */
        public Builder evaluator(Evaluator evaluator) {
            this.evaluator = Objects.requireNonNull(evaluator, "evaluator must not be null");
            return this;
        }

        /** The JSON-lines input file. Required. */
        public Builder input(Path input) {
            this.input = Objects.requireNonNull(input, "input must not be null");
            return this;
        }

        /** The JSON-lines results file; if it exists, the run resumes from it. Required. */
        public Builder output(Path output) {
            this.output = Objects.requireNonNull(output, "output must not be null");
            return this;
        }

        /** Where to write the summary as JSON, or nothing when not set. */
        public Builder summaryFile(Path summaryFile) {
            this.summaryFile = Objects.requireNonNull(summaryFile, "summaryFile must not be null");
            return this;
        }

        /** How many events may be submitted and unfinished at once; default 32. */
        public Builder maxInFlight(int max) {
            Checks.between(max, 1, 10_000, "maxInFlight");
            this.maxInFlight = max;
            return this;
        }

        /** The metrics of lines without {@code guardrail_metrics}; default none (such lines are skipped). */
        public Builder defaultMetrics(String... metrics) {
            this.defaultMetrics = List.of(metrics);
            return this;
        }

        /** The run mode of lines without {@code run_mode}; default {@code fast}. */
        public Builder defaultRunMode(RunMode runMode) {
            this.defaultRunMode = Objects.requireNonNull(runMode, "runMode must not be null");
            return this;
        }

        /** How progress is shown; default {@link Progress#AUTO}. */
        public Builder progress(Progress progress) {
            this.progress = Objects.requireNonNull(progress, "progress must not be null");
            return this;
        }

        /** Where log lines and skipped-line notes go; default {@code System.err}. */
        public Builder log(PrintStream log) {
            this.log = Objects.requireNonNull(log, "log must not be null");
            return this;
        }

        /** Without a terminal, a log line every {@code n} finished events; default 25. */
        public Builder logEvery(int n) {
            Checks.atLeast(n, 1, "logEvery");
            this.logEvery = n;
            return this;
        }

        /**
         * Builds the batch.
         *
         * @throws NullPointerException if the evaluator, input or output is missing
         * @throws IllegalArgumentException if the output or summary file is the input (or the output) file
         */
        public BatchEvaluator build() {
            return new BatchEvaluator(this);
        }
    }
}
