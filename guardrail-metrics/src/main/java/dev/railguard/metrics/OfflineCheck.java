package dev.railguard.metrics;

import dev.railguard.api.Confidence;
import dev.railguard.api.Diagnostic;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.InProcessMetric;
import dev.railguard.api.InputRequirement;
import dev.railguard.api.MetricResult;
import dev.railguard.api.Thresholds;
import dev.railguard.api.UnitVerdict;
import dev.railguard.api.Usage;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The common shape of the offline checks: a name, a description, a threshold, and a result built from units that code
 * decided with certainty. A check never throws for data: a failure inside it becomes an ERROR result. Extend it for a
 * check of your own: implement {@link #check} and build the result with {@link #result} and {@link #unit}.
 */
public abstract class OfflineCheck implements InProcessMetric {

    private final String name;
    private final String description;
    private final double defaultThreshold;

    /**
     * A check.
     *
     * @throws IllegalArgumentException if {@code name} is not snake_case or {@code defaultThreshold} is not in 0..1
     */
    protected OfflineCheck(String name, String description, double defaultThreshold) {
        this.name = Objects.requireNonNull(name, "name must not be null");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("name must be snake_case ([a-z][a-z0-9_]*), but was: '" + name + "'");
        }
        this.description = Objects.requireNonNull(description, "description must not be null");
        this.defaultThreshold = Thresholds.check(defaultThreshold, "defaultThreshold");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public Set<InputRequirement> requires() {
        return Set.of();
    }

    @Override
    public final double defaultThreshold() {
        return defaultThreshold;
    }

    @Override
    public final MetricResult evaluate(EvaluationRequest request, double threshold) {
        Objects.requireNonNull(request, "request must not be null");
        try {
            return check(request, threshold);
        } catch (RuntimeException e) {
            return MetricResult.error(name, threshold, "check '" + name + "' failed: " + e, Usage.NONE, List.of());
        }
    }

    /** Runs the check; may throw, {@link #evaluate} turns that into ERROR. */
    protected abstract MetricResult check(EvaluationRequest request, double threshold);

    /** A unit decided by code: certain, judged by this check. */
    protected final UnitVerdict unit(String text, String label, boolean satisfied, String reason) {
        return new UnitVerdict(text, name, label, satisfied, Confidence.CERTAIN, name, reason, List.of());
    }

    /** A scored result with no usage. */
    protected final MetricResult result(double score, double threshold, String rationale, List<UnitVerdict> units,
            List<Diagnostic> diagnostics) {
        return MetricResult.scored(name, score, threshold, rationale, units, Usage.NONE, diagnostics);
    }

    /** {@code "characters 12 to 30"}: a half-open span, 0-based, in the output. */
    protected static String span(int start, int end) {
        return "characters " + start + " to " + end;
    }

    /** {@code d} with two decimals, as the rationales write scores. */
    protected static String format(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    @Override
    public String toString() {
        return name;
    }
}
