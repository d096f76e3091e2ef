package dev.railguard.store;

import dev.railguard.api.Checks;
import dev.railguard.event.EventRecorder;
import dev.railguard.store.internal.Cursors;
import dev.railguard.store.internal.EventDao;
import dev.railguard.store.internal.EventWriter;
import dev.railguard.store.internal.Jdbc;
import dev.railguard.store.internal.Migrations;
import dev.railguard.store.internal.StoreRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Workflow events, monitor events and eval runs kept in a database: one SQLite file by default, any JDBC database by
 * URL (PostgreSQL tested). Opening a store brings its schema to the newest version with Flyway (history table
 * {@code rg_schema_history}), from an empty database or from an older version.
 *
 * <pre>{@code
 * try (EventStore store = EventStore.open("railguard-events.db")) {          // or "jdbc:postgresql://..."
 *     EventPage failing = store.events(EventQuery.all().withVerdict(null, Verdict.FAIL).withRange(from, to));
 * }
 * }</pre>
 *
 * <p>Writes go through one writer thread that commits everything queued in one transaction.
 * {@link #accept(StoredEvent)} returns once the event is committed: an event acknowledged after it survives a crash.
 * {@link #update(StoredEvent)} only queues, so evaluation threads never wait for the database; an update lost in a
 * crash leaves the event pending, and {@link #pending(EventKind, String)} finds it to be evaluated again.
 * Safe for concurrent use.
 */
public final class EventStore implements AutoCloseable {

    /** The {@code db_id} of a store opened without one. */
    public static final String DEFAULT_DB_ID = "railguard";
    private static final Pattern DB_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final DataSource dataSource;
    private final String where;
    private final String dbId;
    private final String schemaVersion;
    private final EventWriter writer;

    private EventStore(Builder b) {
        this.dataSource = b.dataSource != null ? b.dataSource
                : new Jdbc(b.url, b.user, b.password, b.syncFull);
        this.where = b.dataSource != null ? "a data source" : Jdbc.redact(b.url);
        this.dbId = b.dbId;
        try {
            this.schemaVersion = Migrations.migrate(dataSource);
        } catch (RuntimeException e) {
            throw new EventStoreException("could not migrate the schema of store '" + dbId + "' at " + where + ": "
                    + e.getMessage(), e);
        }
        this.writer = new EventWriter(dataSource, b.maxBatch, b.queueCapacity);
    }

    /**
     * Opens the store at {@code target}: a JDBC URL ({@code jdbc:...}) or the path of a SQLite file, created with its
     * folders when missing.
     */
    public static EventStore open(String target) {
        return builder(target).build();
    }

    /** Opens the SQLite file {@code file}, created with its folders when missing. */
    public static EventStore open(Path file) {
        return builder(file.toString()).build();
    }

    /** A builder for the store at {@code target}: a JDBC URL or a SQLite file path. */
    public static Builder builder(String target) {
        return new Builder(target);
    }

    /** A builder for the store behind {@code dataSource} (a pool, for example). */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource must not be null"));
    }

    /** The store's name (Agno's {@code db_id}). */
    public String dbId() {
        return dbId;
    }

    /** The schema version the database is at, for example {@code "2"}. */
    public String schemaVersion() {
        return schemaVersion;
    }

    /**
     * Writes {@code event} and returns once it is committed (durable). Use it to acknowledge an event.
     *
     * @throws EventStoreException when the database refused it; the event is then not acknowledged
     */
    public void accept(StoredEvent event) {
        Objects.requireNonNull(event, "event must not be null");
        try {
            writer.enqueue(event).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("interrupted while storing event " + event.eventId(), e);
        } catch (ExecutionException e) {
            throw new EventStoreException("could not store event " + event.eventId() + " in store '" + dbId
                    + "' at " + where + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Queues {@code event} (a new state of an event) and returns at once; the future completes when it is committed.
     * Updates of one event are written in the order they were queued.
     */
    public CompletableFuture<Void> update(StoredEvent event) {
        Objects.requireNonNull(event, "event must not be null");
        return writer.enqueue(event);
    }

    /** Waits until everything queued before this call is written. */
    public void flush() {
        try {
            writer.barrier().join();
        } catch (CompletionException e) {
            throw new EventStoreException("flush of store '" + dbId + "' failed: " + e.getCause().getMessage(), e);
        }
    }

    /** Event {@code eventId}, if stored. */
    public Optional<StoredEvent> event(String eventId) {
        return inTransaction("read event " + eventId, c -> EventDao.find(c, eventId));
    }

    /** One page of the events matching {@code query}, newest first. */
    public EventPage events(EventQuery query) {
        List<StoredEvent> rows = inTransaction("list events", c -> EventDao.page(c, query));
        if (rows.size() <= query.limit()) {
            return new EventPage(rows, null);
        }
        List<StoredEvent> page = rows.subList(0, query.limit());
        StoredEvent last = page.get(page.size() - 1);
        return new EventPage(page, Cursors.encode(last.createdAt().toEpochMilli(), last.eventId()));
    }

    /** Counts per status and per metric verdict of the events matching {@code query} (its limit and cursor ignored). */
    public EventCounts counts(EventQuery query) {
        return inTransaction("count events", c -> {
            var byStatus = EventDao.countByStatus(c, query);
            long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
            return new EventCounts(total, byStatus, EventDao.countByMetric(c, query));
        });
    }

    /** Events of workflow or monitor {@code sourceId} that were accepted but are not over, oldest first. */
    public List<StoredEvent> pending(EventKind kind, String sourceId) {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(sourceId, "sourceId must not be null");
        return inTransaction("list pending events", c -> EventDao.pending(c, kind, sourceId));
    }

    /**
     * This store as a workflow's or monitor's recorder ({@code Monitor.builder().recorder(store.recorder())}): each
     * event is committed before {@code submit} acknowledges it, its end is queued for the writer thread, and
     * {@code resume()} finds what never ended. The request body is kept as DeepRails JSON.
     */
    public EventRecorder recorder() {
        return new StoreRecorder(this);
    }

    /** The usage record that {@code billingRequestId} ({@code bill_...}) names, if stored. */
    public Optional<BillingRecord> billing(String billingRequestId) {
        return inTransaction("read billing record " + billingRequestId, c -> EventDao.billing(c, billingRequestId));
    }

    /** The eval runs of table {@value EvalRunTable#DEFAULT_TABLE}. */
    public EvalRunTable evalRuns() {
        return evalRuns(EvalRunTable.DEFAULT_TABLE);
    }

    /**
     * The eval runs of table {@code table} (Agno's {@code table}).
     *
     * @throws IllegalArgumentException when the name is not 1 to 63 letters, digits or underscores
     */
    public EvalRunTable evalRuns(String table) {
        return new EvalRunTable(this, table);
    }

    /** What the writer did so far. */
    public WriteStats writeStats() {
        long[] s = writer.stats();
        return new WriteStats(s[0], s[1], s[2]);
    }

    /** Writes what is queued, then closes. Further writes throw {@link IllegalStateException}. */
    @Override
    public void close() {
        writer.close();
    }

    <T> T inTransaction(String operation, EvalRunTable.Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new EventStoreException("could not " + operation + " in store '" + dbId + "' at " + where + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * What the writer did: events written, transactions committed (fewer than events when writes were batched) and
     * events it could not write.
     *
     * @param eventsWritten event states committed
     * @param transactions  transactions committed
     * @param failures      event states that could not be written
     */
    public record WriteStats(long eventsWritten, long transactions, long failures) {}

    /** Options of a store. */
    public static final class Builder {
        private final String url;
        private final DataSource dataSource;
        private String user;
        private String password;
        private String dbId = DEFAULT_DB_ID;
        private boolean syncFull;
        private int maxBatch = 500;
        private int queueCapacity = 100_000;

        private Builder(String target) {
            if (target == null || target.isBlank()) {
                throw new IllegalArgumentException("target must be a JDBC URL or a SQLite file path, but was: "
                        + (target == null ? "null" : "'" + target + "'"));
            }
            this.url = target.startsWith("jdbc:") ? target : sqliteUrl(Path.of(target));
            this.dataSource = null;
        }

        private Builder(DataSource dataSource) {
            this.url = null;
            this.dataSource = dataSource;
        }

        private static String sqliteUrl(Path file) {
            Path abs = file.toAbsolutePath();
            try {
                if (abs.getParent() != null) {
                    Files.createDirectories(abs.getParent());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not create the folder of store file " + abs, e);
            }
            return "jdbc:sqlite:" + abs;
        }

        /** User and password for the JDBC URL; never printed. */
        public Builder credentials(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        /** The store's name (Agno's {@code db_id}); letters, digits, {@code _ . -}, at most 64. */
        public Builder dbId(String dbId) {
            if (dbId == null || !DB_ID.matcher(dbId).matches()) {
                throw new IllegalArgumentException("dbId must be 1 to 64 letters, digits, '_', '.' or '-', but was: "
                        + (dbId == null ? "null" : "'" + dbId + "'"));
            }
            this.dbId = dbId;
            return this;
        }

        /**
         * For SQLite: whether a commit must also survive a power loss or an operating-system crash
         * ({@code synchronous=FULL}: one fsync per commit) instead of a crash of the process
         * ({@code synchronous=NORMAL} in write-ahead-log mode, the default: a committed event survives SIGKILL, and a
         * lone writer commits in about 0.6 ms instead of 8 ms here). Other databases keep their own settings
         * (PostgreSQL's {@code synchronous_commit} is on by default).
         */
        public Builder survivePowerLoss(boolean full) {
            this.syncFull = full;
            return this;
        }

        /** The most event writes per transaction, 1 to 10,000 (default 500). */
        public Builder maxBatch(int maxBatch) {
            this.maxBatch = Checks.between(maxBatch, 1, 10_000, "maxBatch");
            return this;
        }

        /** Opens the store, migrating its schema to the newest version. */
        public EventStore build() {
            return new EventStore(this);
        }
    }
}
