package dev.railguard.metaeval.internal;

import java.util.Arrays;

/**
 * Agreement statistics of a 2x2 table with FAIL as the positive class: {@code tp} = judge FAIL on a FAIL case,
 * {@code fp} = judge FAIL on a PASS case, {@code fn} = judge PASS on a FAIL case, {@code tn} = judge PASS on a PASS
 * case. A figure whose denominator is 0 is {@code NaN} (undefined), never a made-up 0 or 1.
 */
final class Statistics {

    private Statistics() {}

    /** (tp / (tp + fn) + tn / (tn + fp)) / 2. */
    public static double balancedAccuracy(long tp, long fp, long fn, long tn) {
        return (ratio(tp, tp + fn) + ratio(tn, tn + fp)) / 2;
    }

    /** Cohen's kappa: (observed agreement - chance agreement) / (1 - chance agreement). */
    public static double kappa(long tp, long fp, long fn, long tn) {
        double n = tp + fp + fn + tn;
        if (n == 0) {
            return Double.NaN;
        }
        double observed = (tp + tn) / n;
        double chance = ((double) (tp + fp) * (tp + fn) + (double) (fn + tn) * (fp + tn)) / (n * n);
        return chance == 1 ? Double.NaN : (observed - chance) / (1 - chance);
    }

    /** Matthews correlation: (tp tn - fp fn) / sqrt((tp+fp)(tp+fn)(tn+fp)(tn+fn)). */
    public static double mcc(long tp, long fp, long fn, long tn) {
        double d = (double) (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn);
        return d == 0 ? Double.NaN : ((double) tp * tn - (double) fp * fn) / Math.sqrt(d);
    }

    /** Precision for FAIL: tp / (tp + fp). */
    public static double precision(long tp, long fp) {
        return ratio(tp, tp + fp);
    }

    /** Recall for FAIL: tp / (tp + fn). */
    public static double recall(long tp, long fn) {
        return ratio(tp, tp + fn);
    }

    /** {@code a / b}, {@code NaN} when {@code b} is 0. */
    public static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }

    /**
     * The {@code q}-quantile (0..1) of {@code values} by linear interpolation between order statistics (type 7, as R
     * and NumPy by default); {@code NaN} for no values. {@code values} is not changed.
     */
    public static double quantile(double[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return quantileOfSorted(sorted, q);
    }

    static double quantileOfSorted(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
