package dev.railguard.store;

import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.Verdict;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many events match a query, per status and per metric verdict (what DeepRails' console charts over a time
 * range).
 *
 * @param total    events matching the query
 * @param byStatus events per status; every status is present, 0 when none
 * @param byMetric per metric name (sorted), events per verdict; every verdict is present, 0 when none
 */
public record EventCounts(long total, Map<EvaluationStatus, Long> byStatus,
        Map<String, Map<Verdict, Long>> byMetric) {

    /** Copies, filling absent statuses and verdicts with 0. */
    public EventCounts {
        Map<EvaluationStatus, Long> statuses = new EnumMap<>(EvaluationStatus.class);
        for (EvaluationStatus s : EvaluationStatus.values()) {
            statuses.put(s, byStatus.getOrDefault(s, 0L));
        }
        byStatus = Collections.unmodifiableMap(statuses);
        Map<String, Map<Verdict, Long>> metrics = new TreeMap<>();
        byMetric.forEach((metric, verdicts) -> {
            Map<Verdict, Long> v = new EnumMap<>(Verdict.class);
            for (Verdict verdict : Verdict.values()) {
                v.put(verdict, verdicts.getOrDefault(verdict, 0L));
            }
            metrics.put(metric, Collections.unmodifiableMap(v));
        });
        byMetric = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** Events in {@code status}. */
    public long status(EvaluationStatus status) {
        return byStatus.get(status);
    }

    /** Events whose {@code metric} has {@code verdict}; 0 for a metric no event has. */
    public long verdict(String metric, Verdict verdict) {
        Map<Verdict, Long> v = byMetric.get(metric);
        return v == null ? 0 : v.get(verdict);
    }
}
