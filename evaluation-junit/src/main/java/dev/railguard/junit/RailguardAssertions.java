package dev.railguard.junit;

import dev.railguard.api.EvaluationResult;
import dev.railguard.api.MetricResult;
import org.assertj.core.api.Assertions;

/**
 * The entry point of Railguard's assertions, and of all of AssertJ's (this class extends {@link Assertions}), so one
 * static import serves both.
 *
 * <pre>{@code
 * import static dev.railguard.junit.RailguardAssertions.*;
 *
 * assertThat(result).passes();
 * assertThat(result).metric("correctness").hasScoreAtLeast(0.8);
 * assertThat(result).metric("comprehensive_safety").passes();
 * assertThatOutput(answer).forPrompt(question).withEvaluator(evaluator).passes("correctness", "completeness");
 * assertThat(List.of(1, 2)).hasSize(2);                      // plain AssertJ still works
 * }</pre>
 *
 * <p>A failure tells what was expected and what the judges said: score and threshold, rationale, failing units with
 * reasons, diagnostics. A metric in ERROR or SKIPPED never passes an assertion. Message texts are in
 * {@link RailguardMessages}.
 */
public class RailguardAssertions extends Assertions {

    /** Not to be instantiated; extended only to add further entry points. */
    protected RailguardAssertions() {}

    /**
     * Creates an assertion on an evaluation result.
     *
     * @param actual the result; may be {@code null} (every assertion then fails)
     * @return the assertion
     */
    public static EvaluationResultAssert assertThat(EvaluationResult actual) {
        return EvaluationResultAssert.assertThat(actual);
    }

    /**
     * Creates an assertion on one metric's result.
     *
     * @param actual the metric result; may be {@code null} (every assertion then fails)
     * @return the assertion
     */
    public static MetricResultAssert assertThat(MetricResult actual) {
        return MetricResultAssert.assertThat(actual);
    }

    /**
     * Starts a one-statement evaluation of {@code output}: give it the input and an evaluator, then name the
     * metrics it must pass.
     *
     * <pre>{@code
     * assertThatOutput("Paris is the capital of France.")
     *     .forPrompt("What is the capital of France?")
     *     .withEvaluator(evaluator)
     *     .passes("correctness", "completeness");
     * }</pre>
     *
     * @param output what the model produced; may be empty (an empty output is evaluated), not {@code null}
     * @return the assertion
     */
    public static ModelOutputAssert assertThatOutput(String output) {
        return new ModelOutputAssert(output);
    }
}
