package dev.railguard.store.internal;

import dev.railguard.store.StoredEvent;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The store's one writer thread. Callers enqueue event states; the thread takes everything queued (up to a batch
 * size) and commits it in one transaction, then completes each caller's future. A caller that needs durability waits
 * for its future (group commit: many waiting callers share one commit); the others do not wait at all. When a batch
 * fails, each of its events is retried in a transaction of its own, so one bad row fails only its own future.
 */
public final class EventWriter implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EventWriter.class.getName());

    private record Op(StoredEvent event, CompletableFuture<Void> done) {}

    private final DataSource dataSource;
    private final int maxBatch;
    private final BlockingQueue<Op> queue;
    private final Thread thread;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean closing;
    private Connection connection;

    /**
     * @param dataSource where to write
     * @param maxBatch   the most events per transaction
     * @param capacity   the most events waiting; enqueueing beyond it waits for room
     */
    public EventWriter(DataSource dataSource, int maxBatch, int capacity) {
        this.dataSource = dataSource;
        this.maxBatch = maxBatch;
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, "railguard-event-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues {@code event}; the future completes when its transaction committed, or exceptionally. */
    public CompletableFuture<Void> enqueue(StoredEvent event) {
        return put(new Op(event, new CompletableFuture<>()));
    }

    /** A future that completes when everything queued before it has been written (or failed). */
    public CompletableFuture<Void> barrier() {
        return put(new Op(null, new CompletableFuture<>()));
    }

    private CompletableFuture<Void> put(Op op) {
        if (closing) {
            throw new IllegalStateException("the event store is closed");
        }
        try {
            queue.put(op);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            op.done.completeExceptionally(e);
        }
        return op.done;
    }

    /** Events written, transactions committed, events that could not be written. */
    public long[] stats() {
        return new long[] {written.get(), batches.get(), failures.get()};
    }

    private void run() {
        List<Op> batch = new ArrayList<>(maxBatch);
        while (!closing || !queue.isEmpty()) {
            try {
                Op first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (!closing) {
                    LOG.log(Level.WARNING, "event writer interrupted while open; going on");
                }
            } catch (RuntimeException e) {
                fail(batch, e);
            } finally {
                batch.clear();
            }
        }
        closeConnection();
    }

    private void write(List<Op> batch) {
        List<StoredEvent> events = new ArrayList<>(batch.size());
        for (Op op : batch) {
            if (op.event != null) {
                events.add(op.event);
            }
        }
        if (!events.isEmpty()) {
            try {
                commit(events);
                written.addAndGet(events.size());
            } catch (SQLException batchFailure) {
                rollback();
                for (Op op : batch) {
                    if (op.event != null) {
                        writeAlone(op);
                    }
                }
                complete(batch, true);
                return;
            }
        }
        complete(batch, false);
    }

    private void writeAlone(Op op) {
        try {
            commit(List.of(op.event));
            written.incrementAndGet();
        } catch (SQLException e) {
            rollback();
            failures.incrementAndGet();
            LOG.log(Level.WARNING, "could not store event " + op.event.eventId() + ": " + e.getMessage());
            op.done.completeExceptionally(new IllegalStateException("could not store event " + op.event.eventId()
                    + ": " + e.getMessage(), e));
        }
    }

    private void commit(List<StoredEvent> events) throws SQLException {
        Connection c = connection();
        EventDao.upsert(c, events);
        c.commit();
        batches.incrementAndGet();
    }

    private void complete(List<Op> batch, boolean skipDone) {
        for (Op op : batch) {
            if (!skipDone || !op.done.isDone()) {
                op.done.complete(null);
            }
        }
    }

    private void fail(List<Op> batch, RuntimeException e) {
        for (Op op : batch) {
            op.done.completeExceptionally(e);
        }
        failures.addAndGet(batch.stream().filter(op -> op.event != null).count());
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private void rollback() {
        try {
            if (connection != null && !connection.isClosed()) {
                connection.rollback();
                if (!connection.isValid(5)) {
                    closeConnection();
                }
            }
        } catch (SQLException e) {
            closeConnection();
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.log(Level.DEBUG, "closing the writer's connection: " + e.getMessage());
            }
            connection = null;
        }
    }

    /** Writes everything queued, then stops the thread. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
