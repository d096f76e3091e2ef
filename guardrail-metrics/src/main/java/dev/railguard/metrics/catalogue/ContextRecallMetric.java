package dev.railguard.metrics.catalogue;

import dev.railguard.format.PromptSections;
import dev.railguard.api.Aggregation;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.Evidence;
import dev.railguard.api.InputRequirement;
import dev.railguard.api.ModelInput;
import dev.railguard.metrics.DeclaredJudgedMetric;
import dev.railguard.metrics.UnitKinds;
import java.util.List;
import java.util.Set;

/**
 * {@code context_recall}: the share of the ground truth's claims that the supplied documents support.
 * <ul>
 * <li>Unit: an atomic claim of the ground truth.</li>
 * <li>Y: the documents state or plainly imply it (the retrieval found it).</li>
 * <li>Needs: {@code modelInput.groundTruth} and {@code modelInput.documents}. Default threshold 0.8.</li>
 * </ul>
 */
public final class ContextRecallMetric extends DeclaredJudgedMetric {

    /** The metric's name. */
    public static final String NAME = "context_recall";

    /** Creates the metric (also used by {@link java.util.ServiceLoader}). */
    public ContextRecallMetric() {
        super(NAME, "The share of the ground truth's claims that the supplied documents support.", UnitKinds.REFERENCE_CLAIM,
                Aggregation.WEIGHTED_SHARE, Set.of(InputRequirement.GROUND_TRUTH, InputRequirement.DOCUMENTS));
    }

    @Override
    public List<Evidence> evidence(EvaluationRequest request) {
        ModelInput input = request.modelInput();
        return concat(PromptSections.prompts(input), PromptSections.groundTruth(input), PromptSections.documents(input));
    }
}
