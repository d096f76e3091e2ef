package dev.railguard.monitor;

import dev.railguard.event.EventInput;

import dev.railguard.api.EvaluationHandle;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.EvaluationStatus;
import java.time.Instant;
import java.util.concurrent.Executor;

/** One monitor event while it is queued or being evaluated. The first terminal status wins. */
final class MonitorRun {

    final String eventId;
    final String monitorId;
    final EventInput input;
    final EvaluationRequest request;
    final Instant createdAt;
    /** Runs the evaluation's submission with what was current when the event was taken (a tracing context). */
    volatile Executor context = Runnable::run;

    // guarded by this
    private EvaluationStatus status = EvaluationStatus.QUEUED;
    private Instant startedAt;
    private EvaluationHandle handle;

    MonitorRun(String eventId, String monitorId, EventInput input, EvaluationRequest request) {
        this(eventId, monitorId, input, request, Instant.now());
    }

    /** A run of an event accepted at {@code createdAt} (earlier, when it is resumed). */
    MonitorRun(String eventId, String monitorId, EventInput input, EvaluationRequest request, Instant createdAt) {
        this.createdAt = createdAt;
        this.eventId = eventId;
        this.monitorId = monitorId;
        this.input = input;
        this.request = request;
    }

    /** Moves a queued event to in progress; false if it was canceled meanwhile. */
    synchronized boolean start() {
        if (status != EvaluationStatus.QUEUED) {
            return false;
        }
        status = EvaluationStatus.IN_PROGRESS;
        startedAt = Instant.now();
        return true;
    }

    synchronized void handle(EvaluationHandle h) {
        this.handle = h;
    }

    synchronized EvaluationHandle handle() {
        return handle;
    }

    synchronized EvaluationStatus status() {
        return status;
    }

    /** Ends the event; null if it already ended, else its terminal snapshot. */
    synchronized MonitorEvent finish(EvaluationStatus terminal, EvaluationResult result, String error) {
        if (status.isTerminal()) {
            return null;
        }
        status = terminal;
        return new MonitorEvent(eventId, monitorId, terminal, 100, input.modelInput(), input.modelOutput(),
                input.modelUsed(), input.runMode(), input.nametag(), result, createdAt, startedAt, Instant.now(), error);
    }

    synchronized MonitorEvent snapshot() {
        int progress = switch (status) {
            case QUEUED -> 0;
            case IN_PROGRESS -> 50;
            default -> 100;
        };
        return new MonitorEvent(eventId, monitorId, status, progress, input.modelInput(), input.modelOutput(),
                input.modelUsed(), input.runMode(), input.nametag(), null, createdAt, startedAt, null, null);
    }
}
