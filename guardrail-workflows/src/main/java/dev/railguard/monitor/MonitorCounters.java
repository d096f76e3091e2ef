package dev.railguard.monitor;

import dev.railguard.api.EvaluationResult;
import dev.railguard.api.MetricResult;
import dev.railguard.api.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a {@link Monitor} counts, in memory that does not grow with the number of events: totals by status, one fixed
 * score histogram per metric, and at most {@code maxNametags} nametag buckets. Thread-safe.
 */
final class MonitorCounters {

    private static final String NO_TAG = "(none)";
    private static final String OTHER_TAGS = "(other)";

    final LongAdder total = new LongAdder();
    final LongAdder completed = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder canceled = new LongAdder();
    final LongAdder rejected = new LongAdder();
    /** Copied on write (a monitor update adds metrics), so counting reads it without a lock. */
    private volatile Map<String, MetricAccumulator> byMetric = new LinkedHashMap<>();
    private final Map<String, TagAccumulator> byTag = new ConcurrentHashMap<>();
    private final int maxNametags;

    MonitorCounters(List<String> metrics, int maxNametags) {
        addMetrics(metrics);
        this.maxNametags = maxNametags;
    }

    /** Adds a histogram for each of {@code metrics} not counted yet (a monitor update); counted ones keep theirs. */
    synchronized void addMetrics(List<String> metrics) {
        Map<String, MetricAccumulator> next = new LinkedHashMap<>(byMetric);
        for (String m : metrics) {
            next.computeIfAbsent(m, MetricAccumulator::new);
        }
        byMetric = next;
    }

    /** Counts a terminal event. */
    void record(MonitorEvent event) {
        TagAccumulator tag = tag(event.nametag());
        tag.total.increment();
        switch (event.status()) {
            case COMPLETED -> {
                completed.increment();
                tag.completed.increment();
                EvaluationResult r = event.evaluationResult();
                if (r.passed()) {
                    tag.passed.increment();
                }
                for (MetricResult m : r.metrics().values()) {
                    MetricAccumulator a = byMetric.get(m.metric());
                    if (a != null) {
                        a.add(m);
                    }
                }
            }
            case CANCELED -> {
                canceled.increment();
                tag.canceled.increment();
            }
            default -> {
                failed.increment();
                tag.failed.increment();
            }
        }
    }

    /** The distribution of {@code metric}, or null when the monitor does not evaluate it. */
    MetricDistribution distribution(String metric) {
        MetricAccumulator a = byMetric.get(metric);
        return a == null ? null : a.snapshot();
    }

    Map<String, MetricDistribution> distributions() {
        Map<String, MetricDistribution> out = new LinkedHashMap<>();
        byMetric.forEach((m, a) -> out.put(m, a.snapshot()));
        return out;
    }

    Map<String, NametagStats> nametags() {
        Map<String, NametagStats> out = new TreeMap<>();
        byTag.forEach((t, a) -> out.put(t, a.snapshot(t)));
        return out;
    }

    int nametagBucketCount() {
        return byTag.size();
    }

    private TagAccumulator tag(String nametag) {
        String key = nametag == null || nametag.isBlank() ? NO_TAG : nametag;
        TagAccumulator a = byTag.get(key);
        if (a != null) {
            return a;
        }
        synchronized (byTag) {
            a = byTag.get(key);
            if (a != null) {
                return a;
            }
            long named = byTag.keySet().stream().filter(k -> !k.equals(NO_TAG) && !k.equals(OTHER_TAGS)).count();
            if (named >= maxNametags && !key.equals(NO_TAG)) {
                return byTag.computeIfAbsent(OTHER_TAGS, k -> new TagAccumulator());
            }
            return byTag.computeIfAbsent(key, k -> new TagAccumulator());
        }
    }

    private static final class MetricAccumulator {
        private final String metric;
        private final LongAdder evaluated = new LongAdder();
        private final LongAdder passed = new LongAdder();
        private final LongAdder failedCount = new LongAdder();
        private final LongAdder errors = new LongAdder();
        private final LongAdder scored = new LongAdder();
        private final DoubleAdder scoreSum = new DoubleAdder();
        private final AtomicLongArray bins = new AtomicLongArray(MetricDistribution.BINS);

        MetricAccumulator(String metric) {
            this.metric = metric;
        }

        void add(MetricResult m) {
            evaluated.increment();
            if (m.verdict() == Verdict.PASS) {
                passed.increment();
            } else if (m.verdict() == Verdict.FAIL) {
                failedCount.increment();
            } else {
                errors.increment();
            }
            if (m.score().isPresent()) {
                double s = m.score().getAsDouble();
                scored.increment();
                scoreSum.add(s);
                bins.incrementAndGet(MetricDistribution.bin(s));
            }
        }

        MetricDistribution snapshot() {
            List<Long> histogram = new ArrayList<>(MetricDistribution.BINS);
            for (int i = 0; i < MetricDistribution.BINS; i++) {
                histogram.add(bins.get(i));
            }
            long n = scored.sum();
            return new MetricDistribution(metric, evaluated.sum(), passed.sum(), failedCount.sum(), errors.sum(),
                    n == 0 ? 0.0 : scoreSum.sum() / n, histogram);
        }
    }

    private static final class TagAccumulator {
        private final LongAdder total = new LongAdder();
        private final LongAdder completed = new LongAdder();
        private final LongAdder passed = new LongAdder();
        private final LongAdder failed = new LongAdder();
        private final LongAdder canceled = new LongAdder();

        NametagStats snapshot(String tag) {
            return new NametagStats(tag, total.sum(), completed.sum(), passed.sum(), failed.sum(), canceled.sum());
        }
    }
}
