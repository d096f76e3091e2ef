package dev.railguard.metrics.reference;

import dev.railguard.api.MetricResult;
import dev.railguard.metrics.DefaultThresholds;
import java.util.List;

/**
 * {@code token_f1}: the F1 of the tokens the output shares with the ground truth, both normalised as SQuAD v1.1 does.
 * Source: the official SQuAD v1.1 evaluation script, {@code evaluate-v1.1.py} ({@code f1_score}).
 */
public final class TokenF1Metric extends ReferenceCheck {

    /** The installed name. */
    public static final String NAME = "token_f1";

    /** The installed {@code token_f1}. */
    public TokenF1Metric() {
        this(NAME, DefaultThresholds.of(NAME));
    }

    private TokenF1Metric(String name, double threshold) {
        super(name, "Token F1 of the output against the ground truth, SQuAD v1.1 (offline, no judge).", threshold);
    }

    /** A token-F1 check named {@code name} with default threshold {@code threshold}. */
    public static TokenF1Metric of(String name, double threshold) {
        return new TokenF1Metric(name, threshold);
    }

    @Override
    MetricResult compare(String output, String truth, double threshold) {
        double[] prf = SquadText.f1(output, truth);
        return result(prf[2], threshold, "Token F1 " + format(prf[2]) + " (precision " + format(prf[0]) + ", recall "
                + format(prf[1]) + ", SQuAD v1.1 normalisation).", List.of(), List.of());
    }
}
