package dev.railguard.engine;

import dev.railguard.api.Aggregation;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.Evidence;
import dev.railguard.api.InProcessMetric;
import dev.railguard.api.InputRequirement;
import dev.railguard.api.JudgedMetric;
import dev.railguard.api.MetricResult;
import dev.railguard.api.UnitKind;
import dev.railguard.api.Usage;
import dev.railguard.testkit.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small metrics for engine tests, which cannot see the guardrail-metrics module. */
public final class TestMetrics {

    private static final Pattern OUTPUT = Pattern.compile(
            "<<<BEGIN model_output (\\w+)>>>\\n(.*)\\n<<<END model_output \\1>>>", Pattern.DOTALL);

    public static final UnitKind CLAIM = new UnitKind("claim", "Split the output into claims.", UnitKind.Source.OUTPUT);

    private TestMetrics() {}

    public static JudgedMetric judged(String name, Set<InputRequirement> requires) {
        return judged(name, requires, Aggregation.WEIGHTED_SHARE);
    }

    /** A judged metric over claims; with {@code fallback}, an in-process one that scores the output's length. */
    public static JudgedMetric claims(String name, boolean fallback) {
        return judged(name, Set.of(), Aggregation.WEIGHTED_SHARE, fallback);
    }

    public static JudgedMetric judged(String name, Set<InputRequirement> requires, Aggregation aggregation) {
        return judged(name, requires, aggregation, false);
    }

    /** A judged metric named {@code name} whose units are claims of the output. */
    public static JudgedMetric judged(String name, double defaultThreshold) {
        return judged(name, Set.of(), Aggregation.WEIGHTED_SHARE, false, defaultThreshold);
    }

    public static JudgedMetric judged(String name, Set<InputRequirement> requires, Aggregation aggregation,
            boolean fallback) {
        return judged(name, requires, aggregation, fallback, 0.5);
    }

    public static JudgedMetric judged(String name, Set<InputRequirement> requires, Aggregation aggregation,
            boolean fallback, double defaultThreshold) {
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
                return requires;
            }

            @Override
            public double defaultThreshold() {
                return defaultThreshold;
            }

            @Override
            public UnitKind unitKind() {
                return CLAIM;
            }

            @Override
            public String rubric() {
                return "Y when the claim of " + name + " is true.";
            }

            @Override
            public String codeRubric() {
                return "Y when the code of " + name + " is correct; use the code_checks section.";
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
                return aggregation;
            }

            @Override
            public String promptVersion() {
                return "v1";
            }

            @Override
            public Optional<InProcessMetric> inProcessFallback() {
                if (!fallback) {
                    return Optional.empty();
                }
                return Optional.of(InProcessMetric.of(name + "_length", 0.5, Set.of(), (request, threshold) ->
                        MetricResult.scored(name + "_length", request.modelOutput().length() < 100 ? 1.0 : 0.0,
                                threshold, "short enough", List.of(), Usage.NONE, List.of())));
            }
        };
    }

    /** An in-process metric that always throws. */
    public static InProcessMetric throwing(String name) {
        return inProcess(name, 0.5, (request, threshold) -> {
            throw new IllegalStateException("detector crashed");
        });
    }

    /** An in-process metric whose score is computed from the request, with no judge. */
    public static InProcessMetric inProcess(String name, double threshold, ToDoubleFunction<EvaluationRequest> score) {
        return inProcess(name, threshold, (request, t) -> MetricResult.scored(name, score.applyAsDouble(request), t,
                "computed", List.of(), null, List.of()));
    }

    /**
     * {@code length}: the output's length over ten characters, capped at 1 (default threshold 0.5), each evaluation
     * taking {@code millis} more, as a slow judge would. The metric of the store, DeepRails and monitor tests.
     */
    public static InProcessMetric length(long millis) {
        return inProcess("length", 0.5, (request, t) -> {
            if (millis > 0) {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return MetricResult.scored("length", Math.min(1.0, request.modelOutput().length() / 10.0), t,
                    "length / 10", List.of(), null, List.of());
        });
    }

    /** An in-process metric whose result is whatever {@code body} makes of the request and the threshold. */
    public static InProcessMetric inProcess(String name, double defaultThreshold, InProcessMetric.Evaluation body) {
        return InProcessMetric.of(name, defaultThreshold, Set.of(), body);
    }

    /** The metric a judge request is about, from its schema name; empty for a request without schema. */
    public static String metricOf(RecordedRequest request) {
        return request.schemaName().replace("railguard_", "").replace("_units", "");
    }

    /** The fenced model output in a judge request. */
    public static String outputOf(RecordedRequest request) {
        Matcher m = OUTPUT.matcher(request.userText());
        if (!m.find()) {
            throw new AssertionError("no model_output section in: " + request.userText());
        }
        return m.group(2);
    }
}
