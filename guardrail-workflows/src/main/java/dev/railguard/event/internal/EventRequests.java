package dev.railguard.event.internal;

import dev.railguard.api.Capability;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.Evaluator;
import dev.railguard.event.EventInput;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The checks and the request that workflows and monitors share: names, metrics, capabilities, one event's request. */
public final class EventRequests {

    private EventRequests() {}

    /** {@code name}, or an exception naming the field when it is null or blank. */
    public static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank, but was: "
                    + (name == null ? "null" : "'" + name + "'"));
        }
        return name;
    }

    /**
     * Returns {@code id} when it is {@code prefix} followed by 1 to 60 letters, digits or underscores.
     *
     * @throws IllegalArgumentException naming the id and what is allowed
     */
    public static String requireId(String id, String prefix) {
        if (id == null || !id.startsWith(prefix) || !id.substring(prefix.length()).matches("[A-Za-z0-9_]{1,60}")) {
            throw new IllegalArgumentException("id must be '" + prefix + "' followed by 1 to 60 letters, digits or"
                    + " underscores, but was: " + (id == null ? "null" : "'" + id + "'"));
        }
        return id;
    }

    /** Throws naming the known metrics when {@code evaluator} does not know {@code metric}. */
    public static void requireKnownMetric(Evaluator evaluator, String metric) {
        if (!evaluator.metricNames().contains(metric)) {
            throw new IllegalArgumentException("metrics contains unknown metric '" + metric + "'; known metrics are "
                    + evaluator.metricNames());
        }
    }

    /** The capabilities of a builder, as a set; a null element is named. */
    public static Set<Capability> capabilitySet(Capability... capabilities) {
        Set<Capability> set = EnumSet.noneOf(Capability.class);
        for (Capability c : Objects.requireNonNull(capabilities, "capabilities must not be null")) {
            set.add(Objects.requireNonNull(c, "capabilities[] must not be null"));
        }
        return set;
    }

    /**
     * The request that evaluates {@code output} for {@code input} (its prompt, run mode and nametag) on {@code metrics},
     * with the thresholds given (a metric without one uses its default).
     */
    public static EvaluationRequest request(EventInput input, String output, String modelUsed, List<String> metrics,
            Set<Capability> capabilities, Map<String, Double> thresholds) {
        EvaluationRequest.Builder b = EvaluationRequest.builder()
                .modelInput(input.modelInput())
                .modelOutput(output)
                .modelUsed(modelUsed)
                .runMode(input.runMode())
                .nametag(input.nametag())
                .metrics(metrics)
                .capabilities(capabilities.toArray(Capability[]::new));
        for (String m : metrics) {
            Double t = thresholds.get(m);
            if (t != null) {
                b.threshold(m, t);
            }
        }
        return b.build();
    }
}
