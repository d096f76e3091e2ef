package dev.railguard.engine;

import dev.railguard.api.JudgedMetric;
import dev.railguard.api.MetricResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * How a run mode judges a request's judged metrics. A strategy sees all of them at once so it can share calls
 * (one partition per unit kind, one call for every metric); it never looks inside a metric beyond the
 * {@link JudgedMetric} declaration. Results never complete exceptionally for judge problems.
 */
interface RunModeStrategy {

    /** The tiers this strategy needs, for the check that the panel can serve the mode. */
    Set<JudgeTier> requiredTiers();

    /** Starts judging and returns one future per metric name. */
    Map<String, CompletableFuture<MetricResult>> evaluate(EvaluationContext context, List<MetricTask> tasks);

    /** One judged metric of a request with its threshold. */
    record MetricTask(JudgedMetric metric, double threshold) {
        String name() {
            return metric.name();
        }
    }
}
