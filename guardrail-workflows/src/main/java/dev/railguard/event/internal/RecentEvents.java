package dev.railguard.event.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The most recent terminal events of a workflow or monitor, by id, in bounded memory: when full, the oldest is
 * forgotten (it was already counted in the statistics and handed to every listener). Thread-safe.
 */
final class RecentEvents<E> {

    private final int capacity;
    private final LinkedHashMap<String, E> events;

    RecentEvents(int capacity) {
        this.capacity = capacity;
        this.events = new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, E> eldest) {
                return size() > RecentEvents.this.capacity;
            }
        };
    }

    synchronized void put(String id, E event) {
        events.remove(id);
        events.put(id, event);
    }

    synchronized Optional<E> get(String id) {
        return Optional.ofNullable(events.get(id));
    }

    /** Up to {@code limit} events, newest first. */
    synchronized List<E> newestFirst(int limit) {
        List<E> all = new ArrayList<>(events.values());
        List<E> out = new ArrayList<>(Math.min(limit, all.size()));
        for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) {
            out.add(all.get(i));
        }
        return out;
    }

    /** Every retained event, oldest first. */
    synchronized List<E> oldestFirst() {
        return new ArrayList<>(events.values());
    }

    synchronized int size() {
        return events.size();
    }

    int capacity() {
        return capacity;
    }
}
