package dev.railguard.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.railguard.evals.AgnoEvalRecord;
import dev.railguard.evals.EvalType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One eval run as the store keeps it: the columns of Agno's {@code EvalRunRecord} (its SQL table "evals"), with
 * {@code eval_input} and {@code eval_data} as JSON object text.
 *
 * @param id                     the run's id (Agno's {@code run_id}, returned as {@code id})
 * @param evalType               {@code accuracy}, {@code agent_as_judge}, {@code performance} or {@code reliability}
 * @param name                   the run's name, or null
 * @param agentId                the evaluated agent, or null
 * @param teamId                 the evaluated team, or null
 * @param workflowId             the evaluated workflow, or null
 * @param modelId                the model, or null
 * @param modelProvider          the model's provider, or null
 * @param evaluatedComponentName the evaluated component's name, or null
 * @param evalInputJson          the run's configuration, a JSON object, or null
 * @param evalDataJson           the run's result, a JSON object
 * @param createdAt              when the run was created
 * @param updatedAt              when it was last changed
 */
public record StoredEvalRun(String id, String evalType, String name, String agentId, String teamId,
        String workflowId, String modelId, String modelProvider, String evaluatedComponentName, String evalInputJson,
        String evalDataJson, Instant createdAt, Instant updatedAt) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Agno's eval types, by wire name. */
    public static final List<String> EVAL_TYPES = List.of("accuracy", "agent_as_judge", "performance", "reliability");

    /** Validates. */
    public StoredEvalRun {
        if (id == null || id.isBlank() || id.length() > 64) {
            throw new IllegalArgumentException("id must be a non-blank id of at most 64 characters, but was: "
                    + (id == null ? "null" : "'" + id + "'"));
        }
        if (!EVAL_TYPES.contains(evalType)) {
            throw new IllegalArgumentException("eval_type must be one of " + EVAL_TYPES + ", but was: "
                    + (evalType == null ? "null" : "'" + evalType + "'"));
        }
        length(name, "name");
        length(agentId, "agent_id");
        length(teamId, "team_id");
        length(workflowId, "workflow_id");
        length(modelId, "model_id");
        length(modelProvider, "model_provider");
        length(evaluatedComponentName, "evaluated_component_name");
        Objects.requireNonNull(evalDataJson, "eval_data must not be null");
        Objects.requireNonNull(createdAt, "created_at must not be null");
        Objects.requireNonNull(updatedAt, "updated_at must not be null");
    }

    /**
     * The row of Agno's record {@code r} (its JSON objects as text); a record without times (Agno's accuracy response
     * has null ones) is stamped with the time it is kept, as Agno's database does.
     */
    public static StoredEvalRun of(AgnoEvalRecord r) {
        Instant now = Instant.now();
        Instant created = r.createdAt() != null ? r.createdAt() : now;
        return new StoredEvalRun(r.id(), r.evalType().wireName(), r.name(), r.agentId(), r.teamId(), r.workflowId(),
                r.modelId(), r.modelProvider(), r.evaluatedComponentName(),
                r.evalInput() == null ? null : r.evalInput().toString(), r.evalData().toString(), created,
                r.updatedAt() != null ? r.updatedAt() : created);
    }

    /**
     * This row as Agno's record (seed 002's response).
     *
     * @throws IllegalStateException when a JSON column does not hold a JSON object
     */
    public AgnoEvalRecord toAgno() {
        return new AgnoEvalRecord(id, agentId, modelId, modelProvider, teamId, workflowId, name,
                evaluatedComponentName, EvalType.fromWireName(evalType), object(evalDataJson, "eval_data"),
                evalInputJson == null ? null : object(evalInputJson, "eval_input"), createdAt, updatedAt);
    }

    private ObjectNode object(String json, String column) {
        try {
            if (MAPPER.readTree(json) instanceof ObjectNode o) {
                return o;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new IllegalStateException("eval run " + id + ": column " + column + " does not hold a JSON object");
    }

    /** This run renamed at {@code now}. */
    public StoredEvalRun withName(String newName, Instant now) {
        return new StoredEvalRun(id, evalType, newName, agentId, teamId, workflowId, modelId, modelProvider,
                evaluatedComponentName, evalInputJson, evalDataJson, createdAt, now);
    }

    private static void length(String value, String field) {
        if (value != null && value.length() > 255) {
            throw new IllegalArgumentException(field + " must have at most 255 characters, but had " + value.length());
        }
    }
}
