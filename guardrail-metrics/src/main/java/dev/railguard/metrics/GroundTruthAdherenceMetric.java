package dev.railguard.metrics;

import dev.railguard.format.PromptSections;
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
 * <li>Y: the claim matches the reference, or says the same less specifically; the reference is authoritative (the
 * judge does not use its own knowledge). A claim the reference does not address is Y with low confidence and does
 * not count.</li>
 * <li>Special rule: a request without ground truth is rejected at validation. High adherence means alignment with
 * the reference, not quality. The measure is a precision: reference points the output leaves out are not units, so
 * an answer that states one of five reference points correctly scores 1.0 (use completeness for the rest).</li>
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
        return concat(PromptSections.groundTruth(request.modelInput()), PromptSections.userPrompt(request.modelInput()));
    }
}
