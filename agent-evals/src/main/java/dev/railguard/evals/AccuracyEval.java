package dev.railguard.evals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.railguard.api.Checks;
import dev.railguard.engine.JudgeQuestion;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.evals.internal.EvalPrompts;
import dev.railguard.evals.internal.EvalSettings;
import dev.railguard.evals.internal.Iterations;
import dev.railguard.evals.internal.JudgedIterations;
import dev.railguard.format.AgnoEvalInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.BiFunction;

/**
 * Accuracy: run the subject {@code numIterations} times on an input (each iteration with a fresh memory id
 * {@code eval_<runId>_<n>} for a {@link Subject#withMemoryId subject with memory}, so iterations never share history) and judge each answer against the expected output,
 * or against several accepted answers (matching any one is correct), with a 1..10 score. Reports mean, median, min,
 * max and sample standard deviation over the judged iterations, the number of errors, and PASSED or FAILED against
 * an optional threshold on the mean score; any error makes the run ERROR, never a silent pass.
 *
 * <pre>{@code
 * AccuracyEval eval = AccuracyEval.builder(evaluator)
 *     .input("What is 10 * 5, then to the power of 2?")
 *     .expectedOutput("2500")
 *     .numIterations(3)
 *     .threshold(8)
 *     .build();
 * EvalRun run = eval.run(Subject.of("calculator", "gpt-4o-mini", agent::chat));
 * }</pre>
 */
public final class AccuracyEval {

    private final JudgedIterations iterations;
    private final String input;
    private final List<String> expectedOutputs;
    private final int numIterations;
    private final List<String> additionalGuidelines;
    private final String additionalContext;
    private final Double threshold;
    private final String name;

    private AccuracyEval(Builder b) {
        this.iterations = b.iterations();
        this.input = EvalSettings.required("input", b.input);
        if (b.expectedOutputs.isEmpty()) {
            throw new IllegalArgumentException("expectedOutput must be given (at least one accepted answer)");
        }
        this.expectedOutputs = List.copyOf(b.expectedOutputs);
        this.numIterations = b.numIterations;
        this.additionalGuidelines = List.copyOf(b.additionalGuidelines);
        this.additionalContext = b.additionalContext;
        this.threshold = b.threshold;
        this.name = b.name;
    }

    /** A builder asking the judges of {@code evaluator}. */
    public static Builder builder(RailguardEvaluator evaluator) {
        return new Builder(evaluator);
    }

    /**
     * Runs {@code subject} {@code numIterations} times and judges each answer. Never throws for agent or judge
     * problems: they are error entries.
     *
     * @throws IllegalArgumentException when no judge can be asked (no custom judge, none in the tier)
     */
    public EvalRun run(Subject subject) {
        Objects.requireNonNull(subject, "subject must not be null");
        return execute(subject.name(), subject.modelId(),
                (runId, i) -> subject.answer("eval_" + runId + "_" + (i + 1), input, iterations.timeout()));
    }

    /**
     * Judges a given output without running an agent, {@code numIterations} times (several judge samples of the same
     * answer show how consistent the judge is).
     *
     * @param output       the answer to judge
     * @param subjectModel the model that produced it (recorded, and avoided as judge), or null
     * @throws IllegalArgumentException when {@code output} is blank
     */
    public EvalRun runWithOutput(String output, String subjectModel) {
        EvalSettings.required("output", output);
        return execute(null, subjectModel, (runId, i) -> output);
    }

    private EvalRun execute(String component, String subjectModel, BiFunction<String, Integer, String> produce) {
        String runId = EvalRun.newId();
        ExecutorService pool = Iterations.agentPool("accuracy");
        try {
            JudgedIterations.Judged<AccuracyResult.Iteration> judged = iterations.run(subjectModel, numIterations,
                    i -> CompletableFuture.supplyAsync(() -> produce.apply(runId, i), pool), new Judging());
            return EvalRun.of(runId, EvalType.ACCURACY, name, component, subjectModel, judged.judge().modelName(),
                    evalInput(judged.warnings()), AccuracyResult.of(judged.results(), threshold), judged.created(),
                    judged.usage());
        } finally {
            pool.shutdownNow();
        }
    }

    /** An item is the output to judge; iteration numbers are 1-based. */
    private final class Judging implements JudgedIterations.Judging<String, AccuracyResult.Iteration> {

        @Override
        public String role() {
            return "accuracy judge";
        }

        @Override
        public String output(String output) {
            return output;
        }

        @Override
        public JudgeQuestion question(String output) {
            return EvalPrompts.accuracy(input, expectedOutputs, output, additionalGuidelines, additionalContext);
        }

        @Override
        public AccuracyResult.Iteration judged(int i, String output, JsonNode reply, String judgeName) {
            int score = reply.path("accuracy_score").asInt(); // 1..10: the question's reply check holds the judge to it
            return iteration(i, output, score, reply.path("accuracy_reason").asText(), null, judgeName);
        }

        @Override
        public AccuracyResult.Iteration error(int i, String output, String error, String judgeName) {
            return iteration(i, output, null, null, error, judgeName);
        }
    }

    private AccuracyResult.Iteration iteration(int i, String output, Integer score, String reason, String error,
            String judgeName) {
        Boolean passed = score == null || threshold == null ? null : score >= threshold;
        return new AccuracyResult.Iteration(i + 1, input, output, expectedOutputs, score, reason, passed, error,
                judgeName);
    }

    private Map<String, Object> evalInput(List<String> warnings) {
        return new AgnoEvalInput.Accuracy(input, expectedOutputs, numIterations, additionalGuidelines,
                additionalContext, threshold, iterations.parallelism(), EvalPrompts.ACCURACY_VERSION, warnings)
                .toMap();
    }

    /**
     * Builds an {@link AccuracyEval}. The judge, guidelines, parallelism (default 1, sequential for stateful agents),
     * timeout and name are set as for any judged eval.
     */
    public static final class Builder extends JudgedEvalBuilder<Builder> {
        private String input;
        private final List<String> expectedOutputs = new ArrayList<>();
        private int numIterations = 1;
        private Double threshold;

        private Builder(RailguardEvaluator evaluator) {
            super(evaluator, 1);
        }

        @Override
        Builder self() {
            return this;
        }

        /** The input given to the subject. */
        public Builder input(String input) {
            this.input = input;
            return this;
        }

        /** The accepted answers (replacing earlier ones); the output is correct if it matches any one. */
        public Builder expectedOutput(String... accepted) {
            return expectedOutputs(Arrays.asList(accepted));
        }

        /** The accepted answers (replacing earlier ones). */
        public Builder expectedOutputs(List<String> accepted) {
            List<String> copy = EvalSettings.texts("expectedOutput", accepted);
            expectedOutputs.clear();
            expectedOutputs.addAll(copy);
            return this;
        }

        /** How many times to run the subject, 1..100; default 1. */
        public Builder numIterations(int n) {
            this.numIterations = Checks.between(n, 1, 100, "numIterations");
            return this;
        }

        /** The mean score needed to pass, 1..10; default none (the status is then COMPLETED). */
        public Builder threshold(double threshold) {
            this.threshold = Checks.between(threshold, 1, 10, "threshold");
            return this;
        }

        /**
         * Builds the eval.
         *
         * @throws IllegalArgumentException when the input is blank or no expected output was given
         */
        public AccuracyEval build() {
            return new AccuracyEval(this);
        }
    }
}
