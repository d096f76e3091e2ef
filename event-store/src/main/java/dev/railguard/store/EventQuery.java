package dev.railguard.store;

import dev.railguard.api.Checks;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.Verdict;
import java.time.Instant;

/**
 * Which events to list or count, newest first. Every filter is optional (null means any); start from
 * {@link #all()} and narrow with the {@code with...} methods:
 * <pre>{@code
 * store.events(EventQuery.all().withVerdict("correctness", Verdict.FAIL).withRange(from, to).withLimit(20))
 * }</pre>
 *
 * @param kind     workflow or monitor events only
 * @param sourceId events of this workflow or monitor only
 * @param status   events in this status only
 * @param nametag  events with this tag only
 * @param metric   events that have an outcome for this metric (with {@code verdict}: that verdict on it)
 * @param verdict  events with this verdict on {@code metric}, or on any metric when {@code metric} is null
 * @param from     events created at or after this instant
 * @param to       events created before this instant
 * @param limit    page size, 1 to 1000 (ignored by counts)
 * @param cursor   the {@link EventPage#nextCursor()} of the previous page, or null for the first page
 */
public record EventQuery(EventKind kind, String sourceId, EvaluationStatus status, String nametag, String metric,
        Verdict verdict, Instant from, Instant to, int limit, String cursor) {

    /** The page size of {@link #all()}. */
    public static final int DEFAULT_LIMIT = 50;
    /** The largest page size. */
    public static final int MAX_LIMIT = 1000;

    /** Validates. */
    public EventQuery {
        Checks.between(limit, 1, MAX_LIMIT, "limit");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to, but was: from=" + from + ", to=" + to);
        }
    }

    /** Every event, first page of {@value #DEFAULT_LIMIT}. */
    public static EventQuery all() {
        return new EventQuery(null, null, null, null, null, null, null, null, DEFAULT_LIMIT, null);
    }

    /** Only events of this kind. */
    public EventQuery withKind(EventKind kind) {
        return new EventQuery(kind, sourceId, status, nametag, metric, verdict, from, to, limit, cursor);
    }

    /** Only events of this workflow or monitor. */
    public EventQuery withSource(String sourceId) {
        return new EventQuery(kind, sourceId, status, nametag, metric, verdict, from, to, limit, cursor);
    }

    /** Only events in this status. */
    public EventQuery withStatus(EvaluationStatus status) {
        return new EventQuery(kind, sourceId, status, nametag, metric, verdict, from, to, limit, cursor);
    }

    /** Only events with this tag. */
    public EventQuery withNametag(String nametag) {
        return new EventQuery(kind, sourceId, status, nametag, metric, verdict, from, to, limit, cursor);
    }

    /** Only events that have an outcome for this metric. */
    public EventQuery withMetric(String metric) {
        return new EventQuery(kind, sourceId, status, nametag, metric, verdict, from, to, limit, cursor);
    }

    /** Only events whose {@code metric} (any metric when null) has this verdict. */
    public EventQuery withVerdict(String metric, Verdict verdict) {
        return new EventQuery(kind, sourceId, status, nametag, metric, verdict, from, to, limit, cursor);
    }

    /** Only events created in [from, to); either bound may be null. */
    public EventQuery withRange(Instant from, Instant to) {
        return new EventQuery(kind, sourceId, status, nametag, metric, verdict, from, to, limit, cursor);
    }

    /** Pages of this size. */
    public EventQuery withLimit(int limit) {
        return new EventQuery(kind, sourceId, status, nametag, metric, verdict, from, to, limit, cursor);
    }

    /** The page after the one that returned {@code cursor}. */
    public EventQuery after(String cursor) {
        return new EventQuery(kind, sourceId, status, nametag, metric, verdict, from, to, limit, cursor);
    }
}
