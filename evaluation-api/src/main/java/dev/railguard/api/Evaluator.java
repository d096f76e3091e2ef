package dev.railguard.api;

import java.util.Set;

/**
 * Evaluates outputs on guardrail metrics. Implementations are thread-safe: one evaluator serves a whole
 * application or test run.
 */
public interface Evaluator extends AutoCloseable {

    /**
     * Evaluates {@code request} and waits for the result.
     *
     * @throws IllegalArgumentException when the request names an unknown metric, lacks an input a metric requires,
     *                                  or asks for something the configured judges cannot serve; judge and data
     *                                  problems never throw, they make that metric ERROR
     */
    EvaluationResult evaluate(EvaluationRequest request);

    /**
     * Validates {@code request} at once (throwing as {@link #evaluate} does) and evaluates it in the background.
     *
     * @return a handle with the event id, available immediately
     */
    EvaluationHandle submit(EvaluationRequest request);

    /** The names of the metrics this evaluator knows. */
    Set<String> metricNames();

    /** Stops accepting requests and releases the threads the evaluator created; running evaluations are canceled. */
    @Override
    void close();
}
