package dev.railguard.evals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.railguard.evals.internal.EvalJson;
import dev.railguard.evals.internal.EvalSettings;
import dev.railguard.evals.internal.Iterations;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An eval run described with the fields of Agno's {@code POST /eval-runs} body (seed 002), validated with its ranges
 * and defaults; run it with {@link AgentEvals#run}. Each violation is an {@link IllegalArgumentException} naming the
 * field (in its wire spelling), the value and what is allowed.
 *
 * <pre>{@code
 * EvalRunRequest request = EvalRunRequest.fromJson("""
 *     {"eval_type": "accuracy", "input": "What is 2 + 2?", "expected_output": "4", "num_iterations": 3}""");
 * EvalRun run = AgentEvals.using(evaluator).run(request, Subject.of("calculator", "gpt-4o-mini", agent::chat));
 * }</pre>
 *
 * @param evalType                 accuracy, agent_as_judge, performance or reliability (required)
 * @param input                    the input (required, at least 1 character: {@code " "} is allowed, as in Agno)
 * @param expectedOutput           required for accuracy
 * @param criteria                 required for agent_as_judge
 * @param scoringStrategy          binary (default) or numeric
 * @param threshold                1..10; null means the default 7 for agent_as_judge and no threshold for accuracy
 * @param numIterations            1..100, default 1
 * @param warmupRuns               0..10, default 0
 * @param expectedToolCalls        required (possibly empty) for reliability
 * @param allowAdditionalToolCalls reliability: whether calls of tools not expected are allowed; default false
 * @param additionalGuidelines     guidelines for the judge, or null
 * @param additionalContext        context for the judge, or null
 * @param name                     the run's name, or null
 * @param modelId                  the subject's model, recorded as {@code model_id} (overrides the subject's), or null
 * @param agentId                  the evaluated agent ({@code agent_id}), kept for the run's record, or null
 * @param teamId                   the evaluated team ({@code team_id}), kept for the run's record, or null
 * @param modelProvider            the model's provider ({@code model_provider}), kept for the run's record, or null
 * @param expectedToolCallArguments reliability: per tool, the argument specs one successful call each must match
 *                                 ({@code {"multiply": {"a": 10}}} or a list of such objects per tool); empty when none
 */
