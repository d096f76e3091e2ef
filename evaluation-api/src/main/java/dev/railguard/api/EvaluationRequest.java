package dev.railguard.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One output to evaluate, with its input and the metrics to evaluate it on.
 *
 * <pre>{@code
 * EvaluationRequest request = EvaluationRequest.builder()
 *     .modelInput(ModelInput.ofUserPrompt("What is the capital of France?"))
 *     .modelOutput("Paris is the capital of France.")
 *     .modelUsed("gpt-4o-mini")
 *     .metrics("correctness", "completeness")
 *     .threshold("correctness", 0.9)
 *     .build();
 * }</pre>
 *
 * <p>What can be checked without knowing the installed metrics is checked here, at once: a {@code null} output, no
 * metric, a threshold outside [0, 1], search with a mode that refuses it, context awareness without context. The
 * evaluator checks the rest (unknown metric names, inputs a metric requires) when the request is evaluated.
 *
 * @param modelInput   what the model was given; never {@code null}
 * @param modelOutput  what the model produced; never {@code null}, may be empty (an empty output is evaluated)
 * @param modelUsed    the model that produced the output (for example {@code "gpt-4o"}), or {@code null}; it never
 *                     judges its own output when the panel has another judge
 * @param runMode      how thoroughly to judge; {@link RunMode#FAST} by default
 * @param metrics      the metric names, in the order results should be reported; at least one, no repeats
 * @param thresholds   per-metric thresholds in [0, 1] overriding the metrics' defaults
 * @param capabilities extended abilities for the judges
 * @param nametag      a user-defined tag to slice results by, or {@code null}
 */
public record EvaluationRequest(
        ModelInput modelInput,
        String modelOutput,
        String modelUsed,
        RunMode runMode,
        List<String> metrics,
        Map<String, Double> thresholds,
        Set<Capability> capabilities,
        String nametag) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException     if {@code modelInput} or {@code modelOutput} is null
     * @throws IllegalArgumentException naming the field, the value and what is allowed, for any other bad value
     */
    public EvaluationRequest {
        Checks.notNull(modelInput, "modelInput");
        Checks.notNull(modelOutput, "modelOutput");
        runMode = runMode == null ? RunMode.FAST : runMode;
        metrics = Checks.copy(Checks.notNull(metrics, "metrics"), "metrics");
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("metrics must name at least one metric, but was: []");
        }
        Set<String> seen = new HashSet<>();
        for (String m : metrics) {
            Checks.nonBlank(m, "metrics[]");
            if (!seen.add(m)) {
                throw new IllegalArgumentException("metrics must not name a metric twice, but '" + m
                        + "' appears more than once in " + metrics);
            }
        }
        thresholds = Checks.copy(thresholds == null ? Map.of() : thresholds, "thresholds");
        for (Map.Entry<String, Double> t : thresholds.entrySet()) {
            Thresholds.check(t.getValue(), "thresholds['" + t.getKey() + "']");
            if (!seen.contains(t.getKey())) {
                throw new IllegalArgumentException("thresholds names '" + t.getKey()
                        + "', which is not among the requested metrics " + metrics);
            }
        }
        capabilities = capabilities == null || capabilities.isEmpty()
                ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
        if (!runMode.supportsSearch()) {
            List<String> searches = capabilities.stream().filter(Capability::isSearch).sorted()
                    .map(Capability::wireName).collect(Collectors.toList());
            if (!searches.isEmpty()) {
                throw new IllegalArgumentException("capabilities " + searches + " are not supported with runMode '"
                        + runMode.wireName() + "': ultra_fast and super_fast do not support Web Search or File Search"
                        + " (as in DeepRails); use fast or a precision mode, or drop the capability");
            }
        }
        if (capabilities.contains(Capability.CONTEXT_AWARENESS) && modelInput.context().isEmpty()) {
            throw new IllegalArgumentException("capabilities contains context_awareness, but modelInput.context is"
                    + " empty: give the conversation or agent state as context messages, or drop the capability");
        }
    }

    /** A builder with the defaults: run mode {@code fast}, no thresholds, no capabilities. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this request's values. */
    public Builder toBuilder() {
        Builder b = new Builder().modelInput(modelInput).modelOutput(modelOutput).modelUsed(modelUsed)
                .runMode(runMode).nametag(nametag).metrics(metrics);
        b.thresholds.putAll(thresholds);
        b.capabilities.addAll(capabilities);
        return b;
    }

    /** The threshold set for {@code metric} by this request, or {@code fallback}. */
    public double thresholdOr(String metric, double fallback) {
        return thresholds.getOrDefault(metric, fallback);
    }

    /** Whether the request enables {@code capability}. */
    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }

    /** Builds an {@link EvaluationRequest}; not thread-safe, reusable. */
    public static final class Builder {
        private ModelInput modelInput;
        private String modelOutput;
        private String modelUsed;
        private RunMode runMode = RunMode.FAST;
        private final List<String> metrics = new ArrayList<>();
        private final Map<String, Double> thresholds = new LinkedHashMap<>();
        private final Set<Capability> capabilities = new HashSet<>();
        private String nametag;

        private Builder() {}

        /** Sets what the model was given. */
        public Builder modelInput(ModelInput modelInput) {
            this.modelInput = modelInput;
            return this;
        }

        /** Sets what the model produced. */
        public Builder modelOutput(String modelOutput) {
            this.modelOutput = modelOutput;
            return this;
        }

        /** Sets the model that produced the output. */
        public Builder modelUsed(String modelUsed) {
            this.modelUsed = modelUsed;
            return this;
        }

        /** Sets the run mode. */
        public Builder runMode(RunMode runMode) {
            this.runMode = Checks.notNull(runMode, "runMode");
            return this;
        }

        /**
         * Sets the run mode by its wire name.
         *
         * @throws IllegalArgumentException listing the valid names when {@code wireName} is not one
         */
        public Builder runMode(String wireName) {
            this.runMode = RunMode.fromWireName(wireName);
            return this;
        }

        /** Replaces the metric names. */
        public Builder metrics(String... names) {
            return metrics(Arrays.asList(names));
        }

        /** Replaces the metric names. */
        public Builder metrics(List<String> names) {
            metrics.clear();
            metrics.addAll(Checks.copy(names, "metrics"));
            return this;
        }

        /** Sets the threshold of one metric. */
        public Builder threshold(String metric, double threshold) {
            thresholds.put(Checks.nonBlank(metric, "thresholds key"), threshold);
            return this;
        }

        /** Adds capabilities. */
        public Builder capabilities(Capability... caps) {
            for (Capability c : caps) {
                capabilities.add(Checks.notNull(c, "capabilities[]"));
            }
            return this;
        }

        /** Sets the nametag. */
        public Builder nametag(String nametag) {
            this.nametag = nametag;
            return this;
        }

        /**
         * Builds the request.
         *
         * @throws NullPointerException     if the model input or output was not set
         * @throws IllegalArgumentException as described on {@link EvaluationRequest}
         */
        public EvaluationRequest build() {
            return new EvaluationRequest(modelInput, modelOutput, modelUsed, runMode, metrics, thresholds,
                    capabilities, nametag);
        }
    }
}
