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
 * {@code role_adherence}: the share of the assistant's turns that keep the role and rules the system prompt sets.
 * <ul>
 * <li>Unit: an assistant turn of the context, the output as the last one.</li>
 * <li>Y: the turn keeps the role, persona, scope and rules of the system prompt.</li>
 * <li>Needs: {@code modelInput.systemPrompt}; the conversation in {@code modelInput.context}. Default threshold 0.9.</li>
 * </ul>
 */
public final class RoleAdherenceMetric extends DeclaredJudgedMetric {

    /** The metric's name. */
    public static final String NAME = "role_adherence";

    /** Creates the metric (also used by {@link java.util.ServiceLoader}). */
    public RoleAdherenceMetric() {
        super(NAME, "The share of the assistant's turns that keep the role and rules the system prompt sets.", UnitKinds.ASSISTANT_TURN,
                Aggregation.WEIGHTED_SHARE, Set.of(InputRequirement.SYSTEM_PROMPT));
    }

    @Override
    public List<Evidence> evidence(EvaluationRequest request) {
        ModelInput input = request.modelInput();
        return concat(PromptSections.prompts(input), PromptSections.context(input));
    }
}
