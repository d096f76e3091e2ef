package dev.railguard.workflow;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Automatic thresholds (DeepRails' {@code automatic_hallucination_tolerance_levels}): a qualitative tolerance per
 * metric that the engine turns into a number. Low tolerance is the strictest. This table is the one place where the
 * numbers live.
 *
 * <table>
 * <caption>Threshold per tolerance level</caption>
 * <tr><th>metric</th><th>low</th><th>medium</th><th>high</th></tr>
 * <tr><td>correctness</td><td>0.90</td><td>0.80</td><td>0.65</td></tr>
 * <tr><td>completeness</td><td>0.80</td><td>0.70</td><td>0.55</td></tr>
 * <tr><td>instruction_adherence</td><td>0.90</td><td>0.80</td><td>0.65</td></tr>
 * <tr><td>context_adherence</td><td>0.90</td><td>0.80</td><td>0.65</td></tr>
 * <tr><td>ground_truth_adherence</td><td>0.90</td><td>0.80</td><td>0.65</td></tr>
 * <tr><td>comprehensive_safety</td><td>1.00</td><td>1.00</td><td>1.00</td></tr>
 * <tr><td>any other metric, default threshold d</td><td>min(1, d + 0.10)</td><td>d</td><td>max(0, d - 0.15)</td></tr>
 * </table>
 *
 * <p>Medium equals the metric's default threshold. Comprehensive safety scores 0 or 1 (any flag fails), so every level
 * is 1.0: no tolerance makes an unsafe output pass. <b>Adaptation rule: none.</b> DeepRails says its automatic
 * thresholds "change as events are recorded" without saying how; Railguard keeps them fixed, because a threshold that
 * follows observed scores drifts down exactly when outputs get worse. Use custom thresholds for other numbers.
 */
public enum Tolerance {
    /** The strictest thresholds. */
    LOW("low"),
    /** The metric's default thresholds. */
    MEDIUM("medium"),
    /** The most lenient thresholds. */
    HIGH("high");

    private static final Map<String, double[]> TABLE = Map.of(
            "correctness", new double[] {0.90, 0.80, 0.65},
            "completeness", new double[] {0.80, 0.70, 0.55},
            "instruction_adherence", new double[] {0.90, 0.80, 0.65},
            "context_adherence", new double[] {0.90, 0.80, 0.65},
            "ground_truth_adherence", new double[] {0.90, 0.80, 0.65},
            "comprehensive_safety", new double[] {1.00, 1.00, 1.00});

    private final String wireName;

    Tolerance(String wireName) {
        this.wireName = wireName;
    }

    /** The DeepRails name: {@code low}, {@code medium} or {@code high}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The threshold this tolerance means for {@code metric}, whose default threshold is {@code defaultThreshold}
     * (used for metrics outside the table).
     */
    public double threshold(String metric, double defaultThreshold) {
        Objects.requireNonNull(metric, "metric must not be null");
        double[] row = TABLE.get(metric);
        if (row != null) {
            return row[ordinal()];
        }
        return switch (this) {
            case LOW -> Math.min(1.0, defaultThreshold + 0.10);
            case MEDIUM -> defaultThreshold;
            case HIGH -> Math.max(0.0, defaultThreshold - 0.15);
        };
    }

    /**
     * The tolerance named {@code name} (any case).
     *
     * @throws IllegalArgumentException listing the valid names
     */
    public static Tolerance fromWireName(String name) {
        Objects.requireNonNull(name, "tolerance must not be null");
        for (Tolerance t : values()) {
            if (t.wireName.equalsIgnoreCase(name.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("tolerance must be one of "
                + Arrays.stream(values()).map(Tolerance::wireName).toList() + ", but was: '" + name + "'");
    }

    @Override
    public String toString() {
        return wireName;
    }
}
