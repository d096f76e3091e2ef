package dev.railguard.workflow;

import java.util.Objects;

/**
 * Signalled by a workflow's stream when the event has no text to forward: the output failed and was not improved
 * ({@code do_nothing}, or every attempt failed), or the event failed or was canceled. Carries the event.
 */
public final class OutputFilteredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient WorkflowEvent event;

    /** An exception about {@code event}. */
    public OutputFilteredException(WorkflowEvent event) {
        super(describe(Objects.requireNonNull(event, "event must not be null")));
        this.event = event;
    }

    /** The event that produced no text. */
    public WorkflowEvent event() {
        return event;
    }

    private static String describe(WorkflowEvent e) {
        String base = "event " + e.eventId() + " of workflow " + e.workflowId();
        return switch (e.status()) {
            case FAILED -> base + " failed: " + e.errorMessage();
            case CANCELED -> base + " was canceled: " + e.errorMessage();
            default -> base + " did not pass its guardrails (" + e.improvementToolStatus() + " after "
                    + e.improvementAttempts() + " improvement attempts); failing: "
                    + (e.evaluationResult() == null ? "[]" : e.evaluationResult().notPassed().stream()
                            .map(m -> m.metric()).toList());
        };
    }
}
