package dev.railguard.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How sure a judge is of one unit verdict, with the weight it carries in a score (DeepRails' confidence weights:
 * low 0, medium 0.5 to 0.67, high 1, certain 1; Railguard uses 0.6 for medium).
 */
public enum Confidence {
    /** The unit cannot be reliably evaluated; it carries no weight. */
    LOW(0.0),
    /** Moderate evidence. */
    MEDIUM(0.6),
    /** Strong evidence. */
    HIGH(1.0),
    /** Beyond doubt. */
    CERTAIN(1.0);

    private final double weight;

    Confidence(double weight) {
        this.weight = weight;
    }

    /** The weight of a unit judged with this confidence in the confidence-weighted share. */
    public double weight() {
        return weight;
    }

    /**
     * Looks a confidence up by name, ignoring case.
     *
     * @throws IllegalArgumentException naming the valid values otherwise
     */
    public static Confidence fromName(String name) {
        Checks.notNull(name, "confidence");
        for (Confidence c : values()) {
            if (c.name().equalsIgnoreCase(name.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("confidence must be one of "
                + Arrays.stream(values()).map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.toList())
                + ", but was: '" + name + "'");
    }
}
