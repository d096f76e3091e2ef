package dev.railguard.engine;

import dev.railguard.api.EvaluationRequest;
import java.util.List;

/**
 * What a run-mode strategy works with for one request: the request, the judges and the client that asks them.
 */
record EvaluationContext(EvaluationRequest request, JudgePanel panel, JudgeClient client) {

    /**
     * {@code count} distinct judges of {@code tier}, never the model that produced the output when the tier has
     * enough others.
     *
     * @throws IllegalStateException if the tier has fewer than {@code count} judges (validation prevents this)
     */
    List<Judge> judges(JudgeTier tier, int count) {
        List<Judge> picked = panel.pick(tier, count, request.modelUsed());
        if (picked.size() < count) {
            throw new IllegalStateException("tier " + tier + " has " + picked.size() + " judges, " + count + " needed");
        }
        return picked;
    }
}