public record EvalRunRequest(EvalType evalType, String input, String expectedOutput, String criteria,
        ScoringStrategy scoringStrategy, Integer threshold, int numIterations, int warmupRuns,
        List<String> expectedToolCalls, boolean allowAdditionalToolCalls, String additionalGuidelines,
        String additionalContext, String name, String modelId, String agentId, String teamId, String modelProvider,
        Map<String, List<Map<String, Object>>> expectedToolCallArguments) {

    /** The fields {@link #fromJson} reads: every key of Agno's {@code EvalRunInput}. */
    static final Set<String> FIELDS = Set.of("eval_type", "input", "expected_output", "criteria", "scoring_strategy",
            "threshold", "num_iterations", "warmup_runs", "expected_tool_calls", "allow_additional_tool_calls",
            "additional_guidelines", "additional_context", "name", "model_id", "agent_id", "team_id",
            "model_provider", "expected_tool_call_arguments");

    /** Validates and copies. */
    public EvalRunRequest {
        if (evalType == null) {
            throw new IllegalArgumentException("eval_type is required; allowed: accuracy, agent_as_judge,"
                    + " performance, reliability");
        }
        if (input == null || input.isEmpty()) {
            throw new IllegalArgumentException("input must be a string of at least 1 character, but was: "
                    + (input == null ? "null" : "'" + input + "'"));
        }
        expectedToolCallArguments = copyArguments(expectedToolCallArguments);
        scoringStrategy = scoringStrategy == null ? ScoringStrategy.BINARY : scoringStrategy;
        if (threshold != null) {
            EvalSettings.range("threshold", threshold, 1, 10);
        }
        EvalSettings.range("num_iterations", numIterations, 1, 100);
        EvalSettings.range("warmup_runs", warmupRuns, 0, 10);
        expectedToolCalls = expectedToolCalls == null ? null
                : EvalSettings.texts("expected_tool_calls", expectedToolCalls);
        if (evalType == EvalType.ACCURACY && (expectedOutput == null || expectedOutput.isBlank())) {
            throw new IllegalArgumentException("expected_output is required for eval_type accuracy, but was: "
                    + (expectedOutput == null ? "null" : "'" + expectedOutput + "'"));
        }
        if (evalType == EvalType.AGENT_AS_JUDGE && (criteria == null || criteria.isBlank())) {
            throw new IllegalArgumentException("criteria is required for eval_type agent_as_judge, but was: "
                    + (criteria == null ? "null" : "'" + criteria + "'"));
        }
        if (evalType == EvalType.RELIABILITY && expectedToolCalls == null) {
            throw new IllegalArgumentException("expected_tool_calls is required for eval_type reliability"
                    + " (an empty list means no tool may be called), but was: null");
        }
    }

    private static Map<String, List<Map<String, Object>>> copyArguments(Map<String, List<Map<String, Object>>> in) {
        if (in == null || in.isEmpty()) {
            return Map.of();
        }
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        in.forEach((tool, specs) -> {
            if (tool == null || tool.isBlank() || specs == null) {
                throw new IllegalArgumentException("expected_tool_call_arguments must map tool names to argument"
                        + " specs, but had: " + tool + "=" + specs);
            }
            out.put(tool, specs.stream().map(m -> Collections.unmodifiableMap(new LinkedHashMap<>(m))).toList());
        });
        return Collections.unmodifiableMap(out);
    }

    /** A builder with the seed's defaults. */
    public static Builder builder(EvalType evalType, String input) {
        return new Builder(evalType, input);
    }

    /** The threshold, or the default 7. */
    public int thresholdOrDefault() {
        return threshold == null ? 7 : threshold;
    }

    /**
     * Reads the seed's JSON body.
     *
     * @throws IllegalArgumentException for malformed JSON, an unknown field, a field of the wrong type, or a value
     *                                  out of range
     */
    public static EvalRunRequest fromJson(String json) {
        Objects.requireNonNull(json, "json must not be null");
        JsonNode node;
        try {
            node = EvalJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("the eval run request is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the eval run request must be a JSON object, but was: " + node);
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown field '" + f + "'; allowed: "
                        + new java.util.TreeSet<>(FIELDS));
            }
        }
        String type = text(node, "eval_type");
        Builder b = new Builder(type == null ? null : EvalType.fromWireName(type), text(node, "input"));
        b.expectedOutput = text(node, "expected_output");
        b.criteria = text(node, "criteria");
        String strategy = text(node, "scoring_strategy");
        b.scoringStrategy = strategy == null ? null : ScoringStrategy.fromWireName(strategy);
        b.threshold = integer(node, "threshold");
        Integer n = integer(node, "num_iterations");
        b.numIterations = n == null ? 1 : n;
        Integer w = integer(node, "warmup_runs");
        b.warmupRuns = w == null ? 0 : w;
        JsonNode calls = node.get("expected_tool_calls");
        if (calls != null && !calls.isNull()) {
            if (!calls.isArray()) {
                throw new IllegalArgumentException("expected_tool_calls must be an array of strings, but was: "
                        + calls);
            }
            List<String> list = new ArrayList<>();
            for (JsonNode c : calls) {
                if (!c.isTextual()) {
                    throw new IllegalArgumentException("expected_tool_calls must be an array of strings, but was: "
                            + calls);
                }
                list.add(c.asText());
            }
            b.expectedToolCalls = list;
        }
        JsonNode allow = node.get("allow_additional_tool_calls");
        if (allow != null && !allow.isNull()) {
            if (!allow.isBoolean()) {
                throw new IllegalArgumentException("allow_additional_tool_calls must be a boolean, but was: " + allow);
            }
            b.allowAdditionalToolCalls = allow.asBoolean();
        }
        b.additionalGuidelines = text(node, "additional_guidelines");
        b.additionalContext = text(node, "additional_context");
        b.name = text(node, "name");
        b.modelId = text(node, "model_id");
        b.agentId = text(node, "agent_id");
        b.teamId = text(node, "team_id");
        b.modelProvider = text(node, "model_provider");
        b.expectedToolCallArguments = arguments(node.get("expected_tool_call_arguments"));
        return b.build();
    }

    /** Agno's {@code expected_tool_call_arguments}: tool name to an object, or to an array of objects. */
    private static Map<String, List<Map<String, Object>>> arguments(JsonNode node) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected_tool_call_arguments must be an object of tool name to"
                    + " argument object (or list of them), but was: " + node);
        }
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
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
                    throw new IllegalArgumentException("expected_tool_call_arguments." + e.getKey() + " must be an"
                            + " object of argument values (or a list of them), but was: " + e.getValue());
                }
                list.add(EvalJson.MAPPER.convertValue(spec, new TypeReference<Map<String, Object>>() { }));
            }
            out.put(e.getKey(), list);
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string, but was: " + v);
        }
        return v.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException(field + " must be an integer, but was: " + v);
        }
        return v.asInt();
    }

    /** Builds an {@link EvalRunRequest} with the seed's defaults. */
    public static final class Builder {
        private final EvalType evalType;
        private final String input;
        private String expectedOutput;
        private String criteria;
        private ScoringStrategy scoringStrategy;
        private Integer threshold;
        private int numIterations = 1;
        private int warmupRuns;
        private List<String> expectedToolCalls;
        private boolean allowAdditionalToolCalls;
        private String additionalGuidelines;
        private String additionalContext;
        private String name;
        private String modelId;
        private String agentId;
        private String teamId;
        private String modelProvider;
        private Map<String, List<Map<String, Object>>> expectedToolCallArguments = Map.of();

        private Builder(EvalType evalType, String input) {
            this.evalType = evalType;
            this.input = input;
        }

        /** The expected output (accuracy). */
        public Builder expectedOutput(String v) {
            this.expectedOutput = v;
            return this;
        }

        /** The criteria (agent_as_judge). */
        public Builder criteria(String v) {
            this.criteria = v;
            return this;
        }

        /** The scoring strategy; default binary. */
        public Builder scoringStrategy(ScoringStrategy v) {
            this.scoringStrategy = v;
            return this;
        }

        /** The threshold, 1..10. */
        public Builder threshold(int v) {
            this.threshold = v;
            return this;
        }

        /** Iterations, 1..100; default 1. */
        public Builder numIterations(int v) {
            this.numIterations = v;
            return this;
        }

        /** Warm-up runs, 0..10; default 0. */
        public Builder warmupRuns(int v) {
            this.warmupRuns = v;
            return this;
        }

        /** The expected tool calls (reliability). */
        public Builder expectedToolCalls(List<String> v) {
            this.expectedToolCalls = v;
            return this;
        }

        /** Whether additional tool calls are allowed (reliability); default false. */
        public Builder allowAdditionalToolCalls(boolean v) {
            this.allowAdditionalToolCalls = v;
            return this;
        }

        /** Guidelines for the judge. */
        public Builder additionalGuidelines(String v) {
            this.additionalGuidelines = v;
            return this;
        }

        /** Context for the judge. */
        public Builder additionalContext(String v) {
            this.additionalContext = v;
            return this;
        }

        /** The run's name. */
        public Builder name(String v) {
            this.name = v;
            return this;
        }

        /** The evaluated agent, team and the model's provider, kept for the run's record. */
        public Builder ids(String agentId, String teamId, String modelProvider) {
            this.agentId = agentId;
            this.teamId = teamId;
            this.modelProvider = modelProvider;
            return this;
        }

        /** One argument spec of {@code tool} (reliability); call again for more specs of the same tool. */
        public Builder expectedToolCallArguments(String tool, Map<String, Object> spec) {
            Map<String, List<Map<String, Object>>> m = new LinkedHashMap<>(expectedToolCallArguments);
            List<Map<String, Object>> specs = new ArrayList<>(m.getOrDefault(tool, List.of()));
            specs.add(spec);
            m.put(tool, specs);
            this.expectedToolCallArguments = m;
            return this;
        }

        /** The subject's model. */
        public Builder modelId(String v) {
            this.modelId = v;
            return this;
        }

        /**
         * Builds and validates the request.
         *
         * @throws IllegalArgumentException naming the first field that is invalid
         */
        public EvalRunRequest build() {
            return new EvalRunRequest(evalType, input, expectedOutput, criteria, scoringStrategy, threshold,
                    numIterations, warmupRuns, expectedToolCalls, allowAdditionalToolCalls, additionalGuidelines,
                    additionalContext, name, modelId, agentId, teamId, modelProvider, expectedToolCallArguments);
        }
    }
}
