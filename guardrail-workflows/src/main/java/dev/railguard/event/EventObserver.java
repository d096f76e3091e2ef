package dev.railguard.event;

import dev.railguard.api.EvaluationResult;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.event.internal.GuardedEventObservers;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What monitors and workflows tell the application's observability stack: monitor intake, monitor and workflow events
 * ending, and the context work runs in when it is handed to their threads. Register one with
 * {@code Monitor.builder().observer(...)} or {@code Workflow.builder().observer(...)}; the evaluations themselves are
 * heard by the engine's {@code EvaluationObserver}, given to the evaluator. The {@code evaluation-telemetry} module's
 * observers implement both.
 *
 * <p>Every method has a no-op default. Called on Railguard's threads (except {@link #captureContext}, which runs on
 * the handing-over thread), so implementations must be thread-safe and quick; one that throws is logged and skipped,
 * and never breaks an event.
 */
public interface EventObserver {

    /** An observer that observes nothing. */
    EventObserver NONE = new EventObserver() { };

    /**
     * Work handed over now will run later on another thread (a monitor takes an event now and submits its evaluation
     * from its own thread; a workflow judges repairs on its threads). Called on the handing-over thread; the returned
     * executor runs that work with what is current here (a tracing context, so the evaluation's span still hangs under
     * the caller's span). Default: runs it as it is.
     */
    default Executor captureContext() {
        return Runnable::run;
    }

    /**
     * A monitor took an event into its intake queue ({@code accepted}) or turned it away because the queue was full.
     *
     * @param monitor the monitor's name
     */
    default void monitorIntake(String monitor, boolean accepted) {
    }

    /**
     * A monitor event ended.
     *
     * @param monitor the monitor's name
     * @param status  COMPLETED, FAILED or CANCELED
     * @param result  the evaluation result, or {@code null} when the event never got one (rejected, canceled while
     *                queued)
     */
    default void monitorEventFinished(String monitor, EvaluationStatus status, EvaluationResult result) {
    }

    /**
     * A workflow event ended.
     *
     * @param workflow the workflow's name
     * @param status   COMPLETED, FAILED or CANCELED
     * @param attempts the evaluations the event took (the first included)
     * @param improved whether a later attempt passed after the first one did not
     */
    default void workflowEventFinished(String workflow, EvaluationStatus status, int attempts, boolean improved) {
    }

    /**
     * One observer that tells each of {@code observers} in turn, each call guarded: an observer that throws is
     * logged and skipped, the others still hear. Monitors and workflows wrap their observers this way.
     */
    static EventObserver of(List<? extends EventObserver> observers) {
        Objects.requireNonNull(observers, "observers must not be null");
        for (int i = 0; i < observers.size(); i++) {
            Objects.requireNonNull(observers.get(i), "observers[" + i + "] must not be null");
        }
        return observers.isEmpty() ? NONE : new GuardedEventObservers(List.copyOf(observers));
    }
}
