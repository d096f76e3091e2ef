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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Small metrics for engine tests, which cannot see the guardrail-metrics module. */
final class TestMetrics {

    static final UnitKind CLAIM = new UnitKind("claim", "Split the output into claims.", UnitKind.Source.OUTPUT);

    private TestMetrics() {}

    static JudgedMetric judged(String name, Set<InputRequirement> requires) {
        return judged(name, requires, Aggregation.WEIGHTED_SHARE);
    }

    /** A judged metric over claims; with {@code fallback}, an in-process one that scores the output's length. */
    static JudgedMetric claims(String name, boolean fallback) {
        return judged(name, Set.of(), Aggregation.WEIGHTED_SHARE, fallback);
    }

    static JudgedMetric judged(String name, Set<InputRequirement> requires, Aggregation aggregation) {
        return judged(name, requires, aggregation, false);
    }

    static JudgedMetric judged(String name, Set<InputRequirement> requires, Aggregation aggregation,
            boolean fallback) {
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
                return 0.5;
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
                return List.of(new Evidence("user_prompt", String.valueOf(request.modelInput().userPrompt())));
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
                return Optional.of(new InProcessMetric() {
                    @Override
                    public MetricResult evaluate(EvaluationRequest request, double threshold) {
                        double score = request.modelOutput().length() < 100 ? 1.0 : 0.0;
                        return MetricResult.scored(name + "_length", score, threshold, "short enough", List.of(),
                                Usage.NONE, List.of());
                    }

                    @Override
                    public String name() {
                        return name + "_length";
                    }

                    @Override
                    public String description() {
                        return "Output length.";
                    }

                    @Override
                    public Set<InputRequirement> requires() {
                        return Set.of();
                    }

                    @Override
                    public double defaultThreshold() {
                        return 0.5;
                    }
                });
            }
        };
    }

    static InProcessMetric throwing(String name) {
        return new InProcessMetric() {
            @Override
            public MetricResult evaluate(EvaluationRequest request, double threshold) {
                throw new IllegalStateException("detector crashed");
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "Always throws.";
            }

            @Override
            public Set<InputRequirement> requires() {
                return Set.of();
            }

            @Override
            public double defaultThreshold() {
                return 0.5;
            }
        };
    }
}
