package dev.railguard.engine.internal.runmode;

import dev.railguard.engine.Judge;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RunModePlan;
import dev.railguard.engine.internal.call.JudgeCall;
import dev.railguard.engine.internal.call.JudgeOutcome;

import dev.railguard.api.Diagnostic;
import dev.railguard.api.InProcessMetric;
import dev.railguard.api.JudgedMetric;
import dev.railguard.api.MetricResult;
import dev.railguard.api.RunMode;
import dev.railguard.api.Usage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code ultra_fast}: metrics with an in-process fallback ({@link JudgedMetric#inProcessFallback()}) run it with no
 * judge call; every other judged metric is scored in ONE shared call to the plan's judge (fast tier by default),
 * holistically, without units. The shared call's usage is reported under the first metric it scored.
 */
public final class UltraFastStrategy implements RunModeStrategy {

    @Override
    public void checkPanel(RunMode mode, RunModePlan plan, JudgePanel panel, List<JudgedMetric> metrics) {
        if (metrics.stream().anyMatch(m -> m.inProcessFallback().isEmpty())) {
            RunModeStrategy.super.checkPanel(mode, plan, panel, metrics);
        }
    }

    @Override
    public Map<String, CompletableFuture<MetricResult>> evaluate(EvaluationContext context, List<MetricTask> tasks) {
        Map<String, CompletableFuture<MetricResult>> results = new LinkedHashMap<>();
        List<MetricTask> judged = new ArrayList<>();
        for (MetricTask task : tasks) {
            Optional<InProcessMetric> fallback = task.metric().inProcessFallback();
            if (fallback.isPresent()) {
                results.put(task.name(), CompletableFuture.supplyAsync(() -> inProcess(context, task, fallback.get())));
            } else {
                judged.add(task);
                results.put(task.name(), null);
            }
        }
        if (judged.isEmpty()) {
            return results;
        }
        Judge judge = context.verifiers().get(0);
        JudgeCall call = JudgePrompts.verdicts(judged.stream().map(MetricTask::metric).toList(), context.request(),
                judge);
        CompletableFuture<JudgeOutcome> shared = context.client().call(call);
        for (int i = 0; i < judged.size(); i++) {
            MetricTask task = judged.get(i);
            Optional<String> sharedWith = RunModeStrategy.sharedWith(judged, i);
            results.put(task.name(), shared.thenApply(outcome -> {
                Usage usage = sharedWith.isEmpty() ? outcome.usage() : Usage.NONE;
                List<Diagnostic> notes = new ArrayList<>(outcome.diagnostics());
                sharedWith.ifPresent(first -> notes.add(Diagnostic.info("scored in the one ultra_fast call shared by "
                        + judged.stream().map(MetricTask::name).toList() + "; its usage is reported under '" + first
                        + "'")));
                if (!outcome.ok()) {
                    return MetricResult.error(task.name(), task.threshold(), outcome.failure(), usage, notes);
                }
                UnitReplies.Holistic h = UnitReplies.verdicts(outcome.reply()).get(task.name());
                if (h == null) {
                    return MetricResult.error(task.name(), task.threshold(), "judge '" + judge.name()
                            + "' gave no score for this metric in the shared ultra_fast call", usage, notes);
                }
                return Scoring.holistic(task.metric(), task.threshold(), h.score(), h.reason(), usage, notes);
            }));
        }
        return results;
    }

    private static MetricResult inProcess(EvaluationContext context, MetricTask task, InProcessMetric fallback) {
        MetricResult r = fallback.evaluate(context.request(), task.threshold());
        List<Diagnostic> notes = new ArrayList<>(r.diagnostics());
        notes.add(Diagnostic.info("ultra_fast: decided in process by '" + fallback.name() + "', no judge was asked"));
        return new MetricResult(task.name(), r.score(), task.threshold(), r.verdict(), r.rationale(), r.units(),
                r.usage(), notes);
    }
}
