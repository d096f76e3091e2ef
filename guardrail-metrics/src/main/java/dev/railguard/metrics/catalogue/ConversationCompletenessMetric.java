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
 * {@code conversation_completeness}: the share of the user's intents in the conversation that the assistant met by its end.
 * <ul>
 * <li>Unit: an intent the user expressed in the conversation (context and user prompt).</li>
 * <li>Y: by the end (the output is the last assistant turn) the assistant met it or explained why it cannot.</li>
 * <li>Needs: {@code modelInput.context}. Default threshold 0.8.</li>
 * </ul>
 */
public final class ConversationCompletenessMetric extends DeclaredJudgedMetric {

    /** The metric's name. */
    public static final String NAME = "conversation_completeness";

    /** Creates the metric (also used by {@link java.util.ServiceLoader}). */
    public ConversationCompletenessMetric() {
        super(NAME, "The share of the user's intents in the conversation that the assistant met by its end.", UnitKinds.USER_INTENT,
                Aggregation.WEIGHTED_SHARE, Set.of(InputRequirement.CONTEXT_MESSAGES));
    }

    @Override
    public List<Evidence> evidence(EvaluationRequest request) {
        ModelInput input = request.modelInput();
        return concat(PromptSections.prompts(input), PromptSections.context(input));
    }
}
