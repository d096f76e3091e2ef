package dev.railguard.engine.internal.evaluation;

import dev.railguard.api.EvaluationHandle;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.MetricResult;
import dev.railguard.api.Usage;
import dev.railguard.engine.EvaluationObservation;
import dev.railguard.engine.internal.call.Ticket;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** The handle of a submitted evaluation: its event id, status, result future and the futures of its metrics. */
public final class EventHandle implements EvaluationHandle {
    private final String eventId;
    private final EvaluationRequest request;
    private final Instant created;
    private final Ticket ticket;
    private final CompletableFuture<EvaluationResult> result = new CompletableFuture<>();
    private final Map<String, CompletableFuture<MetricResult>> parts = new ConcurrentHashMap<>();
    private final EvaluationObservation observation;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean started;

    public EventHandle(String eventId, EvaluationRequest request, Instant created) {
        this(eventId, request, created, EvaluationObservation.NONE);
    }

    /** A handle whose judge calls and ending are reported to {@code observation}. */
    public EventHandle(String eventId, EvaluationRequest request, Instant created,
            EvaluationObservation observation) {
        this.eventId = eventId;
        this.request = request;
        this.created = created;
        this.observation = observation;
        this.ticket = new Ticket(() -> started = true, eventId, observation);
    }

    /**
     * The one place an event ends, whatever the ending. The first ending wins; the observers hear it before the
     * caller's future completes, so a caller that has the result finds its span and events recorded.
     */
    public void complete(EvaluationResult r) {
        if (ended.compareAndSet(false, true)) {
            observation.finished(r);
            result.complete(r);
        }
    }

    /** Ends the event FAILED with {@code cause}, keeping the metrics that had finished; abandons the rest. */
    public void fail(String cause) {
        end(EvaluationStatus.FAILED, cause);
    }

    public boolean end(EvaluationStatus status, String cause) {
        if (result.isDone()) {
            return false;
        }
        Map<String, MetricResult> finished = new LinkedHashMap<>();
        Usage usage = Usage.NONE;
        for (String metric : request.metrics()) {
            CompletableFuture<MetricResult> f = parts.get(metric);
            MetricResult r = f == null || f.isCompletedExceptionally() ? null : f.getNow(null);
            if (r != null) {
                finished.put(metric, r);
                usage = usage.plus(r.usage());
            }
        }
        EvaluationResult ending = new EvaluationResult(eventId, status, finished, usage, request.runMode(),
                request.nametag(), created, Instant.now(), status == EvaluationStatus.FAILED ? cause + " ("
                        + finished.size() + " of " + request.metrics().size() + " metrics had finished)" : cause);
        complete(ending);
        ticket.cancel();
        return result.join() == ending;
    }

    /** The cancellation ticket of this evaluation's judge calls. */
    public Ticket ticket() {
        return ticket;
    }

    /** Marks the evaluation started (it has work that needs no judge capacity). */
    public void markStarted() {
        started = true;
    }

    /** Records the futures of the evaluation's metrics, so an early end keeps those that finished. */
    public void parts(Map<String, CompletableFuture<MetricResult>> futures) {
        parts.putAll(futures);
    }

    @Override
    public String eventId() {
        return eventId;
    }

    @Override
    public EvaluationStatus status() {
        if (!result.isDone()) {
            return started ? EvaluationStatus.IN_PROGRESS : EvaluationStatus.QUEUED;
        }
        return result.join().status();
    }

    @Override
    public CompletableFuture<EvaluationResult> result() {
        return result;
    }

    @Override
    public boolean cancel() {
        return end(EvaluationStatus.CANCELED, "canceled by the caller");
    }

    @Override
    public String toString() {
        return "EvaluationHandle{" + eventId + ", " + status() + "}";
    }
}
