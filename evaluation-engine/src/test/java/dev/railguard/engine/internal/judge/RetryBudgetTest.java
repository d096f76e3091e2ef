package dev.railguard.engine.internal.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.api.MetricResult;
import dev.railguard.api.Verdict;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.ScaleFixtures;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Transient faults are retried while a per-call budget in time lasts, not for a fixed count. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RetryBudgetTest {

    private static MetricResult evaluate(StubOpenAiServer server, RailguardEvaluator.Builder settings) {
        try (RailguardEvaluator e = settings.judges(JudgePanel.single("judge", ScaleFixtures.model(server.baseUrl())))
                .metrics(ScaleFixtures.registry()).build()) {
            return e.evaluate(ScaleFixtures.request(1)).metric(ScaleFixtures.METRIC);
        }
    }

    private static StubOpenAiServer failingFirst(int failures, Function<RecordedRequest, StubReply> failure) {
        AtomicInteger n = new AtomicInteger();
        return StubOpenAiServer.start(r -> n.getAndIncrement() < failures ? failure.apply(r)
                : ScaleFixtures.goodReply(r));
    }

    @Test
    void an_outage_ends_the_call_within_the_budget_naming_the_budget_and_the_cause() {
        try (StubOpenAiServer server = StubOpenAiServer.start(r -> StubReply.status(503))) {
            long start = System.nanoTime();
            MetricResult m = evaluate(server, RailguardEvaluator.builder().retryBudget(Duration.ofMillis(1500))
                    .retryBackoff(Duration.ofMillis(50), Duration.ofMillis(200)));
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(m.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(m.rationale()).matches("judge 'judge' call failed after \\d+ attempts in \\d+ ms \\(retry"
                    + " budget of 1500 ms spent; the next attempt was due in \\d+ ms\\): InternalServerException.*");
            // the budget, not the attempt cap, ended it: more than the old 5 attempts, fewer than the cap of 20
            assertThat(server.requestCount()).isBetween(6, 19);
            // no attempt starts after the budget; the last one (a fast 503) and the evaluation's end come on top
            assertThat(elapsedMillis).isLessThan(1500 + 1000);
        }
    }

    @Test
    void a_run_of_fast_failures_gets_the_attempts_it_needs_at_the_default_settings() {
        try (StubOpenAiServer server = failingFirst(9, r -> StubReply.status(500))) {
            MetricResult m = evaluate(server, RailguardEvaluator.builder()
                    .retryBackoff(Duration.ofMillis(5), Duration.ofMillis(20)));
            assertThat(m.verdict()).isIn(Verdict.PASS, Verdict.FAIL);
            assertThat(server.requestCount()).isEqualTo(10);
        }
    }

    @Test
    void a_retry_after_beyond_the_budget_ends_the_call_at_once_instead_of_waiting() {
        try (StubOpenAiServer server = failingFirst(1,
                r -> StubReply.status(429).withHeader("retry-after-ms", "5000"))) {
            MetricResult m = evaluate(server, RailguardEvaluator.builder().retryBudget(Duration.ofSeconds(2)));
            assertThat(m.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(m.rationale()).startsWith("judge 'judge' call failed after 1 attempt in ")
                    .contains("(retry budget of 2000 ms spent; the next attempt was due in 5");
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }
}
