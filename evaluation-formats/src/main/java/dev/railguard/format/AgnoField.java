package dev.railguard.format;

import java.util.Locale;

/**
 * The keys of Agno's eval-run shapes: the request body ({@code EvalRunInput}, read by {@link AgnoEvalRunBody}), the
 * record {@code /eval-runs} answers ({@code EvalSchema}, {@link AgnoEvalRun}) and the per-type {@code eval_input}
 * ({@link AgnoEvalInput}). Code outside this package that names such a field (a range check's message, a store
 * column's message) takes the spelling from here, so that only {@code evaluation-formats} writes Agno's keys.
 */
public enum AgnoField {
    /** {@code id}: the run's id in the record. */
    ID,
    /** {@code agent_id}. */
    AGENT_ID,
    /** {@code model_id}. */
    MODEL_ID,
    /** {@code model_provider}. */
    MODEL_PROVIDER,
    /** {@code team_id}. */
    TEAM_ID,
    /** {@code workflow_id}. */
    WORKFLOW_ID,
    /** {@code name}. */
    NAME,
    /** {@code evaluated_component_name}. */
    EVALUATED_COMPONENT_NAME,
    /** {@code eval_type}: accuracy, agent_as_judge, performance or reliability. */
    EVAL_TYPE,
    /** {@code eval_data}: the run's result. */
    EVAL_DATA,
    /** {@code eval_input}: the run's configuration. */
    EVAL_INPUT,
    /** {@code created_at}. */
    CREATED_AT,
    /** {@code updated_at}. */
    UPDATED_AT,
    /** {@code input}. */
    INPUT,
    /** {@code expected_output}. */
    EXPECTED_OUTPUT,
    /** {@code criteria}. */
    CRITERIA,
    /** {@code scoring_strategy}: binary or numeric. */
    SCORING_STRATEGY,
    /** {@code threshold}. */
    THRESHOLD,
    /** {@code num_iterations}. */
    NUM_ITERATIONS,
    /** {@code warmup_runs}. */
    WARMUP_RUNS,
    /** {@code expected_tool_calls}. */
    EXPECTED_TOOL_CALLS,
    /** {@code allow_additional_tool_calls}. */
    ALLOW_ADDITIONAL_TOOL_CALLS,
    /** {@code additional_guidelines}. */
    ADDITIONAL_GUIDELINES,
    /** {@code additional_context}. */
    ADDITIONAL_CONTEXT,
    /** {@code expected_tool_call_arguments}. */
    EXPECTED_TOOL_CALL_ARGUMENTS;

    /** The key as it appears in the JSON, for example {@code "num_iterations"}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
