package dev.railguard.junit;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.MetricResult;
import dev.railguard.api.Verdict;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an {@link EvaluationResult}. Obtain one from {@link RailguardAssertions#assertThat(EvaluationResult)}.
 *
 * <pre>{@code
 * assertThat(result).passes();                                   // every metric PASS
 * assertThat(result).metric("correctness").hasScoreAtLeast(0.8);
 * assertThat(result).metric("comprehensive_safety").passes();
 * }</pre>
 *
 * <p>Failures carry the expected and actual verdicts as one line per metric (so IDEs show a diff) and a message
 * with each metric that did not pass: score, threshold, rationale, failing units with reasons, diagnostics (see
 * {@link RailguardMessages}). A metric in ERROR or SKIPPED never satisfies an assertion of passing or failing.
 * Not thread-safe, like every AssertJ assertion.
 */
public final class EvaluationResultAssert extends AbstractAssert<EvaluationResultAssert, EvaluationResult> {

    private final EvaluationRequest request;

    EvaluationResultAssert(EvaluationResult actual, EvaluationRequest request) {
        super(actual, EvaluationResultAssert.class);
        this.request = request;
    }

    /**
     * Creates an assertion on {@code actual}.
     *
     * @param actual the result to check; may be {@code null} (every assertion then fails)
     * @return the assertion
     */
    public static EvaluationResultAssert assertThat(EvaluationResult actual) {
        return new EvaluationResultAssert(actual, null);
    }

    /**
     * Verifies that the output passed: the evaluation COMPLETED and every metric is PASS.
     *
     * <p>Assertion succeeds: every metric reached its threshold. Assertion fails: a metric is FAIL, ERROR or SKIPPED,
     * or the evaluation FAILED or was CANCELED; the message is {@link RailguardMessages#shouldPass(EvaluationResult,
     * EvaluationRequest)}.
     *
     * @return this assertion
     */
    public EvaluationResultAssert passes() {
        isNotNull();
        if (!actual.passed()) {
            throw failureWithActualExpected(RailguardMessages.verdictLines(actual),
                    RailguardMessages.passingVerdictLines(actual), "%s", RailguardMessages.shouldPass(actual, request));
        }
        return myself;
    }

    /**
     * Verifies that the output was judged and failed: the evaluation COMPLETED, no metric is ERROR or SKIPPED, and at
     * least one metric is FAIL. Use it to check that a deliberately bad output is caught; a judge error does not
     * count as catching it.
     *
     * @return this assertion
     */
    public EvaluationResultAssert fails() {
        isNotNull();
        boolean judged = actual.status() == EvaluationStatus.COMPLETED && actual.metrics().values().stream()
                .allMatch(m -> m.verdict() == Verdict.PASS || m.verdict() == Verdict.FAIL);
        boolean anyFail = actual.metrics().values().stream().anyMatch(m -> m.verdict() == Verdict.FAIL);
        if (!judged || !anyFail) {
            throw failureWithActualExpected(RailguardMessages.verdictLines(actual),
                    "at least one metric FAIL, none ERROR or SKIPPED", "%s",
                    RailguardMessages.shouldFail(actual, request));
        }
        return myself;
    }

    /**
     * Verifies that no metric is in ERROR (the judges answered), whatever the scores.
     *
     * @return this assertion
     */
    public EvaluationResultAssert hasNoErrors() {
        isNotNull();
        if (actual.metrics().values().stream().anyMatch(m -> m.verdict() == Verdict.ERROR)) {
            throw failureWithActualExpected(RailguardMessages.verdictLines(actual), "no metric ERROR", "%s",
                    RailguardMessages.shouldHaveNoErrors(actual, request));
        }
        return myself;
    }

    /**
     * Navigates to the result of one metric.
     *
     * @param name the metric's name, for example {@code "correctness"}; never {@code null}
     * @return an assertion on that metric's result
     * @throws AssertionError naming the metrics the result has, when it has no metric {@code name}
     */
    public MetricResultAssert metric(String name) {
        isNotNull();
        MetricResult m = actual.metrics().get(name);
        if (m == null) {
            throw failureWithActualExpected(actual.metrics().keySet(), name, "%s",
                    RailguardMessages.shouldHaveMetric(actual, name));
        }
        return new MetricResultAssert(m, request);
    }
}
