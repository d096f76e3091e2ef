package dev.railguard.monitor;

/**
 * Counts of a {@link Monitor}'s events (DeepRails' monitor {@code stats}, plus the two Railguard adds).
 *
 * @param totalEvaluations      every event submitted, rejected ones included
 * @param completedEvaluations  events evaluated (their metrics may still have failed)
 * @param failedEvaluations     events that could not be evaluated, rejected ones included
 * @param queuedEvaluations     events waiting in the intake queue
 * @param inProgressEvaluations events being evaluated
 * @param canceledEvaluations   events canceled (by the caller or by closing the monitor)
 * @param rejectedEvaluations   events refused because the intake queue was full (also counted as failed)
 */
public record MonitorStats(long totalEvaluations, long completedEvaluations, long failedEvaluations,
        long queuedEvaluations, long inProgressEvaluations, long canceledEvaluations, long rejectedEvaluations) {
}
