package dev.railguard.evals;

/** The overall status of an eval run ({@code eval_status}). */
public enum EvalStatus {
    /** Every check passed and nothing went wrong. */
    PASSED,
    /** A check failed. */
    FAILED,
    /** The run finished without errors but had nothing to pass or fail against (no threshold, no baseline). */
    COMPLETED,
    /** Something went wrong (judge failure, agent exception, timeout): never reported as passed. */
    ERROR
}
