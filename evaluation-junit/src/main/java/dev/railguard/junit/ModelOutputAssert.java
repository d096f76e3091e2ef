package dev.railguard.junit;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.Evaluator;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
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
     * Evaluates the output on {@code metrics} without asserting anything yet.
     *
     * @param metrics the metric names; at least one
     * @return an assertion on the result
     * @throws IllegalStateException    if no evaluator or no input was set
     * @throws IllegalArgumentException as {@link Evaluator#evaluate} does for an unknown metric or a missing input
     */
    public EvaluationResultAssert evaluatedOn(String... metrics) {
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
