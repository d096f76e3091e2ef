package dev.railguard.metrics.reference;

import dev.railguard.api.MetricResult;
import dev.railguard.metrics.DefaultThresholds;
import java.util.List;

/**
 * {@code exact_match}: 1.0 when the output equals the ground truth after SQuAD v1.1's normalisation (lower case,
 * punctuation and the articles a, an, the removed, white space collapsed), else 0.0. Source: the official SQuAD v1.1
 * evaluation script, {@code evaluate-v1.1.py}.
 */
public final class ExactMatchMetric extends ReferenceCheck {

    /** The installed name. */
    public static final String NAME = "exact_match";

    /** The installed {@code exact_match}. */
    public ExactMatchMetric() {
        this(NAME, DefaultThresholds.of(NAME));
    }

    private ExactMatchMetric(String name, double threshold) {
        super(name, "Whether the output equals the ground truth after SQuAD v1.1 normalisation (offline, no judge).",
                threshold);
    }

    /** An exact-match check named {@code name} with default threshold {@code threshold}. */
    public static ExactMatchMetric of(String name, double threshold) {
        return new ExactMatchMetric(name, threshold);
    }

    @Override
    MetricResult compare(String output, String truth, double threshold) {
        String o = SquadText.normalize(output);
        String t = SquadText.normalize(truth);
        boolean same = o.equals(t);
        return result(same ? 1.0 : 0.0, threshold, same ? "The output matches the ground truth exactly after SQuAD"
                + " normalisation ('" + t + "')." : "The output does not match the ground truth after SQuAD"
                + " normalisation: '" + abbreviate(o) + "' is not '" + abbreviate(t) + "'.", List.of(), List.of());
    }

    static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }
}
