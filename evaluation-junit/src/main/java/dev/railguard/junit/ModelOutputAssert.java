package dev.railguard.junit;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.Evaluator;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.metrics.CriteriaMetric;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Evaluates an output and asserts on the result in one statement. Obtain one from
 * {@link RailguardAssertions#assertThatOutput(String)}.
 *
 * <pre>{@code
 * assertThatOutput(answer)
 *     .forPrompt("What is the capital of France?")
 *     .withEvaluator(evaluator)
 *     .passes("correctness", "completeness");
 * }</pre>
 *
 * <p>The terminal methods ({@link #passes}, {@link #fails}, {@link #evaluatedOn}) evaluate once, synchronously (the
 * judges are asked once per metric in {@code fast} mode), and return an {@link EvaluationResultAssert} for further
 * checks. Their failure messages end with the output and its input. Misuse (no evaluator, no input, an unknown
 * metric, a metric whose input is missing) throws at once, as {@link Evaluator#evaluate} does; it is not an
 * assertion failure.
 */
public final class ModelOutputAssert extends AbstractAssert<ModelOutputAssert, String> {

    private ModelInput input;
    private Evaluator evaluator;
    private RunMode runMode = RunMode.FAST;
    private String modelUsed;
    private final Map<String, Double> thresholds = new LinkedHashMap<>();

    ModelOutputAssert(String output) {
        super(output, ModelOutputAssert.class);
    }

    /**
     * Sets the input to a user prompt.
     *
     * @param userPrompt the prompt the output answers; never blank
     * @return this assertion
     */
    public ModelOutputAssert forPrompt(String userPrompt) {
        this.input = ModelInput.ofUserPrompt(userPrompt);
        return myself;
    }

    /**
     * Sets the whole input: prompts, ground truth, documents, context.
     *
     * @param input what the model was given; never {@code null}
     * @return this assertion
     */
    public ModelOutputAssert forInput(ModelInput input) {
        this.input = Objects.requireNonNull(input, "input must not be null");
        return myself;
    }

    /**
     * Sets the evaluator to judge with, typically the one {@link RailguardExtension} injects.
     *
     * @param evaluator the evaluator; never {@code null}
     * @return this assertion
     */
    public ModelOutputAssert withEvaluator(Evaluator evaluator) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator must not be null");
        return myself;
    }

    /**
     * Sets the run mode; {@code fast} by default.
     *
     * @param runMode the run mode; never {@code null}
     * @return this assertion
     */
    public ModelOutputAssert withRunMode(RunMode runMode) {
        this.runMode = Objects.requireNonNull(runMode, "runMode must not be null");
        return myself;
    }

    /**
     * Overrides the threshold of one metric.
     *
     * @param metric    the metric's name
     * @param threshold the threshold in [0, 1]
     * @return this assertion
     */
    public ModelOutputAssert withThreshold(String metric, double threshold) {
        thresholds.put(Objects.requireNonNull(metric, "metric must not be null"), threshold);
        return myself;
    }

    /**
     * Names the model that produced the output, so that it does not judge itself when the panel has another judge.
     *
     * @param modelUsed the model's name, for example {@code "gpt-4o-mini"}
     * @return this assertion
     */
    public ModelOutputAssert withModelUsed(String modelUsed) {
        this.modelUsed = modelUsed;
        return myself;
    }

    /**
     * Evaluates the output on {@code metrics} and verifies that every one passes
     * ({@link EvaluationResultAssert#passes()}).
     *
     * @param metrics the metric names; at least one
     * @return an assertion on the result, for further checks
     */
    public EvaluationResultAssert passes(String... metrics) {
        return evaluatedOn(metrics).passes();
    }

    /**
     * Evaluates the output on {@code metrics} and verifies that it was judged and at least one metric failed
     * ({@link EvaluationResultAssert#fails()}).
     *
     * @param metrics the metric names; at least one
     * @return an assertion on the result, for further checks
     */
    public EvaluationResultAssert fails(String... metrics) {
        return evaluatedOn(metrics).fails();
    }

    /**
     * Evaluates the output against criteria in a sentence and verifies that it meets them: a
     * {@link CriteriaMetric} named {@value #MEETS}, pass/fail on the output as a whole, with the prompts as input.
     * The evaluator must be a {@link RailguardEvaluator} (the one {@link RailguardExtension} injects is): the metric
     * joins it for this evaluation ({@link RailguardEvaluator#withMetrics}), so its evaluation steps are written once
     * per evaluator and, with a cache directory, once per cache.
     *
     * <pre>{@code
     * assertThatOutput(reply).forPrompt("My order is late.").withEvaluator(evaluator)
     *     .meets("Polite, and ends with a concrete next step.");
     * }</pre>
     *
     * @param criteria what a good output does; never blank
     * @return an assertion on the result, for further checks
     * @throws IllegalStateException if the evaluator is not a {@link RailguardEvaluator}
     */
    public EvaluationResultAssert meets(String criteria) {
        CriteriaMetric metric = CriteriaMetric.builder(MEETS).criteria(criteria).build();
        if (evaluator != null && !(evaluator instanceof RailguardEvaluator)) {
            throw new IllegalStateException("meets(criteria) adds a criteria metric to the evaluator, which needs a"
                    + " RailguardEvaluator, but the evaluator is a " + evaluator.getClass().getName() + "; register a"
                    + " CriteriaMetric in it and call passes(name) instead");
        }
        return evaluate(evaluator == null ? null : ((RailguardEvaluator) evaluator).withMetrics(metric), MEETS)
                .passes();
    }

    /** The name of the criteria metric {@link #meets} evaluates. */
    public static final String MEETS = "meets";

    /**
     * Evaluates the output on {@code metrics} without asserting anything yet.
     *
     * @param metrics the metric names; at least one
     * @return an assertion on the result
     * @throws IllegalStateException    if no evaluator or no input was set
     * @throws IllegalArgumentException as {@link Evaluator#evaluate} does for an unknown metric or a missing input
     */
    public EvaluationResultAssert evaluatedOn(String... metrics) {
        return evaluate(evaluator, metrics);
    }

    private EvaluationResultAssert evaluate(Evaluator evaluator, String... metrics) {
        isNotNull();
        if (evaluator == null) {
            throw new IllegalStateException("no evaluator to judge the output with: call withEvaluator(evaluator)"
                    + " first, for example with the Evaluator that RailguardExtension injects");
        }
        if (input == null) {
            throw new IllegalStateException("no input for the output: call forPrompt(userPrompt) or"
                    + " forInput(modelInput) first");
        }
        EvaluationRequest.Builder builder = EvaluationRequest.builder().modelInput(input).modelOutput(actual)
                .modelUsed(modelUsed).runMode(runMode).metrics(metrics);
        thresholds.forEach(builder::threshold);
        EvaluationRequest request = builder.build();
        EvaluationResult result = evaluator.evaluate(request);
        EvaluationResultAssert resultAssert = new EvaluationResultAssert(result, request);
        return info.descriptionText().isEmpty() ? resultAssert : resultAssert.describedAs(info.description());
    }
}
