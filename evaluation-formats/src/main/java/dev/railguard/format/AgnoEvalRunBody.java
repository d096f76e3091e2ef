package dev.railguard.format;

import dev.railguard.format.internal.AgnoBodies;
import java.util.List;
import java.util.Map;

/**
 * An Agno eval-run request body ({@code POST /eval-runs}, Agno's {@code EvalRunInput}) as read, strictly, by the one
 * JSON reader: every key of the body, each value of the right JSON type or absent (null). What the values mean (the
 * eval types, ranges, defaults, per-type required fields) is checked by {@code agent-evals}' {@code EvalRunRequest}.
 *
 * @param evalType                  {@code eval_type}
 * @param input                     {@code input}
 * @param expectedOutput            {@code expected_output}
 * @param criteria                  {@code criteria}
 * @param scoringStrategy           {@code scoring_strategy}
 * @param threshold                 {@code threshold}
 * @param numIterations             {@code num_iterations}
 * @param warmupRuns                {@code warmup_runs}
 * @param expectedToolCalls         {@code expected_tool_calls}; null when absent
 * @param allowAdditionalToolCalls  {@code allow_additional_tool_calls}
 * @param additionalGuidelines      {@code additional_guidelines}
 * @param additionalContext         {@code additional_context}
 * @param name                      {@code name}
 * @param modelId                   {@code model_id}
 * @param agentId                   {@code agent_id}
 * @param teamId                    {@code team_id}
 * @param modelProvider             {@code model_provider}
 * @param expectedToolCallArguments {@code expected_tool_call_arguments}: per tool, its argument specs (an object, or a
 *                                  list of objects, in the body); empty when absent
 */
public record AgnoEvalRunBody(String evalType, String input, String expectedOutput, String criteria,
        String scoringStrategy, Integer threshold, Integer numIterations, Integer warmupRuns,
        List<String> expectedToolCalls, Boolean allowAdditionalToolCalls, String additionalGuidelines,
        String additionalContext, String name, String modelId, String agentId, String teamId, String modelProvider,
        Map<String, List<Map<String, Object>>> expectedToolCallArguments) {

    /**
     * Reads a body: bad JSON, a duplicate key, a lone surrogate, an unknown key and a value of the wrong type are
     * refused naming the key, the value and what is allowed.
     *
     * @throws IllegalArgumentException naming the field, the value and what is allowed
     */
    public static AgnoEvalRunBody read(String json) {
        return AgnoBodies.evalRun(json);
    }
}
