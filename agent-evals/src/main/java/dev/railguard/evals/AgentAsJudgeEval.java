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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
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

    private final JudgedIterations iterations;
    private final String criteria;
    private final ScoringStrategy strategy;
    private final int threshold;
    private final List<String> additionalGuidelines;
    private final String additionalContext;
    private final Consumer<AgentAsJudgeResult.Evaluation> onFail;
    private final String name;

    private AgentAsJudgeEval(Builder b) {
        this.iterations = b.iterations();
        this.criteria = EvalSettings.required("criteria", b.criteria);
        this.strategy = b.strategy;
        this.threshold = b.threshold;
        this.additionalGuidelines = List.copyOf(b.additionalGuidelines);
        this.additionalContext = b.additionalContext;
        this.onFail = b.onFail;
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
        Checks.between(times, 1, 100, "numIterations");
        ExecutorService pool = Iterations.agentPool("agent-as-judge");
        try {
            return judgeAll(times, i -> CompletableFuture.supplyAsync(() -> {
                String out = subject.answer(input, iterations.timeout());
                return JudgeCase.of(input, out == null ? "" : out);
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
        JudgedIterations.Judged<AgentAsJudgeResult.Evaluation> judged = iterations.run(subjectModel, count, cases,
                new Judging(inputs));
        List<AgentAsJudgeResult.Evaluation> results = new ArrayList<>();
        for (AgentAsJudgeResult.Evaluation e : judged.results()) {
            if (!e.passed() && onFail != null) {
                try {
                    onFail.accept(e);
                } catch (RuntimeException ex) {
                    e = e.withOnFailError(Iterations.describe(ex, iterations.timeout()));
                }
            }
            results.add(e);
        }
        return EvalRun.of(EvalRun.newId(), EvalType.AGENT_AS_JUDGE, name, subject == null ? null : subject.name(),
                subjectModel, judged.judge().modelName(), evalInput(judged.warnings()),
                AgentAsJudgeResult.of(results, strategy, threshold), judged.created(), judged.usage());
    }

    /** An item is a case; evaluation numbers are 0-based; {@code inputs} gives the input of a case that never came. */
    private final class Judging implements JudgedIterations.Judging<JudgeCase, AgentAsJudgeResult.Evaluation> {

        private final IntFunction<String> inputs;

        Judging(IntFunction<String> inputs) {
            this.inputs = inputs;
        }

        @Override
        public String role() {
            return "agent-as-judge judge";
        }

        @Override
        public String output(JudgeCase c) {
            return c.output();
        }

        @Override
        public JudgeQuestion question(JudgeCase c) {
            return EvalPrompts.agentAsJudge(criteria, strategy == ScoringStrategy.NUMERIC, additionalGuidelines,
                    c.input(), c.output(), c.expectedOutput(), additionalContext);
        }

        @Override
        public AgentAsJudgeResult.Evaluation judged(int i, JudgeCase c, JsonNode reply, String judgeName) {
            String reason = reply.path("reason").asText();
            if (strategy == ScoringStrategy.BINARY) {
                return evaluation(i, c, null, reason, reply.path("passed").asBoolean(), null, judgeName);
            }
            int score = reply.path("score").asInt(); // 1..10: the question's reply check holds the judge to it
            return evaluation(i, c, score, reason, score >= threshold, null, judgeName);
        }

        @Override
        public AgentAsJudgeResult.Evaluation error(int i, JudgeCase c, String error, String judgeName) {
            if (c == null) {
                return new AgentAsJudgeResult.Evaluation(i, inputs.apply(i), null, null, criteria, null, null, false,
                        error, null, null);
            }
            return evaluation(i, c, null, null, false, error, judgeName);
        }
    }

    private AgentAsJudgeResult.Evaluation evaluation(int i, JudgeCase c, Integer score, String reason,
            boolean passed, String error, String judgeName) {
        return new AgentAsJudgeResult.Evaluation(i, c.input(), c.output(), c.expectedOutput(), criteria, score,
                reason, passed, error, null, judgeName);
    }

    private Map<String, Object> evalInput(List<String> warnings) {
        boolean numeric = strategy == ScoringStrategy.NUMERIC;
        return new AgnoEvalInput.AgentAsJudge(criteria, strategy.wireName(), numeric ? threshold : null,
                additionalGuidelines, additionalContext, EvalPrompts.judgeVersion(numeric), warnings).toMap();
    }

    /** The scoring strategy. */
    public ScoringStrategy scoringStrategy() {
        return strategy;
    }

    /** The threshold (used in numeric mode). */
    public int threshold() {
        return threshold;
    }

    /**
     * Builds an {@link AgentAsJudgeEval}. The judge, guidelines, parallelism (default 4), timeout and name are set as
     * for any judged eval.
     */
    public static final class Builder extends JudgedEvalBuilder<Builder> {
        private String criteria;
        private ScoringStrategy strategy = ScoringStrategy.BINARY;
        private int threshold = 7;
        private Consumer<AgentAsJudgeResult.Evaluation> onFail;

        private Builder(RailguardEvaluator evaluator) {
            super(evaluator, 4);
        }

        @Override
        Builder self() {
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
            this.threshold = Checks.between(threshold, 1, 10, "threshold");
            return this;
        }

        /** Called for every case that did not pass, after judging, on the calling thread. */
        public Builder onFail(Consumer<AgentAsJudgeResult.Evaluation> onFail) {
            this.onFail = Objects.requireNonNull(onFail, "onFail must not be null");
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
