package dev.railguard.monitor;

import dev.railguard.format.DeepRailsField;
import dev.railguard.engine.Judge;
import dev.railguard.event.internal.EventJson;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.railguard.api.EvaluationResult;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.api.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one event of a {@link Monitor} (DeepRails' {@code MonitorEventDetailResponse}).
 *
 * @param eventId          {@code evt_...}
 * @param monitorId        {@code mon_...}
 * @param status           {@code queued}, {@code in_progress}, {@code completed}, {@code failed} or {@code canceled}
 * @param progress         0 queued, 50 in progress, 100 terminal
 * @param modelInput       the prompt
 * @param modelOutput      the output evaluated
 * @param modelUsed        the model that produced it, or null
 * @param runMode          the run mode
 * @param nametag          the event's tag, or null
 * @param evaluationResult the result, when completed
 * @param createdAt        when the event was submitted
 * @param startedAt        when its evaluation started, or null
 * @param completedAt      when it reached a terminal status, or null
 * @param errorMessage     why it failed or was canceled, or null
 */
public record MonitorEvent(
        String eventId,
        String monitorId,
        EvaluationStatus status,
        int progress,
        ModelInput modelInput,
        String modelOutput,
        String modelUsed,
        RunMode runMode,
        String nametag,
        EvaluationResult evaluationResult,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt,
        String errorMessage) {

    /** Validates. */
    public MonitorEvent {
        Objects.requireNonNull(eventId, "eventId must not be null");
        Objects.requireNonNull(status, "status must not be null");
    }

    /** The result, when the event completed. */
    public Optional<EvaluationResult> result() {
        return Optional.ofNullable(evaluationResult);
    }

    /** Time spent evaluating (DeepRails' {@code eval_time}): from start to completion; empty until both are known. */
    public Optional<Duration> evalTime() {
        return startedAt == null || completedAt == null ? Optional.empty()
                : Optional.of(Duration.between(startedAt, completedAt));
    }

    /** Judge usage of the evaluation. */
    public Usage usage() {
        return evaluationResult == null ? Usage.NONE : evaluationResult.usage();
    }

    /** Cost of the evaluation (DeepRails' {@code evaluation_total_cost}). */
    public double cost() {
        return usage().cost();
    }

    /** This event as one line of JSON (snake_case fields as DeepRails names them), without a line break. */
    public String toJson() {
        ObjectNode root = EventJson.object();
        root.put("event_id", eventId());
        root.put("monitor_id", monitorId());
        root.put("status", status().wireName());
        root.put("progress", progress());
        EventJson.putNullable(root, "nametag", nametag());
        root.put(DeepRailsField.RUN_MODE.key(), runMode() == null ? null : runMode().wireName());
        EventJson.putNullable(root, DeepRailsField.MODEL_USED.key(), modelUsed());
        if (modelInput() != null) {
            root.set(DeepRailsField.MODEL_INPUT.key(), EventJson.modelInput(modelInput()));
        }
        EventJson.putNullable(root, DeepRailsField.MODEL_OUTPUT.key(), modelOutput());
        EventJson.putInstant(root, "created_at", createdAt());
        EventJson.putInstant(root, "started_at", startedAt());
        EventJson.putInstant(root, "completed_at", completedAt());
        evalTime().ifPresent(d -> root.put("eval_time", d.toNanos() / 1e9));
        if (evaluationResult() != null) {
            root.set("evaluation_result", EventJson.result(evaluationResult()));
            root.put("evaluation_total_cost", cost());
            root.set("usage", EventJson.usage(usage()));
        }
        EventJson.putNullable(root, "error_message", errorMessage());
        return EventJson.write(root);
    }
}
