package dev.railguard.evals.internal;

import dev.railguard.engine.Judge;
import dev.railguard.engine.JudgeAnswer;
import dev.railguard.engine.JudgeQuestion;
import dev.railguard.engine.JudgeTier;
import dev.railguard.engine.RailguardEvaluator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Which judge an eval asks: a given one (a custom judge), or one of a tier of the evaluator's panel, avoiding the
 * subject's own model. Every question goes through {@link RailguardEvaluator#ask}.
 */
public record JudgeChoice(RailguardEvaluator evaluator, Judge judge, JudgeTier tier) {

    public JudgeChoice {
        Objects.requireNonNull(evaluator, "evaluator must not be null");
        Objects.requireNonNull(tier, "judgeTier must not be null");
    }

    /**
     * The judge that will be asked about {@code subjectModel}'s outputs: the custom judge, else one of the tier that
     * is not the subject's model when the tier has another (the caller checks the self-judging policy).
     *
     * @throws IllegalArgumentException when there is no custom judge and the panel has none in the tier
     */
    public Judge resolve(String subjectModel) {
        if (judge != null) {
            return judge;
        }
        List<Judge> picked = evaluator.panel().pick(tier, 1, subjectModel);
        if (picked.isEmpty()) {
            throw new IllegalArgumentException("the judge panel has no judge in tier " + tier.name().toLowerCase()
                    + " and no custom judge was given: " + evaluator.panel());
        }
        return picked.get(0);
    }

    public CompletableFuture<JudgeAnswer> ask(Judge resolved, JudgeQuestion question) {
        return evaluator.ask(resolved, question);
    }
}
