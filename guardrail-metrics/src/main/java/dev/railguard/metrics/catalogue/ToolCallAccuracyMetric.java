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
 * {@code tool_call_accuracy}: the share of the agent's tool calls that were the right tool with the right arguments at that point.
 * <ul>
 * <li>Unit: a tool call of {@code modelInput.toolCalls}, in order.</li>
 * <li>Y: the right tool, with correct and complete arguments, for the user's goal given what the agent knew then.</li>
 * <li>Needs: {@code modelInput.toolCalls}. Default threshold 0.8.</li>
 * </ul>
 */
public final class ToolCallAccuracyMetric extends DeclaredJudgedMetric {

    /** The metric's name. */
    public static final String NAME = "tool_call_accuracy";

    /** Creates the metric (also used by {@link java.util.ServiceLoader}). */
    public ToolCallAccuracyMetric() {
        super(NAME, "The share of the agent's tool calls that were the right tool with the right arguments at that point.", UnitKinds.TOOL_CALL,
                Aggregation.WEIGHTED_SHARE, Set.of(InputRequirement.TOOL_CALLS));
    }

    @Override
    public List<Evidence> evidence(EvaluationRequest request) {
        ModelInput input = request.modelInput();
        return concat(PromptSections.prompts(input), PromptSections.context(input), PromptSections.toolCalls(input));
    }
}
