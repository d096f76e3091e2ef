package dev.railguard.metrics.reference;

import dev.railguard.api.MetricResult;
import dev.railguard.metrics.DefaultThresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code rouge_l}: ROUGE-L F1, the longest common subsequence of tokens, as Google's {@code rouge-score} package
 * computes it without stemming: its default tokenizer (lower case, every run of characters other than ASCII letters
 * and digits is a separator), precision = LCS / output tokens, recall = LCS / ground-truth tokens, F1 their harmonic
 * mean; 0 when either side has no token.
 */
public final class RougeLMetric extends ReferenceCheck {

    /** The installed name. */
    public static final String NAME = "rouge_l";

    private static final Pattern SEPARATOR = Pattern.compile("[^a-z0-9]+");

    /** The installed {@code rouge_l}. */
    public RougeLMetric() {
        this(NAME, DefaultThresholds.of(NAME));
    }

    private RougeLMetric(String name, double threshold) {
        super(name, "ROUGE-L F1 of the output against the ground truth, rouge-score (offline, no judge).", threshold);
    }

    /** A ROUGE-L check named {@code name} with default threshold {@code threshold}. */
    public static RougeLMetric of(String name, double threshold) {
        return new RougeLMetric(name, threshold);
    }

    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        for (String t : SEPARATOR.split(s.toLowerCase(Locale.ROOT))) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    static int lcs(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (String x : a) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] = x.equals(b.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.size()];
    }

    /** {precision, recall, f1} of {@code output} against {@code truth}. */
    static double[] score(String output, String truth) {
        List<String> o = tokens(output);
        List<String> t = tokens(truth);
        if (o.isEmpty() || t.isEmpty()) {
            return new double[] {0, 0, 0};
        }
        int l = lcs(t, o);
        double p = (double) l / o.size();
        double r = (double) l / t.size();
        return new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
    }

    @Override
    MetricResult compare(String output, String truth, double threshold) {
        double[] prf = score(output, truth);
        return result(prf[2], threshold, "ROUGE-L F1 " + format(prf[2]) + " (precision " + format(prf[0])
                + ", recall " + format(prf[1]) + ", rouge-score tokenizer, no stemming).", List.of(), List.of());
    }
}
