package dev.railguard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one wording of bad numeric input: each row a call and its whole message; each accepted value comes back. */
class ChecksTest {

    static Stream<Arguments> refused() {
        return Stream.of(
            Arguments.of("int below min", call(() -> Checks.atLeast(0, 1, "maxInFlight")),
                    "maxInFlight must be at least 1, but was: 0"),
            Arguments.of("int negative with context", call(() -> Checks.atLeast(-1, 0, "requestsPerMinute (0: no budget)")),
                    "requestsPerMinute (0: no budget) must be at least 0, but was: -1"),
            Arguments.of("long below min", call(() -> Checks.atLeast(-5L, 0L, "usage.inputTokens")),
                    "usage.inputTokens must be at least 0, but was: -5"),
            Arguments.of("double below min", call(() -> Checks.atLeast(-0.5, 0.0, "relativeTolerance")),
                    "relativeTolerance must be at least 0.0, but was: -0.5"),
            Arguments.of("double NaN at least", call(() -> Checks.atLeast(Double.NaN, 0.0, "usage.cost")),
                    "usage.cost must be at least 0.0, but was: NaN"),
            Arguments.of("int below range", call(() -> Checks.between(0, 1, 20, "maxCallAttempts")),
                    "maxCallAttempts must be between 1 and 20, but was: 0"),
            Arguments.of("int above range", call(() -> Checks.between(21, 1, 20, "maxCallAttempts")),
                    "maxCallAttempts must be between 1 and 20, but was: 21"),
            Arguments.of("long above range", call(() -> Checks.between(10_000_001L, 1_000L, 10_000_000L,
                    "maxPromptTokens")), "maxPromptTokens must be between 1000 and 10000000, but was: 10000001"),
            Arguments.of("long above a bound of a field", call(() -> Checks.between(12L, 0L, 10L,
                    "usage.cachedInputTokens (a share of inputTokens)")),
                    "usage.cachedInputTokens (a share of inputTokens) must be between 0 and 10, but was: 12"),
            Arguments.of("double above range", call(() -> Checks.between(1.6, 0.0, 1.5, "regenTemperature")),
                    "regenTemperature must be between 0.0 and 1.5, but was: 1.6"),
            Arguments.of("double below range", call(() -> Checks.between(-0.1, 0.0, 1.0, "threshold")),
                    "threshold must be between 0.0 and 1.0, but was: -0.1"),
            Arguments.of("double NaN between", call(() -> Checks.between(Double.NaN, 0.0, 1.0, "threshold")),
                    "threshold must be between 0.0 and 1.0, but was: NaN"),
            Arguments.of("open interval at its lower bound", call(() -> Checks.exclusiveBetween(0.0, 0.0, 1.0,
                    "alpha")), "alpha must be between 0.0 and 1.0 (exclusive), but was: 0.0"),
            Arguments.of("open interval at its upper bound", call(() -> Checks.exclusiveBetween(1.0, 0.0, 1.0,
                    "confidence")), "confidence must be between 0.0 and 1.0 (exclusive), but was: 1.0"),
            Arguments.of("open interval above", call(() -> Checks.exclusiveBetween(1.5, 0.0, 1.0, "alpha")),
                    "alpha must be between 0.0 and 1.0 (exclusive), but was: 1.5"),
            Arguments.of("open interval NaN", call(() -> Checks.exclusiveBetween(Double.NaN, 0.0, 1.0, "alpha")),
                    "alpha must be between 0.0 and 1.0 (exclusive), but was: NaN"),
            Arguments.of("double zero", call(() -> Checks.positive(0.0, "beta")),
                    "beta must be positive, but was: 0.0"),
            Arguments.of("double negative", call(() -> Checks.positive(-2.0, "beta")),
                    "beta must be positive, but was: -2.0"),
            Arguments.of("double NaN positive", call(() -> Checks.positive(Double.NaN, "beta")),
                    "beta must be positive, but was: NaN"),
            Arguments.of("duration zero", call(() -> Checks.positive(Duration.ZERO, "callTimeout")),
                    "callTimeout must be positive, but was: PT0S"),
            Arguments.of("duration negative", call(() -> Checks.positive(Duration.ofMillis(-1), "retryBudget")),
                    "retryBudget must be positive, but was: PT-0.001S"),
            Arguments.of("duration shorter than min", call(() -> Checks.atLeast(Duration.ofMillis(500),
                    Duration.ofSeconds(1), "retryBackoff max")),
                    "retryBackoff max must be at least PT1S, but was: PT0.5S"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refuses_with_the_one_wording(String name, ThrowingCallable call, String message) {
        assertThatIllegalArgumentException().isThrownBy(call).withMessage(message);
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
            Arguments.of("int at min", (Supplier<Object>) () -> Checks.atLeast(1, 1, "f"), 1),
            Arguments.of("long at min", (Supplier<Object>) () -> Checks.atLeast(0L, 0L, "f"), 0L),
            Arguments.of("double at min", (Supplier<Object>) () -> Checks.atLeast(0.0, 0.0, "f"), 0.0),
            Arguments.of("double infinite at least", (Supplier<Object>) () -> Checks.atLeast(
                    Double.POSITIVE_INFINITY, 0.0, "f"), Double.POSITIVE_INFINITY),
            Arguments.of("int at lower bound", (Supplier<Object>) () -> Checks.between(1, 1, 20, "f"), 1),
            Arguments.of("int at upper bound", (Supplier<Object>) () -> Checks.between(20, 1, 20, "f"), 20),
            Arguments.of("long at upper bound", (Supplier<Object>) () -> Checks.between(10L, 0L, 10L, "f"), 10L),
            Arguments.of("double at upper bound", (Supplier<Object>) () -> Checks.between(1.5, 0.0, 1.5, "f"), 1.5),
            Arguments.of("open interval just above its lower bound", (Supplier<Object>) () ->
                    Checks.exclusiveBetween(Double.MIN_VALUE, 0.0, 1.0, "f"), Double.MIN_VALUE),
            Arguments.of("open interval just below its upper bound", (Supplier<Object>) () ->
                    Checks.exclusiveBetween(Math.nextDown(1.0), 0.0, 1.0, "f"), Math.nextDown(1.0)),
            Arguments.of("double tiny positive", (Supplier<Object>) () -> Checks.positive(Double.MIN_VALUE, "f"),
                    Double.MIN_VALUE),
            Arguments.of("duration one nano", (Supplier<Object>) () -> Checks.positive(Duration.ofNanos(1), "f"),
                    Duration.ofNanos(1)),
            Arguments.of("duration equal to min", (Supplier<Object>) () -> Checks.atLeast(Duration.ofSeconds(1),
                    Duration.ofSeconds(1), "f"), Duration.ofSeconds(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void returns_an_accepted_value(String name, Supplier<Object> call, Object expected) {
        assertThat(call.get()).isEqualTo(expected);
    }

    @Test
    void a_missing_duration_is_a_null_pointer_naming_the_field() {
        assertThatNullPointerException().isThrownBy(() -> Checks.positive((Duration) null, "cacheExpiry"))
                .withMessage("cacheExpiry must not be null");
        assertThatNullPointerException().isThrownBy(() -> Checks.atLeast(null, Duration.ZERO, "retryBackoff max"))
                .withMessage("retryBackoff max must not be null");
    }

    private static ThrowingCallable call(ThrowingCallable c) {
        return c;
    }
}
