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
 * {@code context_relevance}: the share of the supplied documents that are relevant to the user's prompt.
 * <ul>
 * <li>Unit: a supplied document (or chunk), in order.</li>
 * <li>Y: it contains information that helps answer the prompt; the output is not judged.</li>
 * <li>Needs: {@code modelInput.documents}. Default threshold 0.5.</li>
 * </ul>
 */
public final class ContextRelevanceMetric extends DeclaredJudgedMetric {

    /** The metric's name. */
    public static final String NAME = "context_relevance";

    /** Creates the metric (also used by {@link java.util.ServiceLoader}). */
    public ContextRelevanceMetric() {
        super(NAME, "The share of the supplied documents that are relevant to the user's prompt.", UnitKinds.DOCUMENT,
                Aggregation.WEIGHTED_SHARE, Set.of(InputRequirement.DOCUMENTS));
    }

    @Override
    public List<Evidence> evidence(EvaluationRequest request) {
        ModelInput input = request.modelInput();
        return concat(PromptSections.prompts(input), PromptSections.documents(input));
    }
}
