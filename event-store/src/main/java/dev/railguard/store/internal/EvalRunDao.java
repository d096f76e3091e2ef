package dev.railguard.store.internal;

import dev.railguard.store.EvalRunQuery;
import dev.railguard.store.StoredEvalRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The SQL of eval runs: rows of {@code rg_eval_runs}, one logical table per {@code table_name}. */
public final class EvalRunDao {

    private static final String COLUMNS = "run_id, eval_type, name, agent_id, team_id, workflow_id, model_id,"
            + " model_provider, evaluated_component_name, eval_input, eval_data, created_at, updated_at";

    private EvalRunDao() {}

    /** Whether run {@code id} exists in {@code table}. */
    public static boolean exists(Connection c, String table, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM rg_eval_runs WHERE table_name = ? AND run_id = ?")) {
            s.setString(1, table);
            s.setString(2, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Inserts {@code run} into {@code table}. */
    public static void insert(Connection c, String table, StoredEvalRun r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO rg_eval_runs (table_name, " + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, table);
            s.setString(2, r.id());
            s.setString(3, r.evalType());
            s.setString(4, r.name());
            s.setString(5, r.agentId());
            s.setString(6, r.teamId());
            s.setString(7, r.workflowId());
            s.setString(8, r.modelId());
            s.setString(9, r.modelProvider());
            s.setString(10, r.evaluatedComponentName());
            s.setString(11, r.evalInputJson());
            s.setString(12, r.evalDataJson());
            s.setLong(13, r.createdAt().toEpochMilli());
            s.setLong(14, r.updatedAt().toEpochMilli());
            s.executeUpdate();
        }
    }

    /** Run {@code id} of {@code table}. */
    public static Optional<StoredEvalRun> find(Connection c, String table, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                + " FROM rg_eval_runs WHERE table_name = ? AND run_id = ?")) {
            s.setString(1, table);
            s.setString(2, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** Sets the name of run {@code id}; whether it existed. */
    public static boolean rename(Connection c, String table, String id, String name, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE rg_eval_runs SET name = ?, updated_at = ?"
                + " WHERE table_name = ? AND run_id = ?")) {
            s.setString(1, name);
            s.setLong(2, now.toEpochMilli());
            s.setString(3, table);
            s.setString(4, id);
            return s.executeUpdate() > 0;
        }
    }

    /** Deletes runs {@code ids}; how many existed. */
    public static int delete(Connection c, String table, Collection<String> ids) throws SQLException {
        int deleted = 0;
        try (PreparedStatement s = c.prepareStatement("DELETE FROM rg_eval_runs WHERE table_name = ? AND run_id = ?")) {
            for (String id : ids) {
                s.setString(1, table);
                s.setString(2, id);
                deleted += s.executeUpdate();
            }
        }
        return deleted;
    }

    /** The runs of one page, and the count over all pages. */
    public static Page list(Connection c, String table, EvalRunQuery q) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE table_name = ?");
        List<Object> params = new ArrayList<>();
        params.add(table);
        eq(where, params, "agent_id", q.agentId());
        eq(where, params, "team_id", q.teamId());
        eq(where, params, "workflow_id", q.workflowId());
        eq(where, params, "model_id", q.modelId());
        if (!q.evalTypes().isEmpty()) {
            where.append(" AND eval_type IN (").append("?,".repeat(q.evalTypes().size() - 1)).append("?)");
            params.addAll(q.evalTypes());
        }
        if (q.filterType() != null) {
            where.append(" AND ").append(q.filterType()).append("_id IS NOT NULL");
        }
        long total;
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM rg_eval_runs" + where)) {
            Where.bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        String order = q.ascending() ? "ASC" : "DESC";
        long offset = (long) (q.page() - 1) * q.limit();
        List<StoredEvalRun> runs = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM rg_eval_runs" + where
                + " ORDER BY created_at " + order + ", run_id " + order + " LIMIT " + q.limit() + " OFFSET " + offset)) {
            Where.bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    runs.add(row(rs));
                }
            }
        }
        return new Page(runs, total);
    }

    /** One page of runs with the total count. */
    public record Page(List<StoredEvalRun> runs, long total) {}

    private static void eq(StringBuilder where, List<Object> params, String column, String value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    private static StoredEvalRun row(ResultSet rs) throws SQLException {
        return new StoredEvalRun(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), Instant.ofEpochMilli(rs.getLong(12)), Instant.ofEpochMilli(rs.getLong(13)));
    }
}
