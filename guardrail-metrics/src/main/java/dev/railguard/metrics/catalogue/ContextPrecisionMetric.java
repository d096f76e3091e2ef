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
 * {@code context_precision}: whether the useful documents are ranked above the useless ones: average precision over the document order.
 * <ul>
 * <li>Unit: a supplied document, in its ranking order.</li>
 * <li>Y: the document helps produce the answer: with a ground truth, it contains a fact of it; without, it helps answer the prompt.</li>
 * <li>Score: average precision over the ranking ({@link Aggregation#AVERAGE_PRECISION}); 1.0 when every useful document ranks above every useless one, 0.0 when none is useful.</li>
 * <li>Needs: {@code modelInput.documents}; uses the ground truth when present. Default threshold 0.7.</li>
 * </ul>
 */
public final class ContextPrecisionMetric extends DeclaredJudgedMetric {

    /** The metric's name. */
    public static final String NAME = "context_precision";

    /** Creates the metric (also used by {@link java.util.ServiceLoader}). */
    public ContextPrecisionMetric() {
        super(NAME, "Whether the useful documents are ranked above the useless ones: average precision over the document order.", UnitKinds.DOCUMENT,
                Aggregation.AVERAGE_PRECISION, Set.of(InputRequirement.DOCUMENTS));
    }

    @Override
    public List<Evidence> evidence(EvaluationRequest request) {
        ModelInput input = request.modelInput();
        return concat(PromptSections.prompts(input), PromptSections.groundTruth(input), PromptSections.documents(input));
    }
}
