package dev.railguard.junit;

import dev.railguard.api.Diagnostic;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.MetricResult;
import dev.railguard.api.Thresholds;
import dev.railguard.api.Verdict;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one metric's {@link MetricResult}. Obtain one from {@link EvaluationResultAssert#metric(String)} or
 * {@link RailguardAssertions#assertThat(MetricResult)}.
 *
 * <pre>{@code
 * assertThat(result).metric("correctness").passes().hasScoreAtLeast(0.9);
 * assertThat(result).metric("context_adherence").hasNoDiagnosticsAtOrAbove(Diagnostic.Severity.WARNING);
 * }</pre>
 *
 * <p>A metric in ERROR or SKIPPED has no score: every score assertion and {@link #passes()} fail on it, with the
 * cause. Failures carry expected and actual values for IDE diffs, and a message from {@link RailguardMessages}.
 */
public final class MetricResultAssert extends AbstractAssert<MetricResultAssert, MetricResult> {

    private final EvaluationRequest request;

    MetricResultAssert(MetricResult actual, EvaluationRequest request) {
        super(actual, MetricResultAssert.class);
        this.request = request;
    }

    /**
     * Creates an assertion on {@code actual}.
     *
     * @param actual the metric result to check; may be {@code null} (every assertion then fails)
     * @return the assertion
     */
    public static MetricResultAssert assertThat(MetricResult actual) {
        return new MetricResultAssert(actual, null);
    }

    /**
     * Verifies that the verdict is PASS (the score reached the threshold). FAIL, ERROR and SKIPPED fail this
     * assertion, with the score and threshold, the rationale or cause, the failing units and the diagnostics.
     *
     * @return this assertion
     */
    public MetricResultAssert passes() {
        isNotNull();
        if (actual.verdict() != Verdict.PASS) {
            throw failureWithActualExpected(RailguardMessages.verdictLine(actual), actual.metric() + ": PASS", "%s",
                    RailguardMessages.shouldPass(actual, request));
        }
        return myself;
    }

    /**
     * Verifies that the verdict is FAIL: the metric was judged and scored below its threshold. ERROR and SKIPPED do
     * not count as failing.
     *
     * @return this assertion
     */
    public MetricResultAssert fails() {
        isNotNull();
        if (actual.verdict() != Verdict.FAIL) {
            throw failureWithActualExpected(RailguardMessages.verdictLine(actual),
                    actual.metric() + ": FAIL (score < threshold " + RailguardMessages.number(actual.threshold()) + ")",
                    "%s", RailguardMessages.shouldFail(actual, request));
        }
        return myself;
    }

    /**
     * Verifies that the metric has a score of at least {@code minimum}, whatever its threshold.
     *
     * @param minimum the lowest acceptable score, in [0, 1]
     * @return this assertion
     * @throws IllegalArgumentException if {@code minimum} is outside [0, 1]
     */
    public MetricResultAssert hasScoreAtLeast(double minimum) {
        Thresholds.check(minimum, "minimum");
        isNotNull();
        if (actual.score().isEmpty() || actual.score().getAsDouble() < minimum) {
            throw failureWithActualExpected(scoreOrVerdict(), minimum, "%s",
                    RailguardMessages.shouldHaveScoreAtLeast(actual, minimum, request));
        }
        return myself;
    }

    /**
     * Verifies that the metric has a score of at most {@code maximum}, for example that a deliberately wrong output
     * scores low.
     *
     * @param maximum the highest acceptable score, in [0, 1]
     * @return this assertion
     * @throws IllegalArgumentException if {@code maximum} is outside [0, 1]
     */
    public MetricResultAssert hasScoreAtMost(double maximum) {
        Thresholds.check(maximum, "maximum");
        isNotNull();
        if (actual.score().isEmpty() || actual.score().getAsDouble() > maximum) {
            throw failureWithActualExpected(scoreOrVerdict(), maximum, "%s",
                    RailguardMessages.shouldHaveScoreAtMost(actual, maximum, request));
        }
        return myself;
    }

    /**
     * Verifies the verdict.
     *
     * @param expected the expected verdict; never {@code null}
     * @return this assertion
     */
    public MetricResultAssert hasVerdict(Verdict expected) {
        Objects.requireNonNull(expected, "expected must not be null");
        isNotNull();
        if (actual.verdict() != expected) {
            throw failureWithActualExpected(actual.verdict(), expected, "%s",
                    RailguardMessages.shouldHaveVerdict(actual, expected, request));
        }
        return myself;
    }

    /**
     * Verifies that no diagnostic has {@code severity} or a higher one; for example no WARNING (a repair call, all
     * units judged with low confidence) and no ERROR.
     *
     * @param severity the lowest severity that fails the assertion; never {@code null}
     * @return this assertion
     */
    public MetricResultAssert hasNoDiagnosticsAtOrAbove(Diagnostic.Severity severity) {
        Objects.requireNonNull(severity, "severity must not be null");
        isNotNull();
        if (actual.diagnostics().stream().anyMatch(d -> d.severity().compareTo(severity) >= 0)) {
            throw failureWithActualExpected(actual.diagnostics(), "no diagnostic at or above " + severity, "%s",
                    RailguardMessages.shouldHaveNoDiagnosticsAtOrAbove(actual, severity, request));
        }
        return myself;
    }

    private Object scoreOrVerdict() {
        return actual.score().isPresent() ? (Object) actual.score().getAsDouble() : "no score (" + actual.verdict() + ")";
    }

}
