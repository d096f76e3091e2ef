package dev.railguard.api;

/** An input a metric needs to be evaluated; the evaluator rejects a request that lacks one, naming both. */
public enum InputRequirement {
    /** A non-blank {@link ModelInput#groundTruth()}. */
    GROUND_TRUTH("modelInput.groundTruth"),
    /** At least one {@link ModelInput#context()} message. */
    CONTEXT_MESSAGES("modelInput.context"),
    /** At least one non-blank {@link ModelInput#documents()} entry. */
    DOCUMENTS("modelInput.documents"),
    /** A non-blank {@link ModelInput#systemPrompt()}. */
    SYSTEM_PROMPT("modelInput.systemPrompt"),
    /** At least one {@link ModelInput#toolCalls()} entry. */
    TOOL_CALLS("modelInput.toolCalls");

    private final String field;

    InputRequirement(String field) {
        this.field = field;
    }

    /** The field of the request this requirement reads, for messages. */
    public String field() {
        return field;
    }

    /** Whether {@code input} satisfies this requirement. */
    public boolean isMetBy(ModelInput input) {
        return switch (this) {
            case GROUND_TRUTH -> input.groundTruthIfPresent().isPresent();
            case CONTEXT_MESSAGES -> !input.context().isEmpty();
            case DOCUMENTS -> input.documents().stream().anyMatch(d -> !d.isBlank());
            case SYSTEM_PROMPT -> !Checks.isBlank(input.systemPrompt());
            case TOOL_CALLS -> !input.toolCalls().isEmpty();
        };
    }
}
