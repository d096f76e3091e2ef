package dev.railguard.api;

import java.util.Set;

/**
 * A metric decided by code in the caller's JVM, with no judge call (regular expressions, JSON schema, PII
 * detectors, embedding similarity). Runs the same in every run mode.
 *
 * <p>A small one needs no class of its own:
 * <pre>{@code
 * InProcessMetric shortAnswer = InProcessMetric.of("short_answer", 0.5, Set.of(), (request, threshold) ->
 *     MetricResult.scored("short_answer", request.modelOutput().length() <= 280 ? 1.0 : 0.0, threshold,
 *         "at most 280 characters", List.of(), Usage.NONE, List.of()));
 * }</pre>
 */
public interface InProcessMetric extends GuardrailMetric {

    /**
     * A metric named {@code name} whose result is what {@code evaluation} makes of a request and its threshold.
     * Its description is {@code "In-process metric <name>."}.
     *
     * @param name             the snake_case name (the registry checks its form)
     * @param defaultThreshold the threshold when a request sets none, in [0, 1]
     * @param requires         the inputs it needs beyond the output; empty for none
     * @param evaluation       the code that decides; data problems should be an ERROR result, not thrown
     * @return the metric
     * @throws IllegalArgumentException if {@code name} is blank or {@code defaultThreshold} is outside [0, 1]
     */
    static InProcessMetric of(String name, double defaultThreshold, Set<InputRequirement> requires,
            Evaluation evaluation) {
        Checks.nonBlank(name, "name");
        Thresholds.check(defaultThreshold, "defaultThreshold of metric '" + name + "'");
        Set<InputRequirement> required = Set.copyOf(Checks.copy(requires, "requires"));
        Checks.notNull(evaluation, "evaluation");
        return new InProcessMetric() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "In-process metric " + name + ".";
            }

            @Override
            public Set<InputRequirement> requires() {
                return required;
            }

            @Override
            public double defaultThreshold() {
                return defaultThreshold;
            }

            @Override
            public MetricResult evaluate(EvaluationRequest request, double threshold) {
                return evaluation.evaluate(request, threshold);
            }

            @Override
            public String toString() {
                return "InProcessMetric[" + name + "]";
            }
        };
    }

    /** The code of a metric made by {@link #of}: the same contract as {@link #evaluate}. */
    @FunctionalInterface
    interface Evaluation {
        /** Evaluates one validated request against {@code threshold}; never returns {@code null}. */
        MetricResult evaluate(EvaluationRequest request, double threshold);
    }

    /**
     * Evaluates one request. Data problems are reported as an ERROR result, never thrown.
     *
     * @param request   the request, already validated
     * @param threshold the threshold to decide PASS or FAIL with
     * @return the result; never {@code null}
     */
    MetricResult evaluate(EvaluationRequest request, double threshold);
}
