package dev.railguard.evals;

import dev.langchain4j.service.Result;
import dev.langchain4j.service.tool.ToolExecution;
import dev.railguard.evals.internal.EvalJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One executed tool call, the evidence of the reliability eval.
 *
 * @param name      the tool's name
 * @param arguments the arguments parsed from the call's JSON ({@code {}} when absent; numbers stay numbers)
 * @param failed    whether the execution failed ({@code ToolExecution.hasFailed()}); a failed call never counts as
 *                  made
 */
public record ToolCall(String name, Map<String, Object> arguments, boolean failed) {

    /** Validates and copies. */
    public ToolCall {
        Objects.requireNonNull(name, "name must not be null");
        arguments = arguments == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    /** A successful call. */
    public static ToolCall of(String name, Map<String, Object> arguments) {
        return new ToolCall(name, arguments, false);
    }

    /** The tool executions of a LangChain4j AI service result, in order. */
    public static List<ToolCall> fromResult(Result<?> result) {
        Objects.requireNonNull(result, "result must not be null");
        List<ToolCall> out = new ArrayList<>();
        if (result.toolExecutions() == null) {
            return out;
        }
        for (ToolExecution te : result.toolExecutions()) {
            out.add(new ToolCall(te.request().name(), parseArguments(te.request().arguments()), te.hasFailed()));
        }
        return out;
    }

    /** The JSON object {@code json} as a map; blank is empty; anything else is {@code {"_raw": json}}. */
    static Map<String, Object> parseArguments(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> m = EvalJson.MAPPER.readValue(json, EvalJson.MAP);
            return m == null ? Map.of() : m;
        } catch (java.io.IOException | RuntimeException e) {
            return Map.of("_raw", json);
        }
    }
}
