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
 * {@code knowledge_retention}: the share of the assistant's turns that neither forget nor re-ask what the user already said.
 * <ul>
 * <li>Unit: an assistant turn of the context, the output as the last one.</li>
 * <li>Y: the turn is consistent with what the user said before it and does not ask for it again.</li>
 * <li>Needs: {@code modelInput.context}. Default threshold 0.9.</li>
 * </ul>
 */
public final class KnowledgeRetentionMetric extends DeclaredJudgedMetric {

    /** The metric's name. */
    public static final String NAME = "knowledge_retention";

    /** Creates the metric (also used by {@link java.util.ServiceLoader}). */
    public KnowledgeRetentionMetric() {
        super(NAME, "The share of the assistant's turns that neither forget nor re-ask what the user already said.", UnitKinds.ASSISTANT_TURN,
                Aggregation.WEIGHTED_SHARE, Set.of(InputRequirement.CONTEXT_MESSAGES));
    }

    @Override
    public List<Evidence> evidence(EvaluationRequest request) {
        ModelInput input = request.modelInput();
        return concat(PromptSections.prompts(input), PromptSections.context(input));
    }
}
