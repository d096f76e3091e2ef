package dev.railguard.event;

import dev.railguard.api.EvaluationResult;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.Usage;
import java.time.Instant;
import java.util.Objects;

/**
 * One state of a workflow or monitor event, as handed to an {@link EventRecorder}.
 *
 * @param eventId      {@code evt_...}
 * @param source       workflow or monitor
 * @param sourceId     the workflow's or monitor's id
 * @param status       the event's status
 * @param input        what was submitted
 * @param createdAt    when the event was accepted
 * @param completedAt  when it reached a terminal status, or null
 * @param result       the latest evaluation, or null while none finished
 * @param usage        judge (and generator) usage so far
 * @param detailJson   the event's detail as JSON (the {@code toJson()} of the workflow or monitor event), or null
 * @param errorMessage why the event failed or was canceled, or null
 */
public record EventRecord(String eventId, EventSource source, String sourceId, EvaluationStatus status,
        EventInput input, Instant createdAt, Instant completedAt, EvaluationResult result, Usage usage,
        String detailJson, String errorMessage) {

    /** Validates. */
    public EventRecord {
        Objects.requireNonNull(eventId, "eventId must not be null");
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(sourceId, "sourceId must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(input, "input must not be null");
        Objects.requireNonNull(createdAt, "createdAt must not be null");
        usage = usage == null ? Usage.NONE : usage;
    }
}
