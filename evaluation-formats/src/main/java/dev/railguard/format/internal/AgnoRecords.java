package dev.railguard.format.internal;

import static dev.railguard.format.internal.StrictJson.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.railguard.format.AgnoEvalInput;
import dev.railguard.format.AgnoEvalRun;
import dev.railguard.format.AgnoField;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Agno's eval-run record and its {@code eval_input}, read by the strict reader and written with Agno's keys. */
public final class AgnoRecords {

    private AgnoRecords() {}

    /** Reads a record; see {@code AgnoEvalRun.read}. */
    public static AgnoEvalRun read(String json) {
        JsonNode n = StrictJson.object(json, "the eval run record");
        StrictJson.known(n, AgnoEvalRun.KEYS, "", null);
        String id = StrictJson.requiredText(n, key(AgnoField.ID), key(AgnoField.ID), "the run's id, a string");
        String type = StrictJson.requiredText(n, key(AgnoField.EVAL_TYPE), key(AgnoField.EVAL_TYPE),
                String.join(", ", AgnoEvalRun.EVAL_TYPES));
        JsonNode data = StrictJson.object(n, key(AgnoField.EVAL_DATA), key(AgnoField.EVAL_DATA));
        if (data == null) {
            throw new IllegalArgumentException(key(AgnoField.EVAL_DATA) + " is required (the run's result, an"
                    + " object), but was missing");
        }
        JsonNode input = StrictJson.object(n, key(AgnoField.EVAL_INPUT), key(AgnoField.EVAL_INPUT));
        return new AgnoEvalRun(id, string(n, AgnoField.AGENT_ID), string(n, AgnoField.MODEL_ID),
                string(n, AgnoField.MODEL_PROVIDER), string(n, AgnoField.TEAM_ID), string(n, AgnoField.WORKFLOW_ID),
                string(n, AgnoField.NAME), string(n, AgnoField.EVALUATED_COMPONENT_NAME), AgnoEvalRun.checkEvalType(type),
                plain(data), input == null ? null : plain(input), instant(n, AgnoField.CREATED_AT),
                instant(n, AgnoField.UPDATED_AT));
    }

