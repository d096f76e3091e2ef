package dev.railguard.store;

import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.RunMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One workflow or monitor event as the store keeps it: the columns that queries filter on, the request body as
 * submitted ({@code inputJson}, DeepRails' request keys, enough to evaluate the event again) and the event's
 * detail as last written ({@code detailJson}: result, history, improved output).
 *
 * @param eventId      {@code evt_...}
 * @param kind         workflow or monitor
 * @param sourceId     the workflow's {@code wkfl_...} or the monitor's {@code mon_...} id
 * @param status       where the event stands; QUEUED or IN_PROGRESS means pending (to re-evaluate after a crash)
 * @param nametag      the event's tag, or null
 * @param runMode      the run mode
 * @param modelUsed    the model that produced the output, or null
 * @param createdAt    when the event was accepted
 * @param updatedAt    when this state was written
 * @param completedAt  when the event reached a terminal status, or null
 * @param inputJson    the request body, a JSON object
 * @param detailJson   the event's detail, a JSON object, or null while none exists
 * @param errorMessage why the event failed or was canceled, or null
 * @param metrics      the outcome per metric of the latest evaluation; empty while pending
 * @param billing      the usage record of the event, or null while none exists
 */
public record StoredEvent(
        String eventId,
        EventKind kind,
        String sourceId,
        EvaluationStatus status,
        String nametag,
        RunMode runMode,
        String modelUsed,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt,
        String inputJson,
        String detailJson,
        String errorMessage,
        List<MetricOutcome> metrics,
        BillingRecord billing) {

    /** Validates and copies. */
    public StoredEvent {
        id(eventId, "eventId");
        Objects.requireNonNull(kind, "kind must not be null");
        id(sourceId, "sourceId");
        Objects.requireNonNull(status, "status must not be null");
        if (nametag != null && nametag.length() > 255) {
            throw new IllegalArgumentException("nametag must have at most 255 characters, but had " + nametag.length());
        }
        Objects.requireNonNull(runMode, "runMode must not be null");
        if (modelUsed != null && modelUsed.length() > 255) {
            throw new IllegalArgumentException("modelUsed must have at most 255 characters, but had "
                    + modelUsed.length());
        }
        Objects.requireNonNull(createdAt, "createdAt must not be null");
        Objects.requireNonNull(updatedAt, "updatedAt must not be null");
        Objects.requireNonNull(inputJson, "inputJson must not be null");
        metrics = List.copyOf(Objects.requireNonNull(metrics, "metrics must not be null"));
        if (metrics.stream().map(MetricOutcome::metric).distinct().count() != metrics.size()) {
            throw new IllegalArgumentException("metrics must name each metric once, but were: "
                    + metrics.stream().map(MetricOutcome::metric).toList() + " (event " + eventId + ")");
        }
        if (status.isTerminal() && completedAt == null) {
            throw new IllegalArgumentException("completedAt must be set when status is " + status.wireName()
                    + " (event " + eventId + ")");
        }
    }

    /**
     * A freshly accepted event: status QUEUED, no detail, no metrics, no billing.
     *
     * @param inputJson the request body, a JSON object
     */
    public static StoredEvent accepted(String eventId, EventKind kind, String sourceId, String nametag,
            RunMode runMode, String modelUsed, Instant createdAt, String inputJson) {
        return new StoredEvent(eventId, kind, sourceId, EvaluationStatus.QUEUED, nametag, runMode, modelUsed,
                createdAt, createdAt, null, inputJson, null, null, List.of(), null);
    }

    /** This event in a terminal or later state, written at {@code now}. */
    public StoredEvent finished(EvaluationStatus status, Instant now, String detailJson, String errorMessage,
            List<MetricOutcome> metrics, BillingRecord billing) {
        return new StoredEvent(eventId, kind, sourceId, status, nametag, runMode, modelUsed, createdAt, now,
                status.isTerminal() ? now : null, inputJson, detailJson, errorMessage, metrics, billing);
    }

    /** Whether the event is not over yet: accepted but neither completed, failed nor canceled. */
    public boolean pending() {
        return !status.isTerminal();
    }

    /** The outcome of metric {@code name}, when the event has one. */
    public Optional<MetricOutcome> metric(String name) {
        return metrics.stream().filter(m -> m.metric().equals(name)).findFirst();
    }

    private static void id(String value, String field) {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException(field + " must be a non-blank id of at most 64 characters, but was: "
                    + (value == null ? "null" : "'" + value + "'"));
        }
    }
}
