package dev.railguard.engine;

import dev.railguard.api.MetricResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code fast}: one call per metric to a standard-tier judge, which partitions the material into units and returns a
 * Y/N verdict, a confidence and a reason for each.
 */
final class FastStrategy implements RunModeStrategy {

    @Override
    public Set<JudgeTier> requiredTiers() {
        return Set.of(JudgeTier.STANDARD);
    }

    @Override
    public Map<String, CompletableFuture<MetricResult>> evaluate(EvaluationContext context, List<MetricTask> tasks) {
        Map<String, CompletableFuture<MetricResult>> results = new LinkedHashMap<>();
        Judge judge = context.judges(JudgeTier.STANDARD, 1).get(0);
        for (MetricTask task : tasks) {
            JudgeCall call = JudgePrompts.units(task.metric(), context.request(), judge);
            results.put(task.name(), context.client().call(call).thenApply(outcome -> outcome.ok()
                    ? Scoring.score(task.metric(), task.threshold(),
                            UnitReplies.judgedUnits(outcome.reply(), task.metric().unitKind().name(), judge.name(), 1),
                            outcome.usage(), outcome.diagnostics())
                    : MetricResult.error(task.name(), task.threshold(), outcome.failure(), outcome.usage(),
                            outcome.diagnostics())));
        }
        return results;
    }
}
