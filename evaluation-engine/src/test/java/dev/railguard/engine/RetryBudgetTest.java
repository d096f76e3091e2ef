package dev.railguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.api.MetricResult;
import dev.railguard.api.Verdict;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
        // The evaluator's clock moves only when the stub answers, 200 ms an attempt: how many attempts fit in the
        // budget does not depend on how fast this machine runs. After the 7th attempt 1,400 ms are spent and the next
        // is due in at most 1 ms, so an 8th starts; after it 1,600 ms are spent, so no 9th may start.
        AtomicLong clock = new AtomicLong();
        try (StubOpenAiServer server = StubOpenAiServer.start(r -> {
            clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(200));
            return StubReply.status(503);
        })) {
            MetricResult m = evaluate(server, RailguardEvaluator.builder().ticker(clock::get)
                    .retryBudget(Duration.ofMillis(1500)).maxCallAttempts(20)
                    .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(1)));
            assertThat(m.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(m.rationale()).matches("judge 'judge' call failed after 8 attempts in 1600 ms \\(retry"
                    + " budget of 1500 ms spent; the next attempt was due in [01] ms\\): InternalServerException.*");
            // the budget, not the attempt cap of 20, ended it, and no attempt started after the budget was spent
            assertThat(server.requestCount()).isEqualTo(8);
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
