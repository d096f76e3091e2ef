package dev.railguard.engine;

import dev.railguard.engine.internal.evaluation.GuardedObservers;
import dev.railguard.api.EvaluationRequest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an evaluator tells the application's observability stack: evaluations starting and ending, every judge call,
 * the judge traffic's queue. Register one with {@code RailguardEvaluator.builder().observer(...)}; the
 * {@code evaluation-telemetry} module has implementations for OpenTelemetry and Micrometer. Monitors and workflows have
 * an observer of their own ({@code dev.railguard.event.EventObserver} in {@code guardrail-workflows}).
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

    /** The evaluator was built: the live figures of its judge traffic, to read whenever the observer likes. */
    default void judgeTrafficBound(JudgeTrafficGauges gauges) {
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
