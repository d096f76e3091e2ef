package dev.railguard.format;

/**
 * The keys of a DeepRails event, for code that builds or names the event's fields outside the codec: a Spark column
 * mapping that selects columns into the event's shape, the result columns that echo an event's fields, the event
 * detail JSON of workflows and monitors. Reading and writing whole events is {@link DeepRailsCodec}'s; this enum only
 * spells the keys, so that no module but {@code evaluation-formats} writes them as strings.
 */
public enum DeepRailsField {
    /** Railguard's {@code id} of a batch line. */
    ID("id", false),
    /** {@code model_input}. */
    MODEL_INPUT("model_input", false),
    /** {@code model_input.system_prompt}. */
    SYSTEM_PROMPT("system_prompt", true),
    /** {@code model_input.user_prompt}. */
    USER_PROMPT("user_prompt", true),
    /** {@code model_input.ground_truth}. */
    GROUND_TRUTH("ground_truth", true),
    /** {@code model_input.context}. */
    CONTEXT("context", true),
    /** {@code model_input.documents}. */
    DOCUMENTS("documents", true),
    /** {@code model_input.extras}. */
    EXTRAS("extras", true),
    /** Railguard's {@code model_input.tool_calls}: an agent's calls, each {@code {name, arguments, result}}. */
    TOOL_CALLS("tool_calls", true),
    /** {@code model_output}. */
    MODEL_OUTPUT("model_output", false),
    /** {@code model_used}. */
    MODEL_USED("model_used", false),
    /** {@code run_mode}. */
    RUN_MODE("run_mode", false),
    /** {@code nametag}. */
    NAMETAG("nametag", false),
    /** {@code guardrail_metrics}. */
    GUARDRAIL_METRICS("guardrail_metrics", false),
    /** {@code web_search}. */
    WEB_SEARCH("web_search", false),
    /** {@code file_search}. */
    FILE_SEARCH("file_search", false),
    /** {@code context_awareness}. */
    CONTEXT_AWARENESS("context_awareness", false),
    /** Railguard's {@code capabilities} of a batch line. */
    CAPABILITIES("capabilities", false);

    private final String key;
    private final boolean inModelInput;

    DeepRailsField(String key, boolean inModelInput) {
        this.key = key;
        this.inModelInput = inModelInput;
    }

    /** The key as it appears in the JSON, for example {@code "user_prompt"}. */
    public String key() {
        return key;
    }

    /** Whether the key sits inside {@code model_input} rather than at the top of the event. */
    public boolean inModelInput() {
        return inModelInput;
    }
}
