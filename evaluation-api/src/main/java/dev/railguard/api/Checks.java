package dev.railguard.api;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The checks of bad input every module uses, with the one wording of their messages:
 * {@code "<field> must be <what is allowed>, but was: <value>"}, for example
 * {@code "maxCallAttempts must be between 1 and 20, but was: 0"}. Each check returns the value it accepted, so a
 * builder can check and assign in one statement, and throws {@link IllegalArgumentException} otherwise (a
 * {@code null} where a value is required throws {@link NullPointerException} naming the field).
 *
 * <p>The field is named as the user wrote it (a builder method, a property, a JSON key) and may carry context that
 * helps the user, such as {@code "threshold of metric 'correctness'"} or {@code "requestsPerMinute (0: no budget)"}.
 * Bounds are inclusive, except those of {@link #exclusiveBetween(double, double, double, String)}. A {@code double}
 * that is NaN fails every check.
 */
public final class Checks {
    private Checks() {}

    /**
     * Returns {@code value} when it is at least {@code min}.
     *
     * @param value the value to check
     * @param min   the smallest allowed value
     * @param field how the message names the value
     * @return {@code value}
     * @throws IllegalArgumentException {@code "<field> must be at least <min>, but was: <value>"}
     */
    public static int atLeast(int value, int min, String field) {
        if (value < min) {
            throw outside(field, "at least " + min, value);
        }
        return value;
    }

    /**
     * Returns {@code value} when it is at least {@code min}.
     *
     * @param value the value to check
     * @param min   the smallest allowed value
     * @param field how the message names the value
     * @return {@code value}
     * @throws IllegalArgumentException {@code "<field> must be at least <min>, but was: <value>"}
     */
    public static long atLeast(long value, long min, String field) {
        if (value < min) {
            throw outside(field, "at least " + min, value);
        }
        return value;
    }

    /**
     * Returns {@code value} when it is at least {@code min}.
     *
     * @param value the value to check
     * @param min   the smallest allowed value
     * @param field how the message names the value
     * @return {@code value}
     * @throws IllegalArgumentException {@code "<field> must be at least <min>, but was: <value>"}, also for NaN
     */
    public static double atLeast(double value, double min, String field) {
        if (!(value >= min)) {
            throw outside(field, "at least " + min, value);
        }
        return value;
    }

    /**
     * Returns {@code value} when it lies in [{@code min}, {@code max}].
     *
     * @param value the value to check
     * @param min   the smallest allowed value
     * @param max   the largest allowed value
     * @param field how the message names the value
     * @return {@code value}
     * @throws IllegalArgumentException {@code "<field> must be between <min> and <max>, but was: <value>"}
     */
    public static int between(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw outside(field, "between " + min + " and " + max, value);
        }
        return value;
    }

    /**
     * Returns {@code value} when it lies in [{@code min}, {@code max}].
     *
     * @param value the value to check
     * @param min   the smallest allowed value
     * @param max   the largest allowed value
     * @param field how the message names the value
     * @return {@code value}
     * @throws IllegalArgumentException {@code "<field> must be between <min> and <max>, but was: <value>"}
     */
    public static long between(long value, long min, long max, String field) {
        if (value < min || value > max) {
            throw outside(field, "between " + min + " and " + max, value);
        }
        return value;
    }

    /**
     * Returns {@code value} when it lies in [{@code min}, {@code max}].
     *
     * @param value the value to check
     * @param min   the smallest allowed value
     * @param max   the largest allowed value
     * @param field how the message names the value
     * @return {@code value}
     * @throws IllegalArgumentException {@code "<field> must be between <min> and <max>, but was: <value>"}, also
     *                                  for NaN
     */
    public static double between(double value, double min, double max, String field) {
        if (!(value >= min && value <= max)) {
            throw outside(field, "between " + min + " and " + max, value);
        }
        return value;
    }

    /**
     * Returns {@code value} when it lies in the open interval ({@code min}, {@code max}), bounds excluded: for a
     * setting such as a significance level or a confidence, where 0 and 1 mean nothing.
     *
     * @param value the value to check
     * @param min   the bound {@code value} must be greater than
     * @param max   the bound {@code value} must be less than
     * @param field how the message names the value
     * @return {@code value}
     * @throws IllegalArgumentException {@code "<field> must be between <min> and <max> (exclusive), but was:
     *                                  <value>"}, also for NaN
     */
    public static double exclusiveBetween(double value, double min, double max, String field) {
        if (!(value > min && value < max)) {
            throw outside(field, "between " + min + " and " + max + " (exclusive)", value);
        }
        return value;
    }

    /**
     * Returns {@code value} when it is greater than 0.
     *
     * @param value the value to check
     * @param field how the message names the value
     * @return {@code value}
     * @throws IllegalArgumentException {@code "<field> must be positive, but was: <value>"}, also for NaN
     */
    public static double positive(double value, String field) {
        if (!(value > 0)) {
            throw outside(field, "positive", value);
        }
        return value;
    }

    /**
     * Returns {@code value} when it is longer than zero.
     *
     * @param value the duration to check
     * @param field how the message names the value
     * @return {@code value}
     * @throws NullPointerException     {@code "<field> must not be null"}
     * @throws IllegalArgumentException {@code "<field> must be positive, but was: <value>"} (ISO-8601, as
     *                                  {@code PT0S})
     */
    public static Duration positive(Duration value, String field) {
        notNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw outside(field, "positive", value);
        }
        return value;
    }

    /**
     * Returns {@code value} when it is at least as long as {@code min}.
     *
     * @param value the duration to check
     * @param min   the shortest allowed duration
     * @param field how the message names the value
     * @return {@code value}
     * @throws NullPointerException     {@code "<field> must not be null"}
     * @throws IllegalArgumentException {@code "<field> must be at least <min>, but was: <value>"} (ISO-8601)
     */
    public static Duration atLeast(Duration value, Duration min, String field) {
        notNull(value, field);
        if (value.compareTo(min) < 0) {
            throw outside(field, "at least " + min, value);
        }
        return value;
    }

    private static IllegalArgumentException outside(String field, String allowed, Object value) {
        return new IllegalArgumentException(field + " must be " + allowed + ", but was: " + value);
    }

    static <T> T notNull(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " must not be null");
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static String nonBlank(String value, String field) {
        notNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank, but was: '" + value + "'");
        }
        return value;
    }

    static <T> List<T> copy(Collection<T> values, String field) {
        notNull(values, field);
        int i = 0;
        for (T v : values) {
            if (v == null) {
                throw new NullPointerException(field + "[" + i + "] must not be null");
            }
            i++;
        }
        return List.copyOf(values);
    }

    static <K, V> Map<K, V> copy(Map<K, V> values, String field) {
        notNull(values, field);
        values.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new NullPointerException(field + " must not contain null keys or values, but had " + k + "=" + v);
            }
        });
        return Map.copyOf(values);
    }
}
