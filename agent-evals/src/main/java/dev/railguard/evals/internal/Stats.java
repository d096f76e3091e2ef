package dev.railguard.evals.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Summary statistics of a sample: mean, median, min, max, sample standard deviation (n-1; 0 when n is 1) and p95 by
 * linear interpolation at position (n-1)*0.95 (R type 7, numpy {@code linear}, Python
 * {@code statistics.quantiles(method="inclusive")}). An empty sample has no statistics ({@link #EMPTY}).
 */
public record Stats(int count, Double mean, Double median, Double min, Double max, Double stdDev, Double p95) {

    public static final Stats EMPTY = new Stats(0, null, null, null, null, null, null);

    public static Stats of(List<? extends Number> values) {
        if (values.isEmpty()) {
            return EMPTY;
        }
        List<Double> sorted = new ArrayList<>();
        for (Number v : values) {
            sorted.add(v.doubleValue());
        }
        Collections.sort(sorted);
        int n = sorted.size();
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        double mean = sum / n;
        double sq = 0;
        for (double v : sorted) {
            sq += (v - mean) * (v - mean);
        }
        double stdDev = n > 1 ? Math.sqrt(sq / (n - 1)) : 0.0;
        return new Stats(n, mean, quantile(sorted, 0.5), sorted.get(0), sorted.get(n - 1), stdDev,
                quantile(sorted, 0.95));
    }

    /** The type-7 quantile {@code q} of the sorted values. */
    public static double quantile(List<Double> sorted, double q) {
        double pos = (sorted.size() - 1) * q;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.size() - 1);
        return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (pos - lo);
    }
}
