package dev.railguard.api;

import java.util.Objects;
import java.util.Optional;
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

    /**
     * Checks {@code request} as {@link #submit} would, without evaluating it, so an intake that queues a request and
     * submits it later (a monitor, a workflow) refuses a bad one when it is handed in. Default: only that it is not
     * {@code null}; an evaluator that can check more in advance overrides this.
     *
     * @throws IllegalArgumentException naming what is wrong with the request for this evaluator
     */
    default void validate(EvaluationRequest request) {
        Objects.requireNonNull(request, "request must not be null");
    }

    /** The names of the metrics this evaluator knows. */
    Set<String> metricNames();

    /**
     * The metric named {@code name}, when this evaluator knows it and can tell (its default threshold, say). Default:
     * empty.
     */
    default Optional<GuardrailMetric> metric(String name) {
        return Optional.empty();
    }

    /**
     * The name of this evaluator's judge whose model is {@code model} (compared by identity, for example a LangChain4j
     * {@code ChatModel}), so that a workflow does not repair outputs with a judge. Default: empty, for an evaluator
     * that does not know its judges.
     */
    default Optional<String> judgeUsing(Object model) {
        return Optional.empty();
    }

    /** Stops accepting requests and releases the threads the evaluator created; running evaluations are canceled. */
    @Override
    void close();
}
