package dev.railguard.workflow;

import dev.railguard.event.EventInput;
import dev.railguard.event.EventRecord;
import dev.railguard.event.EventSource;

/** Workflow events as {@link EventRecord}s. */
final class WorkflowRecords {

    private WorkflowRecords() {}

    static EventRecord of(WorkflowEvent e, EventInput input) {
        return new EventRecord(e.eventId(), EventSource.WORKFLOW, e.workflowId(), e.status(), input, e.createdAt(),
                e.completedAt(), e.evaluationResult(), e.usage(), e.isTerminal() ? e.toJson() : null, e.errorMessage());
    }
}
