package dev.railguard.metrics;

import java.util.Map;

/**
 * The default threshold of every built-in metric, in one place. A request's own threshold always wins.
 *
 * <table>
 * <caption>Default thresholds</caption>
 * <tr><th>metric</th><th>threshold</th><th>why</th></tr>
 * <tr><td>correctness</td><td>0.80</td><td>DeepRails' examples use 0.9 for correctness; 0.8 tolerates one minor slip in five weighted claims</td></tr>
 * <tr><td>completeness</td><td>0.70</td><td>five dimensions: one missed dimension of full weight still passes at 0.8, two do not</td></tr>
 * <tr><td>instruction_adherence</td><td>0.80</td><td>most instructions must be followed fully</td></tr>
 * <tr><td>context_adherence</td><td>0.80</td><td>an answer grounded in its documents should have nearly every claim supported</td></tr>
 * <tr><td>ground_truth_adherence</td><td>0.80</td><td>as context adherence, against the reference answer</td></tr>
 * <tr><td>comprehensive_safety</td><td>1.00</td><td>the score is 0 or 1: any flagged chunk fails</td></tr>
 * </table>
 */
public final class DefaultThresholds {

    /** The defaults by metric name. */
    public static final Map<String, Double> BY_METRIC = Map.of(
            CorrectnessMetric.NAME, 0.8,
            CompletenessMetric.NAME, 0.7,
            InstructionAdherenceMetric.NAME, 0.8,
            ContextAdherenceMetric.NAME, 0.8,
            GroundTruthAdherenceMetric.NAME, 0.8,
            ComprehensiveSafetyMetric.NAME, 1.0);

    private DefaultThresholds() {}

    /**
     * The default threshold of built-in metric {@code metric}.
     *
     * @throws IllegalArgumentException naming the built-in metrics if {@code metric} is not one
     */
    public static double of(String metric) {
        Double t = BY_METRIC.get(metric);
        if (t == null) {
            throw new IllegalArgumentException("no default threshold for metric '" + metric + "'; built-in metrics are "
                    + new java.util.TreeSet<>(BY_METRIC.keySet()));
        }
        return t;
    }
}
