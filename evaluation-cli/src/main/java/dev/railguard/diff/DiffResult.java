package dev.railguard.diff;

import java.util.List;
import java.util.Objects;

/**
 * What {@link RunDiff#compare} found: per-metric statistics (regressions first), the flipped events and the events
 * that could not be paired.
 *
 * @param baseEvents      events in the base run
 * @param candidateEvents events in the candidate (new) run
 * @param paired          events found in both
 * @param unpaired        events found in only one run
 * @param metrics         one entry per metric present in paired events: regressions first, then by name
 * @param settings        the settings the statistics were computed with
 */
public record DiffResult(int baseEvents, int candidateEvents, int paired, List<Unpaired> unpaired,
        List<MetricDiff> metrics, RunDiff.Settings settings) {

    /** Copies. */
    public DiffResult {
        unpaired = List.copyOf(unpaired);
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(settings, "settings must not be null");
    }

    /** The metrics that regressed significantly by at least the minimum effect. */
    public List<MetricDiff> regressions() {
        return metrics.stream().filter(MetricDiff::regression).toList();
    }

    /** The result as an indented JSON document (what {@code railguard diff --json} prints); NaN is null. */
    public String toJson() {
        return dev.railguard.diff.internal.DiffJson.write(this);
    }

    /** Whether any metric regressed: the gate of {@code railguard diff} fails exactly then. */
    public boolean hasRegression() {
        return metrics.stream().anyMatch(MetricDiff::regression);
    }

    /**
     * An interval; both ends NaN when it could not be computed (no pair).
     *
     * @param low  the lower end
     * @param high the upper end
     */
    public record Interval(double low, double high) {
        /** Whether {@code value} lies in the closed interval. */
        public boolean contains(double value) {
            return value >= low && value <= high;
        }
    }

    /**
     * One metric compared over the pairs where both runs decided it (PASS, FAIL or ERROR; an ERROR is not a pass,
     * a SKIPPED result leaves the pair out).
     *
     * @param metric        the metric name
     * @param pairs         pairs decided in both runs
     * @param basePassRate  PASS share in the base run over those pairs (NaN without pairs)
     * @param newPassRate   PASS share in the candidate run
     * @param delta         {@code newPassRate - basePassRate}
     * @param deltaInterval the paired bootstrap interval of {@code delta}
     * @param passToFail    pairs that passed in the base run and not in the candidate run (regressions)
     * @param failToPass    pairs that did not pass in the base run and passed in the candidate run
     * @param mcnemarP      the two-sided exact McNemar p-value of the flips
     * @param scoredPairs   pairs with a score in both runs
     * @param meanScoreDelta the mean of (candidate score - base score) over scored pairs (NaN without any)
     * @param scoreInterval the paired bootstrap interval of {@code meanScoreDelta}
     * @param regression    {@code delta < 0}, {@code mcnemarP < alpha} and {@code -delta >= minEffect}
     * @param errorPairs    pairs where either run's result is ERROR (counted as not passed): a judge problem, not
     *                      necessarily a worse output
     * @param flips         the flipped pairs, pass-to-fail first
     */
    public record MetricDiff(String metric, int pairs, double basePassRate, double newPassRate, double delta,
            Interval deltaInterval, int passToFail, int failToPass, double mcnemarP, int scoredPairs,
            double meanScoreDelta, Interval scoreInterval, boolean regression, int errorPairs, List<Flip> flips) {
        /** Copies. */
        public MetricDiff {
            flips = List.copyOf(flips);
        }
    }

    /**
     * A pair whose verdict of one metric flipped between PASS and not PASS.
     *
     * @param metric    the metric
     * @param key       the pairing key ({@code id:...} or {@code sha256:...})
     * @param regressed true for PASS to not PASS, false for the other way
     * @param base      the event in the base run
     * @param candidate the event in the candidate run
     */
    public record Flip(String metric, String key, boolean regressed, DiffEvent base, DiffEvent candidate) {
        /** The metric's result in the base run. */
        public DiffEvent.Outcome baseOutcome() {
            return base.metrics().get(metric);
        }

        /** The metric's result in the candidate run. */
        public DiffEvent.Outcome candidateOutcome() {
            return candidate.metrics().get(metric);
        }
    }

    /**
     * An event found in one run only.
     *
     * @param run  {@code base} or {@code new}
     * @param line its line in that run's input
     * @param key  its pairing key
     */
    public record Unpaired(String run, int line, String key) {}
}
