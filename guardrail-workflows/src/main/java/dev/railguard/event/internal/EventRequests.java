package dev.railguard.event.internal;

import dev.railguard.api.Capability;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.Evaluator;
import dev.railguard.api.ModelInput;
import dev.railguard.event.EventInput;
import dev.railguard.format.DeepRailsEvent;
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

    /**
     * Returns {@code input} when it names the model that produced its output; a workflow event requires it (seed 000:
     * "the request must also include the model_used"), so the self-judging check can never be skipped for want of it.
     *
     * @throws IllegalArgumentException naming the field, the value and how to set it
     */
    public static EventInput requireModelUsed(EventInput input) {
        if (input.modelUsed() == null || input.modelUsed().isBlank()) {
            throw new IllegalArgumentException("modelUsed is required for a workflow event (the model that produced"
                    + " the output, DeepRails' model_used), so that a model never judges its own output unchecked;"
                    + " set it with EventInput.withModelUsed(name), but was: "
                    + (input.modelUsed() == null ? "null" : "'" + input.modelUsed() + "'"));
        }
        return input;
    }

    /**
     * {@code input} with its judges' file search restricted to {@code fileIds} (the engine reads them from
     * {@code modelInput.extras["file_search"]}, as a batch line's {@code file_search} ids); {@code input} itself when
     * {@code fileIds} is empty.
     */
    public static EventInput withFileIds(EventInput input, List<String> fileIds) {
        if (fileIds.isEmpty()) {
            return input;
        }
        ModelInput restricted = input.modelInput().toBuilder()
                .extra(DeepRailsEvent.FILE_IDS_EXTRA, String.join(",", fileIds)).build();
        return new EventInput(restricted, input.modelOutput(), input.modelUsed(), input.runMode(), input.nametag());
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
