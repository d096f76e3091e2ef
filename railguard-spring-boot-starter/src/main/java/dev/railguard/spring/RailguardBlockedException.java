package dev.railguard.spring;

import dev.railguard.api.MetricResult;
import dev.railguard.workflow.WorkflowEvent;
import java.util.List;
import java.util.Objects;

/**
 * Thrown by {@link RailguardGuardAdvisor} (from {@code ChatClient}'s {@code call()}, or signalled by its
 * {@code stream()}) when a workflow blocks the model's answer: it failed a metric and was not repaired
 * ({@code do_nothing}, or every improvement attempt failed), or it could not be judged (a judge error is never a pass).
 * The message names the workflow, the event, what happened and the metrics that did not pass; {@link #event()} holds
 * the whole workflow event (scores, rationales, attempt history).
 */
public final class RailguardBlockedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient WorkflowEvent event;
    private final List<String> failingMetrics;

    /** The exception for a workflow event that produced no answer to forward. */
    public RailguardBlockedException(String workflow, WorkflowEvent event) {
        this(workflow, event, null);
    }

    /** As {@link #RailguardBlockedException(String, WorkflowEvent)}, with the exception that signalled the block. */
    public RailguardBlockedException(String workflow, WorkflowEvent event, Throwable cause) {
        super(describe(workflow, Objects.requireNonNull(event, "event must not be null")), cause);
        this.event = event;
        this.failingMetrics = failing(event);
    }

    /** The workflow event behind the block. */
    public WorkflowEvent event() {
        return event;
    }

    /** The metrics that did not pass (failed, or could not be judged), in the order the workflow judges them. */
    public List<String> failingMetrics() {
        return failingMetrics;
    }

    private static List<String> failing(WorkflowEvent e) {
        return e.evaluationResult() == null ? List.of()
                : e.evaluationResult().notPassed().stream().map(MetricResult::metric).toList();
    }

    private static String describe(String workflow, WorkflowEvent e) {
        String base = "workflow '" + workflow + "' blocked the answer (event " + e.eventId() + "): ";
        return switch (e.status()) {
            case FAILED -> base + "the event failed: " + e.errorMessage() + "; failing metrics: " + failing(e);
            case CANCELED -> base + "the event was canceled: " + e.errorMessage();
            default -> base + e.improvementToolStatus() + " after " + e.improvementAttempts()
                    + " improvement attempts; failing metrics: " + failing(e);
        };
    }
}
