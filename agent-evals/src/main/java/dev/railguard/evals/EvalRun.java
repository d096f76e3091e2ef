package dev.railguard.evals;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.railguard.api.Usage;
import dev.railguard.evals.internal.EvalJson;
import dev.railguard.format.AgnoEvalRun;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One execution of an eval: its own id (a fresh random UUID on every run, never reused), the eval type, the eval
 * input (the configuration), the eval data (the result), the subject's model and the judge's model in separate
 * fields, and timestamps. Serialises to the keys of Agno's {@code /eval-runs} response ({@code id},
 * {@code eval_type}, {@code eval_data}, {@code eval_input}, {@code model_id}, {@code created_at}, ...) plus
 * {@code judge_model_id}.
 *
 * @param id                     the run's id
 * @param evalType               the eval type
 * @param name                   the eval's name, or null
 * @param evaluatedComponentName the subject's name (or the measured function's), or null
 * @param modelId                the subject's model, or null
 * @param judgeModelId           the judge's model, or null when no judge was asked
 * @param evalInput              the configuration of the run
 * @param evalData               the result
 * @param createdAt              when the run started
 * @param updatedAt              when it finished
 * @param usage                  what the judge calls of the run cost ({@link Usage#NONE} when no judge was asked);
 *                               serialised as {@code judge_usage}
 */
public record EvalRun(String id, EvalType evalType, String name, String evaluatedComponentName, String modelId,
        String judgeModelId, Map<String, Object> evalInput, EvalData evalData,
        @JsonSerialize(using = ToStringSerializer.class) Instant createdAt,
        @JsonSerialize(using = ToStringSerializer.class) Instant updatedAt,
        @JsonIgnore Usage usage) {

    /** Validates and copies. */
    public EvalRun {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(evalType, "evalType must not be null");
        evalInput = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(evalInput,
                "evalInput must not be null")));
        Objects.requireNonNull(evalData, "evalData must not be null");
        Objects.requireNonNull(createdAt, "createdAt must not be null");
        Objects.requireNonNull(updatedAt, "updatedAt must not be null");
        Objects.requireNonNull(usage, "usage must not be null");
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static EvalRun of(EvalType type, String name, String component, String modelId, String judgeModelId,
            Map<String, Object> input, EvalData data, Instant created) {
        return of(newId(), type, name, component, modelId, judgeModelId, input, data, created);
    }

    static EvalRun of(String id, EvalType type, String name, String component, String modelId, String judgeModelId,
            Map<String, Object> input, EvalData data, Instant created) {
        return of(id, type, name, component, modelId, judgeModelId, input, data, created, Usage.NONE);
    }

    static EvalRun of(String id, EvalType type, String name, String component, String modelId, String judgeModelId,
            Map<String, Object> input, EvalData data, Instant created, Usage usage) {
        return new EvalRun(id, type, name, component, modelId, judgeModelId, input, data, created, Instant.now(),
                usage);
    }

    /** The judge usage as JSON: calls, tokens, summed judge latency in milliseconds, cost. */
    @JsonProperty("judge_usage")
    public Map<String, Object> judgeUsage() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("judge_calls", usage.judgeCalls());
        m.put("input_tokens", usage.inputTokens());
        m.put("output_tokens", usage.outputTokens());
        m.put("judge_time_ms", usage.judgeTime().toMillis());
        m.put("cost", usage.cost());
        return m;
    }

    /** The overall status of the run. */
    public EvalStatus status() {
        return evalData.evalStatus();
    }

    /** Whether the run passed (status PASSED). */
    public boolean passed() {
        return status() == EvalStatus.PASSED;
    }

    /**
     * Agno's record of this run (seed 002's response, written by {@link AgnoEvalRun#write}), with the ids the request
     * named ({@code agent_id}, {@code team_id}, {@code model_provider}; {@code model_id} from the request, else the
     * run's) and the request's {@code input} in {@code eval_input}; {@code eval_data} carries Agno's keys for the
     * type besides Railguard's ({@link AgnoEvalRun#agnoEvalData}).
     *
     * @param request the request the run answered, or null (then the ids are null and the input is the run's own)
     */
    public AgnoEvalRun toAgno(EvalRunRequest request) {
        Map<String, Object> data = AgnoEvalRun.agnoEvalData(evalType.wireName(), id,
                EvalJson.MAPPER.convertValue(evalData, EvalJson.MAP));
        Map<String, Object> input = request == null ? evalInput : AgnoEvalRun.withInput(evalInput, request.input());
        String model = request != null && request.modelId() != null ? request.modelId() : modelId;
        return new AgnoEvalRun(id, request == null ? null : request.agentId(), model,
                request == null ? null : request.modelProvider(), request == null ? null : request.teamId(), null,
                name, evaluatedComponentName, evalType.wireName(), data, input, createdAt, updatedAt);
    }

    /** The run as a JSON object with Agno's keys. */
    public String toJson() {
        try {
            return EvalJson.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise eval run " + id + ": " + e.getOriginalMessage(), e);
        }
    }
}
