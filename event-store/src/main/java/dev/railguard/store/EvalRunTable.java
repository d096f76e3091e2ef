package dev.railguard.store;

import dev.railguard.format.AgnoEvalRun;
import dev.railguard.store.internal.EvalRunDao;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The eval runs of one named table of a store: what Agno's {@code table} query parameter names. Runs are created,
 * fetched, listed with filters and pages, renamed and deleted; every call is its own transaction. Get one with
 * {@link EventStore#evalRuns(String)}.
 */
public final class EvalRunTable {

    /** The table of {@link EventStore#evalRuns()}. */
    public static final String DEFAULT_TABLE = "eval_runs";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final EventStore store;
    private final String table;

    EvalRunTable(EventStore store, String table) {
        if (table == null || !NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("table must be 1 to 63 letters, digits or underscores, not starting"
                    + " with a digit, but was: " + (table == null ? "null" : "'" + table + "'"));
        }
        this.store = store;
        this.table = table;
    }

    /** The table's name. */
    public String name() {
        return table;
    }

    /** The store's {@code db_id}. */
    public String dbId() {
        return store.dbId();
    }

    /**
     * Stores a new run.
     *
     * @throws IllegalArgumentException when a run with the same id exists in this table (ids are never reused)
     */
    public StoredEvalRun create(StoredEvalRun run) {
        return store.inTransaction("create eval run " + run.id(), c -> {
            if (EvalRunDao.exists(c, table, run.id())) {
                throw new IllegalArgumentException("id must be new, but eval run '" + run.id()
                        + "' already exists in table '" + table + "'");
            }
            EvalRunDao.insert(c, table, run);
            return run;
        });
    }

    /**
     * Stores Agno's record of a new run ({@code EvalRun.toAgno} of agent-evals, or {@link AgnoEvalRun#read}).
     *
     * @throws IllegalArgumentException when a run with the same id exists in this table
     */
    public AgnoEvalRun create(AgnoEvalRun record) {
        create(StoredEvalRun.of(record));
        return record;
    }

    /** Run {@code id} as Agno's record (seed 002's response), if this table has it. */
    public Optional<AgnoEvalRun> record(String id) {
        return get(id).map(StoredEvalRun::toAgno);
    }

    /** Run {@code id}, if this table has it. */
    public Optional<StoredEvalRun> get(String id) {
        return store.inTransaction("get eval run " + id, c -> EvalRunDao.find(c, table, id));
    }

    /** One page of runs matching {@code query}, with the total count. */
    public EvalRunPage list(EvalRunQuery query) {
        EvalRunDao.Page page = store.inTransaction("list eval runs", c -> EvalRunDao.list(c, table, query));
        return new EvalRunPage(page.runs(), query.page(), query.limit(), page.total());
    }

    /**
     * Renames run {@code id} and returns it as stored.
     *
     * @throws IllegalArgumentException when the name is not 1 to 255 characters
     * @throws java.util.NoSuchElementException when this table has no run {@code id}
     */
    public StoredEvalRun rename(String id, String name) {
        if (name == null || name.isEmpty() || name.length() > 255) {
            throw new IllegalArgumentException("name must have 1 to 255 characters, but was: "
                    + (name == null ? "null" : name.isEmpty() ? "''" : name.length() + " characters"));
        }
        return store.inTransaction("rename eval run " + id, c -> {
            if (!EvalRunDao.rename(c, table, id, name, Instant.now())) {
                throw new java.util.NoSuchElementException("no eval run '" + id + "' in table '" + table + "'");
            }
            return EvalRunDao.find(c, table, id).orElseThrow();
        });
    }

    /**
     * Deletes runs {@code ids}; returns how many existed.
     *
     * @throws IllegalArgumentException when {@code ids} is empty (Agno requires at least one)
     */
    public int delete(Collection<String> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new IllegalArgumentException("eval_run_ids must name at least one run, but was: " + ids);
        }
        List<String> copy = List.copyOf(ids);
        return store.inTransaction("delete eval runs", c -> EvalRunDao.delete(c, table, copy));
    }

    /** A unit of work on one connection; the store commits it, or rolls it back when it throws. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }
}
