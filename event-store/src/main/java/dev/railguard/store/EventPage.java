package dev.railguard.store;

import java.util.List;
import java.util.Optional;

/**
 * One page of events, newest first.
 *
 * @param events     the events of this page
 * @param nextCursor pass to {@link EventQuery#after(String)} for the next page; null on the last page
 */
public record EventPage(List<StoredEvent> events, String nextCursor) {

    /** Copies. */
    public EventPage {
        events = List.copyOf(events);
    }

    /** The cursor of the next page, empty on the last page. */
    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }
}
