package dev.railguard.telemetry.internal;

import dev.railguard.api.Checks;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a tag's values to a fixed number: the first {@code max} distinct values are used as they are, any later one
 * becomes {@value #OTHER}, so a meter's series stay bounded whatever the data sends.
 */
public final class BoundedTags {

    /** The value that stands for every value past the limit. */
    public static final String OTHER = "_other";

    private final int max;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /** At most {@code max} distinct values. */
    public BoundedTags(int max) {
        Checks.atLeast(max, 0, "max");
        this.max = max;
    }

    /** {@code value}, or {@value #OTHER} when {@code max} other values came first; {@code none} for {@code null}. */
    public String of(String value) {
        if (value == null) {
            return "none";
        }
        if (seen.contains(value)) {
            return value;
        }
        synchronized (this) {
            if (seen.size() < max) {
                seen.add(value);
                return value;
            }
        }
        return seen.contains(value) ? value : OTHER;
    }
}
