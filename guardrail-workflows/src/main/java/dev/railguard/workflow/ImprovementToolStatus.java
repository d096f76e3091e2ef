package dev.railguard.workflow;

/**
 * Where a workflow event's improvement stands (DeepRails Defend's {@code improvement_tool_status}). An event that is
 * still being evaluated has none yet.
 */
public enum ImprovementToolStatus {
    /** The output failed, the improvement action ran, and an improved output passed every metric. */
    IMPROVED("improved"),
    /** The output failed and no improvement passed every metric within the attempt budget (or the generator failed). */
    IMPROVEMENT_FAILED("improvement_failed"),
    /** The first evaluation passed every metric. */
    NO_IMPROVEMENT_REQUIRED("no_improvement_required"),
    /** The output failed and needs improvement, but the workflow's action is {@code do_nothing}. */
    IMPROVEMENT_REQUIRED("improvement_required");

    private final String wireName;

    ImprovementToolStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The DeepRails name, for example {@code "improvement_failed"}. */
    public String wireName() {
        return wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
