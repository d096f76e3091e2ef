package dev.railguard.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.format.internal.StrictJson;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * DeepRails' submit responses, with its keys and values (seeds 000 and 001): {@code event_id} {@code evt_…},
 * {@code workflow_id} {@code wkfl_…}, {@code monitor_id} {@code mon_…}, {@code created_at} in UTC ISO-8601 with
 * milliseconds, {@code status} {@code "In Progress"} or {@code "Completed"}, {@code billing_request_id}
 * {@code bill_…}.
 */
public final class DeepRailsResponses {

    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private DeepRailsResponses() {}

    /** The submit response of a workflow event. */
    public static String workflowEvent(String eventId, String workflowId, Instant createdAt, EvaluationStatus status) {
        ObjectNode root = StrictJson.MAPPER.createObjectNode();
        root.put("event_id", eventId);
        root.put("workflow_id", workflowId);
        root.put("created_at", createdAt(createdAt));
        root.put("status", status(status));
        root.put("billing_request_id", billingRequestId(eventId));
        return write(root);
    }

    /** The submit response of a monitor event. */
    public static String monitorEvent(String eventId, String monitorId, Instant createdAt) {
        ObjectNode root = StrictJson.MAPPER.createObjectNode();
        root.put("event_id", eventId);
        root.put("monitor_id", monitorId);
        root.put("created_at", createdAt(createdAt));
        return write(root);
    }

    /**
     * DeepRails' submit status: {@code "In Progress"} while the event is queued or being evaluated,
     * {@code "Completed"} once it is over (completed, failed or canceled: the event detail says which).
     */
    public static String status(EvaluationStatus status) {
        return status.isTerminal() ? "Completed" : "In Progress";
    }

    /** {@code instant} in UTC ISO-8601 with milliseconds, for example {@code 2025-11-10T01:32:44.591Z}. */
    public static String createdAt(Instant instant) {
        return UTC_MILLIS.format(instant);
    }

    /**
     * The {@code bill_…} id of the local usage record of event {@code evt_…} (its judge calls, tokens and cost): the
     * event id's random part with the prefix {@code bill_}.
     */
    public static String billingRequestId(String eventId) {
        Objects.requireNonNull(eventId, "eventId must not be null");
        int underscore = eventId.indexOf('_');
        return "bill_" + eventId.substring(underscore + 1);
    }

    private static String write(ObjectNode node) {
        try {
            return StrictJson.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
