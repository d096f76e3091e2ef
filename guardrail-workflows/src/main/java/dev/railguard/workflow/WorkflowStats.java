package dev.railguard.workflow;

/**
 * How a {@link Workflow} has done so far (DeepRails' workflow {@code stats}).
 *
 * @param outputsProcessed      events whose loop finished ({@code completed})
 * @param outputsBelowThreshold events whose initial evaluation failed one or more metrics
 * @param outputsImproved       events whose output was improved until every metric passed
 * @param failed                events that ended {@code failed} (evaluation or generator error)
 * @param canceled              events that were canceled
 * @param inProgress            events still running
 */
public record WorkflowStats(long outputsProcessed, long outputsBelowThreshold, long outputsImproved, long failed,
        long canceled, long inProgress) {

    /** Improved outputs over outputs below threshold; 0 when none was below threshold. */
    public double improvementRate() {
        return outputsBelowThreshold == 0 ? 0.0 : (double) outputsImproved / outputsBelowThreshold;
    }
}
