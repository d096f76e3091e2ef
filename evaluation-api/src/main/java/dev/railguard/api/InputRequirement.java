package dev.railguard.api;

/** An input a metric needs to be evaluated; the evaluator rejects a request that lacks one, naming both. */
public enum InputRequirement {
    /** A non-blank {@link ModelInput#groundTruth()}. */
    GROUND_TRUTH("modelInput.groundTruth"),
    /** At least one {@link ModelInput#context()} message. */
    CONTEXT_MESSAGES("modelInput.context");

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
        };
    }
}
