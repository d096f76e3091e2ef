package dev.railguard.metaeval;

import java.util.Locale;

/**
 * A figure with its seeded bootstrap 95% interval (percentile method, cases resampled with their repeats). Every
 * part is {@code NaN} when the figure is undefined on the data (for example recall for FAIL with no FAIL label).
 *
 * @param value the figure on the whole data
 * @param low   the 2.5th percentile of the bootstrap replicates
 * @param high  the 97.5th percentile of the bootstrap replicates
 */
public record Estimate(double value, double low, double high) {

    /** The undefined figure. */
    public static final Estimate UNDEFINED = new Estimate(Double.NaN, Double.NaN, Double.NaN);

    /** Whether the figure is defined. */
    public boolean defined() {
        return !Double.isNaN(value);
    }

    /** Whether the interval contains {@code x}. */
    public boolean covers(double x) {
        return low <= x && x <= high;
    }

    /** {@code 0.812 [0.781, 0.843]}, or {@code n/a}. */
    @Override
    public String toString() {
        if (!defined()) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", value, low, high);
    }
}
