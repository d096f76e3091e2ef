package dev.railguard.event.internal;

import dev.railguard.api.EvaluationStatus;
import dev.railguard.event.EventRecord;
import dev.railguard.event.EventRecorder;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What workflows and monitors share when they hand events to an {@link EventRecorder}. */
public final class EventRecords {

    private static final Logger LOG = LoggerFactory.getLogger(EventRecords.class);

    private EventRecords() {}

    /** Hands a new state to {@code recorder}, if any; a recorder that throws is logged and never stops the caller. */
    public static void updated(EventRecorder recorder, EventRecord r) {
        if (recorder == null) {
            return;
        }
        try {
            recorder.updated(r);
        } catch (RuntimeException ex) {
            LOG.warn("the recorder refused event {} of {}: {}", r.eventId(), r.sourceId(), ex.toString());
        }
    }

    /** {@code r} ended {@code failed} with {@code error}, now. */
    public static EventRecord failed(EventRecord r, String error) {
        return new EventRecord(r.eventId(), r.source(), r.sourceId(), EvaluationStatus.FAILED, r.input(),
                r.createdAt(), Instant.now(), null, null, null, error);
    }
}
