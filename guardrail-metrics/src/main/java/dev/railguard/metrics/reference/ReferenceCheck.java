package dev.railguard.metrics.reference;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.InputRequirement;
import dev.railguard.api.MetricResult;
import dev.railguard.api.Usage;
import dev.railguard.metrics.OfflineCheck;
import java.util.List;
import java.util.Set;

/** An offline check that compares the output with the ground truth, which the evaluator has made sure is there. */
abstract class ReferenceCheck extends OfflineCheck {

    ReferenceCheck(String name, String description, double threshold) {
        super(name, description, threshold);
    }

    @Override
    public final Set<InputRequirement> requires() {
        return Set.of(InputRequirement.GROUND_TRUTH);
    }

    @Override
    protected final MetricResult check(EvaluationRequest request, double threshold) {
        return request.modelInput().groundTruthIfPresent()
                .map(truth -> compare(request.modelOutput(), truth, threshold))
                .orElseGet(() -> MetricResult.error(name(), threshold, "modelInput.groundTruth must be set for '"
                        + name() + "', but was absent", Usage.NONE, List.of()));
    }

    /** A score of a 0..100 scale on 0..1, rounding error kept inside (sacreBLEU's 100 can be 100.00000000000001). */
    static double fromPercent(double percent) {
        return Math.max(0.0, Math.min(1.0, percent / 100));
    }

    /** The result of comparing {@code output} with {@code truth}. */
    abstract MetricResult compare(String output, String truth, double threshold);
}
