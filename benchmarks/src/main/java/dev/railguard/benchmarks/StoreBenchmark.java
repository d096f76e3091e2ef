package dev.railguard.benchmarks;

import dev.railguard.api.InProcessMetric;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.event.EventInput;
import dev.railguard.monitor.Monitor;
import dev.railguard.store.EventStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Monitor throughput with and without an event store (a SQLite file): events from submit to the last completion
 * written, per second, for an instant metric and for one taking 2 ms (a fast judge), with 1 and 8 submitting threads.
 * Run: {@code mvn -B -q compile exec:java -pl benchmarks -am -Dexec.args="store 20000"}.
 */
public final class StoreBenchmark {

    private StoreBenchmark() {}

    /** {@code args[1]}: events per run (default 20,000). */
    public static void main(String[] args) throws Exception {
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Path dir = Files.createTempDirectory("railguard-store-bench");
        System.out.printf("monitor throughput, %d events per run, events/s (submit to last stored completion)%n", n);
        System.out.printf("%-14s %-11s %12s %12s %8s %22s%n", "metric", "submitters", "in memory", "with store",
                "ratio", "commits (events/commit)");
        run(n, 0, 1, dir); // warm-up, not printed
        for (long millis : new long[] {0, 2}) {
            for (int submitters : new int[] {1, 8}) {
                double memory = run(n, millis, submitters, null)[0];
                double[] stored = run(n, millis, submitters, dir);
                System.out.printf("%-14s %-11d %12.0f %12.0f %8.2f %12.0f (%.1f)%n",
                        millis == 0 ? "instant" : millis + " ms", submitters, memory, stored[0], stored[0] / memory,
                        stored[1], stored[2]);
            }
        }
    }

    /** Events per second, commits, events written per commit (the last two 0 without a store). */
    private static double[] run(int n, long millis, int submitters, Path dir) throws Exception {
        EventStore store = dir == null ? null : EventStore.open(dir.resolve("bench-" + System.nanoTime() + ".db"));
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder()
                .metrics(MetricRegistry.of(metric(millis))).build()) {
            Monitor.Builder b = Monitor.builder().name("bench").evaluator(evaluator).metrics("length")
                    .queueCapacity(n).maxInFlight(16);
            if (store != null) {
                b.recorder(store.recorder());
            }
            long start = System.nanoTime();
            try (Monitor monitor = b.build()) {
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < submitters; t++) {
                    int share = n / submitters;
                    Thread th = new Thread(() -> {
                        ModelInput input = ModelInput.ofUserPrompt("q");
                        for (int i = 0; i < share; i++) {
                            monitor.submit(EventInput.of(input, "x".repeat(i % 20)).withNametag("bench"));
                        }
                    });
                    th.start();
                    threads.add(th);
                }
                for (Thread th : threads) {
                    th.join();
                }
                if (!monitor.awaitIdle(Duration.ofMinutes(10))) {
                    throw new IllegalStateException("the monitor did not finish in 10 minutes");
                }
                if (store != null) {
                    store.flush();
                }
                if (monitor.stats().rejectedEvaluations() > 0) {
                    throw new IllegalStateException("events were rejected: " + monitor.stats());
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (store == null) {
                return new double[] {n / seconds, 0, 0};
            }
            EventStore.WriteStats w = store.writeStats();
            return new double[] {n / seconds, w.transactions(), (double) w.eventsWritten() / w.transactions()};
        } finally {
            if (store != null) {
                store.close();
            }
        }
    }

    private static InProcessMetric metric(long millis) {
        return InProcessMetric.of("length", 0.5, Set.of(), (request, t) -> {
            if (millis > 0) {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return MetricResult.scored("length", Math.min(1.0, request.modelOutput().length() / 10.0), t,
                    "length / 10", List.of(), null, List.of());
        });
    }
}
