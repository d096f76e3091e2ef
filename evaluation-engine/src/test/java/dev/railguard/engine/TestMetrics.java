package dev.railguard.engine;

import dev.railguard.api.Aggregation;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.Evidence;
import dev.railguard.api.InProcessMetric;
import dev.railguard.api.InputRequirement;
import dev.railguard.api.JudgedMetric;
import dev.railguard.api.MetricResult;
import dev.railguard.api.UnitKind;
import dev.railguard.testkit.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Metrics for engine tests (the built-in six live in guardrail-metrics, which depends on the engine). */
final class TestMetrics {

    private static final Pattern OUTPUT = Pattern.compile(
            "<<<BEGIN model_output (\\w+)>>>\\n(.*)\\n<<<END model_output \\1>>>", Pattern.DOTALL);

    private TestMetrics() {}

    /** A judged metric named {@code name} whose units are claims of the output. */
    static JudgedMetric judged(String name, double defaultThreshold) {
        return new JudgedMetric() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "Test metric " + name + ".";
            }

            @Override
            public Set<InputRequirement> requires() {
                return Set.of();
            }

            @Override
            public double defaultThreshold() {
                return defaultThreshold;
            }

            @Override
            public UnitKind unitKind() {
                return new UnitKind("claim", "Split the output into claims.", UnitKind.Source.OUTPUT);
            }

            @Override
            public String rubric() {
                return "Y when the claim holds.";
            }

            @Override
            public List<Evidence> evidence(EvaluationRequest request) {
                List<Evidence> out = new ArrayList<>();
                if (request.modelInput().userPrompt() != null) {
                    out.add(new Evidence("user_prompt", request.modelInput().userPrompt()));
                }
                return out;
            }

            @Override
            public Aggregation aggregation() {
                return Aggregation.WEIGHTED_SHARE;
            }

            @Override
            public String promptVersion() {
                return "v1";
            }
        };
    }

    /** An in-process metric whose score is computed from the request, with no judge. */
    static InProcessMetric inProcess(String name, double threshold, ToDoubleFunction<EvaluationRequest> score) {
        return new InProcessMetric() {
            @Override
            public MetricResult evaluate(EvaluationRequest request, double t) {
                return MetricResult.scored(name, score.applyAsDouble(request), t, "computed", List.of(), null, List.of());
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "In-process test metric " + name + ".";
            }

            @Override
            public Set<InputRequirement> requires() {
                return Set.of();
            }

            @Override
            public double defaultThreshold() {
                return threshold;
            }
        };
    }

    /** The metric a judge request is about, from its schema name; empty for a request without schema. */
    static String metricOf(RecordedRequest request) {
        return request.schemaName().replace("railguard_", "").replace("_units", "");
    }

    /** The fenced model output in a judge request. */
    static String outputOf(RecordedRequest request) {
        Matcher m = OUTPUT.matcher(request.userText());
        if (!m.find()) {
            throw new AssertionError("no model_output section in: " + request.userText());
        }
        return m.group(2);
    }
}
