package dev.railguard.monitor;

import java.util.List;

/**
 * How one metric has scored on a {@link Monitor}'s completed events, in constant memory: counts by verdict and a
 * histogram of scores in ten fixed bins {@code [0.0, 0.1), [0.1, 0.2), ..., [0.9, 1.0]}.
 *
 * @param metric    the metric
 * @param evaluated results seen (pass, fail or error)
 * @param passed    results that passed
 * @param failed    results below threshold
 * @param errors    results that could not be scored (error or skipped)
 * @param meanScore the mean of the scores seen, 0 when none
 * @param histogram the count of scores per bin, ten entries
 */
public record MetricDistribution(String metric, long evaluated, long passed, long failed, long errors, double meanScore,
        List<Long> histogram) {

    /** The number of bins. */
    public static final int BINS = 10;

    /** Copies. */
    public MetricDistribution {
        histogram = List.copyOf(histogram);
    }

    /** Passed over evaluated; 0 when nothing was evaluated. */
    public double passRate() {
        return evaluated == 0 ? 0.0 : (double) passed / evaluated;
    }

    /** The bin of {@code score}: {@code floor(score * 10)}, with 1.0 in the last bin. */
    public static int bin(double score) {
        return Math.max(0, Math.min(BINS - 1, (int) Math.floor(score * BINS)));
    }
}
