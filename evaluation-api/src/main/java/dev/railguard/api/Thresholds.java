package dev.railguard.api;

/**
 * The one check of a threshold (or any other value that must lie in [0, 1], such as a minimum score), with the one
 * wording every module uses: {@code "<field> must be between 0.0 and 1.0, but was: <value>"} (that of
 * {@link Checks#between(double, double, double, String)}).
 */
public final class Thresholds {

    private Thresholds() {}

    /**
     * Returns {@code value} when it lies in [0, 1].
     *
     * @param value the threshold
     * @param field how the message names it, for example {@code "threshold of metric 'correctness'"}
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is NaN or outside [0, 1]
     */
    public static double check(double value, String field) {
        return Checks.between(value, 0.0, 1.0, field);
    }
}
