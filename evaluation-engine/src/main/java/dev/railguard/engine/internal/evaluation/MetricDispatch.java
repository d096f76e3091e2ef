package dev.railguard.engine.internal.evaluation;

import dev.railguard.api.Capability;
import dev.railguard.api.Diagnostic;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.GuardrailMetric;
import dev.railguard.api.InProcessMetric;
import dev.railguard.api.InputRequirement;
import dev.railguard.api.JudgedMetric;
import dev.railguard.api.MetricResult;
import dev.railguard.api.RunMode;
import dev.railguard.api.Usage;
import dev.railguard.engine.EvaluationFailures;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RunModePlan;
import dev.railguard.engine.SelfJudging;
import dev.railguard.engine.internal.call.Ticket;
import dev.railguard.engine.internal.judge.JudgeClient;
import dev.railguard.engine.internal.runmode.EvaluationContext;
import dev.railguard.engine.internal.runmode.RunModeStrategy;
import dev.railguard.engine.internal.search.JudgeTools;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * What one evaluator does with each request: checks it against the metrics, the panel and the run mode's strategy,
 * then starts every metric (in process, decided without a judge, skipped, or handed to the strategy) and guards each
 * future so it ends with a result, never an exception, that keeps the metric contract ({@link ResultContract}).
 */
public final class MetricDispatch {

    private final MetricRegistry metrics;
    private final JudgePanel panel;
    private final Map<RunMode, RunModeStrategy> strategies;
    private final Map<RunMode, RunModePlan> plans;
    private final JudgeTools tools;
    private final JudgeClient client;
    private final Executor executor;
    private final String judgedSkipReason;
    private final SelfJudging selfJudging;
    private final String howToAllowSelfJudging;
    private final EvaluationSteps steps;

    /**
     * The dispatch of one evaluator; {@code judgedSkipReason} is null unless judged metrics may be skipped;
     * {@code steps} writes G-Eval steps for the metrics that ask for them (shared by the evaluator's dispatches).
     */
    public MetricDispatch(MetricRegistry metrics, JudgePanel panel, Map<RunMode, RunModeStrategy> strategies,
            Map<RunMode, RunModePlan> plans, JudgeTools tools, JudgeClient client, Executor executor,
            String judgedSkipReason, SelfJudging selfJudging, String howToAllowSelfJudging, EvaluationSteps steps) {
        this.metrics = metrics;
        this.panel = panel;
        this.strategies = strategies;
        this.plans = plans;
        this.tools = tools;
        this.client = client;
        this.executor = executor;
        this.judgedSkipReason = judgedSkipReason;
        this.selfJudging = selfJudging;
        this.howToAllowSelfJudging = howToAllowSelfJudging;
        this.steps = steps;
    }

    /** The names of the metrics this dispatch knows. */
    public Set<String> metricNames() {
        return metrics.names();
    }

    /** The metric named {@code name}, if this dispatch knows it. */
    public Optional<GuardrailMetric> metric(String name) {
        return metrics.find(name);
    }

    /** The same evaluator's dispatch over another registry (more metrics), sharing everything else. */
    public MetricDispatch withMetrics(MetricRegistry other) {
        return new MetricDispatch(other, panel, strategies, plans, tools, client, executor, judgedSkipReason,
                selfJudging, howToAllowSelfJudging, steps);
    }

    /** The metrics of {@code request}, resolved; throws naming what is wrong with the request for this evaluator. */
    public List<GuardrailMetric> validate(EvaluationRequest request) {
        List<GuardrailMetric> resolved = new ArrayList<>();
        List<JudgedMetric> judged = new ArrayList<>();
        for (String name : request.metrics()) {
            GuardrailMetric metric = metrics.require(name);
            for (InputRequirement r : metric.requires().stream().sorted().toList()) { // in a stable order
                if (!r.isMetBy(request.modelInput())) {
                    throw new IllegalArgumentException("metric '" + name + "' requires " + r.field()
                            + ", but it was missing or blank");
                }
            }
            if (metric instanceof JudgedMetric j) {
                judged.add(j);
            }
            resolved.add(metric);
        }
        List<JudgedMetric> served = judged.stream().filter(m -> !skipsJudgedMetric(request, m)).toList();
        if (!served.isEmpty()) {
            RunModeStrategy strategy = strategies.get(request.runMode());
            if (strategy == null) {
                throw new IllegalArgumentException("runMode '" + request.runMode().wireName()
                        + "' is not available in this version; available: " + strategies.keySet());
            }
            strategy.checkPanel(request.runMode(), plans.get(request.runMode()), panel, served);
            SelfJudgingCheck.check(request, plans.get(request.runMode()), panel, selfJudging, howToAllowSelfJudging);
        }
        if (request.has(Capability.WEB_SEARCH) && tools.webSearch() == null) {
            throw new IllegalArgumentException("capabilities contains web_search, but this evaluator has no"
                    + " WebSearchEngine: configure one with RailguardEvaluator.builder().webSearch(engine)");
        }
        if (request.has(Capability.FILE_SEARCH) && tools.documents().size() == 0) {
            throw new IllegalArgumentException("capabilities contains file_search, but no document is registered:"
                    + " add documents with evaluator.documents().add(name, text) or give a DocumentStore to"
                    + " RailguardEvaluator.builder().documents(store)");
        }
        return resolved;
    }

