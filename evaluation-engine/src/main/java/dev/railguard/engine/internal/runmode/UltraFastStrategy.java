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
import dev.railguard.api.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code ultra_fast}: every judged metric is scored in ONE shared call to the plan's judge (fast tier by default),
 * holistically, without units; the shared call's usage is reported under the first metric it scored. A metric with an
 * in-process fallback ({@link JudgedMetric#inProcessFallback()}, the PII detectors of {@code comprehensive_safety})
 * runs it too: the fallback may FAIL the metric on what it finds, never PASS it. With a judge, the judge decides the
 * rest (every category of the metric's rubric); without one, a fallback that finds nothing makes the metric SKIPPED,
 * naming what was not checked, because a check that ran only in part is never a pass.
 */
final class UltraFastStrategy implements RunModeStrategy {

    @Override
    public void checkPanel(RunMode mode, RunModePlan plan, JudgePanel panel, List<JudgedMetric> metrics) {
        if (metrics.stream().anyMatch(m -> m.inProcessFallback().isEmpty())) {
            RunModeStrategy.super.checkPanel(mode, plan, panel, metrics);
        }
    }

    @Override
    public Map<String, CompletableFuture<MetricResult>> evaluate(EvaluationContext context, List<MetricTask> tasks) {
        Map<String, CompletableFuture<MetricResult>> results = new LinkedHashMap<>();
        Optional<Judge> judge = judge(context);
        List<MetricTask> judged = new ArrayList<>();
        Map<String, CompletableFuture<MetricResult>> offline = new LinkedHashMap<>();
        for (MetricTask task : tasks) {
            Optional<InProcessMetric> fallback = task.metric().inProcessFallback();
            fallback.ifPresent(f -> offline.put(task.name(), CompletableFuture.supplyAsync(
                    () -> inProcess(context, task, f))));
            if (judge.isPresent()) {
                judged.add(task);
            }
            results.put(task.name(), fallback.isPresent() && judge.isEmpty()
                    ? offline.get(task.name()).thenApply(r -> withoutJudge(task, r)) : null);
        }
        if (judged.isEmpty()) {
            return results;
        }
        JudgeCall call = JudgePrompts.verdicts(judged.stream().map(MetricTask::metric).toList(), context.request(),
                judge.get());
        CompletableFuture<JudgeOutcome> shared = context.client().call(call);
        for (int i = 0; i < judged.size(); i++) {
            MetricTask task = judged.get(i);
            Optional<String> sharedWith = RunModeStrategy.sharedWith(judged, i);
            CompletableFuture<MetricResult> byJudge = shared.thenApply(outcome -> {
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
                    return MetricResult.error(task.name(), task.threshold(), "judge '" + judge.get().name()
                            + "' gave no score for this metric in the shared ultra_fast call", usage, notes);
                }
                return Scoring.holistic(task.metric(), task.threshold(), h.score(), h.reason(), usage, notes);
            });
            CompletableFuture<MetricResult> own = offline.get(task.name());
            results.put(task.name(), own == null ? byJudge : byJudge.thenCombine(own, UltraFastStrategy::combine));
        }
        return results;
    }

    /** The plan's judge, or empty when the panel has none for it (the fallbacks then run alone). */
    private static Optional<Judge> judge(EvaluationContext context) {
        try {
            List<Judge> verifiers = context.verifiers();
            return verifiers.isEmpty() ? Optional.empty() : Optional.of(verifiers.get(0));
        } catch (IllegalStateException noJudge) {
            return Optional.empty();
        }
    }

    /** The judge's verdict, unless the in-process part found a failure: then that FAIL stands. */
    private static MetricResult combine(MetricResult judged, MetricResult offline) {
        if (offline.verdict() != Verdict.FAIL) {
            List<Diagnostic> notes = new ArrayList<>(judged.diagnostics());
            notes.add(Diagnostic.info("ultra_fast: the in-process part of this metric found nothing; the judge"
                    + " decided the verdict"));
            return new MetricResult(judged.metric(), judged.score(), judged.threshold(), judged.verdict(),
                    judged.rationale(), judged.units(), judged.usage(), notes);
        }
        List<Diagnostic> notes = new ArrayList<>();
        notes.add(Diagnostic.info("ultra_fast: the judge's verdict was " + judged.verdict()
                + (judged.score().isPresent() ? " with score " + judged.score().getAsDouble() : "") + ": "
                + judged.rationale()));
        notes.addAll(judged.diagnostics());
        return new MetricResult(offline.metric(), offline.score(), offline.threshold(), offline.verdict(),
                offline.rationale(), offline.units(), judged.usage(), notes);
    }

    /** Without a judge: a FAIL or ERROR of the in-process part stands; what it did not find is not a pass. */
    private static MetricResult withoutJudge(MetricTask task, MetricResult offline) {
        if (offline.verdict() != Verdict.PASS) {
            return offline;
        }
        String unchecked = offline.diagnostics().stream()
                .filter(d -> d.severity() == Diagnostic.Severity.WARNING).map(Diagnostic::message)
                .reduce((a, b) -> a + "; " + b).orElse("every part that needs a judge");
        return MetricResult.skipped(task.name(), task.threshold(), "ultra_fast without a judge checked '"
                + task.name() + "' only in part and found nothing there, which is not a pass; " + unchecked
                + ". Configure a judge to check the rest.");
    }

    private static MetricResult inProcess(EvaluationContext context, MetricTask task, InProcessMetric fallback) {
        MetricResult r = fallback.evaluate(context.request(), task.threshold());
        List<Diagnostic> notes = new ArrayList<>(r.diagnostics());
        notes.add(Diagnostic.info("ultra_fast: decided in process by '" + fallback.name() + "', no judge was asked"));
        return new MetricResult(task.name(), r.score(), task.threshold(), r.verdict(), r.rationale(), r.units(),
                r.usage(), notes);
    }
}
