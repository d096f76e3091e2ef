package dev.railguard.store.internal;

import dev.railguard.store.EventQuery;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A WHERE clause built from a query's filters, with its parameters in order. */
final class Where {

    private final List<String> clauses = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    /** The filters of {@code q} (not its cursor) on table alias {@code e}. */
    static Where of(EventQuery q) {
        Where w = new Where();
        if (q.kind() != null) {
            w.add("e.kind = ?", q.kind().wireName());
        }
        if (q.sourceId() != null) {
            w.add("e.source_id = ?", q.sourceId());
        }
        if (q.status() != null) {
            w.add("e.status = ?", q.status().wireName());
        }
        if (q.nametag() != null) {
            w.add("e.nametag = ?", q.nametag());
        }
        if (q.from() != null) {
            w.add("e.created_at >= ?", q.from().toEpochMilli());
        }
        if (q.to() != null) {
            w.add("e.created_at < ?", q.to().toEpochMilli());
        }
        if (q.metric() != null && q.verdict() != null) {
            w.add("EXISTS (SELECT 1 FROM rg_event_metrics f WHERE f.event_id = e.event_id AND f.metric = ?"
                    + " AND f.verdict = ?)", q.metric(), q.verdict().wireName());
        } else if (q.metric() != null) {
            w.add("EXISTS (SELECT 1 FROM rg_event_metrics f WHERE f.event_id = e.event_id AND f.metric = ?)",
                    q.metric());
        } else if (q.verdict() != null) {
            w.add("EXISTS (SELECT 1 FROM rg_event_metrics f WHERE f.event_id = e.event_id AND f.verdict = ?)",
                    q.verdict().wireName());
        }
        return w;
    }

    void add(String clause, Object... values) {
        clauses.add(clause);
        params.addAll(Arrays.asList(values));
    }

    String sql() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    List<Object> params() {
        return params;
    }

    void bind(PreparedStatement s) throws SQLException {
        bind(s, params);
    }

    static void bind(PreparedStatement s, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v instanceof Long l) {
                s.setLong(i + 1, l);
            } else {
                s.setString(i + 1, (String) v);
            }
        }
    }
}
