package dev.railguard.metrics;

import dev.railguard.api.Aggregation;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.Evidence;
import dev.railguard.api.InputRequirement;
import java.util.List;
import java.util.Set;

/**
 * {@code ground_truth_adherence}: how closely the output agrees with a known reference answer.
 * <ul>
 * <li>Unit: an atomic claim of the output.</li>
 * <li>Y: the claim matches the reference or is semantically equivalent to it.</li>
 * <li>Special rule: a request without ground truth is rejected at validation. High adherence means alignment with
 * the reference, not quality.</li>
 * <li>Needs: {@code modelInput.groundTruth}. Default threshold 0.8.</li>
 * </ul>
 */
public final class GroundTruthAdherenceMetric extends DeclaredJudgedMetric {

    /** The metric's name. */
    public static final String NAME = "ground_truth_adherence";

    /** Creates the metric (also used by {@link java.util.ServiceLoader}). */
    public GroundTruthAdherenceMetric() {
        super(NAME, "The share of the output's claims that match or are equivalent to the reference answer.",
                UnitKinds.CLAIM, Aggregation.WEIGHTED_SHARE, Set.of(InputRequirement.GROUND_TRUTH));
    }

    @Override
    public List<Evidence> evidence(EvaluationRequest request) {
        return concat(Evidence.groundTruth(request.modelInput()), Evidence.prompts(request.modelInput()));
    }
}
