package dev.railguard.metrics.catalogue;

import dev.railguard.format.PromptSections;
import dev.railguard.api.Aggregation;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.Evidence;
import dev.railguard.api.ModelInput;
import dev.railguard.metrics.DeclaredJudgedMetric;
import dev.railguard.metrics.UnitKinds;
import java.util.List;
import java.util.Set;

/**
 * {@code task_completion}: the share of the sub-goals of the user's request that the agent's tool calls and final output achieved.
 * <ul>
 * <li>Unit: a sub-goal of what the user asked for.</li>
 * <li>Y: the tool results and the final output show it achieved (a claim in the output without a tool result behind it is N).</li>
 * <li>Needs: the prompts; reads {@code modelInput.toolCalls} when there are any. Default threshold 0.8.</li>
 * </ul>
 */
public final class TaskCompletionMetric extends DeclaredJudgedMetric {

    /** The metric's name. */
    public static final String NAME = "task_completion";

    /** Creates the metric (also used by {@link java.util.ServiceLoader}). */
    public TaskCompletionMetric() {
        super(NAME, "The share of the sub-goals of the user's request that the agent's tool calls and final output achieved.", UnitKinds.SUB_GOAL,
                Aggregation.WEIGHTED_SHARE, Set.of());
    }

    @Override
    public List<Evidence> evidence(EvaluationRequest request) {
        ModelInput input = request.modelInput();
        return concat(PromptSections.prompts(input), PromptSections.context(input), PromptSections.toolCalls(input));
    }
}
