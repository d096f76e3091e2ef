package dev.railguard.evals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.railguard.evals.internal.EvalJson;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An eval run as Agno's {@code /eval-runs} answers it (seed 002's response, Agno's {@code EvalSchema}): exactly the
 * keys {@code id}, {@code agent_id}, {@code model_id}, {@code model_provider}, {@code team_id}, {@code workflow_id},
 * {@code name}, {@code evaluated_component_name}, {@code eval_type}, {@code eval_data}, {@code eval_input},
 * {@code created_at}, {@code updated_at}. {@code eval_data} carries Agno's keys for the eval type (besides
 * Railguard's own): accuracy {@code results[].expected_output}; agent-as-judge {@code run_id}. A performance record
 * leaves Agno's memory keys ({@code memory_usages}, {@code avg_memory_usage}, ...) out: Agno traces the peak of one
 * call's heap allocations above an empty-call baseline (tracemalloc), which the JVM cannot measure per call; the bytes
 * allocated on the measuring thread are another number and stay under Railguard's own keys ({@code allocated_bytes},
 * {@code avg_allocated_bytes}, ...). Agno's own accuracy response has null {@code created_at} and {@code updated_at},
 * which the seed allows: such a record reads back with null times, and a store stamps the time it keeps it.
 *
 * @param id                     the run's id
 * @param agentId                the evaluated agent, or null
 * @param modelId                the model, or null
 * @param modelProvider          the model's provider, or null
 * @param teamId                 the evaluated team, or null
 * @param workflowId             the evaluated workflow, or null
 * @param name                   the run's name, or null
 * @param evaluatedComponentName the evaluated component's name, or null
 * @param evalType               the eval type
 * @param evalData               the result, a JSON object
 * @param evalInput              the configuration, a JSON object, or null
 * @param createdAt              when the run was created (kept to the millisecond), or null
 * @param updatedAt              when it was last changed (kept to the millisecond), or null
 */
