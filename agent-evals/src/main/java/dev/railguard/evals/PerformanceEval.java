package dev.railguard.evals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.railguard.api.Checks;
import dev.railguard.evals.internal.EvalJson;
import dev.railguard.evals.internal.EvalSettings;
import dev.railguard.evals.internal.Iterations;
import dev.railguard.evals.internal.Stats;
import dev.railguard.format.AgnoEvalInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Performance: warm-up runs, then measured runs of a function or a subject, each timed (wall clock,
 * {@link System#nanoTime()}) and its allocation counted, with mean, median, min, max, sample standard deviation
 * and p95, and an optional regression verdict against a baseline file (for example: p95 above baseline x 1.2
 * fails).
 *
 * <p><b>What "allocated bytes" is.</b> Runs execute one after another on one dedicated thread; for each run the eval
 * reads {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes()} of that thread before and after.
 * That counts every byte the run allocated on that thread (including garbage collected since), not retained memory
 * and not a peak. It misses what other threads allocate: async HTTP clients, thread pools, parallel streams,
 * {@code CompletableFuture.supplyAsync} work, LangChain4j's concurrent tool execution. It is not Python's
 * {@code tracemalloc} peak, so the numbers are not comparable with Agno's MiB. A JVM without the counter reports no
 * allocations. Each run executes once (Agno runs the function twice per iteration: once timed, once traced).
 *
 * <pre>{@code
 * PerformanceEval perf = PerformanceEval.builder().warmupRuns(3).numIterations(20)
 *     .baseline(Path.of("perf-baseline.json")).regressionFactor(1.2).build();
 * EvalRun run = perf.run("instantiate-agent", () -> buildAgent());
 * }</pre>
 */
public final class PerformanceEval {

    /** Agno's default number of warm-up runs. */
    public static final int DEFAULT_WARMUP_RUNS = 10;
    /** Agno's default number of measured iterations. */
    public static final int DEFAULT_ITERATIONS = 50;

    private final int warmupRuns;
    private final int numIterations;
    private final Duration timeout;
    private final Path baseline;
    private final double regressionFactor;
    private final String name;
    private final LongSupplier clock;

    private PerformanceEval(Builder b) {
        this.warmupRuns = b.warmupRuns;
        this.numIterations = b.numIterations;
        this.timeout = b.timeout;
        this.baseline = b.baseline;
        this.regressionFactor = b.regressionFactor;
        this.name = b.name;
        this.clock = b.clock;
    }

    /**
     * A builder with Agno's defaults ({@code PerformanceEval}: 10 warm-up runs, 50 measured iterations), 120 s per
     * run, no baseline, factor 1.2. An eval run request keeps its own defaults (seed 002: {@code warmup_runs} 0,
     * {@code num_iterations} 1).
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Measures {@code subject} answering {@code input}; the subject's model is recorded. */
    public EvalRun run(Subject subject, String input) {
        Objects.requireNonNull(subject, "subject must not be null");
        Objects.requireNonNull(input, "input must not be null");
        return measure(subject.name(), subject.modelId(), () -> subject.call(input));
    }

    /** Measures {@code function}; {@code component} names it in the record. */
    public EvalRun run(String component, Runnable function) {
        Objects.requireNonNull(function, "function must not be null");
        return measure(component, null, function);
    }

    /**
     * Writes the p95 of {@code run} (a performance run) as a baseline file.
     *
     * @throws IllegalArgumentException if {@code run} is not a performance run
     */
    public static void writeBaseline(EvalRun run, Path file) {
        if (!(run.evalData() instanceof PerformanceResult r)) {
            throw new IllegalArgumentException("run must be a performance run, but was: " + run.evalType().wireName());
        }
        try {
            Files.writeString(file, r.baselineJson());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write baseline file " + file, e);
        }
    }

    private EvalRun measure(String component, String modelId, Runnable function) {
        Double[] base = readBaseline();
        Instant created = Instant.now();
        com.sun.management.ThreadMXBean mx = allocationBean();
        ExecutorService thread = Iterations.agentPool("performance");
        List<Double> times = new ArrayList<>();
        List<Long> bytes = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try {
            for (int i = 0; i < warmupRuns + numIterations; i++) {
                boolean warmup = i < warmupRuns;
                String label = warmup ? "warm-up run " + (i + 1) : "run " + (i - warmupRuns + 1);
                Future<long[]> f = thread.submit(() -> {
                    long b0 = mx == null ? 0 : mx.getCurrentThreadAllocatedBytes();
                    long t0 = clock.getAsLong();
                    function.run();
                    long t1 = clock.getAsLong();
                    long b1 = mx == null ? 0 : mx.getCurrentThreadAllocatedBytes();
                    return new long[] {t1 - t0, b1 - b0};
                });
                try {
                    long[] sample = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    if (!warmup) {
                        times.add(sample[0] / 1e9);
                        if (mx != null) {
                            bytes.add(sample[1]);
                        }
                    }
                } catch (TimeoutException e) {
                    f.cancel(true);
                    errors.add(label + ": timeout: exceeded " + timeout.toMillis() + " ms; remaining runs skipped");
                    break;
                } catch (ExecutionException e) {
                    errors.add(label + ": " + Iterations.describe(e, timeout));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    errors.add(label + ": interrupted; remaining runs skipped");
                    break;
                }
            }
        } finally {
            thread.shutdownNow();
        }
        Stats t = Stats.of(times);
        Stats b = Stats.of(bytes);
        List<String> regressions = new ArrayList<>();
        if (base[0] != null && t.p95() != null && t.p95() > base[0] * regressionFactor) {
            regressions.add(String.format(java.util.Locale.ROOT,
                    "p95_run_time %.6f s is above baseline %.6f s x %s", t.p95(), base[0], regressionFactor));
        }
        if (base[1] != null && b.p95() != null && b.p95() > base[1] * regressionFactor) {
            regressions.add(String.format(java.util.Locale.ROOT,
                    "p95_allocated_bytes %.0f is above baseline %.0f x %s", b.p95(), base[1], regressionFactor));
        }
        EvalStatus status = !errors.isEmpty() ? EvalStatus.ERROR
                : baseline == null ? EvalStatus.COMPLETED
                : regressions.isEmpty() ? EvalStatus.PASSED : EvalStatus.FAILED;
        PerformanceResult result = new PerformanceResult(times, bytes, t.mean(), t.min(), t.max(), t.stdDev(),
                t.median(), t.p95(), b.mean(), b.min(), b.max(), b.stdDev(), b.median(), b.p95(), warmupRuns,
                numIterations, errors, base[0], base[1], regressionFactor, regressions, status);
        Map<String, Object> input = new AgnoEvalInput.Performance(numIterations, warmupRuns,
                baseline == null ? null : baseline.toString(), regressionFactor).toMap();
        return EvalRun.of(EvalType.PERFORMANCE, name, component, modelId, null, input, result, created);
    }

    private Double[] readBaseline() {
        if (baseline == null) {
            return new Double[] {null, null};
        }
        if (!Files.isRegularFile(baseline)) {
            throw new IllegalArgumentException("baseline file does not exist: " + baseline
                    + " (write one with PerformanceEval.writeBaseline)");
        }
        try {
            JsonNode node = EvalJson.MAPPER.readTree(Files.readString(baseline));
            Double time = node.path("p95_run_time").isNumber() ? node.get("p95_run_time").asDouble() : null;
            Double alloc = node.path("p95_allocated_bytes").isNumber() ? node.get("p95_allocated_bytes").asDouble()
                    : null;
            if (time == null && alloc == null) {
                throw new IllegalArgumentException("baseline file " + baseline
                        + " must have a number p95_run_time or p95_allocated_bytes, but was: " + node);
            }
            return new Double[] {time, alloc};
        } catch (IOException e) {
            throw new IllegalArgumentException("baseline file " + baseline + " is not valid JSON: "
                    + e.getMessage(), e);
        }
    }

    private static com.sun.management.ThreadMXBean allocationBean() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx
                && mx.isThreadAllocatedMemorySupported()) {
            if (!mx.isThreadAllocatedMemoryEnabled()) {
                mx.setThreadAllocatedMemoryEnabled(true);
            }
            return mx;
        }
        return null;
    }

    /** Builds a {@link PerformanceEval}. */
    public static final class Builder {
        private int warmupRuns = DEFAULT_WARMUP_RUNS;
        private int numIterations = DEFAULT_ITERATIONS;
        private Duration timeout = EvalSettings.DEFAULT_TIMEOUT;
        private Path baseline;
        private double regressionFactor = 1.2;
        private String name;
        private LongSupplier clock = System::nanoTime;

        private Builder() {}

        /** Unmeasured runs first, 0..10; default 10, as Agno's {@code PerformanceEval}. */
        public Builder warmupRuns(int n) {
            this.warmupRuns = Checks.between(n, 0, 10, "warmupRuns");
            return this;
        }

        /** Measured runs, 1..10000; default 50, as Agno's {@code PerformanceEval}. */
        public Builder numIterations(int n) {
            this.numIterations = Checks.between(n, 1, 10_000, "numIterations");
            return this;
        }

        /** The bound on one run; a run that exceeds it ends the eval with ERROR. Default 120 s. */
        public Builder timeout(Duration timeout) {
            this.timeout = Checks.positive(timeout, "timeout");
            return this;
        }

        /** A baseline file ({@code {"p95_run_time": s, "p95_allocated_bytes": b}}, either key optional). */
        public Builder baseline(Path file) {
            this.baseline = Objects.requireNonNull(file, "baseline must not be null");
            return this;
        }

        /** How far above the baseline p95 fails, 1.0..100; default 1.2. */
        public Builder regressionFactor(double factor) {
            this.regressionFactor = Checks.between(factor, 1.0, 100.0, "regressionFactor");
            return this;
        }

        /** The eval's name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** A clock in nanoseconds, for tests. */
        Builder clock(LongSupplier clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        /** Builds the eval. */
        public PerformanceEval build() {
            return new PerformanceEval(this);
        }
    }
}
