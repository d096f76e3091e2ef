package dev.railguard.benchmarks;

import dev.railguard.api.EvaluationResult;
import dev.railguard.api.RunMode;
import dev.railguard.batch.BatchEvaluator;
import dev.railguard.batch.BatchLines;
import dev.railguard.batch.BatchSummary;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.config.JudgeEnvironment;
import dev.railguard.spark.RailguardSpark;
import dev.railguard.spark.SparkEvaluationSpec;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Spark against the single-JVM batch on the same events: 20,000 events x 1 metric against the stub judge at 200 ms,
 * Spark {@code local[2]} at a per-executor concurrency of 32 and the batch at 64, each against its ideal
 * (calls x latency / total concurrency); then Spark's overhead per event with a judge that answers at once.
 * Run by hand with the Spark JVM options (see the README), never by CI.
 */
public final class SparkBenchmark {

    private static final String REPLY = JudgeReplies.units()
            .unit("Paris is the capital of France.", "Y", "certain", "Well known.")
            .unit("It lies on the Seine.", "Y", "high", "True.").json();

    private SparkBenchmark() {}

    /** Optional arguments: the number of events (20000), then {@code instant} to run only the instant-judge part. */
    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // see ScaleBenchmarks
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path dir = Files.createTempDirectory("railguard-spark-bench");
        Path events = events(dir, n, 4);
        SparkSession spark = SparkSession.builder().master("local[2]").appName("railguard-bench")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        try {
            Duration latency = Duration.ofMillis(200);
            boolean instantOnly = args.length > 1 && args[1].equals("instant");
            try (StubOpenAiServer server = StubOpenAiServer.start(r -> StubReply.content(REPLY, 1000, 60)
                    .delayed(latency))) {
                if (instantOnly) {
                    throw new SkipSlowPart();
                }
                warmUp(spark, server, dir);
                int before = server.requestCount();
                double spark32 = spark(spark, server, events, 32);
                int sparkCalls = server.requestCount() - before;
                before = server.requestCount();
                double batch64 = batch(server, events, 64);
                int batchCalls = server.requestCount() - before;
                report("Spark local[2], concurrency 32 per executor", n, sparkCalls, latency, 32, spark32);
                report("single-JVM batch, concurrency 64", n, batchCalls, latency, 64, batch64);
            } catch (SkipSlowPart skipped) {
                // instant only
            }
            try (StubOpenAiServer instant = StubOpenAiServer.start(r -> StubReply.content(REPLY, 1000, 60))) {
                double s = 0;
                double b = 0;
                double e = 0;
                for (int round = 0; round < 2; round++) { // the first round warms up the JIT on every path
                    s = spark(spark, instant, events, 32);
                    b = batch(instant, events, 32);
                    e = engine(instant, events, 32);
                }
                System.out.printf(Locale.ROOT, "instant judge (second round), %,d events, concurrency 32: Spark %.2f s (%.0f us per"
                        + " event), batch with its results file %.2f s (%.0f us), the engine alone (evaluateAll of the"
                        + " parsed lines, no file) %.2f s (%.0f us): Spark's overhead over the engine %.0f us per"
                        + " event%n", n, s, s * 1e6 / n, b, b * 1e6 / n, e, e * 1e6 / n, (s - e) * 1e6 / n);
            }
        } finally {
            spark.stop();
        }
    }

    /** Seconds to parse every line with the batch parser and evaluate them through {@code evaluateAll}. */
    private static double engine(StubOpenAiServer server, Path events, int concurrency) throws IOException {
        List<String> lines = Files.readAllLines(events.getParent().resolve("all.jsonl"));
        JudgePanel panel = JudgeEnvironment.from(Map.of("RAILGUARD_JUDGE_BASE_URL", server.baseUrl()),
                new Properties()).requirePanel();
        long t0 = System.nanoTime();
        long passed;
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(panel)
                .maxConcurrentJudgeCalls(concurrency).maxInFlightEvaluations(concurrency * 2).build();
             Stream<EvaluationResult> results = evaluator.evaluateAll(lines.stream()
                     .map(l -> BatchLines.parse(l, List.of(), RunMode.FAST).request()))) {
            passed = results.filter(EvaluationResult::passed).count();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (passed != lines.size()) {
            throw new IllegalStateException((lines.size() - passed) + " events did not pass");
        }
        return s;
    }

    /** Ends the slow part early when only the instant-judge figures are wanted. */
    private static final class SkipSlowPart extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static void report(String what, int n, int calls, Duration latency, int concurrency, double seconds) {
        double ideal = calls * latency.toMillis() / 1000.0 / concurrency;
        System.out.printf(Locale.ROOT, "%s: %,d events, %,d judge calls of %d ms: actual %.2f s, ideal %.2f s,"
                + " efficiency %.3f%n", what, n, calls, latency.toMillis(), seconds, ideal, ideal / seconds);
    }

    /** {@code n} events of one metric in {@code files} JSON-lines files (Spark reads one partition per file). */
    private static Path events(Path dir, int n, int files) throws IOException {
        Path in = Files.createDirectories(dir.resolve("events"));
        List<List<String>> parts = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            parts.add(new ArrayList<>());
        }
        List<String> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String line = "{\"id\": \"e" + i + "\", \"model_input\": {\"user_prompt\": \"Tell me about Paris, question "
                    + i + ".\"}, \"model_output\": \"Answer " + i + ": Paris is the capital of France. It lies on the"
                    + " Seine.\", \"guardrail_metrics\": [\"correctness\"]}";
            parts.get(i % files).add(line);
            all.add(line);
        }
        for (int f = 0; f < files; f++) {
            Files.write(in.resolve("part-" + f + ".jsonl"), parts.get(f));
        }
        Files.write(dir.resolve("all.jsonl"), all);
        return in;
    }

    private static void warmUp(SparkSession spark, StubOpenAiServer server, Path dir) throws IOException {
        Path small = events(dir.resolve("warm-up-" + System.nanoTime()), 400, 2);
        spark(spark, server, small, 32);
        batch(server, small, 64);
    }

    private static SparkEvaluationSpec spec(StubOpenAiServer server, int concurrency) {
        return SparkEvaluationSpec.builder().judgeSetting("baseUrl", server.baseUrl())
                .concurrencyPerExecutor(concurrency).build();
    }

    /** Seconds to evaluate every event and count the results (a new spec: a new evaluator, no cache). */
    private static double spark(SparkSession spark, StubOpenAiServer server, Path events, int concurrency) {
        long t0 = System.nanoTime();
        long errors = RailguardSpark.evaluate(spark.read().json(events.toString()), spec(server, concurrency))
                .filter((org.apache.spark.api.java.function.FilterFunction<Row>) r -> !"pass".equals(r.getAs("outcome")))
                .count();
        double s = (System.nanoTime() - t0) / 1e9;
        if (errors > 0) {
            throw new IllegalStateException(errors + " events did not pass; the benchmark's figures would lie");
        }
        return s;
    }

    private static double batch(StubOpenAiServer server, Path events, int concurrency) throws IOException {
        Path input = events.getParent().resolve("all.jsonl");
        Path out = Files.createTempFile("railguard-bench-results", ".jsonl");
        Files.delete(out);
        JudgePanel panel = JudgeEnvironment.from(Map.of("RAILGUARD_JUDGE_BASE_URL", server.baseUrl()),
                new Properties()).requirePanel();
        long t0 = System.nanoTime();
        BatchSummary summary;
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(panel)
                .maxConcurrentJudgeCalls(concurrency).build()) {
            summary = BatchEvaluator.builder().evaluator(evaluator).input(input).output(out)
                    .maxInFlight(concurrency * 2).progress(BatchEvaluator.Progress.QUIET)
                    .log(new PrintStream(OutputStream.nullOutputStream())).build().run();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (summary.passedEvents() != summary.events()) {
            throw new IllegalStateException((summary.events() - summary.passedEvents()) + " events did not pass");
        }
        return s;
    }
}
