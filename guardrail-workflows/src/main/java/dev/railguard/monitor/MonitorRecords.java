package dev.railguard.monitor;

import dev.railguard.event.EventInput;
import dev.railguard.event.EventRecord;
import dev.railguard.event.EventSource;

/** Monitor events as {@link EventRecord}s. */
final class MonitorRecords {

    private MonitorRecords() {}

    static EventRecord of(MonitorEvent e, EventInput input) {
        return new EventRecord(e.eventId(), EventSource.MONITOR, e.monitorId(), e.status(), input, e.createdAt(),
                e.completedAt(), e.evaluationResult(), e.usage(), e.status().isTerminal() ? e.toJson() : null,
                e.errorMessage());
    }
}
