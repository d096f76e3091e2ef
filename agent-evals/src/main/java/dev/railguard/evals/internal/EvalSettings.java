package dev.railguard.evals.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Validation shared by the eval builders and the request: one message per rule. */
public final class EvalSettings {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private EvalSettings() {}

    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", but was: "
                    + value);
        }
        return value;
    }

    public static double range(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + " must be between " + fmt(min) + " and " + fmt(max)
                    + ", but was: " + fmt(value));
        }
        return value;
    }

    public static String fmt(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : Double.toString(d);
    }

    public static Duration timeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout must not be null");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, but was: " + timeout);
        }
        return timeout;
    }

    public static String required(String field, String value) {
        Objects.requireNonNull(value, field + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank, but was: '" + value + "'");
        }
        return value;
    }

    public static List<String> texts(String field, List<String> values) {
        Objects.requireNonNull(values, field + " must not be null");
        List<String> out = new ArrayList<>();
        for (String v : values) {
            out.add(Objects.requireNonNull(v, field + " must not contain null"));
        }
        return List.copyOf(out);
    }
}
