package dev.railguard.diff.internal;

import dev.railguard.api.Checks;
import java.util.Arrays;
import java.util.SplittableRandom;

/** The statistics of a run diff: the exact McNemar test and the paired percentile bootstrap. */
public final class Stats {

    private Stats() {}

    /**
     * The two-sided exact McNemar p-value for {@code b} pairs that went one way and {@code c} that went the other:
     * {@code min(1, 2 * P(X <= min(b, c)))} with {@code X ~ Binomial(b + c, 1/2)}; 1 when there is no discordant pair.
     *
     * @throws IllegalArgumentException if a count is negative
     */
    public static double mcnemarExactP(int b, int c) {
        Checks.atLeast(b, 0, "discordant pair count b");
        Checks.atLeast(c, 0, "discordant pair count c");
        int n = b + c;
        if (n == 0) {
            return 1.0;
        }
        int k = Math.min(b, c);
        // log C(n, i) built up term by term; summed in log space so that large n neither overflows nor underflows
        double logHalfN = n * Math.log(0.5);
        double logC = 0;
        double maxLog = logHalfN;
        double[] terms = new double[k + 1];
        for (int i = 0; i <= k; i++) {
            if (i > 0) {
                logC += Math.log(n - i + 1) - Math.log(i);
            }
            terms[i] = logC + logHalfN;
            maxLog = Math.max(maxLog, terms[i]);
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - maxLog);
        }
        double tail = Math.exp(maxLog) * sum;
        return Math.min(1.0, 2 * tail);
    }

    /**
     * A percentile bootstrap interval of the mean of {@code differences} (one value per pair), resampling pairs with
     * replacement {@code resamples} times from a generator seeded with {@code seed}; the same inputs give the same
     * interval. Returns {@code {low, high}}; {@code {NaN, NaN}} when there is no pair.
     *
     * @throws IllegalArgumentException if {@code confidence} is not in (0, 1) or {@code resamples} is below 100
     */
    public static double[] bootstrapMean(double[] differences, double confidence, int resamples, long seed) {
        Checks.exclusiveBetween(confidence, 0, 1, "confidence");
        Checks.atLeast(resamples, 100, "resamples");
        int n = differences.length;
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += differences[random.nextInt(n)];
            }
            means[r] = sum / n;
        }
        Arrays.sort(means);
        double tail = (1 - confidence) / 2;
        return new double[] {quantile(means, tail), quantile(means, 1 - tail)};
    }

    /** The {@code q} quantile of sorted values, interpolated linearly between order statistics. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The mean of {@code values}, NaN when empty. */
    public static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }
}
