package dev.railguard.evals.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Validation of text shared by the eval builders and the request, and the default timeout; numeric settings go
 * through {@code dev.railguard.api.Checks}.
 */
public final class EvalSettings {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private EvalSettings() {}

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
