package dev.railguard.engine.internal.runmode;

import dev.railguard.engine.Judge;
import dev.railguard.engine.RunModePlan;
import dev.railguard.engine.internal.call.JudgeCall;
import dev.railguard.engine.internal.call.JudgeOutcome;
import dev.railguard.engine.internal.code.CodeChecks;

import dev.railguard.api.Diagnostic;
import dev.railguard.api.Evidence;
import dev.railguard.api.JudgedMetric;
import dev.railguard.api.MetricResult;
import dev.railguard.api.UnitKind;
import dev.railguard.api.UnitVerdict;
import dev.railguard.api.UnitVote;
import dev.railguard.api.Usage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The precision family ({@code precision}, {@code precision_codex}, {@code precision_max},
 * {@code precision_max_codex}), driven by the mode's {@link RunModePlan}:
 * <ol>
 * <li>one partition call per distinct {@link UnitKind} among the requested metrics, shared by every metric of that
 * kind (its usage is reported under the first of them);</li>
 * <li>every unit of a metric verified by each of the plan's distinct verifiers, {@code passes} times, in parallel:
 * one call per verifier, pass and metric covers all the metric's units;</li>
 * <li>a confidence-weighted consensus per unit ({@link Scoring#consensus}), every vote kept;</li>
 * <li>with an arbiter in the plan, units whose votes disagree go to it in one call per metric, and its verdict is
 * final.</li>
 * </ol>
 * In code-aware modes the partition gets the code addendum, judges get the metrics' code rubrics, and the output's
 * code is checked in process ({@link CodeChecks}); the check results are evidence for the verifiers and diagnostics
 * of every metric.
 */
public final class PrecisionStrategy implements RunModeStrategy {

    /** The most units a partition may yield; the rest are left out with a warning. */
    public static final int MAX_UNITS = 60;

    @Override
    public Map<String, CompletableFuture<MetricResult>> evaluate(EvaluationContext context, List<MetricTask> tasks) {
        boolean codeAware = context.request().runMode().codeAware();
        List<Judge> verifiers = context.verifiers();
        Judge partitioner = context.partitioner();
        Optional<Judge> arbiter = context.arbiter(verifiers);
        CompletableFuture<CodeChecks.Report> checks = codeAware
                ? CompletableFuture.supplyAsync(() -> CodeChecks.run(context.request().modelOutput()))
                : CompletableFuture.completedFuture(CodeChecks.Report.EMPTY);

        Map<String, List<MetricTask>> byKind = new LinkedHashMap<>();
        Map<String, UnitKind> kinds = new LinkedHashMap<>();
        for (MetricTask t : tasks) {
            UnitKind kind = t.metric().unitKind();
            byKind.computeIfAbsent(kind.name(), k -> new ArrayList<>()).add(t);
            kinds.putIfAbsent(kind.name(), kind);
        }
        Map<String, CompletableFuture<MetricResult>> results = new LinkedHashMap<>();
        for (Map.Entry<String, List<MetricTask>> group : byKind.entrySet()) {
            List<MetricTask> sharing = group.getValue();
            JudgeCall call = JudgePrompts.partition(kinds.get(group.getKey()), context.request(), partitioner,
                    codeAware);
            CompletableFuture<JudgeOutcome> partition = context.client().call(call);
            for (int i = 0; i < sharing.size(); i++) {
                MetricTask task = sharing.get(i);
                boolean first = i == 0;
                results.put(task.name(), partition.thenCompose(p -> {
                    Usage usage = first ? p.usage() : Usage.NONE;
                    List<Diagnostic> notes = new ArrayList<>(first ? p.diagnostics() : List.of());
                    notes.add(Diagnostic.info("the " + group.getKey() + " units were found by one partition call of"
                            + " judge '" + partitioner.name() + "' shared by " + sharing.stream().map(MetricTask::name)
                            .toList() + (first ? "" : "; its usage is reported under '" + sharing.get(0).name() + "'")));
                    if (!p.ok()) {
                        return CompletableFuture.completedFuture(MetricResult.error(task.name(), task.threshold(),
                                "the partition call failed: " + p.failure(), usage, notes));
                    }
                    List<UnitReplies.Unit> units = UnitReplies.partition(p.reply());
                    int found = units.size();
                    if (found > MAX_UNITS) {
                        notes.add(Diagnostic.warning("the partition found " + found + " units; only the first "
                                + MAX_UNITS + " were judged"));
                        units = units.subList(0, MAX_UNITS);
                    }
                    if (units.isEmpty()) {
                        return CompletableFuture.completedFuture(Scoring.score(task.metric(), task.threshold(),
                                List.of(), usage, notes));
                    }
                    List<UnitReplies.Unit> judged = List.copyOf(units);
                    return checks.thenCompose(report -> verify(context, task, judged, verifiers, arbiter, report,
                            usage, notes)).thenApply(r -> found > MAX_UNITS && r.passed()
                                    // a unit beyond the judged ones could fail the output: no pass on part of it
                                    ? MetricResult.error(task.name(), task.threshold(), "the partition found " + found
                                            + " units and only the first " + MAX_UNITS + " were judged, all passing;"
                                            + " an output whose other units were not judged cannot pass",
                                            r.usage(), r.diagnostics())
                                    : r);
                }));
            }
        }
        return results;
    }

    private static CompletableFuture<MetricResult> verify(EvaluationContext context, MetricTask task,
            List<UnitReplies.Unit> units, List<Judge> verifiers, Optional<Judge> arbiter, CodeChecks.Report report,
            Usage sharedUsage, List<Diagnostic> sharedNotes) {
        JudgedMetric metric = task.metric();
        List<Evidence> extra = report.isEmpty() ? List.of() : List.of(new Evidence("code_checks", report.text()));
        int passes = context.plan().passes();
        List<JudgeCall> calls = new ArrayList<>();
        List<Integer> passOf = new ArrayList<>();
        for (Judge judge : verifiers) {
            for (int pass = 1; pass <= passes; pass++) {
                calls.add(JudgePrompts.verify(metric, context.request(), judge, units, pass, extra,
                        context.toolBox()));
                passOf.add(pass);
            }
        }
        List<CompletableFuture<JudgeOutcome>> futures = calls.stream().map(context.client()::call).toList();
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).thenCompose(done -> {
            Usage usage = sharedUsage;
            List<Diagnostic> notes = new ArrayList<>(sharedNotes);
            notes.addAll(report.diagnostics());
            List<List<UnitVote>> votes = new ArrayList<>();
            units.forEach(u -> votes.add(new ArrayList<>()));
            String firstFailure = null;
            for (int k = 0; k < calls.size(); k++) {
                JudgeOutcome o = futures.get(k).join();
                usage = usage.plus(o.usage());
                notes.addAll(o.diagnostics());
                notes.addAll(calls.get(k).tools().log());
                if (!o.ok()) {
                    firstFailure = firstFailure == null ? o.failure() : firstFailure;
                    notes.add(Diagnostic.warning("verifier '" + o.judge() + "' (pass " + passOf.get(k)
                            + ") failed and has no vote: " + o.failure()));
                    continue;
                }
                UnitReplies.votes(o.reply(), units.size(), o.judge(), passOf.get(k), notes)
                        .forEach((i, v) -> votes.get(i).add(v));
            }
            if (firstFailure != null && votes.stream().allMatch(List::isEmpty)) {
                return CompletableFuture.completedFuture(MetricResult.error(task.name(), task.threshold(),
                        "every verify call failed; first: " + firstFailure, usage, notes));
            }
            // every verify reply that was accepted has a verdict for every unit id (its reply check, with one repair
            // call, sees to that), so each unit has at least one vote: no score is taken over part of the units
            String kind = metric.unitKind().name();
            List<UnitVerdict> verdicts = new ArrayList<>();
            List<UnitReplies.Unit> kept = new ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                verdicts.add(Scoring.consensus(units.get(i).text(), kind, units.get(i).label(), votes.get(i)));
                kept.add(units.get(i));
            }
            List<Integer> disputed = new ArrayList<>();
            for (int i = 0; i < verdicts.size(); i++) {
                if (Scoring.needsArbiter(verdicts.get(i))) {
                    disputed.add(i);
                }
            }
            if (!disputed.isEmpty()) {
                notes.add(Diagnostic.info(disputed.size() + " of " + verdicts.size() + " units were disputed among "
                        + verifiers.stream().map(Judge::name).toList() + " over " + passes + " pass(es); "
                        + arbiter.map(a -> "judge '" + a.name() + "' gave their final verdicts")
                                .orElse("the confidence-weighted consensus decided them")));
            }
            if (arbiter.isEmpty() || disputed.isEmpty()) {
                return CompletableFuture.completedFuture(Scoring.score(metric, task.threshold(), verdicts, usage,
                        notes));
            }
            List<UnitReplies.Unit> toSettle = disputed.stream().map(kept::get).toList();
            JudgeCall call = JudgePrompts.verify(metric, context.request(), arbiter.get(), toSettle, 1, extra,
                    context.toolBox());
            Usage before = usage;
            return context.client().call(call).thenApply(o -> {
                notes.addAll(o.diagnostics());
                notes.addAll(call.tools().log());
                if (!o.ok()) {
                    notes.add(Diagnostic.warning("arbiter '" + o.judge() + "' failed, so the consensus stands for the"
                            + " disputed units: " + o.failure()));
                } else {
                    Map<Integer, UnitVote> settled = UnitReplies.votes(o.reply(), toSettle.size(), o.judge(), 1, notes);
                    settled.forEach((j, vote) -> verdicts.set(disputed.get(j),
                            Scoring.arbitrated(verdicts.get(disputed.get(j)), vote)));
                }
                return Scoring.score(metric, task.threshold(), verdicts, before.plus(o.usage()), notes);
            });
        });
    }
}
