package dev.railguard.metrics.reference;

import dev.railguard.api.MetricResult;
import dev.railguard.metrics.DefaultThresholds;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * {@code levenshtein}: normalised edit similarity, 1 - d / max(|output|, |ground truth|), where d is the Levenshtein
 * distance (insertions, deletions and substitutions of one character, Apache Commons Text's
 * {@link LevenshteinDistance}) between the two texts as written; 1.0 when both are empty. Optionally ignores case and
 * surrounding white space ({@link #of}).
 */
public final class LevenshteinMetric extends ReferenceCheck {

    /** The installed name. */
    public static final String NAME = "levenshtein";

    private final boolean ignoreCase;

    /** The installed {@code levenshtein}: case and white space count. */
    public LevenshteinMetric() {
        this(NAME, DefaultThresholds.of(NAME), false);
    }

    private LevenshteinMetric(String name, double threshold, boolean ignoreCase) {
        super(name, "Normalised Levenshtein similarity of the output and the ground truth (offline, no judge).",
                threshold);
        this.ignoreCase = ignoreCase;
    }

    /** A Levenshtein check named {@code name}; {@code ignoreCase} also strips surrounding white space. */
    public static LevenshteinMetric of(String name, double threshold, boolean ignoreCase) {
        return new LevenshteinMetric(name, threshold, ignoreCase);
    }

    /** The similarity of {@code a} and {@code b} in 0..1. */
    static double similarity(String a, String b) {
        int longest = Math.max(a.length(), b.length());
        if (longest == 0) {
            return 1.0;
        }
        return 1.0 - (double) LevenshteinDistance.getDefaultInstance().apply(a, b) / longest;
    }

    @Override
    MetricResult compare(String output, String truth, double threshold) {
        String a = ignoreCase ? output.strip().toLowerCase(Locale.ROOT) : output;
        String b = ignoreCase ? truth.strip().toLowerCase(Locale.ROOT) : truth;
        int distance = LevenshteinDistance.getDefaultInstance().apply(a, b);
        double s = similarity(a, b);
        return result(s, threshold, "Levenshtein similarity " + format(s) + " (" + distance + " edit"
                + (distance == 1 ? "" : "s") + " over " + Math.max(a.length(), b.length()) + " characters"
                + (ignoreCase ? ", case and surrounding white space ignored" : "") + ").", List.of(), List.of());
    }
}
