package dev.railguard.workflow;

import dev.railguard.format.DeepRailsField;
import dev.railguard.engine.Judge;
import dev.railguard.event.internal.EventJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.railguard.api.Checks;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.api.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one event of a {@link Workflow} (DeepRails' {@code WorkflowEventDetailResponse}). Retrieve the current
 * one with {@link Workflow#event(String)}; snapshots do not change.
 *
 * @param eventId               {@code evt_...}
 * @param workflowId            {@code wkfl_...}
 * @param status                {@code in_progress} until the loop ends, then {@code completed}, {@code failed} or
 *                              {@code canceled}
 * @param progress              0..100; 100 exactly when the status is terminal
 * @param filtered              whether the most recent evaluation failed one or more metrics
 * @param improvementToolStatus where improvement stands; null while the initial evaluation runs
 * @param improvementAction     the action of the workflow when the event was submitted
 * @param modelInput            the prompt
 * @param modelOutput           the original output
 * @param modelUsed             the model that produced the original output, or null
 * @param runMode               the run mode of every evaluation of this event
 * @param nametag               the event's tag, or null
 * @param improvedModelOutput   the improved output that passed every metric, or null
 * @param evaluationResult      the final evaluation (carried-over metrics included), or null before the first
 *                              evaluation finished
 * @param evaluationHistory     one entry per evaluation, in order
 * @param createdAt             when the event was submitted
 * @param completedAt           when it reached a terminal status, or null
 * @param errorMessage          why the event failed or was canceled, or null
 */
public record WorkflowEvent(
        String eventId,
        String workflowId,
        EvaluationStatus status,
        int progress,
        boolean filtered,
        ImprovementToolStatus improvementToolStatus,
        ImprovementAction improvementAction,
        ModelInput modelInput,
        String modelOutput,
        String modelUsed,
        RunMode runMode,
        String nametag,
        String improvedModelOutput,
        EvaluationResult evaluationResult,
        List<EvaluationAttempt> evaluationHistory,
        Instant createdAt,
        Instant completedAt,
        String errorMessage) {

    /** Validates and copies. */
    public WorkflowEvent {
        Objects.requireNonNull(eventId, "eventId must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Checks.between(progress, 0, 100, "progress");
        evaluationHistory = List.copyOf(evaluationHistory);
    }

    /** Whether the event reached {@code completed}, {@code failed} or {@code canceled}. */
    public boolean isTerminal() {
        return status.isTerminal();
    }

    /** Whether the event completed with every metric passing (on the original or an improved output). */
    public boolean passed() {
        return status == EvaluationStatus.COMPLETED && !filtered && evaluationResult != null;
    }

    /**
     * The text to forward to the end user: the improved output when there is one, else the original when it passed;
     * empty when the event did not pass (flagged, improvement failed, failed or canceled).
     */
    public Optional<String> finalOutput() {
        if (improvedModelOutput != null) {
            return Optional.of(improvedModelOutput);
        }
        return passed() ? Optional.of(modelOutput) : Optional.empty();
    }

    /**
     * The event-level {@code analysis_of_failures}: one summary per evaluation that failed, in order (the final
     * evaluation has none when it passed).
     */
    public List<String> analysisOfFailures() {
        return evaluationHistory.stream().map(EvaluationAttempt::analysisOfFailures).filter(s -> !s.isEmpty()).toList();
    }

    /** The event-level {@code key_improvements}: the list of each evaluation that failed, in order. */
    public List<List<String>> keyImprovements() {
        return evaluationHistory.stream().map(EvaluationAttempt::keyImprovements).filter(l -> !l.isEmpty()).toList();
    }

    /** How many improvement attempts ran. */
    public int improvementAttempts() {
        return Math.max(0, evaluationHistory.size() - 1);
    }

    /** Judge and generator usage over every attempt. */
    public Usage usage() {
        Usage u = Usage.NONE;
        for (EvaluationAttempt a : evaluationHistory) {
            u = u.plus(a.usage());
        }
        return u;
    }

    /** The total cost of the event (DeepRails' {@code evaluation_total_cost} summed over the history). */
    public double cost() {
        return usage().cost();
    }

    /**
     * This event as one line of JSON with DeepRails' field names ({@code event_id}, {@code filtered},
     * {@code improvement_tool_status}, {@code improved_model_output}, {@code evaluation_result},
     * {@code evaluation_history}, {@code analysis_of_failures}, {@code key_improvements}, ...).
     */
    public String toJson() {
        ObjectNode root = EventJson.object();
        root.put("event_id", eventId());
        root.put("workflow_id", workflowId());
        root.put("status", status().wireName());
        root.put("progress", progress());
        root.put("filtered", filtered());
        root.put("improvement_action", improvementAction().wireName());
        root.put("improvement_tool_status", improvementToolStatus() == null ? null : improvementToolStatus().wireName());
        EventJson.putNullable(root, "improved_model_output", improvedModelOutput());
        EventJson.putNullable(root, "nametag", nametag());
        root.put(DeepRailsField.RUN_MODE.key(), runMode().wireName());
        EventJson.putNullable(root, DeepRailsField.MODEL_USED.key(), modelUsed());
        root.set(DeepRailsField.MODEL_INPUT.key(), EventJson.modelInput(modelInput()));
        root.put(DeepRailsField.MODEL_OUTPUT.key(), modelOutput());
        if (evaluationResult() != null) {
            root.set("evaluation_result", EventJson.result(evaluationResult()));
        }
        ArrayNode history = root.putArray("evaluation_history");
        for (EvaluationAttempt a : evaluationHistory()) {
            ObjectNode h = history.addObject();
            h.put("attempt", a.attempt());
            h.put("evaluation_status", a.status().wireName());
            h.put(DeepRailsField.MODEL_OUTPUT.key(), a.modelOutput());
            h.set("evaluation_result", EventJson.result(a.metrics()));
            ArrayNode carried = h.putArray("carried_over");
            a.carriedOver().stream().sorted().forEach(carried::add);
            h.put("evaluation_total_cost", a.cost());
            h.set("usage", EventJson.usage(a.usage()));
            h.put("analysis_of_failures", a.analysisOfFailures());
            ArrayNode key = h.putArray("key_improvements");
            a.keyImprovements().forEach(key::add);
            EventJson.putInstant(h, "created_at", a.startedAt());
            EventJson.putInstant(h, "completed_at", a.completedAt());
        }
        ArrayNode analysis = root.putArray("analysis_of_failures");
        analysisOfFailures().forEach(analysis::add);
        ArrayNode improvements = root.putArray("key_improvements");
        for (var list : keyImprovements()) {
            ArrayNode items = improvements.addObject().putArray("key_improvement");
            list.forEach(items::add);
        }
        root.put("evaluation_total_cost", cost());
        EventJson.putInstant(root, "created_at", createdAt());
        EventJson.putInstant(root, "completed_at", completedAt());
        EventJson.putNullable(root, "error_message", errorMessage());
        return EventJson.write(root);
    }

    /** Time from submission to the terminal status (so far, while in progress). */
    public Duration evaluationTime() {
        return Duration.between(createdAt, completedAt == null ? Instant.now() : completedAt);
    }
}
