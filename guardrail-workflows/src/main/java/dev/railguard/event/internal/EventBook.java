package dev.railguard.event.internal;

import dev.railguard.api.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of one workflow or monitor: those still running ({@code R}, by id), the most recent terminal ones
 * ({@code E}, in bounded memory), and the listeners that hear each terminal event. Workflows and monitors keep their own
 * statistics and call {@link #finished} once per event, after counting it. Thread-safe.
 *
 * @param <R> a running event
 * @param <E> an event snapshot
 */
public final class EventBook<R, E> {

    private static final Logger LOG = LoggerFactory.getLogger(EventBook.class);

    private final String owner;
    private final Function<R, E> snapshot;
    private final Map<String, R> live = new ConcurrentHashMap<>();
    private final RecentEvents<E> recent;
    private final List<Consumer<? super E>> listeners = new CopyOnWriteArrayList<>();
    private final Object idle = new Object();

    /**
     * @param owner    who keeps the events, for messages ({@code "monitor mon_..."})
     * @param retained how many terminal events are kept
     * @param snapshot the snapshot of a running event
     */
    public EventBook(String owner, int retained, Function<R, E> snapshot) {
        this.owner = owner;
        this.recent = new RecentEvents<>(retained);
        this.snapshot = snapshot;
    }

    /** Registers a running event. */
    public void started(String eventId, R run) {
        live.put(eventId, run);
    }

    /** The running event {@code eventId}, or null. */
    public R running(String eventId) {
        return live.get(Objects.requireNonNull(eventId, "eventId must not be null"));
    }

    /** The running events now. */
    public Collection<R> running() {
        return List.copyOf(live.values());
    }

    /** How many events are running. */
    public int runningCount() {
        return live.size();
    }

    /** The event {@code eventId}: retained if terminal, else a snapshot of the running one. */
    public Optional<E> event(String eventId) {
        Objects.requireNonNull(eventId, "eventId must not be null");
        Optional<E> done = recent.get(eventId);
        if (done.isPresent()) {
            return done;
        }
        R run = live.get(eventId);
        // it may have finished between the two looks: then it is retained
        return run == null ? recent.get(eventId) : Optional.of(snapshot.apply(run));
    }

    /** The retained terminal event {@code eventId}. */
    public Optional<E> retained(String eventId) {
        return recent.get(eventId);
    }

    /** Up to {@code limit} recent terminal events, newest first. */
    public List<E> recentEvents(int limit) {
        Checks.atLeast(limit, 1, "limit");
        return recent.newestFirst(limit);
    }

    /** How many terminal events are retained now, and at most. */
    public int retainedCount() {
        return recent.size();
    }

    /** How many terminal events are retained at most. */
    public int capacity() {
        return recent.capacity();
    }

    /** Adds a listener of terminal events. */
    public void addListener(Consumer<? super E> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
    }

    /**
     * Records a terminal event: retained, heard by the listeners (a listener that throws is logged and skipped), and
     * only then no longer running.
     */
    public void finished(String eventId, E event) {
        recent.put(eventId, event);
        for (Consumer<? super E> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException ex) {
                LOG.warn("a listener of {} threw on event {}: {}", owner, eventId, ex.toString());
            }
        }
        live.remove(eventId);
        if (live.isEmpty()) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /** Waits until no event is running, at most {@code timeout}; whether that happened in time. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (!live.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
        }
        return true;
    }

    /** Writes the retained terminal events, oldest first, one JSON object per line; returns how many. */
    public int exportJsonLines(Writer out, Function<E, String> json) {
        Objects.requireNonNull(out, "out must not be null");
        List<E> events = new ArrayList<>(recent.oldestFirst());
        try {
            for (E e : events) {
                out.write(json.apply(e));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not export the events of " + owner, e);
        }
        return events.size();
    }
}