    /** Starts every metric of {@code request}; each future ends with a result (ERROR rather than failing). */
    public Map<String, CompletableFuture<MetricResult>> start(EvaluationRequest request,
            List<GuardrailMetric> resolved, Ticket ticket) {
        Map<String, CompletableFuture<MetricResult>> futures = new LinkedHashMap<>();
        List<RunModeStrategy.MetricTask> judgedTasks = new ArrayList<>();
        for (GuardrailMetric metric : resolved) {
            double threshold = request.thresholdOr(metric.name(), metric.defaultThreshold());
            if (metric instanceof InProcessMetric inProcess) {
                futures.put(metric.name(), CompletableFuture.supplyAsync(
                        () -> inProcess.evaluate(request, threshold), executor));
            } else if (metric instanceof JudgedMetric judgedMetric) {
                var early = judgedMetric.decideWithoutJudge(request, threshold);
                if (early.isPresent()) {
                    futures.put(metric.name(), CompletableFuture.completedFuture(early.get()));
                } else if (skipsJudgedMetric(request, judgedMetric)) {
                    futures.put(metric.name(), CompletableFuture.completedFuture(
                            MetricResult.skipped(metric.name(), threshold, judgedSkipReason)));
                } else {
                    judgedTasks.add(new RunModeStrategy.MetricTask(judgedMetric, threshold));
                    futures.put(metric.name(), null);
                }
            } else {
                futures.put(metric.name(), CompletableFuture.completedFuture(MetricResult.error(metric.name(),
                        threshold, "metric '" + metric.name() + "' (" + metric.getClass().getName()
                                + ") implements neither JudgedMetric nor InProcessMetric", Usage.NONE, List.of())));
            }
        }
        if (!judgedTasks.isEmpty()) {
            EvaluationContext context = new EvaluationContext(request, panel, client.forTicket(ticket),
                    plans.get(request.runMode()), tools);
            Map<String, CompletableFuture<MetricResult>> judged =
                    judgedTasks.stream().anyMatch(t -> t.metric().stepsToWrite().isPresent())
                            ? judgeWithSteps(request, context, judgedTasks)
                            : judge(request, context, judgedTasks);
            List<String> warnings = SelfJudgingCheck.check(request, plans.get(request.runMode()), panel,
                    SelfJudging.ALLOW_WITH_WARNING, howToAllowSelfJudging);
            if (!warnings.isEmpty()) {
                judged.replaceAll((name, f) -> f == null ? null : f.thenApply(r -> withWarnings(r, warnings)));
            }
            futures.putAll(judged);
        }
        Map<String, CompletableFuture<MetricResult>> guarded = new LinkedHashMap<>();
        for (GuardrailMetric metric : resolved) {
            double threshold = request.thresholdOr(metric.name(), metric.defaultThreshold());
            CompletableFuture<MetricResult> f = futures.get(metric.name());
            if (f == null) {
                f = CompletableFuture.completedFuture(MetricResult.error(metric.name(), threshold,
                        "run mode '" + request.runMode().wireName() + "' returned no result for this metric",
                        Usage.NONE, List.of()));
            }
            guarded.put(metric.name(), f.handle((r, e) -> e == null && r != null
                    ? ResultContract.enforce(metric.name(), threshold, r)
                    : MetricResult.error(metric.name(), threshold, e == null
                            ? "metric '" + metric.name() + "' returned no result"
                            : "metric '" + metric.name() + "' failed: " + EvaluationFailures.describe(e), Usage.NONE,
                            List.of())));
        }
        return guarded;
    }

