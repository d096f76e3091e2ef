package dev.railguard.store;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.railguard.api.Verdict;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad numeric input to the store's queries, records and builder: a row per case with the whole message. */
class StoreBadInputTest {

    static Stream<Arguments> refused() {
        return Stream.of(
            Arguments.of("event page size 0", call(() -> new EventQuery(null, null, null, null, null, null, null,
                    null, 0, null)), "limit must be between 1 and 1000, but was: 0"),
            Arguments.of("event page size above the largest", call(() -> new EventQuery(null, null, null, null, null,
                    null, null, null, 1001, null)), "limit must be between 1 and 1000, but was: 1001"),
            Arguments.of("eval-run page 0", call(() -> new EvalRunQuery(null, null, null, null, null, null, 0, 20,
                    false)), "page must be at least 1, but was: 0"),
            Arguments.of("eval-run page size above the largest", call(() -> new EvalRunQuery(null, null, null, null,
                    null, null, 1, 1001, false)), "limit must be between 1 and 1000, but was: 1001"),
            Arguments.of("writes per transaction 0", call(() -> EventStore.builder("jdbc:sqlite::memory:")
                    .maxBatch(0)), "maxBatch must be between 1 and 10000, but was: 0"),
            Arguments.of("negative judge calls", call(() -> new BillingRecord("bill_1", -1, 0, 0, 0, 0)),
                    "judgeCalls of bill_1 must be at least 0, but was: -1"),
            Arguments.of("negative output tokens", call(() -> new BillingRecord("bill_1", 1, 0, 10, -5, 0)),
                    "outputTokens of bill_1 must be at least 0, but was: -5"),
            Arguments.of("cost NaN", call(() -> new BillingRecord("bill_1", 1, 0, 10, 5, Double.NaN)),
                    "cost of bill_1 must be at least 0.0, but was: NaN"),
            Arguments.of("score above 1", call(() -> new MetricOutcome("correctness", 1.5, 0.5, Verdict.PASS)),
                    "score of metric 'correctness' must be between 0.0 and 1.0, but was: 1.5"),
            Arguments.of("score NaN", call(() -> new MetricOutcome("correctness", Double.NaN, 0.5, Verdict.FAIL)),
                    "score of metric 'correctness' must be between 0.0 and 1.0, but was: NaN"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refuses_with_the_one_wording(String name, ThrowingCallable call, String message) {
        assertThatIllegalArgumentException().isThrownBy(call).withMessage(message);
    }

    private static ThrowingCallable call(ThrowingCallable c) {
        return c;
    }
}