public record AgnoEvalRecord(String id, String agentId, String modelId, String modelProvider, String teamId,
        String workflowId, String name, String evaluatedComponentName, EvalType evalType, ObjectNode evalData,
        ObjectNode evalInput, Instant createdAt, Instant updatedAt) {

    /** The keys of seed 002's response, in its order. */
    public static final List<String> KEYS = List.of("id", "agent_id", "model_id", "model_provider", "team_id",
            "workflow_id", "name", "evaluated_component_name", "eval_type", "eval_data", "eval_input", "created_at",
            "updated_at");

    /** Validates and copies the JSON objects (normalised: equal records have equal JSON). */
    public AgnoEvalRecord {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(evalType, "eval_type must not be null");
        evalData = normalized(Objects.requireNonNull(evalData, "eval_data must not be null"));
        evalInput = evalInput == null ? null : normalized(evalInput);
        createdAt = createdAt == null ? null : createdAt.truncatedTo(ChronoUnit.MILLIS);
        updatedAt = updatedAt == null ? null : updatedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The record of {@code run}, with the ids the request named ({@code agent_id}, {@code team_id},
     * {@code model_provider}; {@code model_id} from the request, else the run's).
     */
    public static AgnoEvalRecord of(EvalRun run, EvalRunRequest request) {
        Objects.requireNonNull(run, "run must not be null");
        ObjectNode tree = EvalJson.MAPPER.valueToTree(run);
        ObjectNode data = (ObjectNode) tree.get("eval_data");
        addAgnoKeys(run, data);
        ObjectNode input = tree.get("eval_input") instanceof ObjectNode o ? o : null;
        if (request != null) {
            input = input == null ? EvalJson.MAPPER.createObjectNode() : input;
            input.put("input", request.input());
        }
        return new AgnoEvalRecord(run.id(), request == null ? null : request.agentId(),
                request != null && request.modelId() != null ? request.modelId() : run.modelId(),
                request == null ? null : request.modelProvider(), request == null ? null : request.teamId(), null,
                run.name(), run.evaluatedComponentName(), run.evalType(), data, input, run.createdAt(),
                run.updatedAt());
    }

    /** A copy read back from its text, so that two records are equal exactly when their JSON is. */
    private static ObjectNode normalized(ObjectNode node) {
        try {
            return (ObjectNode) EvalJson.MAPPER.readTree(EvalJson.MAPPER.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("eval_data or eval_input is not serialisable: " + e.getOriginalMessage(),
                    e);
        }
    }

    /** This record renamed at {@code now}. */
    public AgnoEvalRecord withName(String newName, Instant now) {
        return new AgnoEvalRecord(id, agentId, modelId, modelProvider, teamId, workflowId, newName,
                evaluatedComponentName, evalType, evalData, evalInput, createdAt, now);
    }

    /** The record as seed 002's response: every key, nulls written, times in UTC ISO-8601. */
    public String toJson() {
        ObjectNode n = EvalJson.MAPPER.createObjectNode();
        n.put("id", id);
        n.put("agent_id", agentId);
        n.put("model_id", modelId);
        n.put("model_provider", modelProvider);
        n.put("team_id", teamId);
        n.put("workflow_id", workflowId);
        n.put("name", name);
        n.put("evaluated_component_name", evaluatedComponentName);
        n.put("eval_type", evalType.wireName());
        n.set("eval_data", evalData);
        n.set("eval_input", evalInput);
        n.put("created_at", createdAt == null ? null : createdAt.toString());
        n.put("updated_at", updatedAt == null ? null : updatedAt.toString());
        return write(n);
    }

    /**
     * Reads seed 002's response shape back.
     *
     * @throws IllegalArgumentException naming an unknown key or a value of the wrong type
     */
    public static AgnoEvalRecord fromJson(String json) {
        JsonNode node;
        try {
            node = EvalJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the eval run record is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the eval run record must be a JSON object, but was: " + node);
        }
        Set<String> allowed = Set.copyOf(KEYS);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException("unknown key '" + k + "'; allowed: " + KEYS);
            }
        }
        String type = text(node, "eval_type");
        if (type == null) {
            throw new IllegalArgumentException("eval_type is required, but was missing");
        }
        JsonNode data = node.get("eval_data");
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("eval_data must be a JSON object, but was: " + data);
        }
        JsonNode input = node.get("eval_input");
        if (input != null && !input.isNull() && !input.isObject()) {
            throw new IllegalArgumentException("eval_input must be a JSON object or null, but was: " + input);
        }
        String id = text(node, "id");
        if (id == null) {
            throw new IllegalArgumentException("id is required, but was missing");
        }
        return new AgnoEvalRecord(id, text(node, "agent_id"), text(node, "model_id"), text(node, "model_provider"),
                text(node, "team_id"), text(node, "workflow_id"), text(node, "name"),
                text(node, "evaluated_component_name"), EvalType.fromWireName(type), (ObjectNode) data,
                input == null || input.isNull() ? null : (ObjectNode) input, instant(node, "created_at"),
                instant(node, "updated_at"));
    }

    private static void addAgnoKeys(EvalRun run, ObjectNode data) {
        switch (run.evalType()) {
            case ACCURACY -> {
                if (data.get("results") instanceof ArrayNode results) {
                    for (JsonNode r : results) {
                        JsonNode expected = r.get("expected_outputs");
                        ((ObjectNode) r).put("expected_output", expected != null && expected.size() > 0
                                ? expected.get(0).asText() : null);
                    }
                }
            }
            case AGENT_AS_JUDGE -> data.put("run_id", run.id());
            default -> {
                // performance: Agno's memory keys are left out (see the class comment); reliability: Railguard's
                // keys are Agno's
            }
        }
    }


    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(key + " must be a string or null, but was: " + v);
        }
        return v.asText();
    }

    private static Instant instant(JsonNode node, String key) {
        String s = text(node, key);
        if (s == null) {
            return null; // the seed allows null times (Agno's accuracy response has them)
        }
        try {
            return Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be a UTC ISO-8601 time like 2025-08-27T15:41:59Z, but"
                    + " was: '" + s + "'", e);
        }
    }

    private static String write(ObjectNode n) {
        try {
            return EvalJson.MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write eval run " + id(n) + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String id(ObjectNode n) {
        return n.path("id").asText();
    }
}
