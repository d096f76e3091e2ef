package dev.railguard.store;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.InProcessMetric;
import dev.railguard.api.InputRequirement;
import dev.railguard.api.MetricResult;
import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;
import java.util.List;
import java.util.Set;

/** Evaluators for the monitor and workflow tests: one in-process metric, no judge. */
final class StoreMonitors {

    private StoreMonitors() {}

    /** {@code length}: output length / 10, capped at 1, threshold 0.5 (so "abc" fails and "abcdefghij" passes). */
    static RailguardEvaluator evaluator() {
        return evaluator(0);
    }

    /** The same, each evaluation taking {@code millis} more (a slow judge). */
    static RailguardEvaluator evaluator(long millis) {
        return RailguardEvaluator.builder().metrics(MetricRegistry.of(length(millis))).build();
    }

    static InProcessMetric length(long millis) {
        return new InProcessMetric() {
            @Override
            public MetricResult evaluate(EvaluationRequest request, double t) {
                if (millis > 0) {
                    try {
                        Thread.sleep(millis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return MetricResult.scored("length", Math.min(1.0, request.modelOutput().length() / 10.0), t,
                        "length / 10", List.of(), null, List.of());
            }

            @Override
            public String name() {
                return "length";
            }

            @Override
            public String description() {
                return "Output length over ten characters, capped at 1.";
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
