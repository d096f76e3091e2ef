package dev.railguard.spring.internal;

import dev.railguard.api.Thresholds;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The one wording of a bad {@code railguard.*} property: Spring Boot's {@link InvalidConfigurationPropertyValueException}
 * ("Property railguard.run-mode with value 'turbo' is invalid: must be one of [...]"), which its failure analyzer
 * prints at start-up with the property's origin.
 */
public final class PropertyChecks {

    private PropertyChecks() {}

    /** {@code value} parsed by {@code parse}; its {@link IllegalArgumentException} becomes a property failure. */
    public static <T> T parse(String property, Object value, Function<String, T> parse) {
        if (value == null) {
            throw invalid(property, null, "must be set");
        }
        try {
            return parse.apply(value.toString());
        } catch (IllegalArgumentException e) {
            throw invalid(property, value, e.getMessage());
        }
    }

    /**
     * Gives {@code value} to {@code setter} (a builder method), whose own {@link IllegalArgumentException} becomes a
     * property failure with the builder's wording; nothing happens when {@code value} is null (unset).
     */
    public static <T> void set(String property, T value, Consumer<T> setter) {
        if (value == null) {
            return;
        }
        try {
            setter.accept(value);
        } catch (IllegalArgumentException e) {
            throw invalid(property, value, e.getMessage());
        }
    }

    /** The enum constant named {@code value} (any case, {@code -} or {@code _}), or a failure listing the choices. */
    public static <E extends Enum<E>> E oneOf(String property, String value, Class<E> type) {
        String wanted = value == null ? "" : value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        throw invalid(property, value, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
    }

    /** A threshold in [0, 1], checked by {@link Thresholds#check} (whose wording the failure carries). */
    public static double threshold(String property, Double value) {
        if (value == null) {
            throw invalid(property, null, "must be set");
        }
        set(property, value, v -> Thresholds.check(v, "threshold"));
        return value;
    }

    /** Each name in {@code names} must be among {@code known}. */
    public static void known(String property, Collection<String> names, Collection<String> known, String what) {
        if (names == null || names.isEmpty()) {
            throw invalid(property, names, "must name at least one " + what + "; known: " + List.copyOf(known).stream().sorted().toList());
        }
        for (String n : names) {
            if (!known.contains(n)) {
                throw invalid(property, n, "is not a known " + what + "; known: " + List.copyOf(known).stream().sorted().toList());
            }
        }
    }

    /** The failure for {@code property}. */
    public static InvalidConfigurationPropertyValueException invalid(String property, Object value, String reason) {
        return new InvalidConfigurationPropertyValueException(property, value, reason);
    }
}
