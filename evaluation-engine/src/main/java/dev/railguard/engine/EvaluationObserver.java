package dev.railguard.engine;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.EvaluationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What an evaluator, a monitor or a workflow tells the application's observability stack: evaluations starting and
 * ending, every judge call, the judge traffic's queue, monitor intake and workflow events. Register one with
 * {@code RailguardEvaluator.builder().observer(...)} (and likewise on the monitor and workflow builders); the
 * {@code evaluation-telemetry} module has implementations for OpenTelemetry and Micrometer.
 *
 * <p>Every method has a no-op default, so an observer implements only what it needs. The engine calls observers on its
 * own threads (except {@link #evaluationStarted}, which runs on the thread that submits the evaluation), so
 * implementations must be thread-safe and quick. An observer that throws never breaks an evaluation: the exception is
 * logged (once at WARN, then at DEBUG) and the evaluation carries on.
 *
 * <p>Plain Java on purpose: nothing here names a telemetry library, so the engine runs the same without one.
 */
public interface EvaluationObserver {

    /** An observer that observes nothing. */
    EvaluationObserver NONE = new EvaluationObserver() { };

    /**
     * The {@code ModelInput.extras} key that carries the id of the evaluated response (for example OpenAI's
     * {@code chatcmpl-...}); telemetry reports it as {@code gen_ai.response.id}.
     */
    String RESPONSE_ID_EXTRA = "gen_ai.response.id";

    /**
     * An evaluation was accepted. Runs on the submitting thread, so an observer can capture what is current there
     * (a tracing context, for example). The returned observation hears about this evaluation's judge calls and its
     * end; return {@link EvaluationObservation#NONE} to ignore them.
     */
    default EvaluationObservation evaluationStarted(EvaluationStart start) {
        return EvaluationObservation.NONE;
    }

    /**
     * A judge call ended, inside an evaluation or not ({@code RailguardEvaluator.ask}). Called for every call, after
     * the observation of its evaluation (if any) heard about it.
     */
    default void judgeCallFinished(JudgeCallRecord call) {
    }

    /**
     * Work handed over now will run later on another thread (a monitor takes an event now and submits its evaluation
     * from its own thread). Called on the handing-over thread; the returned executor runs that work with what is
     * current here (a tracing context, so the evaluation's span still hangs under the caller's span). Default: runs
     * it as it is.
     */
    default Executor captureContext() {
        return Runnable::run;
    }

    /** The evaluator was built: the live figures of its judge traffic, to read whenever the observer likes. */
    default void judgeTrafficBound(JudgeTrafficGauges gauges) {
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
     * logged and skipped, the others still hear. The engine wraps every observer this way.
     */
    static EvaluationObserver of(List<? extends EvaluationObserver> observers) {
        Objects.requireNonNull(observers, "observers must not be null");
        for (int i = 0; i < observers.size(); i++) {
            Objects.requireNonNull(observers.get(i), "observers[" + i + "] must not be null");
        }
        return observers.isEmpty() ? NONE : new GuardedObservers(List.copyOf(observers));
    }

    /**
     * One accepted evaluation.
     *
     * @param eventId   the evaluation's event id ({@code evt_...})
     * @param request   the request as submitted
     * @param startedAt when it was accepted
     */
    record EvaluationStart(String eventId, EvaluationRequest request, Instant startedAt) {
        /** Checks. */
        public EvaluationStart {
            Objects.requireNonNull(eventId, "eventId must not be null");
            Objects.requireNonNull(request, "request must not be null");
            Objects.requireNonNull(startedAt, "startedAt must not be null");
        }

        /** The evaluated response's id, from {@link #RESPONSE_ID_EXTRA} in the request's extras, or {@code null}. */
        public String responseId() {
            return request.modelInput().extras().get(RESPONSE_ID_EXTRA);
        }
    }

    /** The judge traffic of one evaluator, read live. */
    interface JudgeTrafficGauges {
        /** Judge requests waiting for capacity (concurrency limits, budgets). */
        int queuedCalls();

        /** Judge requests running now. */
        int inFlightCalls();

        /** The evaluator's judge counters since it was built (cache hits and misses among them). */
        JudgeStats stats();
    }
}
