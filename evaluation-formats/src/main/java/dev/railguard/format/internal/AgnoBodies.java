package dev.railguard.format.internal;

import static dev.railguard.format.internal.StrictJson.get;
import static dev.railguard.format.internal.StrictJson.text;
import static dev.railguard.format.internal.StrictJson.wrong;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.railguard.format.AgnoEvalRunBody;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Agno's bodies, read by the strict reader. */
public final class AgnoBodies {

    /** Every key of Agno's {@code EvalRunInput}. */
    static final Set<String> EVAL_RUN_KEYS = Set.of("eval_type", "input", "expected_output", "criteria",
            "scoring_strategy", "threshold", "num_iterations", "warmup_runs", "expected_tool_calls",
            "allow_additional_tool_calls", "additional_guidelines", "additional_context", "name", "model_id",
            "agent_id", "team_id", "model_provider", "expected_tool_call_arguments");

    private AgnoBodies() {}

    /** Reads an eval-run request body. */
    public static AgnoEvalRunBody evalRun(String json) {
        JsonNode n = StrictJson.object(json, "the eval run request");
        StrictJson.known(n, EVAL_RUN_KEYS, "", null);
        JsonNode calls = get(n, "expected_tool_calls");
        List<String> toolCalls = calls == null ? null : StrictJson.strings(n, "expected_tool_calls",
                "expected_tool_calls");
        JsonNode allow = get(n, "allow_additional_tool_calls");
        return new AgnoEvalRunBody(text(n, "eval_type", "eval_type"), text(n, "input", "input"),
                text(n, "expected_output", "expected_output"), text(n, "criteria", "criteria"),
                text(n, "scoring_strategy", "scoring_strategy"), integer(n, "threshold"),
                integer(n, "num_iterations"), integer(n, "warmup_runs"), toolCalls,
                allow == null ? null : StrictJson.bool(n, "allow_additional_tool_calls",
                        "allow_additional_tool_calls", false),
                text(n, "additional_guidelines", "additional_guidelines"),
                text(n, "additional_context", "additional_context"), text(n, "name", "name"),
                text(n, "model_id", "model_id"), text(n, "agent_id", "agent_id"), text(n, "team_id", "team_id"),
                text(n, "model_provider", "model_provider"), arguments(get(n, "expected_tool_call_arguments")));
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
            throw wrong("expected_tool_call_arguments", "an object of tool name to argument object (or list of"
                    + " them)", node);
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
                    throw wrong("expected_tool_call_arguments." + e.getKey(), "an object of argument values (or a"
                            + " list of them)", e.getValue());
                }
                list.add(StrictJson.MAPPER.convertValue(spec, new TypeReference<Map<String, Object>>() { }));
            }
            out.put(e.getKey(), list);
        }
        return out;
    }
}
