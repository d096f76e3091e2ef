package dev.railguard.evals;

import dev.railguard.api.Checks;
import dev.railguard.evals.internal.EvalSettings;
import dev.railguard.evals.internal.Iterations;
import dev.railguard.format.AgnoEvalRun;
import dev.railguard.format.AgnoEvalRunBody;
import dev.railguard.format.AgnoField;
import java.util.ArrayList;
import java.util.Collections;
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

    /** Validates and copies. */
    public EvalRunRequest {
        if (evalType == null) {
            throw new IllegalArgumentException(AgnoField.EVAL_TYPE.key() + " is required; allowed: "
                    + String.join(", ", AgnoEvalRun.EVAL_TYPES));
        }
        if (input == null || input.isEmpty()) {
            throw new IllegalArgumentException(AgnoField.INPUT.key() + " must be a string of at least 1 character,"
                    + " but was: " + (input == null ? "null" : "'" + input + "'"));
        }
        expectedToolCallArguments = copyArguments(expectedToolCallArguments);
        scoringStrategy = scoringStrategy == null ? ScoringStrategy.BINARY : scoringStrategy;
        if (threshold != null) {
            Checks.between(threshold, 1, 10, AgnoField.THRESHOLD.key());
        }
        Checks.between(numIterations, 1, 100, AgnoField.NUM_ITERATIONS.key());
        Checks.between(warmupRuns, 0, 10, AgnoField.WARMUP_RUNS.key());
        expectedToolCalls = expectedToolCalls == null ? null
                : EvalSettings.texts(AgnoField.EXPECTED_TOOL_CALLS.key(), expectedToolCalls);
        if (evalType == EvalType.ACCURACY && (expectedOutput == null || expectedOutput.isBlank())) {
            throw requiredFor(AgnoField.EXPECTED_OUTPUT, evalType, expectedOutput, "");
        }
        if (evalType == EvalType.AGENT_AS_JUDGE && (criteria == null || criteria.isBlank())) {
            throw requiredFor(AgnoField.CRITERIA, evalType, criteria, "");
        }
        if (evalType == EvalType.RELIABILITY && expectedToolCalls == null) {
            throw requiredFor(AgnoField.EXPECTED_TOOL_CALLS, evalType, null,
                    " (an empty list means no tool may be called)");
        }
    }

    private static IllegalArgumentException requiredFor(AgnoField field, EvalType type, String value, String note) {
        return new IllegalArgumentException(field.key() + " is required for " + AgnoField.EVAL_TYPE.key() + " "
                + type.wireName() + note + ", but was: " + (value == null ? "null" : "'" + value + "'"));
    }

    private static Map<String, List<Map<String, Object>>> copyArguments(Map<String, List<Map<String, Object>>> in) {
        if (in == null || in.isEmpty()) {
            return Map.of();
        }
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        in.forEach((tool, specs) -> {
            if (tool == null || tool.isBlank() || specs == null) {
                throw new IllegalArgumentException(AgnoField.EXPECTED_TOOL_CALL_ARGUMENTS.key() + " must map tool"
                        + " names to argument specs, but had: " + tool + "=" + specs);
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
     * Reads the seed's JSON body with the one strict reader ({@link AgnoEvalRunBody#read}), then checks its values.
     *
     * @throws IllegalArgumentException for malformed JSON, a duplicate or unknown field, a field of the wrong type,
     *                                  or a value out of range
     */
    public static EvalRunRequest fromJson(String json) {
        AgnoEvalRunBody body = AgnoEvalRunBody.read(json);
        Builder b = new Builder(body.evalType() == null ? null : EvalType.fromWireName(body.evalType()), body.input());
        b.expectedOutput = body.expectedOutput();
        b.criteria = body.criteria();
        b.scoringStrategy = body.scoringStrategy() == null ? null : ScoringStrategy.fromWireName(body.scoringStrategy());
        b.threshold = body.threshold();
        b.numIterations = body.numIterations() == null ? 1 : body.numIterations();
        b.warmupRuns = body.warmupRuns() == null ? 0 : body.warmupRuns();
        b.expectedToolCalls = body.expectedToolCalls();
        b.allowAdditionalToolCalls = Boolean.TRUE.equals(body.allowAdditionalToolCalls());
        b.additionalGuidelines = body.additionalGuidelines();
        b.additionalContext = body.additionalContext();
        b.name = body.name();
        b.modelId = body.modelId();
        b.agentId = body.agentId();
        b.teamId = body.teamId();
        b.modelProvider = body.modelProvider();
        b.expectedToolCallArguments = body.expectedToolCallArguments();
        return b.build();
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
