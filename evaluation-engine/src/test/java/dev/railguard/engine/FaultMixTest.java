package dev.railguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.api.EvaluationHandle;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.MetricResult;
import dev.railguard.api.Verdict;
import dev.railguard.testkit.FaultInjector;
import dev.railguard.testkit.StubOpenAiServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fault mix on every request, retries and repair calls included (20% 429 with Retry-After, 10% 500, 5% slower
 * than the call timeout, 10% malformed JSON, 5% truncated): 500 evaluations of two metrics through the real OpenAI
 * client. Counts PASS, FAIL and ERROR per metric against a fault-free run, and silent passes (PASS under faults where
 * the fault-free run did not pass). Prints one line of figures ({@code FAULT-MIX ...}). The attempt cap and the
 * retry budget are the defaults; only the backoff and Retry-After are scaled down, so the test runs in seconds.
 * {@code -Drailguard.faultmix.attempts=N} sets a cap to compare. The faults are a hash of the question and the
 * request's number, so the figures are fixed: a slow reply is held a minute (always abandoned) and the call timeout is
 * a generous 3 s that a good reply from the loopback stub does not reach on a loaded machine (at 400 ms it did, and
 * the extra timeouts counted as errors).
 */
class FaultMixTest {

    private static final int EVALUATIONS = 500;

    private static RailguardEvaluator.Builder evaluator(StubOpenAiServer server) {
        return RailguardEvaluator.builder()
                .judges(JudgePanel.single("judge", ScaleFixtures.model(server.baseUrl())))
                .metrics(ScaleFixtures.registry())
                .maxConcurrentJudgeCalls(32)
                .callTimeout(Duration.ofSeconds(3))
                .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(100))
                .maxRetryAfter(Duration.ofMillis(100));
    }

    private static RailguardEvaluator.Builder attempts(RailguardEvaluator.Builder b) {
        Integer cap = Integer.getInteger("railguard.faultmix.attempts");
        return cap == null ? b : b.maxCallAttempts(cap);
    }

    private static List<EvaluationResult> runAll(RailguardEvaluator evaluator) {
        List<EvaluationHandle> handles = new ArrayList<>();
        for (int i = 0; i < EVALUATIONS; i++) {
            handles.add(evaluator.submit(ScaleFixtures.request(i, ScaleFixtures.METRIC, ScaleFixtures.SECOND_METRIC)
                    .toBuilder().threshold(ScaleFixtures.SECOND_METRIC, 0.6).build()));
        }
        CompletableFuture.allOf(handles.stream().map(EvaluationHandle::result).toArray(CompletableFuture[]::new))
                .orTimeout(240, TimeUnit.SECONDS).join();
        return handles.stream().map(h -> h.result().join()).toList();
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void under_faults_on_every_request_at_most_one_percent_error_and_no_silent_pass() {
        Map<String, Verdict> expected = new TreeMap<>();
        try (StubOpenAiServer clean = StubOpenAiServer.start(ScaleFixtures::goodReply);
                RailguardEvaluator evaluator = evaluator(clean).build()) {
            for (EvaluationResult r : runAll(evaluator)) {
                r.metrics().values().forEach(m -> expected.put(r.nametag() + "/" + m.metric(), m.verdict()));
            }
        }
        assertThat(expected.values()).doesNotContain(Verdict.ERROR).contains(Verdict.PASS, Verdict.FAIL);

        FaultInjector faults = FaultInjector.around(ScaleFixtures::goodReply)
                .rateLimited(0.20, Duration.ofSeconds(1))
                .serverErrors(0.10)
                .slow(0.05, Duration.ofSeconds(60))
                .malformed(0.10)
                .truncated(0.05)
                .onEveryRequest();
        Map<String, Map<Verdict, Integer>> counts = new TreeMap<>();
        List<MetricResult> errors = new ArrayList<>();
        List<String> silentPasses = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        try (StubOpenAiServer server = StubOpenAiServer.start(faults);
                RailguardEvaluator evaluator = attempts(evaluator(server)).build()) {
            for (EvaluationResult r : runAll(evaluator)) {
                for (MetricResult m : r.metrics().values()) {
                    counts.computeIfAbsent(m.metric(), k -> new EnumMap<>(Verdict.class))
                            .merge(m.verdict(), 1, Integer::sum);
                    Verdict want = expected.get(r.nametag() + "/" + m.metric());
                    if (m.verdict() == Verdict.ERROR) {
                        errors.add(m);
                    } else if (m.verdict() != want) {
                        changed.add(r.nametag() + "/" + m.metric() + " " + want + "->" + m.verdict());
                        if (m.verdict() == Verdict.PASS) {
                            silentPasses.add(r.nametag() + "/" + m.metric());
                        }
                    }
                }
            }
        }
        int total = EVALUATIONS * 2;
        System.out.printf("FAULT-MIX metrics=%d per-metric=%s errors=%d (%.1f%%) silent-passes=%d changed=%d"
                + " injected={429:%d, 500:%d, slow:%d, malformed:%d, truncated:%d}%n", total, counts, errors.size(),
                100.0 * errors.size() / total, silentPasses.size(), changed.size(),
                faults.injected(FaultInjector.Fault.RATE_LIMITED), faults.injected(FaultInjector.Fault.SERVER_ERROR),
                faults.injected(FaultInjector.Fault.SLOW), faults.injected(FaultInjector.Fault.MALFORMED),
                faults.injected(FaultInjector.Fault.TRUNCATED));
        errors.stream().limit(3).forEach(e -> System.out.println("FAULT-MIX error: " + e.rationale()));

        assertThat(silentPasses).isEmpty();
        assertThat(changed).isEmpty();
        assertThat(errors).allSatisfy(e -> assertThat(e.rationale()).contains("judge 'judge'")
                .containsAnyOf("429", "500", "timeout", "malformed", "cut off", "not JSON", "no JSON", "attempts"));
        assertThat(errors.size()).as("ERROR share under the fault mix").isLessThanOrEqualTo(total / 100);
    }
}
