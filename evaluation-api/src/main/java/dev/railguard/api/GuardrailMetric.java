package dev.railguard.api;

import java.util.Set;

/**
 * A metric: something an output is measured on, with a stable snake_case name that users type.
 *
 * <p>Implement one of the two sub-interfaces: {@link JudgedMetric} when an LLM judge decides (declare what a unit
 * is and what Y means; the engine does the rest under every run mode), or {@link InProcessMetric} when code decides
 * (regular expressions, JSON schema, PII detectors). Register an implementation under
 * {@code META-INF/services/dev.railguard.api.GuardrailMetric} and any evaluator built with the default registry finds
 * it by name.
 *
 * <p>Implementations must be immutable and thread-safe.
 */
public interface GuardrailMetric {

    /** The stable snake_case name, for example {@code "correctness"}; the key of results. */
    String name();

    /** One sentence on what the metric measures. */
    String description();

    /** The inputs the metric needs beyond the output; a request lacking one is rejected with a message. */
    Set<InputRequirement> requires();

    /** The threshold used when the request does not set one, in [0, 1]. */
    double defaultThreshold();
}
