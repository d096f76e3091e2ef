package dev.railguard.spring;

import dev.railguard.api.EvaluationResult;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.api.Verdict;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.spring.internal.RequestTemplate;
import dev.railguard.workflow.FailureSummaries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.ai.document.Document;
import org.springframework.ai.evaluation.EvaluationRequest;
import org.springframework.ai.evaluation.EvaluationResponse;
import org.springframework.ai.evaluation.Evaluator;

/**
 * Railguard metrics as Spring AI {@link Evaluator}s, so a Spring AI evaluation test switches to Railguard by changing
 * one bean:
 *
 * <pre>{@code
 * Evaluator adherence = RailguardSpringEvaluators.of(railguardEvaluator, "context_adherence");
 * EvaluationResponse response = adherence.evaluate(new EvaluationRequest(question, documents, answer));
 * assertThat(response.isPass()).withFailMessage(response.getFeedback()).isTrue();
 * }</pre>
 *
 * <p>Spring AI's request maps to Railguard's: the user text is the user prompt, the documents' texts are the
 * documents the answer must be grounded in, the response content is the output. The response passes only when every
 * metric passed; its score is the lowest metric score (0 when a metric could not be judged); its feedback names each
 * metric that did not pass with its score, threshold, rationale and failing units. The metadata holds, per metric,
 * {@code score}, {@code threshold} and {@code verdict}, and the {@code event_id}. A judge error is a failed response
 * whose feedback says why, never a pass. Blocks the calling thread for the evaluation, as Spring AI's evaluators do.
 */
public final class RailguardSpringEvaluators {

    private RailguardSpringEvaluators() {}

    /**
     * An evaluator judging {@code metric} (and {@code more}) in run mode {@code fast}, at each metric's default
     * threshold.
     *
     * @throws IllegalArgumentException naming a metric that the evaluator does not know, and the ones it knows
     */
    public static Evaluator of(RailguardEvaluator evaluator, String metric, String... more) {
        return builder(evaluator).metrics(metric, more).build();
    }

    /** A builder for an evaluator with a run mode and thresholds of its own. */
    public static Builder builder(RailguardEvaluator evaluator) {
        return new Builder(Objects.requireNonNull(evaluator, "evaluator must not be null"));
    }

    /** Builds a Spring AI evaluator over Railguard metrics. */
    public static final class Builder {
        private final RailguardEvaluator evaluator;
        private final List<String> metrics = new ArrayList<>();
        private final Map<String, Double> thresholds = new LinkedHashMap<>();
        private RunMode runMode = RunMode.FAST;

        private Builder(RailguardEvaluator evaluator) {
            this.evaluator = evaluator;
        }

        /** The metrics to judge, by name ({@code correctness}, {@code context_adherence}, ...). */
        public Builder metrics(String metric, String... more) {
            metrics.add(Objects.requireNonNull(metric, "metric must not be null"));
            for (String m : more) {
                metrics.add(Objects.requireNonNull(m, "metrics must not contain null"));
            }
            return this;
        }

        /** The run mode of every evaluation; default {@code fast}. */
        public Builder runMode(RunMode runMode) {
            this.runMode = Objects.requireNonNull(runMode, "runMode must not be null");
            return this;
        }

        /** A threshold in [0, 1] for {@code metric} instead of its default. */
        public Builder threshold(String metric, double threshold) {
            thresholds.put(Objects.requireNonNull(metric, "metric must not be null"), threshold);
            return this;
        }

        /**
         * The evaluator.
         *
         * @throws IllegalArgumentException naming an unknown metric and the known ones, or a threshold outside [0, 1]
         *                                  or for a metric not among {@link #metrics}
         */
        public Evaluator build() {
            if (metrics.isEmpty()) {
                throw new IllegalArgumentException("metrics must name at least one metric, but was: []");
            }
            for (String m : metrics) {
                if (!evaluator.metricNames().contains(m)) {
                    throw new IllegalArgumentException("metrics names '" + m + "', which the evaluator does not know;"
                            + " known metrics: " + evaluator.metricNames().stream().sorted().toList());
                }
            }
            RequestTemplate template = new RequestTemplate(metrics, thresholds, runMode);
            return request -> evaluate(evaluator, template, request);
        }
    }

    private static EvaluationResponse evaluate(RailguardEvaluator evaluator, RequestTemplate template,
            EvaluationRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        ModelInput.Builder input = ModelInput.builder();
        if (request.getUserText() != null && !request.getUserText().isBlank()) {
            input.userPrompt(request.getUserText());
        }
        List<String> documents = new ArrayList<>();
        for (Document d : request.getDataList() == null ? List.<Document>of() : request.getDataList()) {
            if (d != null && d.getText() != null && !d.getText().isBlank()) {
                documents.add(d.getText());
            }
        }
        input.documents(documents);
        String output = request.getResponseContent() == null ? "" : request.getResponseContent();
        return response(evaluator.evaluate(template.request(input.build(), output)));
    }

    static EvaluationResponse response(EvaluationResult result) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("event_id", result.eventId());
        double lowest = 1.0;
        for (MetricResult m : result.metrics().values()) {
            Map<String, Object> one = new LinkedHashMap<>();
            m.score().ifPresent(s -> one.put("score", s));
            one.put("threshold", m.threshold());
            one.put("verdict", m.verdict().wireName());
            metadata.put(m.metric(), one);
            lowest = Math.min(lowest, m.verdict() == Verdict.ERROR || m.score().isEmpty() ? 0.0 : m.score().getAsDouble());
        }
        if (result.metrics().isEmpty()) {
            lowest = 0.0;
        }
        boolean pass = result.passed();
        String feedback = pass ? "every metric passed: " + String.join(", ", result.metrics().keySet())
                : result.failure() != null && result.metrics().isEmpty()
                        ? "the evaluation " + result.status().name().toLowerCase(Locale.ROOT) + ": " + result.failure()
                        : FailureSummaries.feedback(result.metrics());
        return new EvaluationResponse(pass, (float) lowest, feedback, metadata);
    }
}
