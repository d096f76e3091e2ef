package dev.railguard.store;

import dev.railguard.format.AgnoEvalRun;
import dev.railguard.format.AgnoField;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One eval run as the store keeps it: the columns of Agno's {@code EvalRunRecord} (its SQL table "evals"), with
 * {@code eval_input} and {@code eval_data} as JSON object text, written and read by the one codec of Agno's record
 * ({@link AgnoEvalRun}).
 *
 * @param id                     the run's id (Agno's {@code run_id}, returned as {@code id})
 * @param evalType               one of {@link AgnoEvalRun#EVAL_TYPES}
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

    /** Validates. */
    public StoredEvalRun {
        if (id == null || id.isBlank() || id.length() > 64) {
            throw new IllegalArgumentException("id must be a non-blank id of at most 64 characters, but was: "
                    + (id == null ? "null" : "'" + id + "'"));
        }
        AgnoEvalRun.checkEvalType(evalType);
        length(name, AgnoField.NAME);
        length(agentId, AgnoField.AGENT_ID);
        length(teamId, AgnoField.TEAM_ID);
        length(workflowId, AgnoField.WORKFLOW_ID);
        length(modelId, AgnoField.MODEL_ID);
        length(modelProvider, AgnoField.MODEL_PROVIDER);
        length(evaluatedComponentName, AgnoField.EVALUATED_COMPONENT_NAME);
        Objects.requireNonNull(evalDataJson, AgnoField.EVAL_DATA.key() + " must not be null");
        Objects.requireNonNull(createdAt, AgnoField.CREATED_AT.key() + " must not be null");
        Objects.requireNonNull(updatedAt, AgnoField.UPDATED_AT.key() + " must not be null");
    }

    /**
     * The row of Agno's record {@code r} (its JSON objects as text); a record without times (Agno's accuracy response
     * has null ones) is stamped with the time it is kept, as Agno's database does.
     */
    public static StoredEvalRun of(AgnoEvalRun r) {
        Instant now = Instant.now();
        Instant created = r.createdAt() != null ? r.createdAt() : now;
        return new StoredEvalRun(r.id(), r.evalType(), r.name(), r.agentId(), r.teamId(), r.workflowId(),
                r.modelId(), r.modelProvider(), r.evaluatedComponentName(),
                r.evalInput() == null ? null : AgnoEvalRun.writeObject(r.evalInput()),
                AgnoEvalRun.writeObject(r.evalData()), created, r.updatedAt() != null ? r.updatedAt() : created);
    }

    /**
     * This row as Agno's record (seed 002's response).
     *
     * @throws IllegalStateException when a JSON column does not hold a JSON object, with the codec's reason
     */
    public AgnoEvalRun toAgno() {
        return new AgnoEvalRun(id, agentId, modelId, modelProvider, teamId, workflowId, name, evaluatedComponentName,
                evalType, column(evalDataJson, AgnoField.EVAL_DATA),
                evalInputJson == null ? null : column(evalInputJson, AgnoField.EVAL_INPUT), createdAt, updatedAt);
    }

    private Map<String, Object> column(String json, AgnoField field) {
        try {
            return AgnoEvalRun.readObject(json, field.key());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("eval run " + id + ": column " + field.key() + " does not hold a JSON"
                    + " object: " + e.getMessage(), e);
        }
    }

    /** This run renamed at {@code now}. */
    public StoredEvalRun withName(String newName, Instant now) {
        return new StoredEvalRun(id, evalType, newName, agentId, teamId, workflowId, modelId, modelProvider,
                evaluatedComponentName, evalInputJson, evalDataJson, createdAt, now);
    }

    private static void length(String value, AgnoField field) {
        if (value != null && value.length() > 255) {
            throw new IllegalArgumentException(field.key() + " must have at most 255 characters, but had "
                    + value.length());
        }
    }
}
