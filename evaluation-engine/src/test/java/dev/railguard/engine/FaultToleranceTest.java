package dev.railguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.api.EvaluationHandle;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.MetricResult;
import dev.railguard.api.Verdict;
import dev.railguard.testkit.FaultInjector;
import dev.railguard.testkit.StubOpenAiServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 1,000 evaluations through the real OpenAI client against a stub that breaks the first reply to 50% of the
 * questions (20% 429 with Retry-After, 10% 500, 5% that never answer within the call timeout, 10% malformed JSON, 5%
 * truncated); and one evaluator shared by 32 threads.
 *
 * <p>Which question gets which fault is a hash of the question, so the counts are fixed. Time decides nothing: a slow
 * reply is held a minute (it is always abandoned), and the call timeout is a generous 3 s that a good reply from the
 * loopback stub does not reach even on a loaded 2-core machine (with 400 ms it did, and a question whose good reply
 * timed out five times in a row ended as an ERROR). The waits for the whole run only stop a hang.
 */
class FaultToleranceTest {

    private static final int EVALUATIONS = 1000;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
    /** Far beyond the call timeout: a slow reply is abandoned whatever the machine's speed. */
    private static final Duration SLOW_REPLY = Duration.ofSeconds(60);

    private static RailguardEvaluator.Builder evaluator(StubOpenAiServer server) {
        return RailguardEvaluator.builder()
                .judges(JudgePanel.single("judge", ScaleFixtures.model(server.baseUrl())))
                .metrics(ScaleFixtures.registry())
                .maxConcurrentJudgeCalls(32)
                .callTimeout(CALL_TIMEOUT)
                .retryBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
                .maxCallAttempts(5);
    }

    private static Map<String, String> runAll(RailguardEvaluator evaluator) {
        List<EvaluationHandle> handles = new ArrayList<>();
        for (int i = 0; i < EVALUATIONS; i++) {
            handles.add(evaluator.submit(ScaleFixtures.request(i)));
        }
        CompletableFuture.allOf(handles.stream().map(EvaluationHandle::result).toArray(CompletableFuture[]::new))
                .orTimeout(240, TimeUnit.SECONDS).join();
        assertThat(handles).allSatisfy(h -> assertThat(h.status().isTerminal()).isTrue());
        return handles.stream().map(h -> h.result().join())
                .collect(Collectors.toMap(EvaluationResult::nametag, ScaleFixtures::essence, (a, b) -> a, TreeMap::new));
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void every_event_ends_and_faulty_calls_end_with_the_fault_free_result() throws Exception {
        Map<String, String> expected;
        try (StubOpenAiServer clean = StubOpenAiServer.start(ScaleFixtures::goodReply);
                RailguardEvaluator evaluator = evaluator(clean).build()) {
            expected = runAll(evaluator);
        }

        FaultInjector faults = FaultInjector.around(ScaleFixtures::goodReply)
                .rateLimited(0.20, Duration.ofSeconds(1))
                .serverErrors(0.10)
                .slow(0.05, SLOW_REPLY)
                .malformed(0.10)
                .truncated(0.05);
        try (StubOpenAiServer server = StubOpenAiServer.start(faults)) {
            Set<Thread> baseline = ScaleFixtures.relevantThreads();
            Map<String, String> actual;
            List<MetricResult> errors = new ArrayList<>();
            JudgeStats stats;
            try (RailguardEvaluator evaluator = evaluator(server).build()) {
                List<EvaluationHandle> handles = new ArrayList<>();
                for (int i = 0; i < EVALUATIONS; i++) {
                    handles.add(evaluator.submit(ScaleFixtures.request(i)));
                }
                CompletableFuture.allOf(handles.stream().map(EvaluationHandle::result)
                        .toArray(CompletableFuture[]::new)).orTimeout(240, TimeUnit.SECONDS).join();
                assertThat(handles).allSatisfy(h -> assertThat(h.status()).isEqualTo(EvaluationStatus.COMPLETED));
                actual = new TreeMap<>();
                for (EvaluationHandle h : handles) {
                    EvaluationResult r = h.result().join();
                    actual.put(r.nametag(), ScaleFixtures.essence(r));
                    r.metrics().values().stream().filter(m -> m.verdict() == Verdict.ERROR).forEach(errors::add);
                }
                stats = evaluator.judgeStats();
            }

            assertThat(faults.injected(FaultInjector.Fault.RATE_LIMITED)).isBetween(150L, 250L);
            assertThat(faults.injected(FaultInjector.Fault.SERVER_ERROR)).isBetween(60L, 140L);
            assertThat(faults.injected(FaultInjector.Fault.SLOW)).isBetween(25L, 75L);
            assertThat(faults.injected(FaultInjector.Fault.MALFORMED)).isBetween(60L, 140L);
            assertThat(faults.injected(FaultInjector.Fault.TRUNCATED)).isBetween(25L, 75L);
            // A 429 that arrives after the call timeout counts as a timeout instead.
            assertThat(stats.rateLimited()).isPositive()
                    .isLessThanOrEqualTo(faults.injected(FaultInjector.Fault.RATE_LIMITED));
            assertThat(stats.timeouts()).isGreaterThanOrEqualTo(faults.injected(FaultInjector.Fault.SLOW));
            assertThat(stats.retries()).isGreaterThanOrEqualTo(faults.injected(FaultInjector.Fault.RATE_LIMITED)
                    + faults.injected(FaultInjector.Fault.SERVER_ERROR) + faults.injected(FaultInjector.Fault.SLOW));

            assertThat(errors).allSatisfy(e -> assertThat(e.rationale()).contains("judge 'judge'"));
            assertThat(errors).isEmpty();
            assertThat(actual).isEqualTo(expected);

            // Every thread the evaluator started (its pool, its timer) ends after close().
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!ScaleFixtures.newThreads(baseline).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(ScaleFixtures.newThreads(baseline)).isEmpty();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void one_evaluator_shared_by_32_threads_gives_the_sequential_results() throws Exception {
        try (StubOpenAiServer server = StubOpenAiServer.start(ScaleFixtures::goodReply);
                RailguardEvaluator evaluator = evaluator(server).build()) {
            List<EvaluationRequest> requests = IntStream.range(0, 96)
                    .mapToObj(i -> ScaleFixtures.request(i, ScaleFixtures.METRIC, ScaleFixtures.SECOND_METRIC))
                    .toList();
            Map<String, String> sequential = new TreeMap<>();
            for (EvaluationRequest r : requests) {
                EvaluationResult result = evaluator.evaluate(r);
                sequential.put(result.nametag(), ScaleFixtures.essence(result));
            }

            ExecutorService threads = Executors.newFixedThreadPool(32);
            try {
                List<Future<EvaluationResult>> futures = new ArrayList<>();
                for (EvaluationRequest r : requests) {
                    futures.add(threads.submit(() -> evaluator.evaluate(r)));
                }
                Map<String, String> parallel = new TreeMap<>();
                for (Future<EvaluationResult> f : futures) {
                    EvaluationResult result = f.get(60, TimeUnit.SECONDS);
                    parallel.put(result.nametag(), ScaleFixtures.essence(result));
                }
                assertThat(parallel).hasSize(96).isEqualTo(sequential);
                assertThat(parallel.values()).allSatisfy(v -> assertThat(v).doesNotContain("ERROR"));
            } finally {
                threads.shutdownNow();
            }
        }
    }
}
