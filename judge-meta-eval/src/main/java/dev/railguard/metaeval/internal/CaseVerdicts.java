package dev.railguard.metaeval.internal;

import dev.railguard.metaeval.Estimate;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The verdicts of one judge configuration on one metric: per case the human label and the verdict of each repeat
 * ({@link #FAIL}, {@link #PASS} or {@link #UNJUDGED}), reduced to per-case counts so that a bootstrap replicate is a
 * weighted sum. The bootstrap resamples cases with their repeats (a cluster bootstrap: repeats of a case are not
 * independent), {@code samples} times from a {@link SplittableRandom} seeded with the seed given, and takes the 2.5th
 * and 97.5th percentiles of the replicates where the figure is defined.
 */
final class CaseVerdicts {

    /** A FAIL verdict. */
    public static final int FAIL = 1;
    /** A PASS verdict. */
    public static final int PASS = 0;
    /** Neither (ERROR, SKIPPED, a failed evaluation). */
    public static final int UNJUDGED = -1;

    private final int n;
    private final int[] tp;
    private final int[] fp;
    private final int[] fn;
    private final int[] tn;
    private final int[] pairs;
    private final int[] flips;
    private final int[] unjudged;

    /**
     * @param humanFail per case, whether the human label is FAIL
     * @param verdicts  per case, the verdict of each repeat
     */
    public CaseVerdicts(boolean[] humanFail, int[][] verdicts) {
        if (humanFail.length != verdicts.length) {
            throw new IllegalArgumentException("humanFail and verdicts must have one entry per case, but had "
                    + humanFail.length + " and " + verdicts.length);
        }
        n = humanFail.length;
        tp = new int[n];
        fp = new int[n];
        fn = new int[n];
        tn = new int[n];
        pairs = new int[n];
        flips = new int[n];
        unjudged = new int[n];
        for (int i = 0; i < n; i++) {
            int fails = 0;
            int passes = 0;
            for (int v : verdicts[i]) {
                if (v == FAIL) {
                    fails++;
                } else if (v == PASS) {
                    passes++;
                } else {
                    unjudged[i]++;
                }
            }
            if (humanFail[i]) {
                tp[i] = fails;
                fn[i] = passes;
            } else {
                fp[i] = fails;
                tn[i] = passes;
            }
            int judged = fails + passes;
            pairs[i] = judged * (judged - 1) / 2;
            flips[i] = fails * passes;
        }
    }

    private CaseVerdicts(int[] tp, int[] fp, int[] fn, int[] tn) {
        n = tp.length;
        this.tp = tp;
        this.fp = fp;
        this.fn = fn;
        this.tn = tn;
        pairs = new int[n];
        flips = new int[n];
        unjudged = new int[n];
    }

    /**
     * Counts given per cluster (for unit verdicts: the units of one case over its repeats), with no repeat pairs; the
     * bootstrap resamples the clusters.
     */
    public static CaseVerdicts ofCounts(int[] tp, int[] fp, int[] fn, int[] tn) {
        if (fp.length != tp.length || fn.length != tp.length || tn.length != tp.length) {
            throw new IllegalArgumentException("tp, fp, fn and tn must have one entry per cluster");
        }
        return new CaseVerdicts(tp.clone(), fp.clone(), fn.clone(), tn.clone());
    }

    /** Sums of the per-case counts under case weights. */
    public record Counts(long tp, long fp, long fn, long tn, long pairs, long flips) {
        /** Balanced accuracy. */
        public double balancedAccuracy() {
            return Statistics.balancedAccuracy(tp, fp, fn, tn);
        }

        /** Cohen's kappa. */
        public double kappa() {
            return Statistics.kappa(tp, fp, fn, tn);
        }

        /** Matthews correlation. */
        public double mcc() {
            return Statistics.mcc(tp, fp, fn, tn);
        }

        /** Precision for FAIL. */
        public double precisionFail() {
            return Statistics.precision(tp, fp);
        }

        /** Recall for FAIL. */
        public double recallFail() {
            return Statistics.recall(tp, fn);
        }

        /** Share of pairs of repeats that disagree. */
        public double flipRate() {
            return Statistics.ratio(flips, pairs);
        }
    }

    /** The number of cases. */
    public int size() {
        return n;
    }

    /** The counts over every case. */
    public Counts total() {
        int[] ones = new int[n];
        Arrays.fill(ones, 1);
        return weighted(ones);
    }

    /** Verdicts that were neither PASS nor FAIL. */
    public long unjudged() {
        return Arrays.stream(unjudged).asLongStream().sum();
    }

    /** Share of cases with at least two judged repeats whose verdicts are not all the same. */
    public double unstableShare() {
        int withPairs = 0;
        int unstable = 0;
        for (int i = 0; i < n; i++) {
            if (pairs[i] > 0) {
                withPairs++;
                unstable += flips[i] > 0 ? 1 : 0;
            }
        }
        return Statistics.ratio(unstable, withPairs);
    }

    Counts weighted(int[] w) {
        long a = 0, b = 0, c = 0, d = 0, p = 0, f = 0;
        for (int i = 0; i < n; i++) {
            int k = w[i];
            if (k != 0) {
                a += (long) k * tp[i];
                b += (long) k * fp[i];
                c += (long) k * fn[i];
                d += (long) k * tn[i];
                p += (long) k * pairs[i];
                f += (long) k * flips[i];
            }
        }
        return new Counts(a, b, c, d, p, f);
    }

    /** The counts of each bootstrap replicate. */
    public Counts[] replicates(int samples, long seed) {
        Counts[] out = new Counts[samples];
        if (n == 0) {
            Arrays.fill(out, new Counts(0, 0, 0, 0, 0, 0));
            return out;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int b = 0; b < samples; b++) {
            long a = 0, fpSum = 0, c = 0, d = 0, p = 0, f = 0;
            for (int draw = 0; draw < n; draw++) {
                int i = random.nextInt(n);
                a += tp[i];
                fpSum += fp[i];
                c += fn[i];
                d += tn[i];
                p += pairs[i];
                f += flips[i];
            }
            out[b] = new Counts(a, fpSum, c, d, p, f);
        }
        return out;
    }

    /** {@code figure} on the whole data with the percentile interval of its values over {@code replicates}. */
    public Estimate estimate(ToDoubleFunction<Counts> figure, Counts[] replicates) {
        return interval(figure.applyAsDouble(total()), Arrays.stream(replicates).mapToDouble(figure).toArray());
    }

    /**
     * The paired difference {@code figure(other) - figure(this)} over the same cases (same order, same count), with
     * the interval from replicates drawn with the same case weights for both.
     */
    public Estimate difference(CaseVerdicts other, ToDoubleFunction<Counts> figure, int samples, long seed) {
        if (other.n != n) {
            throw new IllegalArgumentException("a paired difference needs the same cases, but had " + n + " and "
                    + other.n);
        }
        Counts[] mine = replicates(samples, seed);
        Counts[] theirs = other.replicates(samples, seed);
        double[] diffs = new double[samples];
        for (int b = 0; b < samples; b++) {
            diffs[b] = figure.applyAsDouble(theirs[b]) - figure.applyAsDouble(mine[b]);
        }
        return interval(figure.applyAsDouble(other.total()) - figure.applyAsDouble(total()), diffs);
    }

    private static Estimate interval(double value, double[] replicateValues) {
        if (Double.isNaN(value)) {
            return Estimate.UNDEFINED;
        }
        double[] defined = Arrays.stream(replicateValues).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (defined.length == 0) {
            return new Estimate(value, Double.NaN, Double.NaN);
        }
        return new Estimate(value, Statistics.quantileOfSorted(defined, 0.025),
                Statistics.quantileOfSorted(defined, 0.975));
    }
}
