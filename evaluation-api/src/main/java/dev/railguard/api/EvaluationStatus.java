package dev.railguard.api;

/** Where an evaluation event is in its life. Every event ends COMPLETED, FAILED or CANCELED. */
public enum EvaluationStatus {
    /** Accepted, waiting for capacity. */
    QUEUED("queued"),
    /** Being evaluated. */
    IN_PROGRESS("in_progress"),
    /** Every metric has a result (which may itself be ERROR). */
    COMPLETED("completed"),
    /** The evaluation as a whole could not finish (for example its timeout expired); the cause is recorded. */
    FAILED("failed"),
    /** Canceled by the caller before it finished. */
    CANCELED("canceled");

    private final String wireName;

    EvaluationStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The snake_case name used in JSON and by DeepRails, for example {@code "in_progress"}. */
    public String wireName() {
        return wireName;
    }

    /** Whether the event is over. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELED;
    }
}
