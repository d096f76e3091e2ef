package dev.railguard.engine.internal.call;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.railguard.engine.EvaluationObservation;

/**
 * The cancellation and start signal shared by the judge calls of one evaluation. Queued calls of a canceled ticket
 * never start, running ones are interrupted and abandoned, pending retries are dropped. The first call that starts
 * running runs {@code onStart} (the evaluation leaves QUEUED). Thread-safe.
 */
public final class Ticket {

    /** A ticket that is never canceled, for calls outside an evaluation. */
    public static final Ticket NONE = new Ticket(() -> { });

    private final Runnable onStart;
    private final String eventId;
    private final EvaluationObservation observation;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean canceled;
    private final Set<Future<?>> running = ConcurrentHashMap.newKeySet();

    public Ticket(Runnable onStart) {
        this(onStart, null, EvaluationObservation.NONE);
    }

    /** The ticket of evaluation {@code eventId}, whose judge calls are reported to {@code observation}. */
    public Ticket(Runnable onStart, String eventId, EvaluationObservation observation) {
        this.onStart = onStart;
        this.eventId = eventId;
        this.observation = observation;
    }

    /** The evaluation's event id, or {@code null} for calls outside an evaluation. */
    public String eventId() {
        return eventId;
    }

    /** Who hears about this evaluation's judge calls. */
    public EvaluationObservation observation() {
        return observation;
    }

    public boolean isCanceled() {
        return canceled;
    }

    /** Cancels: interrupts the running calls of this ticket. */
    public void cancel() {
        if (this == NONE) {
            return;
        }
        canceled = true;
        for (Future<?> f : running) {
            f.cancel(true);
        }
    }

    public void started() {
        if (started.compareAndSet(false, true)) {
            onStart.run();
        }
    }

    /** Tracks a running call so {@link #cancel()} can interrupt it; cancels it at once if already canceled. */
    public void track(Future<?> f) {
        running.add(f);
        if (canceled) {
            f.cancel(true);
        }
    }

    public void untrack(Future<?> f) {
        running.remove(f);
    }
}
