package dev.railguard.store;

import dev.railguard.engine.TestMetrics;
import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;

/** Evaluators for the monitor and workflow tests: one in-process metric, no judge. */
final class StoreMonitors {

    private StoreMonitors() {}

    /** {@code length}: output length / 10, capped at 1, threshold 0.5 (so "abc" fails and "abcdefghij" passes). */
    static RailguardEvaluator evaluator() {
        return evaluator(0);
    }

    /** The same, each evaluation taking {@code millis} more (a slow judge). */
    static RailguardEvaluator evaluator(long millis) {
        return RailguardEvaluator.builder().metrics(MetricRegistry.of(TestMetrics.length(millis))).build();
    }
}
