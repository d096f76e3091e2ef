package dev.railguard.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores by {@code db_id}, to resolve Agno's {@code db_id} and {@code table} query parameters to an
 * {@link EvalRunTable}. A null {@code db_id} means the first store, a null {@code table} the default table.
 */
public final class EventStores {

    private final Map<String, EventStore> byId;

    private EventStores(Map<String, EventStore> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /**
     * The stores {@code stores}, by their {@link EventStore#dbId()}.
     *
     * @throws IllegalArgumentException when there is none, or two share a {@code db_id}
     */
    public static EventStores of(EventStore... stores) {
        if (stores.length == 0) {
            throw new IllegalArgumentException("stores must hold at least one store, but was empty");
        }
        Map<String, EventStore> byId = new LinkedHashMap<>();
        for (EventStore s : stores) {
            if (byId.putIfAbsent(s.dbId(), s) != null) {
                throw new IllegalArgumentException("db_id must be unique, but '" + s.dbId() + "' names two stores");
            }
        }
        return new EventStores(byId);
    }

    /** The {@code db_id}s, in the order given. */
    public List<String> dbIds() {
        return List.copyOf(byId.keySet());
    }

    /**
     * The store {@code dbId}, or the first when null.
     *
     * @throws IllegalArgumentException naming the known ids when none has {@code dbId}
     */
    public EventStore store(String dbId) {
        if (dbId == null) {
            return byId.values().iterator().next();
        }
        EventStore s = byId.get(dbId);
        if (s == null) {
            throw new IllegalArgumentException("db_id must be one of " + byId.keySet() + ", but was: '" + dbId + "'");
        }
        return s;
    }

    /** The eval runs of {@code table} (the default table when null) in store {@code dbId} (the first when null). */
    public EvalRunTable evalRuns(String dbId, String table) {
        EventStore s = store(dbId);
        return table == null ? s.evalRuns() : s.evalRuns(table);
    }
}