    /** The run mode's strategy on {@code tasks}; a strategy that throws fails each of their futures. */
    private Map<String, CompletableFuture<MetricResult>> judge(EvaluationRequest request, EvaluationContext context,
            List<RunModeStrategy.MetricTask> tasks) {
        try {
            return strategies.get(request.runMode()).evaluate(context, tasks);
        } catch (RuntimeException e) {
            Map<String, CompletableFuture<MetricResult>> failed = new LinkedHashMap<>();
            for (RunModeStrategy.MetricTask t : tasks) {
                failed.put(t.name(), CompletableFuture.failedFuture(e));
            }
            return failed;
        }
    }

    /**
     * As {@link #judge}, once every metric that asks for evaluation steps has them: all tasks go to the strategy
     * together (a mode that shares calls between metrics still shares them); a metric whose steps could not be
     * written is ERROR and the others are judged. Each result carries its steps and their usage.
     */
    private Map<String, CompletableFuture<MetricResult>> judgeWithSteps(EvaluationRequest request,
            EvaluationContext context, List<RunModeStrategy.MetricTask> tasks) {
        Map<String, CompletableFuture<EvaluationSteps.Prepared>> prepared = new LinkedHashMap<>();
        for (RunModeStrategy.MetricTask t : tasks) {
            prepared.put(t.name(), steps.prepare(t.metric(), t.threshold()));
        }
        CompletableFuture<Map<String, CompletableFuture<MetricResult>>> started = CompletableFuture
                .allOf(prepared.values().toArray(CompletableFuture[]::new)).thenApply(ready -> {
                    Map<String, CompletableFuture<MetricResult>> out = new LinkedHashMap<>();
                    List<RunModeStrategy.MetricTask> judgeable = new ArrayList<>();
                    for (RunModeStrategy.MetricTask t : tasks) {
                        EvaluationSteps.Prepared p = prepared.get(t.name()).join();
                        if (p.error() != null) {
                            out.put(t.name(), CompletableFuture.completedFuture(p.error()));
                        } else {
                            judgeable.add(new RunModeStrategy.MetricTask(p.metric(), t.threshold()));
                        }
                    }
                    if (!judgeable.isEmpty()) {
                        out.putAll(judge(request, context, judgeable));
                    }
                    return out;
                });
        Map<String, CompletableFuture<MetricResult>> judged = new LinkedHashMap<>();
        for (RunModeStrategy.MetricTask t : tasks) {
            CompletableFuture<EvaluationSteps.Prepared> p = prepared.get(t.name());
            judged.put(t.name(), started.thenCompose(m -> m.getOrDefault(t.name(),
                    CompletableFuture.completedFuture(null))).thenApply(r -> {
                        EvaluationSteps.Prepared done = p.join();
                        return r == null || done.error() == r ? r : withSteps(r, done);
                    }));
        }
        return judged;
    }

    private static MetricResult withSteps(MetricResult r, EvaluationSteps.Prepared p) {
        List<Diagnostic> diagnostics = new ArrayList<>(p.notes());
        diagnostics.addAll(r.diagnostics());
        return new MetricResult(r.metric(), r.score(), r.threshold(), r.verdict(), r.rationale(), r.units(),
                r.usage().plus(p.usage()), diagnostics);
    }

    private static MetricResult withWarnings(MetricResult r, List<String> warnings) {
        List<Diagnostic> diagnostics = new ArrayList<>(r.diagnostics());
        warnings.forEach(w -> diagnostics.add(Diagnostic.warning(w)));
        return new MetricResult(r.metric(), r.score(), r.threshold(), r.verdict(), r.rationale(), r.units(), r.usage(),
                diagnostics);
    }

    /**
     * Whether judged metric {@code metric} of {@code request} is SKIPPED instead of rejected: the option
     * {@code skipJudgedMetricsWhenNoJudge} is set and the panel cannot serve this metric in the request's run
     * mode (for example no judge at all; in {@code ultra_fast} a metric with an in-process fallback needs none).
     */
    private boolean skipsJudgedMetric(EvaluationRequest request, JudgedMetric metric) {
        if (judgedSkipReason == null) {
            return false;
        }
        RunModeStrategy strategy = strategies.get(request.runMode());
        if (strategy == null) {
            return panel.isEmpty();
        }
        try {
            strategy.checkPanel(request.runMode(), plans.get(request.runMode()), panel, List.of(metric));
            return false;
        } catch (IllegalArgumentException cannotServe) {
            return true;
        }
    }
}
