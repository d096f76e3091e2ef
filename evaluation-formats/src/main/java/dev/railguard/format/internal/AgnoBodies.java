package dev.railguard.format.internal;

import static dev.railguard.format.internal.StrictJson.get;
import static dev.railguard.format.internal.StrictJson.text;
import static dev.railguard.format.internal.StrictJson.wrong;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.railguard.format.AgnoEvalRun;
import dev.railguard.format.AgnoEvalRunBody;
import dev.railguard.format.AgnoField;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Agno's bodies, read by the strict reader. */
public final class AgnoBodies {

    /** Every key of Agno's {@code EvalRunInput}. */
    static final Set<String> EVAL_RUN_KEYS = Stream.of(AgnoField.EVAL_TYPE, AgnoField.INPUT, AgnoField.EXPECTED_OUTPUT,
            AgnoField.CRITERIA, AgnoField.SCORING_STRATEGY, AgnoField.THRESHOLD, AgnoField.NUM_ITERATIONS,
            AgnoField.WARMUP_RUNS, AgnoField.EXPECTED_TOOL_CALLS, AgnoField.ALLOW_ADDITIONAL_TOOL_CALLS,
            AgnoField.ADDITIONAL_GUIDELINES, AgnoField.ADDITIONAL_CONTEXT, AgnoField.NAME, AgnoField.MODEL_ID,
            AgnoField.AGENT_ID, AgnoField.TEAM_ID, AgnoField.MODEL_PROVIDER, AgnoField.EXPECTED_TOOL_CALL_ARGUMENTS)
            .map(AgnoField::key).collect(Collectors.toUnmodifiableSet());

    private AgnoBodies() {}

    /** Reads an eval-run request body. */
    public static AgnoEvalRunBody evalRun(String json) {
        JsonNode n = StrictJson.object(json, "the eval run request");
        StrictJson.known(n, EVAL_RUN_KEYS, "", null);
        String type = string(n, AgnoField.EVAL_TYPE);
        List<String> toolCalls = get(n, AgnoField.EXPECTED_TOOL_CALLS.key()) == null ? null
                : StrictJson.strings(n, AgnoField.EXPECTED_TOOL_CALLS.key(), AgnoField.EXPECTED_TOOL_CALLS.key());
        String allow = AgnoField.ALLOW_ADDITIONAL_TOOL_CALLS.key();
        return new AgnoEvalRunBody(type == null ? null : AgnoEvalRun.checkEvalType(type), string(n, AgnoField.INPUT),
                string(n, AgnoField.EXPECTED_OUTPUT), string(n, AgnoField.CRITERIA),
                string(n, AgnoField.SCORING_STRATEGY), integer(n, AgnoField.THRESHOLD.key()),
                integer(n, AgnoField.NUM_ITERATIONS.key()), integer(n, AgnoField.WARMUP_RUNS.key()), toolCalls,
                get(n, allow) == null ? null : StrictJson.bool(n, allow, allow, false),
                string(n, AgnoField.ADDITIONAL_GUIDELINES), string(n, AgnoField.ADDITIONAL_CONTEXT),
                string(n, AgnoField.NAME), string(n, AgnoField.MODEL_ID), string(n, AgnoField.AGENT_ID),
                string(n, AgnoField.TEAM_ID), string(n, AgnoField.MODEL_PROVIDER),
                arguments(get(n, AgnoField.EXPECTED_TOOL_CALL_ARGUMENTS.key())));
    }

    private static String string(JsonNode n, AgnoField f) {
        return text(n, f.key(), f.key());
    }

    private static Integer integer(JsonNode n, String key) {
        JsonNode v = get(n, key);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw wrong(key, "an integer", v);
        }
        return v.intValue();
    }

    /** Agno's {@code expected_tool_call_arguments}: tool name to an object, or to an array of objects. */
    private static Map<String, List<Map<String, Object>>> arguments(JsonNode node) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!node.isObject()) {
            throw wrong(AgnoField.EXPECTED_TOOL_CALL_ARGUMENTS.key(), "an object of tool name to argument object"
                    + " (or list of them)", node);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<JsonNode> specs = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(specs::add);
            } else {
                specs.add(e.getValue());
            }
            List<Map<String, Object>> list = new ArrayList<>();
            for (JsonNode spec : specs) {
                if (!spec.isObject()) {
                    throw wrong(AgnoField.EXPECTED_TOOL_CALL_ARGUMENTS.key() + "." + e.getKey(), "an object of"
                            + " argument values (or a list of them)", e.getValue());
                }
                list.add(StrictJson.MAPPER.convertValue(spec, new TypeReference<Map<String, Object>>() { }));
            }
            out.put(e.getKey(), list);
        }
        return out;
    }
}
