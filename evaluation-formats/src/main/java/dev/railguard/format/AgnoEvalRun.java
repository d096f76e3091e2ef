package dev.railguard.format;

import dev.railguard.api.status.Internal;
import dev.railguard.format.internal.AgnoRecords;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An eval run as Agno's {@code /eval-runs} answers it (seed 002's response, Agno's {@code EvalSchema}): exactly the
 * keys {@code id}, {@code agent_id}, {@code model_id}, {@code model_provider}, {@code team_id}, {@code workflow_id},
 * {@code name}, {@code evaluated_component_name}, {@code eval_type}, {@code eval_data}, {@code eval_input},
 * {@code created_at}, {@code updated_at}, in that order. {@link #read} and {@link #write} are the one codec of the
 * shape; the event store keeps it, {@code railguard eval-run} prints it, {@code agent-evals} builds it from a run
 * ({@code EvalRun.toAgno}).
 *
 * <p>{@code eval_data} and {@code eval_input} are JSON objects held as plain values (maps, lists, texts, numbers,
 * booleans, nulls; no JSON library type), because a record Agno wrote carries Agno's keys for its type and one
 * Railguard wrote carries Railguard's beside them: both read and write back unchanged. Railguard's side of the two
 * objects is typed where it is built: {@link AgnoEvalInput} per eval type, and {@link #agnoEvalData} for the keys
 * Agno's readers look for in a result. Agno's own accuracy response has null {@code created_at} and
 * {@code updated_at}, which the seed allows: such a record reads back with null times.
 *
 * @param id                     the run's id
 * @param agentId                the evaluated agent, or null
 * @param modelId                the model, or null
 * @param modelProvider          the model's provider, or null
 * @param teamId                 the evaluated team, or null
 * @param workflowId             the evaluated workflow, or null
 * @param name                   the run's name, or null
 * @param evaluatedComponentName the evaluated component's name, or null
 * @param evalType               {@code accuracy}, {@code agent_as_judge}, {@code performance} or {@code reliability}
 * @param evalData               the result, a JSON object
 * @param evalInput              the configuration, a JSON object, or null
 * @param createdAt              when the run was created (kept to the millisecond), or null
 * @param updatedAt              when it was last changed (kept to the millisecond), or null
 */
public record AgnoEvalRun(String id, String agentId, String modelId, String modelProvider, String teamId,
        String workflowId, String name, String evaluatedComponentName, String evalType, Map<String, Object> evalData,
        Map<String, Object> evalInput, Instant createdAt, Instant updatedAt) {

    /** The keys of the record, in the order written. */
    public static final List<String> KEYS = List.of(AgnoField.ID.key(), AgnoField.AGENT_ID.key(),
            AgnoField.MODEL_ID.key(), AgnoField.MODEL_PROVIDER.key(), AgnoField.TEAM_ID.key(),
            AgnoField.WORKFLOW_ID.key(), AgnoField.NAME.key(), AgnoField.EVALUATED_COMPONENT_NAME.key(),
            AgnoField.EVAL_TYPE.key(), AgnoField.EVAL_DATA.key(), AgnoField.EVAL_INPUT.key(),
            AgnoField.CREATED_AT.key(), AgnoField.UPDATED_AT.key());

    /** Agno's eval types, by wire name. */
    public static final List<String> EVAL_TYPES = List.of("accuracy", "agent_as_judge", "performance", "reliability");

    /**
     * Validates and copies the JSON objects as immutable plain values, normalised through their JSON text, so that
     * two records are equal exactly when their JSON is.
     *
     * @throws NullPointerException     when {@code id}, {@code evalType} or {@code evalData} is null
     * @throws IllegalArgumentException when the eval type is not one of {@link #EVAL_TYPES}, or an object holds a value
     *                                  that is not plain JSON
     */
    public AgnoEvalRun {
        Objects.requireNonNull(id, "id must not be null");
        checkEvalType(Objects.requireNonNull(evalType, "evalType must not be null"));
        Objects.requireNonNull(evalData, "evalData must not be null");
        evalData = AgnoRecords.plain(evalData, AgnoField.EVAL_DATA.key());
        evalInput = evalInput == null ? null : AgnoRecords.plain(evalInput, AgnoField.EVAL_INPUT.key());
        createdAt = createdAt == null ? null : createdAt.truncatedTo(ChronoUnit.MILLIS);
        updatedAt = updatedAt == null ? null : updatedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * {@code name} if it is one of {@link #EVAL_TYPES}, in lower case as Agno's enum spells it ({@code "Accuracy"}
     * is refused, as Agno refuses it).
     *
     * @throws IllegalArgumentException naming the value and the allowed names
     */
    public static String checkEvalType(String name) {
        if (!EVAL_TYPES.contains(name)) {
            throw new IllegalArgumentException(AgnoField.EVAL_TYPE.key() + " must be one of "
                    + String.join(", ", EVAL_TYPES) + ", but was: " + name);
        }
        return name;
    }

    /**
     * Reads a record strictly, with the one JSON reader: bad JSON, a duplicate key, a lone surrogate or NUL in any
     * text, an unknown key and a value of the wrong type are refused naming the key, the value and what is allowed.
     *
     * @throws IllegalArgumentException naming the field, the value and what is allowed
     */
    public static AgnoEvalRun read(String json) {
        return AgnoRecords.read(json);
    }

    /** The record as one line of JSON: every key in {@link #KEYS}' order, nulls written, times in UTC ISO-8601. */
    public String write() {
        return AgnoRecords.write(this);
    }

    /** This record renamed at {@code now}. */
    public AgnoEvalRun withName(String newName, Instant now) {
        return new AgnoEvalRun(id, agentId, modelId, modelProvider, teamId, workflowId, newName,
                evaluatedComponentName, evalType, evalData, evalInput, createdAt, now);
    }

    /**
     * Railguard's result of a run as Agno's {@code eval_data}: {@code data} (the result's own keys) plus the keys
     * Agno writes for the type that Railguard names otherwise: accuracy {@code results[].expected_output} (the first
     * accepted answer of {@code results[].expected_outputs}), agent-as-judge {@code run_id}. A performance result
     * keeps Agno's memory keys out: Agno's mean the tracemalloc peak of one call in MiB, which the JVM cannot measure;
     * the bytes allocated on the measuring thread stay under Railguard's own keys.
     */
    @Internal
    public static Map<String, Object> agnoEvalData(String evalType, String runId, Map<String, Object> data) {
        return AgnoRecords.agnoData(checkEvalType(evalType), runId, data);
    }

    /** {@code evalInput} with the request's {@code input} (replacing one already there, else last). */
    @Internal
    public static Map<String, Object> withInput(Map<String, Object> evalInput, String input) {
        return AgnoRecords.withInput(evalInput, input);
    }

    /**
     * A JSON object's text (an {@code eval_data} or {@code eval_input} column) as plain values, read strictly.
     *
     * @param field the field it is, for messages ({@code "eval_data"})
     * @throws IllegalArgumentException when the text is not a JSON object, naming {@code field}
     */
    @Internal
    public static Map<String, Object> readObject(String json, String field) {
        return AgnoRecords.readObject(json, field);
    }

    /** A JSON object of plain values as compact text, as {@link #write} writes it inside the record. */
    @Internal
    public static String writeObject(Map<String, Object> object) {
        return AgnoRecords.writeObject(object);
    }
}
