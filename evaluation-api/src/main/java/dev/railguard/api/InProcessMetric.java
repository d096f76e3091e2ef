package dev.railguard.api;

/**
 * A metric decided by code in the caller's JVM, with no judge call (regular expressions, JSON schema, PII
 * detectors, embedding similarity). Runs the same in every run mode.
 */
public interface InProcessMetric extends GuardrailMetric {

    /**
     * Evaluates one request. Data problems are reported as an ERROR result, never thrown.
     *
     * @param request   the request, already validated
     * @param threshold the threshold to decide PASS or FAIL with
     * @return the result; never {@code null}
     */
    MetricResult evaluate(EvaluationRequest request, double threshold);
}
