package dev.railguard.evals;

import dev.railguard.api.Checks;
import dev.railguard.engine.Judge;
import dev.railguard.engine.JudgeTier;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.evals.internal.EvalSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * Runs an {@link EvalRunRequest} (Agno's {@code POST /eval-runs}, in-process) against a subject. Immutable; the
 * {@code with...} methods return a copy.
 *
 * <ul>
 * <li>accuracy: {@code num_iterations} runs of the subject, each judged against {@code expected_output}; with
 *     {@code scoring_strategy} numeric, a {@code threshold} given in the request is the mean score needed to pass
 *     (Agno: "only used with numeric scoring"); under binary, the default, the status is COMPLETED.</li>
 * <li>agent_as_judge: {@code num_iterations} runs of the subject (Agno's REST runs it once), each judged against
 *     {@code criteria} with {@code scoring_strategy} and {@code threshold}.</li>
 * <li>performance: {@code warmup_runs} then {@code num_iterations} measured runs of the subject on {@code input}.</li>
 * <li>reliability: one run of the subject (an {@link Subject#aiService AI service}) and its tool executions against
 *     {@code expected_tool_calls}.</li>
 * </ul>
 */
public final class AgentEvals {

    private final RailguardEvaluator evaluator;
    private final Judge judge;
    private final JudgeTier tier;
    private final int parallelism;
    private final Duration timeout;

    private AgentEvals(RailguardEvaluator evaluator, Judge judge, JudgeTier tier, int parallelism, Duration timeout) {
        this.evaluator = evaluator;
        this.judge = judge;
        this.tier = tier;
        this.parallelism = parallelism;
        this.timeout = timeout;
    }

    /** Runs requests with the judges of {@code evaluator} (tier STANDARD), sequentially, 120 s per iteration. */
    public static AgentEvals using(RailguardEvaluator evaluator) {
        return new AgentEvals(Objects.requireNonNull(evaluator, "evaluator must not be null"), null,
                JudgeTier.STANDARD, 1, EvalSettings.DEFAULT_TIMEOUT);
    }

    /** A copy asking {@code judge} (it receives the full instructions, criteria included). */
    public AgentEvals withJudge(Judge judge) {
        return new AgentEvals(evaluator, Objects.requireNonNull(judge, "judge must not be null"), tier, parallelism,
                timeout);
    }

    /** A copy picking judges from {@code tier}. */
    public AgentEvals withJudgeTier(JudgeTier tier) {
        return new AgentEvals(evaluator, judge, Objects.requireNonNull(tier, "judgeTier must not be null"),
                parallelism, timeout);
    }

    /** A copy running up to {@code parallelism} iterations at once (1..64; 1 for stateful subjects). */
    public AgentEvals withParallelism(int parallelism) {
        return new AgentEvals(evaluator, judge, tier, Checks.between(parallelism, 1, 64, "parallelism"),
                timeout);
    }

    /** A copy bounding each iteration by {@code timeout}. */
    public AgentEvals withTimeout(Duration timeout) {
        return new AgentEvals(evaluator, judge, tier, parallelism, Checks.positive(timeout, "timeout"));
    }

    /**
     * Runs {@code request} against {@code subject}.
     *
     * @throws IllegalArgumentException when a judged eval has no judge to ask
     */
    public EvalRun run(EvalRunRequest request, Subject subject) {
        Objects.requireNonNull(request, "request must not be null");
        Objects.requireNonNull(subject, "subject must not be null");
        Subject s = request.modelId() == null ? subject : subject.withModelId(request.modelId());
        switch (request.evalType()) {
            case ACCURACY -> {
                AccuracyEval.Builder b = judged(AccuracyEval.builder(evaluator), request).input(request.input())
                        .expectedOutput(request.expectedOutput()).numIterations(request.numIterations());
                // Agno: the threshold is "only used with numeric scoring"; under binary (the default) it is no gate
                if (request.threshold() != null && request.scoringStrategy() == ScoringStrategy.NUMERIC) {
                    b.threshold(request.threshold());
                }
                return b.build().run(s);
            }
            case AGENT_AS_JUDGE -> {
                return judged(AgentAsJudgeEval.builder(evaluator), request).criteria(request.criteria())
                        .scoringStrategy(request.scoringStrategy()).threshold(request.thresholdOrDefault()).build()
                        .run(s, request.input(), request.numIterations());
            }
            case PERFORMANCE -> {
                return PerformanceEval.builder().warmupRuns(request.warmupRuns())
                        .numIterations(request.numIterations()).timeout(timeout).name(request.name()).build()
                        .run(s, request.input());
            }
            case RELIABILITY -> {
                ReliabilityEval.Builder b = ReliabilityEval.builder().expectedToolCalls(request.expectedToolCalls())
                        .allowAdditionalToolCalls(request.allowAdditionalToolCalls()).name(request.name());
                request.expectedToolCallArguments().forEach((tool, specs) -> specs.forEach(spec -> b.arguments(tool,
                        spec)));
                return b.build().run(s, request.input());
            }
            default -> throw new IllegalStateException("unknown eval type " + request.evalType());
        }
    }

    /** {@code b} with this runner's judge, tier, parallelism and timeout, and the request's name and guidelines. */
    private <B extends JudgedEvalBuilder<B>> B judged(B b, EvalRunRequest request) {
        b.judgeTier(tier).parallelism(parallelism).timeout(timeout).name(request.name());
        if (judge != null) {
            b.judge(judge);
        }
        b.additionalContext(request.additionalContext());
        if (request.additionalGuidelines() != null) {
            b.additionalGuidelines(request.additionalGuidelines());
        }
        return b;
    }
}
