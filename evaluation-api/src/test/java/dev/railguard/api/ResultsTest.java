package dev.railguard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResultsTest {

    private static EvaluationResult resultOf(MetricResult... metrics) {
        Map<String, MetricResult> map = new LinkedHashMap<>();
        for (MetricResult m : metrics) {
            map.put(m.metric(), m);
        }
        return new EvaluationResult("evt_test", EvaluationStatus.COMPLETED, map, Usage.NONE, RunMode.FAST, null,
                Instant.EPOCH, Instant.EPOCH, null);
    }

    @Test
    void the_threshold_decides_pass_or_fail() {
        assertThat(MetricResult.scored("m", 0.8, 0.8, "", List.of(), Usage.NONE, List.of()).verdict())
                .isEqualTo(Verdict.PASS);
        assertThat(MetricResult.scored("m", 0.79, 0.8, "", List.of(), Usage.NONE, List.of()).verdict())
                .isEqualTo(Verdict.FAIL);
    }

    @Test
    void a_verdict_that_contradicts_the_score_is_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MetricResult("m", OptionalDouble.of(0.2), 0.8,
                        Verdict.PASS, "", List.of(), Usage.NONE, List.of()))
                .withMessage("verdict must be FAIL for score 0.2 and threshold 0.8, but was: PASS");
    }

    @Test
    void an_error_has_no_score_and_never_passes() {
        MetricResult error = MetricResult.error("m", 0.5, "judge 'j' call failed: boom", Usage.NONE, List.of());
        assertThat(error.score()).isEmpty();
        assertThat(error.passed()).isFalse();
        assertThat(error.diagnostics()).first().isEqualTo(Diagnostic.error("judge 'j' call failed: boom"));
        assertThat(resultOf(error).passed()).isFalse();
    }

    @Test
    void a_skipped_metric_means_not_passed() {
        MetricResult ok = MetricResult.scored("a", 1.0, 0.5, "", List.of(), Usage.NONE, List.of());
        assertThat(resultOf(ok).passed()).isTrue();
        assertThat(resultOf(ok, MetricResult.skipped("b", 0.5, "no judge")).passed()).isFalse();
    }

    @Test
    void an_empty_result_does_not_pass() {
        assertThat(resultOf().passed()).isFalse();
    }

    @Test
    void asking_for_a_missing_metric_names_the_ones_there() {
        EvaluationResult r = resultOf(MetricResult.skipped("correctness", 0.5, "x"));
        assertThatThrownBy(() -> r.metric("completness")).isInstanceOf(NoSuchElementException.class)
                .hasMessage("no metric 'completness' in this result; it has [correctness]");
    }

    @Test
    void usages_add_up_per_judge() {
        Usage u = Usage.ofCall("a", 10, 2, Duration.ofMillis(5), 0.1).plus(Usage.ofCall("b", 1, 1, Duration.ofMillis(1), 0))
                .plus(Usage.ofCall("a", 5, 5, Duration.ofMillis(1), 0)).plus(Usage.ofCacheHit());
        assertThat(u.judgeCalls()).isEqualTo(3);
        assertThat(u.cacheHits()).isEqualTo(1);
        assertThat(u.inputTokens()).isEqualTo(16);
        assertThat(u.totalTokens()).isEqualTo(24);
        assertThat(u.callsByJudge()).isEqualTo(Map.of("a", 2, "b", 1));
        assertThat(u.judgeTime()).isEqualTo(Duration.ofMillis(7));
    }

    @Test
    void disputed_units_are_those_whose_votes_disagree() {
        UnitVerdict agreed = new UnitVerdict("c", "claim", "", true, Confidence.HIGH, "consensus", "",
                List.of(new UnitVote("a", 1, true, Confidence.HIGH, ""), new UnitVote("b", 1, true, Confidence.LOW, "")));
        UnitVerdict disputed = new UnitVerdict("c", "claim", "", true, Confidence.HIGH, "consensus", "",
                List.of(new UnitVote("a", 1, true, Confidence.HIGH, ""), new UnitVote("b", 1, false, Confidence.LOW, "")));
        assertThat(agreed.disputed()).isFalse();
        assertThat(disputed.disputed()).isTrue();
    }

    private static ThrowingCallable usage(int calls, int hits, long in, long out, double cost, long cached,
            double synchronousCost) {
        return () -> new Usage(calls, hits, in, out, Duration.ZERO, cost, Map.of(), cached, synchronousCost);
    }

    static Stream<Arguments> badCounts() {
        return Stream.of(
            Arguments.of("negative calls", usage(-1, 0, 0, 0, 0, 0, 0), "usage.judgeCalls must be at least 0, but was: -1"),
            Arguments.of("negative cache hits", usage(0, -2, 0, 0, 0, 0, 0),
                    "usage.cacheHits must be at least 0, but was: -2"),
            Arguments.of("negative input tokens", usage(0, 0, -3, 0, 0, 0, 0),
                    "usage.inputTokens must be at least 0, but was: -3"),
            Arguments.of("negative output tokens", usage(0, 0, 0, -4, 0, 0, 0),
                    "usage.outputTokens must be at least 0, but was: -4"),
            Arguments.of("NaN cost", usage(0, 0, 0, 0, Double.NaN, 0, 0), "usage.cost must be at least 0.0, but was: NaN"),
            Arguments.of("more cached than input tokens", usage(1, 0, 10, 0, 0, 11, 0),
                    "usage.cachedInputTokens (a share of inputTokens) must be between 0 and 10, but was: 11"),
            Arguments.of("negative synchronous cost", usage(1, 0, 10, 0, 0, 5, -0.5),
                    "usage.synchronousCost must be at least 0.0, but was: -0.5"),
            Arguments.of("vote of pass 0", (ThrowingCallable) () -> new UnitVote("a", 0, true, Confidence.HIGH, ""),
                    "vote.pass must be at least 1, but was: 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCounts")
    void bad_counts_are_refused_naming_the_field(String name, ThrowingCallable call, String message) {
        assertThatIllegalArgumentException().isThrownBy(call).withMessage(message);
    }
}
