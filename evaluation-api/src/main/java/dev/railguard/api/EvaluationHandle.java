package dev.railguard.api;

import java.util.concurrent.CompletableFuture;

/**
 * A submitted evaluation: its event id at once, its status while it runs, and its result when it ends.
 * The future completes normally with a result whose status is COMPLETED, FAILED or CANCELED; it never completes
 * exceptionally for a judge or data problem.
 */
public interface EvaluationHandle {

    /** The event id, {@code "evt_"} followed by random characters. */
    String eventId();

    /** The current status. */
    EvaluationStatus status();

    /** The result, when the event ends. */
    CompletableFuture<EvaluationResult> result();

    /**
     * Cancels the evaluation if it has not ended: queued work is dropped, running judge calls are abandoned and the
     * result ends CANCELED.
     *
     * @return whether this call canceled it
     */
    boolean cancel();
}
