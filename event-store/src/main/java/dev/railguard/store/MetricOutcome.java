package dev.railguard.store;

import dev.railguard.api.Thresholds;
import dev.railguard.api.Verdict;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The stored outcome of one metric of one event: what the count and filter queries look at.
 *
 * @param metric    the metric's name, for example {@code correctness}
 * @param score     the score in [0, 1], or null when the metric has none (ERROR, SKIPPED)
 * @param threshold the threshold the score was compared with, in [0, 1]
 * @param verdict   PASS, FAIL, ERROR or SKIPPED
 */
public record MetricOutcome(String metric, Double score, double threshold, Verdict verdict) {

    /** Validates. */
    public MetricOutcome {
        if (metric == null || metric.isBlank() || metric.length() > 128) {
            throw new IllegalArgumentException("metric must be a non-blank name of at most 128 characters, but was: "
                    + (metric == null ? "null" : "'" + metric + "'"));
        }
        if (score != null) {
            Thresholds.check(score, "score of metric '" + metric + "'");
        }
        Thresholds.check(threshold, "threshold of metric '" + metric + "'");
        Objects.requireNonNull(verdict, () -> "verdict of metric '" + metric + "' must not be null");
    }

    /** The score, when there is one. */
    public OptionalDouble scoreValue() {
        return score == null ? OptionalDouble.empty() : OptionalDouble.of(score);
    }
}
