package dev.railguard.deeprails;

import dev.railguard.event.EventInput;
import dev.railguard.format.DeepRailsCodec;
import dev.railguard.format.DeepRailsEntry;
import dev.railguard.format.DeepRailsEvent;
import dev.railguard.format.DeepRailsResponses;
import dev.railguard.monitor.MonitorEvent;
import dev.railguard.workflow.WorkflowEvent;

/**
 * DeepRails' request and response bodies, exactly as its API has them (seeds 000 and 001): read a workflow-event or
 * monitor-event body into the library's {@link EventInput}, and write the submit responses with DeepRails' keys and
 * values ({@code event_id} {@code evt_…}, {@code workflow_id} {@code wkfl_…}, {@code monitor_id} {@code mon_…},
 * {@code created_at} in UTC ISO-8601, {@code status} {@code "In Progress"} or {@code "Completed"},
 * {@code billing_request_id} {@code bill_…}).
 *
 * <pre>{@code
 * WorkflowEvent e = workflow.submit(DeepRailsJson.readWorkflowEvent(body));
 * String response = DeepRailsJson.workflowEventResponse(e);
 * }</pre>
 *
 * <p>Bodies are read and written by the one DeepRails codec of {@code evaluation-formats} ({@link DeepRailsCodec}),
 * the codec of batch lines and Spark rows too, so a body and the same line of a batch file mean the same; its rules and
 * wording of errors (with the JSON path, {@code model_input.context[1].role}) are documented there.
 */
public final class DeepRailsJson {

    private DeepRailsJson() {}

    /**
     * Reads a workflow-event body ({@code POST /defend/{workflow_id}/events}) with the one DeepRails codec
     * ({@link DeepRailsEntry#WORKFLOW_BODY}): {@code model_input}, {@code model_output} and {@code model_used} are
     * required, {@code run_mode} defaults to {@code fast}.
     *
     * @throws IllegalArgumentException naming the key that is missing, unknown or of the wrong type
     */
    public static EventInput readWorkflowEvent(String body) {
        return eventInput(DeepRailsCodec.read(body, DeepRailsEntry.WORKFLOW_BODY));
    }

    /**
     * Reads a body written by {@link #requestBody(EventInput)} ({@link DeepRailsEntry#STORED_EVENT}): the keys of a
     * workflow-event body, {@code model_used} optional.
     *
     * @throws IllegalArgumentException naming the key that is missing, unknown or of the wrong type
     */
    public static EventInput readEventInput(String body) {
        return eventInput(DeepRailsCodec.read(body, DeepRailsEntry.STORED_EVENT));
    }

    /**
     * Reads a monitor-event body ({@code POST /monitor/{monitor_id}/events}, {@link DeepRailsEntry#MONITOR_BODY}):
     * {@code model_input} and {@code model_output} are required; {@code model_used}, {@code run_mode},
     * {@code nametag}, {@code guardrail_metrics}, {@code web_search}, {@code file_search} and
     * {@code context_awareness} are optional.
     *
     * @throws IllegalArgumentException naming the key that is missing, unknown or of the wrong type
     */
    public static MonitorEventRequest readMonitorEvent(String body) {
        DeepRailsEvent e = DeepRailsCodec.read(body, DeepRailsEntry.MONITOR_BODY);
        return new MonitorEventRequest(eventInput(e), e.guardrailMetrics(), e.capabilities(), e.fileIds());
    }

    /**
     * {@code input} as a request body with DeepRails' keys, which {@link #readEventInput} (and, with a model,
     * {@link #readWorkflowEvent}) read back to an equal {@link EventInput}.
     */
    public static String requestBody(EventInput input) {
        return DeepRailsCodec.write(DeepRailsEvent.of(input.modelInput(), input.modelOutput())
                .with(input.modelUsed(), input.runMode(), input.nametag()));
    }

    private static EventInput eventInput(DeepRailsEvent e) {
        return new EventInput(e.modelInput(), e.modelOutput(), e.modelUsed(), e.runMode(), e.nametag());
    }

    /** The submit response of a workflow event ({@link DeepRailsResponses#workflowEvent}). */
    public static String workflowEventResponse(WorkflowEvent event) {
        return DeepRailsResponses.workflowEvent(event.eventId(), event.workflowId(), event.createdAt(), event.status());
    }

    /** The submit response of a monitor event ({@link DeepRailsResponses#monitorEvent}). */
    public static String monitorEventResponse(MonitorEvent event) {
        return DeepRailsResponses.monitorEvent(event.eventId(), event.monitorId(), event.createdAt());
    }
}
