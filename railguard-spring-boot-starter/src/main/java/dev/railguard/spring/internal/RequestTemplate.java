package dev.railguard.spring.internal;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import java.util.List;
import java.util.Map;

/**
 * What every evaluation of one Spring AI evaluator asks: the metrics, their thresholds and the run mode. Building a
 * sample request at once checks the thresholds as {@link EvaluationRequest} does, so a bad one fails when the
 * evaluator is built rather than at its first evaluation.
 */
public record RequestTemplate(List<String> metrics, Map<String, Double> thresholds, RunMode runMode) {

    /** Copies, and checks by building a sample request. */
    public RequestTemplate {
        metrics = List.copyOf(metrics);
        thresholds = Map.copyOf(thresholds);
        build(metrics, thresholds, runMode, ModelInput.ofUserPrompt("?"), "!");
    }

    /** The request for one output. */
    public EvaluationRequest request(ModelInput input, String output) {
        return build(metrics, thresholds, runMode, input, output);
    }

    private static EvaluationRequest build(List<String> metrics, Map<String, Double> thresholds, RunMode runMode,
            ModelInput input, String output) {
        EvaluationRequest.Builder b = EvaluationRequest.builder()
                .modelInput(input).modelOutput(output).metrics(metrics).runMode(runMode);
        thresholds.forEach(b::threshold);
        return b.build();
    }
}
