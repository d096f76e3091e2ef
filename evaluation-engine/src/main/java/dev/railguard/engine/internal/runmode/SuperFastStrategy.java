package dev.railguard.engine.internal.runmode;

import dev.railguard.engine.Judge;
import dev.railguard.engine.internal.call.JudgeCall;

import dev.railguard.api.MetricResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code super_fast}: one brief call per metric to the plan's judge (fast tier by default) that finds and judges the
 * units in one pass, with short reasons. No search (the request refuses it at validation).
 */
final class SuperFastStrategy implements RunModeStrategy {

    @Override
    public Map<String, CompletableFuture<MetricResult>> evaluate(EvaluationContext context, List<MetricTask> tasks) {
        Map<String, CompletableFuture<MetricResult>> results = new LinkedHashMap<>();
        Judge judge = context.verifiers().get(0);
        for (MetricTask task : tasks) {
            JudgeCall call = JudgePrompts.holistic(task.metric(), context.request(), judge);
            results.put(task.name(), context.client().call(call).thenApply(outcome -> outcome.ok()
                    ? Scoring.score(task.metric(), task.threshold(), UnitReplies.judgedUnits(outcome.reply(),
                            task.metric().unitKind().name(), judge.name(), 1), outcome.usage(), outcome.diagnostics())
                    : MetricResult.error(task.name(), task.threshold(), outcome.failure(), outcome.usage(),
                            outcome.diagnostics())));
        }
        return results;
    }
}
