package dev.railguard.evals;

import dev.railguard.api.Checks;
import dev.railguard.engine.Judge;
import dev.railguard.engine.JudgeTier;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.evals.internal.EvalSettings;
import dev.railguard.evals.internal.JudgeChoice;
import dev.railguard.evals.internal.JudgedIterations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The settings every judged eval's builder has ({@link AccuracyEval.Builder}, {@link AgentAsJudgeEval.Builder}):
 * which judge, the guidelines it gets, how many iterations or cases run at once, the bound on each, the eval's name.
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class JudgedEvalBuilder<B extends JudgedEvalBuilder<B>> {

    final RailguardEvaluator evaluator;
    Judge judge;
    JudgeTier tier = JudgeTier.STANDARD;
    final List<String> additionalGuidelines = new ArrayList<>();
    int parallelism;
    Duration timeout = EvalSettings.DEFAULT_TIMEOUT;
    String name;
    String additionalContext;

    JudgedEvalBuilder(RailguardEvaluator evaluator, int defaultParallelism) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator must not be null");
        this.parallelism = defaultParallelism;
    }

    abstract B self();

    /** A custom judge; it receives the same instructions (criteria, rubric, guidelines) as any judge of the panel. */
    public B judge(Judge judge) {
        this.judge = Objects.requireNonNull(judge, "judge must not be null");
        return self();
    }

    /** The tier of the evaluator's panel to pick the judge from; default STANDARD. */
    public B judgeTier(JudgeTier tier) {
        this.tier = Objects.requireNonNull(tier, "judgeTier must not be null");
        return self();
    }

    /** Guidelines for the judge, each one a bullet (replacing earlier ones). */
    public B additionalGuidelines(String... guidelines) {
        List<String> copy = EvalSettings.texts("additionalGuidelines", Arrays.asList(guidelines));
        additionalGuidelines.clear();
        additionalGuidelines.addAll(copy);
        return self();
    }

    /**
     * Background for the judge (Agno's {@code additional_context}); fenced as untrusted like the input and outputs.
     * Default none.
     */
    public B additionalContext(String context) {
        this.additionalContext = context;
        return self();
    }

    /**
     * How many iterations or cases run at once, 1..64; default 1 for {@link AccuracyEval} (sequential, for stateful
     * agents) and 4 for {@link AgentAsJudgeEval}.
     */
    public B parallelism(int parallelism) {
        this.parallelism = Checks.between(parallelism, 1, 64, "parallelism");
        return self();
    }

    /**
     * The bound on one iteration or case (its agent call, if any, and its judging); default 120 s. A timed-out one is
     * an error entry at once and frees its slot; its agent thread is interrupted when the run ends, so with
     * parallelism 1 a hung agent may still be running while the next iteration starts.
     */
    public B timeout(Duration timeout) {
        this.timeout = Checks.positive(timeout, "timeout");
        return self();
    }

    /** The eval's name. */
    public B name(String name) {
        this.name = name;
        return self();
    }

    /** The judged loop these settings describe. */
    JudgedIterations iterations() {
        return new JudgedIterations(new JudgeChoice(evaluator, judge, tier), parallelism, timeout);
    }
}
