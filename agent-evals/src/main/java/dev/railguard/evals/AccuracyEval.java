package dev.railguard.evals;

import dev.railguard.api.Usage;
import dev.railguard.engine.Judge;
import dev.railguard.engine.JudgeAnswer;
import dev.railguard.engine.JudgeTier;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.evals.internal.EvalPrompts;
import dev.railguard.evals.internal.EvalSettings;
import dev.railguard.evals.internal.Iterations;
import dev.railguard.evals.internal.JudgeChoice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
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

    private final JudgeChoice judge;
    private final String input;
    private final List<String> expectedOutputs;
    private final int numIterations;
    private final List<String> additionalGuidelines;
    private final String additionalContext;
    private final Double threshold;
    private final int parallelism;
    private final Duration timeout;
    private final String name;

    private AccuracyEval(Builder b) {
        this.judge = new JudgeChoice(b.evaluator, b.judge, b.tier);
        this.input = EvalSettings.required("input", b.input);
        if (b.expectedOutputs.isEmpty()) {
            throw new IllegalArgumentException("expectedOutput must be given (at least one accepted answer)");
        }
        this.expectedOutputs = List.copyOf(b.expectedOutputs);
        this.numIterations = b.numIterations;
        this.additionalGuidelines = List.copyOf(b.additionalGuidelines);
        this.additionalContext = b.additionalContext;
        this.threshold = b.threshold;
        this.parallelism = b.parallelism;
        this.timeout = b.timeout;
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
        return execute(subject.name(), subject.modelId(), (runId, i) -> {
            try {
                return subject.call("eval_" + runId + "_" + (i + 1), input).content();
            } catch (RuntimeException e) {
                throw new Iterations.EvalException("agent: " + Iterations.describe(e, timeout));
            }
        });
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
        Judge resolved = judge.resolve(subjectModel);
        String runId = EvalRun.newId();
        AtomicReference<Usage> usage = new AtomicReference<>(Usage.NONE);
        Instant created = Instant.now();
        ExecutorService pool = Iterations.agentPool("accuracy");
        try {
            List<Iterations.Outcome<AccuracyResult.Iteration>> outcomes = Iterations.run(numIterations, parallelism,
                    timeout, i -> CompletableFuture.supplyAsync(() -> produce.apply(runId, i), pool)
                            .thenCompose(output -> judgeOne(i, output, resolved, usage))
                            .exceptionally(e -> iteration(i, null, null, null, Iterations.describe(e, timeout),
                                    null)));
            List<AccuracyResult.Iteration> results = new ArrayList<>();
            for (Iterations.Outcome<AccuracyResult.Iteration> o : outcomes) {
                results.add(o.value() != null ? o.value()
                        : iteration(o.index(), null, null, null, o.error(), null));
            }
            return EvalRun.of(runId, EvalType.ACCURACY, name, component, subjectModel, resolved.modelName(), evalInput(),
                    AccuracyResult.of(results, threshold), created, usage.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private CompletableFuture<AccuracyResult.Iteration> judgeOne(int i, String output, Judge resolved,
            AtomicReference<Usage> usage) {
        if (output == null || output.isBlank()) {
            return CompletableFuture.completedFuture(iteration(i, output, null, null,
                    "agent: empty output", null));
        }
        return judge.ask(resolved, EvalPrompts.accuracy(input, expectedOutputs, output, additionalGuidelines,
                additionalContext)).thenApply(a -> {
                    usage.accumulateAndGet(a.usage(), Usage::plus);
                    return fromAnswer(i, output, a);
                });
    }

    private AccuracyResult.Iteration fromAnswer(int i, String output, JudgeAnswer a) {
        if (!a.ok()) {
            return iteration(i, output, null, null, "judge: " + a.failure(), a.judge());
        }
        int score = a.reply().path("accuracy_score").asInt(); // 1..10: the question's reply check holds the judge to it
        return iteration(i, output, score, a.reply().path("accuracy_reason").asText(), null, a.judge());
    }

    private AccuracyResult.Iteration iteration(int i, String output, Integer score, String reason, String error,
            String judgeName) {
        Boolean passed = score == null || threshold == null ? null : score >= threshold;
        return new AccuracyResult.Iteration(i + 1, input, output, expectedOutputs, score, reason, passed, error,
                judgeName);
    }

    private Map<String, Object> evalInput() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", input);
        m.put("expected_output", expectedOutputs.size() == 1 ? expectedOutputs.get(0) : expectedOutputs);
        m.put("num_iterations", numIterations);
        m.put("additional_guidelines", additionalGuidelines);
        m.put("additional_context", additionalContext);
        m.put("threshold", threshold);
        m.put("parallelism", parallelism);
        m.put("judge_prompt_version", EvalPrompts.ACCURACY_VERSION);
        return m;
    }

    /** Builds an {@link AccuracyEval}. */
    public static final class Builder {
        private final RailguardEvaluator evaluator;
        private Judge judge;
        private JudgeTier tier = JudgeTier.STANDARD;
        private String input;
        private final List<String> expectedOutputs = new ArrayList<>();
        private int numIterations = 1;
        private final List<String> additionalGuidelines = new ArrayList<>();
        private String additionalContext;
        private Double threshold;
        private int parallelism = 1;
        private Duration timeout = EvalSettings.DEFAULT_TIMEOUT;
        private String name;

        private Builder(RailguardEvaluator evaluator) {
            this.evaluator = Objects.requireNonNull(evaluator, "evaluator must not be null");
        }

        /** A custom judge; it receives the same instructions (rubric, guidelines) as any other. */
        public Builder judge(Judge judge) {
            this.judge = Objects.requireNonNull(judge, "judge must not be null");
            return this;
        }

        /** The tier of the evaluator's panel to pick the judge from; default STANDARD. */
        public Builder judgeTier(JudgeTier tier) {
            this.tier = Objects.requireNonNull(tier, "judgeTier must not be null");
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
            this.numIterations = EvalSettings.range("numIterations", n, 1, 100);
            return this;
        }

        /** Guidelines for the judge, each one a bullet (replacing earlier ones). */
        public Builder additionalGuidelines(String... guidelines) {
            List<String> copy = EvalSettings.texts("additionalGuidelines", Arrays.asList(guidelines));
            additionalGuidelines.clear();
            additionalGuidelines.addAll(copy);
            return this;
        }

        /** Background for the judge; fenced as untrusted like the input and outputs. */
        public Builder additionalContext(String context) {
            this.additionalContext = context;
            return this;
        }

        /** The mean score needed to pass, 1..10; default none (the status is then COMPLETED). */
        public Builder threshold(double threshold) {
            this.threshold = EvalSettings.range("threshold", threshold, 1, 10);
            return this;
        }

        /** How many iterations may run at once, 1..64; default 1 (sequential, for stateful agents). */
        public Builder parallelism(int parallelism) {
            this.parallelism = EvalSettings.range("parallelism", parallelism, 1, 64);
            return this;
        }

        /**
         * The bound on one iteration (agent call and judge call); default 120 s. A timed-out iteration is an error
         * entry at once and frees its slot; its agent thread is interrupted when the run ends, so with parallelism 1
         * a hung agent may still be running while the next iteration starts.
         */
        public Builder timeout(Duration timeout) {
            this.timeout = EvalSettings.timeout(timeout);
            return this;
        }

        /** The eval's name. */
        public Builder name(String name) {
            this.name = name;
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
