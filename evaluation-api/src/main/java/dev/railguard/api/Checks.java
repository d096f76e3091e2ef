package dev.railguard.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Validation helpers shared by the records of this package; the one place their message style lives. */
final class Checks {
    private Checks() {}

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

    static double unitInterval(double value, String field) {
        if (Double.isNaN(value) || value < 0.0 || value > 1.0) {
            throw new IllegalArgumentException(field + " must be between 0.0 and 1.0, but was: " + value);
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
