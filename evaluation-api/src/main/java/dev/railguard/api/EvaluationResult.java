package dev.railguard.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The result of evaluating one output on its requested metrics.
 *
 * @param eventId     the event's id, {@code "evt_"} followed by random characters
 * @param status      COMPLETED when every metric has a result; FAILED or CANCELED otherwise
 * @param metrics     the results by metric name, in the order the metrics were requested
 * @param usage       the sum of the metrics' usage
 * @param runMode     the run mode that was used
 * @param nametag     the request's nametag, or {@code null}
 * @param createdAt   when the request was accepted
 * @param completedAt when the last metric finished
 * @param failure     why the event FAILED or was CANCELED, or {@code null}
 */
public record EvaluationResult(
        String eventId,
        EvaluationStatus status,
        Map<String, MetricResult> metrics,
        Usage usage,
        RunMode runMode,
        String nametag,
        Instant createdAt,
        Instant completedAt,
        String failure) {

    /** Validates and copies, keeping the metric order. */
    public EvaluationResult {
        Checks.nonBlank(eventId, "eventId");
        Checks.notNull(status, "status");
        Checks.notNull(metrics, "metrics");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        Checks.notNull(usage, "usage");
        Checks.notNull(runMode, "runMode");
        Checks.notNull(createdAt, "createdAt");
        Checks.notNull(completedAt, "completedAt");
    }

    /**
     * Whether the output passed: the event COMPLETED and every metric is PASS. An ERROR or SKIPPED metric means
     * not passed; so does an empty result.
     */
    public boolean passed() {
        return status == EvaluationStatus.COMPLETED && !metrics.isEmpty()
                && metrics.values().stream().allMatch(MetricResult::passed);
    }

    /**
     * The result of metric {@code name}.
     *
     * @throws NoSuchElementException naming the metrics this result has, when it has no such metric
     */
    public MetricResult metric(String name) {
        MetricResult r = metrics.get(name);
        if (r == null) {
            throw new NoSuchElementException("no metric '" + name + "' in this result; it has " + metrics.keySet());
        }
        return r;
    }

    /** The metrics whose verdict is not PASS, in request order. */
    public List<MetricResult> notPassed() {
        return metrics.values().stream().filter(m -> !m.passed()).toList();
    }

    /** Wall time from acceptance to completion. */
    public Duration elapsed() {
        return Duration.between(createdAt, completedAt);
    }
}
