package dev.railguard.engine;

import dev.railguard.api.EvaluationResult;

/**
 * What an {@link EvaluationObserver} hears about one evaluation after {@link EvaluationObserver#evaluationStarted}:
 * its judge calls and its end. Called on the engine's threads; a judge call of a canceled evaluation may still be
 * reported after {@link #finished}. Exceptions are caught and logged, never passed to the evaluation.
 */
public interface EvaluationObservation {

    /** An observation that ignores everything. */
    EvaluationObservation NONE = new EvaluationObservation() { };

    /** A judge call made for this evaluation ended. */
    default void judgeCallFinished(JudgeCallRecord call) {
    }

    /**
     * The evaluation ended: COMPLETED with every metric, or FAILED or CANCELED with the metrics that had finished
     * (the result's {@code failure} says why). Called exactly once.
     */
    default void finished(EvaluationResult result) {
    }
}
