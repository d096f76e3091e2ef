package dev.railguard.engine.internal.runmode;

import dev.railguard.engine.Judge;
import dev.railguard.engine.internal.call.JudgeCall;

import dev.railguard.api.Diagnostic;
import dev.railguard.api.MetricResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code fast}: one call per metric to the plan's judge (standard tier by default), which partitions the material
 * into units and returns a Y/N verdict, a confidence and a reason for each. Judges may search when the request
 * enables it.
 */
final class FastStrategy implements RunModeStrategy {

    @Override
    public Map<String, CompletableFuture<MetricResult>> evaluate(EvaluationContext context, List<MetricTask> tasks) {
        Map<String, CompletableFuture<MetricResult>> results = new LinkedHashMap<>();
        Judge judge = context.verifiers().get(0);
        for (MetricTask task : tasks) {
            JudgeCall call = JudgePrompts.units(task.metric(), context.request(), judge, context.toolBox());
            results.put(task.name(), context.client().call(call).thenApply(outcome -> {
                List<Diagnostic> notes = new ArrayList<>(outcome.diagnostics());
                notes.addAll(call.tools().log());
                return outcome.ok()
                        ? Scoring.score(task.metric(), task.threshold(), UnitReplies.judgedUnits(outcome.reply(),
                                task.metric().unitKind().name(), judge.name(), 1), outcome.usage(), notes)
                        : MetricResult.error(task.name(), task.threshold(), outcome.failure(), outcome.usage(), notes);
            }));
        }
        return results;
    }
}
