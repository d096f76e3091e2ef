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
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Agent-as-judge: a judge decides whether outputs meet criteria written in prose, PASS/FAIL ({@link
 * ScoringStrategy#BINARY}, the default) or 1..10 against a threshold ({@link ScoringStrategy#NUMERIC}, default 7).
 * One case or a batch; the input, the output and the expected output are fenced; the criteria are in the
 * instructions every judge receives, a custom judge included. Cases of a batch are judged in parallel up to
 * {@code parallelism}, each within the timeout.
 *
 * <pre>{@code
 * AgentAsJudgeEval eval = AgentAsJudgeEval.builder(evaluator)
 *     .criteria("The answer is polite and gives a concrete next step.")
 *     .scoringStrategy(ScoringStrategy.NUMERIC).threshold(8)
 *     .onFail(e -> alerts.send(e.reason()))
 *     .build();
 * EvalRun run = eval.evaluate("Where is my order?", agentAnswer);
 * }</pre>
 */
public final class AgentAsJudgeEval {

    private final JudgeChoice judge;
    private final String criteria;
    private final ScoringStrategy strategy;
    private final int threshold;
    private final List<String> additionalGuidelines;
    private final Consumer<AgentAsJudgeResult.Evaluation> onFail;
    private final int parallelism;
    private final Duration timeout;
    private final String name;

    private AgentAsJudgeEval(Builder b) {
        this.judge = new JudgeChoice(b.evaluator, b.judge, b.tier);
        this.criteria = EvalSettings.required("criteria", b.criteria);
        this.strategy = b.strategy;
        this.threshold = b.threshold;
        this.additionalGuidelines = List.copyOf(b.additionalGuidelines);
        this.onFail = b.onFail;
        this.parallelism = b.parallelism;
        this.timeout = b.timeout;
        this.name = b.name;
    }

    /** A builder asking the judges of {@code evaluator}. */
    public static Builder builder(RailguardEvaluator evaluator) {
        return new Builder(evaluator);
    }

    /**
     * Agno's entry point: either one {@code (input, output)} pair or a batch of {@code cases}.
     *
     * @throws IllegalArgumentException "Provide either (input, output) or cases, not both", "Provide either (input,
     *                                  output) or cases" when neither is given, or "Both input and output are
     *                                  required for a single evaluation" when one half is missing
     */
    public EvalRun run(String input, String output, List<JudgeCase> cases) {
        boolean single = input != null || output != null;
        if (single && cases != null) {
            throw new IllegalArgumentException("Provide either (input, output) or cases, not both");
        }
        if (!single && cases == null) {
            throw new IllegalArgumentException("Provide either (input, output) or cases");
        }
        if (single && (input == null || output == null)) {
            throw new IllegalArgumentException("Both input and output are required for a single evaluation, but "
                    + (input == null ? "input" : "output") + " was null");
        }
        return single ? evaluateCases(List.of(JudgeCase.of(input, output))) : evaluateCases(cases);
    }

    /** Judges one output. */
    public EvalRun evaluate(String input, String output) {
        return evaluate(input, output, null);
    }

    /** Judges one output against a reference answer (fenced like the output). */
    public EvalRun evaluate(String input, String output, String expectedOutput) {
        return evaluateCases(List.of(new JudgeCase(input, output, expectedOutput)));
    }

    /** Runs {@code subject} once on {@code input} and judges its answer (an agent failure is an error entry). */
    public EvalRun run(Subject subject, String input) {
        return run(subject, input, 1);
    }

    /**
     * Runs {@code subject} {@code times} times on {@code input} (1..100; in parallel up to {@code parallelism}, each
     * agent call and its judging within the timeout) and judges every answer as one case. An agent exception, an
     * empty answer or a timeout is an error entry.
     */
    public EvalRun run(Subject subject, String input, int times) {
        Objects.requireNonNull(subject, "subject must not be null");
        Objects.requireNonNull(input, "input must not be null");
        EvalSettings.range("numIterations", times, 1, 100);
        ExecutorService pool = Iterations.agentPool("agent-as-judge");
        try {
            return judgeAll(times, i -> CompletableFuture.supplyAsync(() -> {
                try {
                    String out = subject.call(input).content();
                    return JudgeCase.of(input, out == null ? "" : out);
                } catch (RuntimeException e) {
                    throw new Iterations.EvalException("agent: " + Iterations.describe(e, timeout));
                }
            }, pool), i -> input, subject);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Judges a batch of cases; the on-fail callback is called, in case order, for every case that did not pass
     * (cases the judge could not evaluate included: their {@code error()} is set). An exception from the callback is
     * recorded on that case ({@code onFailError}) and does not stop the others.
     */
    public EvalRun evaluateCases(List<JudgeCase> cases) {
        List<JudgeCase> copy = List.copyOf(Objects.requireNonNull(cases, "cases must not be null"));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("cases must not be empty");
        }
        return judgeAll(copy.size(), i -> CompletableFuture.completedFuture(copy.get(i)), i -> copy.get(i).input(),
                null);
    }

    private EvalRun judgeAll(int count, IntFunction<CompletableFuture<JudgeCase>> cases, IntFunction<String> inputs,
            Subject subject) {
        String subjectModel = subject == null ? null : subject.modelId();
        Judge resolved = judge.resolve(subjectModel);
        Instant created = Instant.now();
        AtomicReference<Usage> usage = new AtomicReference<>(Usage.NONE);
        List<Iterations.Outcome<AgentAsJudgeResult.Evaluation>> outcomes = Iterations.run(count, parallelism,
                timeout, i -> cases.apply(i).thenCompose(c -> {
                    if (c.output().isBlank()) {
                        return CompletableFuture.completedFuture(
                                evaluation(i, c, null, null, false, "agent: empty output", null));
                    }
                    return judge.ask(resolved, EvalPrompts.agentAsJudge(criteria, strategy == ScoringStrategy.NUMERIC, additionalGuidelines,
                            c.input(), c.output(), c.expectedOutput())).thenApply(a -> {
                                usage.accumulateAndGet(a.usage(), Usage::plus);
                                return fromAnswer(i, c, a);
                            });
                }));
        List<AgentAsJudgeResult.Evaluation> results = new ArrayList<>();
        for (Iterations.Outcome<AgentAsJudgeResult.Evaluation> o : outcomes) {
            results.add(o.value() != null ? o.value()
                    : new AgentAsJudgeResult.Evaluation(o.index(), inputs.apply(o.index()), null, null, criteria,
                            null, null, false, o.error(), null, null));
        }
        return finish(results, subject, resolved, created, usage.get());
    }

    private EvalRun finish(List<AgentAsJudgeResult.Evaluation> judged, Subject subject, Judge resolved,
            Instant created, Usage usage) {
        List<AgentAsJudgeResult.Evaluation> results = new ArrayList<>();
        for (AgentAsJudgeResult.Evaluation e : judged) {
            if (!e.passed() && onFail != null) {
                try {
                    onFail.accept(e);
                } catch (RuntimeException ex) {
                    e = e.withOnFailError(Iterations.describe(ex, timeout));
                }
            }
            results.add(e);
        }
        return EvalRun.of(EvalRun.newId(), EvalType.AGENT_AS_JUDGE, name, subject == null ? null : subject.name(),
                subject == null ? null : subject.modelId(), resolved.modelName(), evalInput(),
                AgentAsJudgeResult.of(results, strategy, threshold), created, usage);
    }

    private AgentAsJudgeResult.Evaluation fromAnswer(int i, JudgeCase c, JudgeAnswer a) {
        if (!a.ok()) {
            return evaluation(i, c, null, null, false, "judge: " + a.failure(), a.judge());
        }
        String reason = a.reply().path("reason").asText();
        if (strategy == ScoringStrategy.BINARY) {
            return evaluation(i, c, null, reason, a.reply().path("passed").asBoolean(), null, a.judge());
        }
        int score = a.reply().path("score").asInt(); // 1..10: the question's reply check holds the judge to it
        return evaluation(i, c, score, reason, score >= threshold, null, a.judge());
    }

    private AgentAsJudgeResult.Evaluation evaluation(int i, JudgeCase c, Integer score, String reason,
            boolean passed, String error, String judgeName) {
        return new AgentAsJudgeResult.Evaluation(i, c.input(), c.output(), c.expectedOutput(), criteria, score,
                reason, passed, error, null, judgeName);
    }

    private Map<String, Object> evalInput() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("criteria", criteria);
        m.put("scoring_strategy", strategy.wireName());
        m.put("threshold", strategy == ScoringStrategy.NUMERIC ? threshold : null);
        m.put("additional_guidelines", additionalGuidelines);
        m.put("judge_prompt_version", EvalPrompts.judgeVersion(strategy == ScoringStrategy.NUMERIC));
        return m;
    }

    /** The scoring strategy. */
    public ScoringStrategy scoringStrategy() {
        return strategy;
    }

    /** The threshold (used in numeric mode). */
    public int threshold() {
        return threshold;
    }

    /** Builds an {@link AgentAsJudgeEval}. */
    public static final class Builder {
        private final RailguardEvaluator evaluator;
        private Judge judge;
        private JudgeTier tier = JudgeTier.STANDARD;
        private String criteria;
        private ScoringStrategy strategy = ScoringStrategy.BINARY;
        private int threshold = 7;
        private final List<String> additionalGuidelines = new ArrayList<>();
        private Consumer<AgentAsJudgeResult.Evaluation> onFail;
        private int parallelism = 4;
        private Duration timeout = EvalSettings.DEFAULT_TIMEOUT;
        private String name;

        private Builder(RailguardEvaluator evaluator) {
            this.evaluator = Objects.requireNonNull(evaluator, "evaluator must not be null");
        }

        /** A custom judge; it receives the criteria, rubric and guidelines like any other. */
        public Builder judge(Judge judge) {
            this.judge = Objects.requireNonNull(judge, "judge must not be null");
            return this;
        }

        /** The tier of the evaluator's panel to pick the judge from; default STANDARD. */
        public Builder judgeTier(JudgeTier tier) {
            this.tier = Objects.requireNonNull(tier, "judgeTier must not be null");
            return this;
        }

        /** The criteria, in prose. Required. */
        public Builder criteria(String criteria) {
            this.criteria = criteria;
            return this;
        }

        /** BINARY (default) or NUMERIC. */
        public Builder scoringStrategy(ScoringStrategy strategy) {
            this.strategy = Objects.requireNonNull(strategy, "scoringStrategy must not be null");
            return this;
        }

        /** The passing score in numeric mode, 1..10; default 7. */
        public Builder threshold(int threshold) {
            this.threshold = EvalSettings.range("threshold", threshold, 1, 10);
            return this;
        }

        /** Guidelines for the judge, each one a bullet (replacing earlier ones). */
        public Builder additionalGuidelines(String... guidelines) {
            List<String> copy = EvalSettings.texts("additionalGuidelines", Arrays.asList(guidelines));
            additionalGuidelines.clear();
            additionalGuidelines.addAll(copy);
            return this;
        }

        /** Called for every case that did not pass, after judging, on the calling thread. */
        public Builder onFail(Consumer<AgentAsJudgeResult.Evaluation> onFail) {
            this.onFail = Objects.requireNonNull(onFail, "onFail must not be null");
            return this;
        }

        /** How many cases are judged at once, 1..64; default 4. */
        public Builder parallelism(int parallelism) {
            this.parallelism = EvalSettings.range("parallelism", parallelism, 1, 64);
            return this;
        }

        /** The bound on judging one case; default 120 s. */
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
         * @throws IllegalArgumentException when the criteria are blank
         */
        public AgentAsJudgeEval build() {
            return new AgentAsJudgeEval(this);
        }
    }
}