    /** Writes a record: every key, nulls written. */
    public static String write(AgnoEvalRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key(AgnoField.ID), r.id());
        m.put(key(AgnoField.AGENT_ID), r.agentId());
        m.put(key(AgnoField.MODEL_ID), r.modelId());
        m.put(key(AgnoField.MODEL_PROVIDER), r.modelProvider());
        m.put(key(AgnoField.TEAM_ID), r.teamId());
        m.put(key(AgnoField.WORKFLOW_ID), r.workflowId());
        m.put(key(AgnoField.NAME), r.name());
        m.put(key(AgnoField.EVALUATED_COMPONENT_NAME), r.evaluatedComponentName());
        m.put(key(AgnoField.EVAL_TYPE), r.evalType());
        m.put(key(AgnoField.EVAL_DATA), r.evalData());
        m.put(key(AgnoField.EVAL_INPUT), r.evalInput());
        m.put(key(AgnoField.CREATED_AT), r.createdAt() == null ? null : r.createdAt().toString());
        m.put(key(AgnoField.UPDATED_AT), r.updatedAt() == null ? null : r.updatedAt().toString());
        return writeObject(m);
    }

    /** A JSON object's text as plain values, read strictly. */
    public static Map<String, Object> readObject(String json, String field) {
        return plain(StrictJson.object(json, field));
    }

    /** A JSON object of plain values as compact text. */
    public static String writeObject(Map<String, Object> object) {
        try {
            return StrictJson.MAPPER.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object of plain values: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * {@code object} as immutable plain values, normalised through its JSON text (a {@code long} 7 and an
     * {@code int} 7 become the same number).
     */
    public static Map<String, Object> plain(Map<String, Object> object, String field) {
        try {
            return plain(StrictJson.MAPPER.readTree(writeObject(object)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " must be a JSON object of plain values (maps, lists, texts,"
                    + " numbers, booleans), but could not be written: " + e.getMessage(), e);
        }
    }

    /** The immutable plain value of an object node. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> plain(JsonNode object) {
        return (Map<String, Object>) value(object);
    }

    private static Object value(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), value(e.getValue()));
            }
            return Collections.unmodifiableMap(m);
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(e -> l.add(value(e)));
            return Collections.unmodifiableList(l);
        }
        return StrictJson.MAPPER.convertValue(n, Object.class);
    }

    /** Railguard's result with Agno's keys for the type; see {@code AgnoEvalRun.agnoEvalData}. */
    public static Map<String, Object> agnoData(String evalType, String runId, Map<String, Object> data) {
        Map<String, Object> out = new LinkedHashMap<>(data);
        if (evalType.equals("accuracy") && out.get("results") instanceof List<?> results) {
            List<Object> withExpected = new ArrayList<>();
            for (Object r : results) {
                if (r instanceof Map<?, ?> iteration) {
                    Map<Object, Object> copy = new LinkedHashMap<>(iteration);
                    Object accepted = iteration.get("expected_outputs");
                    copy.put(key(AgnoField.EXPECTED_OUTPUT), accepted instanceof List<?> l && !l.isEmpty()
                            ? String.valueOf(l.get(0)) : null);
                    withExpected.add(copy);
                } else {
                    withExpected.add(r);
                }
            }
            out.put("results", withExpected);
        } else if (evalType.equals("agent_as_judge")) {
            out.put("run_id", runId);
        }
        return out;
    }

    /** {@code evalInput} with {@code input}. */
    public static Map<String, Object> withInput(Map<String, Object> evalInput, String input) {
        Map<String, Object> out = evalInput == null ? new LinkedHashMap<>() : new LinkedHashMap<>(evalInput);
        out.put(key(AgnoField.INPUT), input);
        return out;
    }

    /** An accuracy run's {@code eval_input}. */
    public static Map<String, Object> input(AgnoEvalInput.Accuracy a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key(AgnoField.INPUT), a.input());
        m.put(key(AgnoField.EXPECTED_OUTPUT), a.expectedOutputs().size() == 1 ? a.expectedOutputs().get(0)
                : a.expectedOutputs());
        m.put(key(AgnoField.NUM_ITERATIONS), a.numIterations());
        m.put(key(AgnoField.ADDITIONAL_GUIDELINES), a.additionalGuidelines());
        m.put(key(AgnoField.ADDITIONAL_CONTEXT), a.additionalContext());
        m.put(key(AgnoField.THRESHOLD), a.threshold());
        m.put("parallelism", a.parallelism());
        m.put("judge_prompt_version", a.judgePromptVersion());
        return withWarnings(m, a.warnings());
    }

    /** An agent-as-judge run's {@code eval_input}. */
    public static Map<String, Object> input(AgnoEvalInput.AgentAsJudge a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key(AgnoField.CRITERIA), a.criteria());
        m.put(key(AgnoField.SCORING_STRATEGY), a.scoringStrategy());
        m.put(key(AgnoField.THRESHOLD), a.threshold());
        m.put(key(AgnoField.ADDITIONAL_GUIDELINES), a.additionalGuidelines());
        m.put(key(AgnoField.ADDITIONAL_CONTEXT), a.additionalContext());
        m.put("judge_prompt_version", a.judgePromptVersion());
        return withWarnings(m, a.warnings());
    }

    /** A performance run's {@code eval_input}. */
    public static Map<String, Object> input(AgnoEvalInput.Performance p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key(AgnoField.NUM_ITERATIONS), p.numIterations());
        m.put(key(AgnoField.WARMUP_RUNS), p.warmupRuns());
        m.put("baseline", p.baseline());
        m.put("regression_factor", p.regressionFactor());
        return Collections.unmodifiableMap(m);
    }

    /** A reliability run's {@code eval_input}. */
    public static Map<String, Object> input(AgnoEvalInput.Reliability r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key(AgnoField.EXPECTED_TOOL_CALLS), r.expectedToolCalls());
        m.put(key(AgnoField.ALLOW_ADDITIONAL_TOOL_CALLS), r.allowAdditionalToolCalls());
        m.put("order", r.order());
        m.put(key(AgnoField.EXPECTED_TOOL_CALL_ARGUMENTS), r.expectedToolCallArguments());
        m.put("counts", r.counts());
        return Collections.unmodifiableMap(m);
    }

    /** An ordered, immutable copy. */
    public static <V> Map<String, V> ordered(Map<String, V> in) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(in));
    }

    private static Map<String, Object> withWarnings(Map<String, Object> m, List<String> warnings) {
        if (!warnings.isEmpty()) {
            m.put("warnings", warnings);
        }
        return Collections.unmodifiableMap(m);
    }

    private static String key(AgnoField f) {
        return f.key();
    }

    private static String string(JsonNode n, AgnoField f) {
        return text(n, f.key(), f.key());
    }

    private static Instant instant(JsonNode n, AgnoField f) {
        String s = string(n, f);
        if (s == null) {
            return null; // the seed allows null times (Agno's accuracy response has them)
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw StrictJson.wrong(f.key(), "a UTC ISO-8601 time like 2025-08-27T15:41:59Z", n.get(f.key()));
        }
    }
}
