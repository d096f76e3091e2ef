package dev.railguard.format;

import dev.railguard.format.internal.AgnoRecords;
import java.util.List;
import java.util.Map;

/**
 * The {@code eval_input} of an eval run, typed per eval type: Agno's keys for the type (Agno's {@code log_eval_run}
 * writes them) and Railguard's own beside them. {@link #toMap()} is the one writer of the object: Agno's keys in
 * Agno's spelling, absent values as JSON null, Railguard's {@code warnings} only when there are some.
 */
public sealed interface AgnoEvalInput {

    /** The {@code eval_input} object, keys in the order written, values plain JSON (maps, lists, texts, numbers). */
    Map<String, Object> toMap();

    /**
     * An accuracy run's configuration.
     *
     * @param input                the input given to the subject ({@code input})
     * @param expectedOutputs      the accepted answers ({@code expected_output}: the answer when there is one, the
     *                             list when there are several)
     * @param numIterations        {@code num_iterations}
     * @param additionalGuidelines {@code additional_guidelines}
     * @param additionalContext    {@code additional_context}, or null
     * @param threshold            Railguard's {@code threshold} on the mean score, or null
     * @param parallelism          Railguard's {@code parallelism}
     * @param judgePromptVersion   Railguard's {@code judge_prompt_version}
     * @param warnings             Railguard's {@code warnings} (self-judging allowed with a warning); left out when empty
     */
    record Accuracy(String input, List<String> expectedOutputs, int numIterations, List<String> additionalGuidelines,
            String additionalContext, Double threshold, int parallelism, String judgePromptVersion,
            List<String> warnings) implements AgnoEvalInput {

        /** Copies. */
        public Accuracy {
            expectedOutputs = List.copyOf(expectedOutputs);
            additionalGuidelines = List.copyOf(additionalGuidelines);
            warnings = List.copyOf(warnings);
        }

        @Override
        public Map<String, Object> toMap() {
            return AgnoRecords.input(this);
        }
    }

    /**
     * An agent-as-judge run's configuration.
     *
     * @param criteria             {@code criteria}
     * @param scoringStrategy      {@code scoring_strategy}: {@code binary} or {@code numeric}
     * @param threshold            {@code threshold}: the passing score in numeric mode, null in binary mode
     * @param additionalGuidelines {@code additional_guidelines}
     * @param additionalContext    {@code additional_context}, or null
     * @param judgePromptVersion   Railguard's {@code judge_prompt_version}
     * @param warnings             Railguard's {@code warnings}; left out when empty
     */
    record AgentAsJudge(String criteria, String scoringStrategy, Integer threshold, List<String> additionalGuidelines,
            String additionalContext, String judgePromptVersion, List<String> warnings) implements AgnoEvalInput {

        /** Copies. */
        public AgentAsJudge {
            additionalGuidelines = List.copyOf(additionalGuidelines);
            warnings = List.copyOf(warnings);
        }

        @Override
        public Map<String, Object> toMap() {
            return AgnoRecords.input(this);
        }
    }

    /**
     * A performance run's configuration.
     *
     * @param numIterations    {@code num_iterations}
     * @param warmupRuns       {@code warmup_runs}
     * @param baseline         Railguard's {@code baseline} file, or null
     * @param regressionFactor Railguard's {@code regression_factor}
     */
    record Performance(int numIterations, int warmupRuns, String baseline, double regressionFactor)
            implements AgnoEvalInput {

        @Override
        public Map<String, Object> toMap() {
            return AgnoRecords.input(this);
        }
    }

    /**
     * A reliability run's configuration.
     *
     * @param expectedToolCalls         {@code expected_tool_calls}, or null when none were named (every call passes)
     * @param allowAdditionalToolCalls  {@code allow_additional_tool_calls}
     * @param order                     Railguard's {@code order} constraint ({@code any}, {@code exact}, ...)
     * @param expectedToolCallArguments {@code expected_tool_call_arguments}: per tool, its argument specs as text
     * @param counts                    Railguard's {@code counts}: per tool, {@code "name min..max"}
     */
    record Reliability(List<String> expectedToolCalls, boolean allowAdditionalToolCalls, String order,
            Map<String, String> expectedToolCallArguments, List<String> counts) implements AgnoEvalInput {

        /** Copies. */
        public Reliability {
            expectedToolCalls = expectedToolCalls == null ? null : List.copyOf(expectedToolCalls);
            expectedToolCallArguments = AgnoRecords.ordered(expectedToolCallArguments);
            counts = List.copyOf(counts);
        }

        @Override
        public Map<String, Object> toMap() {
            return AgnoRecords.input(this);
        }
    }
}
