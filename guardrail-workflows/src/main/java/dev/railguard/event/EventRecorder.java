package dev.railguard.event;

import java.util.List;

/**
 * Where workflows and monitors record their events beyond memory; the event store ({@code event-store} module)
 * implements it, so this module needs no database. Give one to {@code Workflow.builder().recorder(...)} or
 * {@code Monitor.builder().recorder(...)}.
 */
public interface EventRecorder {

    /**
     * Records a just-accepted event and returns once it is durable; {@code submit} acknowledges the event only after
     * this returns. Throwing refuses the event: {@code submit} throws, and the event is not evaluated.
     */
    void accepted(EventRecord event);

    /** Records a new state of an event (in practice: its terminal state). Must not block the calling thread. */
    void updated(EventRecord event);

    /**
     * The events of {@code sourceId} that were accepted but never reached a terminal status (for example because the
     * process died), oldest first, to be evaluated again by {@code resume()}.
     */
    List<EventRecord> pending(EventSource source, String sourceId);
}
