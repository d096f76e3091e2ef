package dev.railguard.store.internal;

import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.RunMode;
import dev.railguard.api.Verdict;
import dev.railguard.store.BillingRecord;
import dev.railguard.store.EventKind;
import dev.railguard.store.EventQuery;
import dev.railguard.store.MetricOutcome;
import dev.railguard.store.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The SQL of events: one row in {@code rg_events}, one per metric in {@code rg_event_metrics}, billing in {@code rg_billing}. */
public final class EventDao {

    private static final String COLUMNS = "e.event_id, e.kind, e.source_id, e.status, e.nametag, e.run_mode,"
            + " e.model_used, e.created_at, e.updated_at, e.completed_at, e.input_json, e.detail_json, e.error_message";
    private static final String UPDATE = "UPDATE rg_events SET status = ?, nametag = ?, run_mode = ?, model_used = ?,"
            + " updated_at = ?, completed_at = ?, input_json = ?, detail_json = ?, error_message = ? WHERE event_id = ?";
    private static final String INSERT = "INSERT INTO rg_events (status, nametag, run_mode, model_used, updated_at,"
            + " completed_at, input_json, detail_json, error_message, event_id, kind, source_id, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int IN_CHUNK = 500;

    private EventDao() {}

    /** Inserts or replaces {@code events} on {@code c}, in order, without committing. */
    public static void upsert(Connection c, List<StoredEvent> events) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(UPDATE);
                PreparedStatement insert = c.prepareStatement(INSERT);
                PreparedStatement deleteMetrics = c.prepareStatement("DELETE FROM rg_event_metrics WHERE event_id = ?");
                PreparedStatement insertMetric = c.prepareStatement("INSERT INTO rg_event_metrics"
                        + " (event_id, metric, score, threshold, verdict) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement updateBilling = c.prepareStatement("UPDATE rg_billing SET event_id = ?,"
                        + " judge_calls = ?, cache_hits = ?, input_tokens = ?, output_tokens = ?, cost = ?,"
                        + " recorded_at = ? WHERE billing_request_id = ?");
                PreparedStatement insertBilling = c.prepareStatement("INSERT INTO rg_billing (event_id, judge_calls,"
                        + " cache_hits, input_tokens, output_tokens, cost, recorded_at, billing_request_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (StoredEvent e : events) {
                bindState(update, e);
                if (update.executeUpdate() == 0) {
                    bindState(insert, e);
                    insert.setString(11, e.kind().wireName());
                    insert.setString(12, e.sourceId());
                    insert.setLong(13, e.createdAt().toEpochMilli());
                    insert.executeUpdate();
                }
                deleteMetrics.setString(1, e.eventId());
                deleteMetrics.executeUpdate();
                for (MetricOutcome m : e.metrics()) {
                    insertMetric.setString(1, e.eventId());
                    insertMetric.setString(2, m.metric());
                    if (m.score() == null) {
                        insertMetric.setNull(3, Types.DOUBLE);
                    } else {
                        insertMetric.setDouble(3, m.score());
                    }
                    insertMetric.setDouble(4, m.threshold());
                    insertMetric.setString(5, m.verdict().wireName());
                    insertMetric.executeUpdate();
                }
                if (e.billing() != null) {
                    bindBilling(updateBilling, e);
                    if (updateBilling.executeUpdate() == 0) {
                        bindBilling(insertBilling, e);
                        insertBilling.executeUpdate();
                    }
                }
            }
        }
    }

    private static void bindState(PreparedStatement s, StoredEvent e) throws SQLException {
        s.setString(1, e.status().wireName());
        s.setString(2, e.nametag());
        s.setString(3, e.runMode().wireName());
        s.setString(4, e.modelUsed());
        s.setLong(5, e.updatedAt().toEpochMilli());
        if (e.completedAt() == null) {
            s.setNull(6, Types.BIGINT);
        } else {
            s.setLong(6, e.completedAt().toEpochMilli());
        }
        s.setString(7, e.inputJson());
        s.setString(8, e.detailJson());
        s.setString(9, e.errorMessage());
        s.setString(10, e.eventId());
    }

    private static void bindBilling(PreparedStatement s, StoredEvent e) throws SQLException {
        BillingRecord b = e.billing();
        s.setString(1, e.eventId());
        s.setInt(2, b.judgeCalls());
        s.setInt(3, b.cacheHits());
        s.setLong(4, b.inputTokens());
        s.setLong(5, b.outputTokens());
        s.setDouble(6, b.cost());
        s.setLong(7, e.updatedAt().toEpochMilli());
        s.setString(8, b.billingRequestId());
    }

    /** The event {@code eventId}, if stored. */
    public static Optional<StoredEvent> find(Connection c, String eventId) throws SQLException {
        List<StoredEvent> found = select(c, "SELECT " + COLUMNS + " FROM rg_events e WHERE e.event_id = ?",
                List.of(eventId));
        return found.stream().findFirst();
    }

    /** Up to {@code query.limit() + 1} events matching {@code query}, newest first, after its cursor. */
    public static List<StoredEvent> page(Connection c, EventQuery query) throws SQLException {
        Where where = Where.of(query);
        if (query.cursor() != null) {
            Cursors.Position p = Cursors.decode(query.cursor());
            where.add("(e.created_at < ? OR (e.created_at = ? AND e.event_id < ?))", p.createdAtMillis(),
                    p.createdAtMillis(), p.eventId());
        }
        String sql = "SELECT " + COLUMNS + " FROM rg_events e" + where.sql()
                + " ORDER BY e.created_at DESC, e.event_id DESC LIMIT " + (query.limit() + 1);
        return select(c, sql, where.params());
    }

    /** Events of {@code kind} and {@code sourceId} that are not over, oldest first. */
    public static List<StoredEvent> pending(Connection c, EventKind kind, String sourceId) throws SQLException {
        return select(c, "SELECT " + COLUMNS + " FROM rg_events e WHERE e.kind = ? AND e.source_id = ?"
                + " AND e.status IN (?, ?) ORDER BY e.created_at, e.event_id", List.of(kind.wireName(), sourceId,
                EvaluationStatus.QUEUED.wireName(), EvaluationStatus.IN_PROGRESS.wireName()));
    }

    /** Events per status of the events matching {@code query}. */
    public static Map<EvaluationStatus, Long> countByStatus(Connection c, EventQuery query) throws SQLException {
        Where where = Where.of(query);
        Map<EvaluationStatus, Long> counts = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT e.status, COUNT(*) FROM rg_events e" + where.sql()
                + " GROUP BY e.status")) {
            where.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(status(rs.getString(1)), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    /** Per metric, events per verdict of the events matching {@code query}. */
    public static Map<String, Map<Verdict, Long>> countByMetric(Connection c, EventQuery query) throws SQLException {
        Where where = Where.of(query);
        Map<String, Map<Verdict, Long>> counts = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT m.metric, m.verdict, COUNT(*) FROM rg_event_metrics m"
                + " JOIN rg_events e ON e.event_id = m.event_id" + where.sql() + " GROUP BY m.metric, m.verdict")) {
            where.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(verdict(rs.getString(2)), rs.getLong(3));
                }
            }
        }
        return counts;
    }

    /** The billing record {@code billingRequestId}, if stored. */
    public static Optional<BillingRecord> billing(Connection c, String billingRequestId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT billing_request_id, judge_calls, cache_hits,"
                + " input_tokens, output_tokens, cost FROM rg_billing WHERE billing_request_id = ?")) {
            s.setString(1, billingRequestId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(billing(rs, 1)) : Optional.empty();
            }
        }
    }

    private static List<StoredEvent> select(Connection c, String sql, List<Object> params) throws SQLException {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Where.bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Row r = new Row(rs);
                    rows.put(r.eventId, r);
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<MetricOutcome>> metrics = new HashMap<>();
        Map<String, BillingRecord> billing = new HashMap<>();
        List<String> ids = new ArrayList<>(rows.keySet());
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            String in = " IN (" + "?,".repeat(chunk.size() - 1) + "?)";
            try (PreparedStatement s = c.prepareStatement("SELECT event_id, metric, score, threshold, verdict"
                    + " FROM rg_event_metrics WHERE event_id" + in + " ORDER BY event_id, metric")) {
                Where.bind(s, new ArrayList<>(chunk));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        double score = rs.getDouble(3);
                        Double boxed = rs.wasNull() ? null : score;
                        metrics.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new MetricOutcome(
                                rs.getString(2), boxed, rs.getDouble(4), verdict(rs.getString(5))));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT event_id, billing_request_id, judge_calls,"
                    + " cache_hits, input_tokens, output_tokens, cost FROM rg_billing WHERE event_id" + in)) {
                Where.bind(s, new ArrayList<>(chunk));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        billing.put(rs.getString(1), billing(rs, 2));
                    }
                }
            }
        }
        List<StoredEvent> out = new ArrayList<>(rows.size());
        for (Row r : rows.values()) {
            out.add(r.toEvent(metrics.getOrDefault(r.eventId, List.of()), billing.get(r.eventId)));
        }
        return out;
    }

    private static BillingRecord billing(ResultSet rs, int first) throws SQLException {
        return new BillingRecord(rs.getString(first), rs.getInt(first + 1), rs.getInt(first + 2),
                rs.getLong(first + 3), rs.getLong(first + 4), rs.getDouble(first + 5));
    }

    static EvaluationStatus status(String wire) {
        for (EvaluationStatus s : EvaluationStatus.values()) {
            if (s.wireName().equals(wire)) {
                return s;
            }
        }
        throw new IllegalStateException("rg_events.status holds an unknown status: '" + wire + "'");
    }

    static Verdict verdict(String wire) {
        return Verdict.valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** One row of rg_events, read before its metrics. */
    private static final class Row {
        final String eventId;
        final String kind;
        final String sourceId;
        final String status;
        final String nametag;
        final String runMode;
        final String modelUsed;
        final long createdAt;
        final long updatedAt;
        final Long completedAt;
        final String inputJson;
        final String detailJson;
        final String errorMessage;

        Row(ResultSet rs) throws SQLException {
            eventId = rs.getString(1);
            kind = rs.getString(2);
            sourceId = rs.getString(3);
            status = rs.getString(4);
            nametag = rs.getString(5);
            runMode = rs.getString(6);
            modelUsed = rs.getString(7);
            createdAt = rs.getLong(8);
            updatedAt = rs.getLong(9);
            long completed = rs.getLong(10);
            completedAt = rs.wasNull() ? null : completed;
            inputJson = rs.getString(11);
            detailJson = rs.getString(12);
            errorMessage = rs.getString(13);
        }

        StoredEvent toEvent(List<MetricOutcome> metrics, BillingRecord billing) {
            return new StoredEvent(eventId, EventKind.fromWireName(kind), sourceId, status(status), nametag,
                    RunMode.fromWireName(runMode), modelUsed, Instant.ofEpochMilli(createdAt),
                    Instant.ofEpochMilli(updatedAt), completedAt == null ? null : Instant.ofEpochMilli(completedAt),
                    inputJson, detailJson, errorMessage, metrics, billing);
        }
    }
}
