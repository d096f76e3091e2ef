package dev.railguard.workflow;

import dev.railguard.engine.EvaluationFailures;

import dev.railguard.event.EventInput;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.railguard.api.Diagnostic;
import dev.railguard.api.EvaluationHandle;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.MetricResult;
import dev.railguard.api.Usage;
import dev.railguard.api.Verdict;
import dev.railguard.metrics.PiiMetric;
import dev.railguard.metrics.PiiRedactor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The remediation loop of one workflow event: evaluate; while a metric fails and attempts remain, improve (REGEN or
 * FIXIT on the generator) and re-evaluate only the metrics that did not pass, carrying the others over (assumed
 * pass). Steps run on the workflow's executor as each evaluation completes; no thread waits for a judge. The first
 * terminal status wins (a cancel while a step runs makes that step's result ignored).
 */
final class WorkflowRun {

    private final Workflow owner;
    final String eventId;
    final EventInput input;
    final WorkflowSettings settings;
    final Instant createdAt;
    final CompletableFuture<WorkflowEvent> done = new CompletableFuture<>();
    /** Runs each re-evaluation's submission with what was current when the event was submitted (a tracing context). */
    volatile Executor context = Runnable::run;

    // guarded by this
    private EvaluationStatus status = EvaluationStatus.IN_PROGRESS;
    private boolean filtered;
    private ImprovementToolStatus toolStatus;
    private String improvedOutput;
    private Map<String, MetricResult> lastMetrics = Map.of();
    private final List<EvaluationAttempt> history = new ArrayList<>();
    private Instant completedAt;
    private String errorMessage;
    private EvaluationHandle current;

    WorkflowRun(Workflow owner, String eventId, EventInput input, WorkflowSettings settings, Instant createdAt) {
        this.createdAt = createdAt;
        this.owner = owner;
        this.eventId = eventId;
        this.input = input;
        this.settings = settings;
    }

    /** Starts the loop on the evaluation of the original output, already submitted. */
    void start(EvaluationHandle initial) {
        await(initial, 0, input.modelOutput(), Usage.NONE, createdAt);
    }

    private void await(EvaluationHandle handle, int index, String output, Usage generatorUsage, Instant started) {
        boolean alreadyOver;
        synchronized (this) {
            current = handle;
            alreadyOver = status.isTerminal();
        }
        if (alreadyOver) {
            handle.cancel(); // canceled while this evaluation was being submitted: cancel() saw the previous handle
            return;
        }
        handle.result().whenCompleteAsync((r, e) -> step(index, output, generatorUsage, started, r, e),
                owner.executor()).exceptionally(e -> {
                    fail("workflow step failed: " + EvaluationFailures.describe(e), null);
                    return null;
                });
    }

    private void step(int index, String output, Usage generatorUsage, Instant started, EvaluationResult r, Throwable e) {
        if (isTerminal()) {
            return;
        }
        if (e != null && EvaluationFailures.isCancellation(e)) {
            cancel("the evaluation of " + EvaluationAttempt.label(index) + " was canceled");
            return;
        }
        if (e != null) {
            fail("evaluation of " + EvaluationAttempt.label(index) + " failed: " + EvaluationFailures.describe(e), null);
            return;
        }
        if (r.status() == EvaluationStatus.CANCELED) {
            cancel("the evaluation of " + EvaluationAttempt.label(index) + " was canceled");
            return;
        }
        if (r.status() != EvaluationStatus.COMPLETED) {
            fail("evaluation of " + EvaluationAttempt.label(index) + " ended " + r.status().wireName() + ": "
                    + r.failure(), null);
            return;
        }
        boolean passed;
        Map<String, MetricResult> merged = new LinkedHashMap<>();
        synchronized (this) {
            Set<String> carried = new LinkedHashSet<>();
            for (String metric : settings.metrics()) {
                MetricResult fresh = r.metrics().get(metric);
                if (fresh != null) {
                    merged.put(metric, fresh);
                } else {
                    MetricResult before = lastMetrics.get(metric);
                    if (before != null) {
                        carried.add(metric);
                        merged.put(metric, before.diagnostics().stream().anyMatch(d -> d.message().startsWith(
                                "assumed pass")) ? before : before.withDiagnostics(List.of(Diagnostic.info(
                                "assumed pass: carried over from an earlier attempt, not judged again"))));
                    }
                }
            }
            passed = !merged.isEmpty() && merged.values().stream().allMatch(MetricResult::passed);
            history.add(new EvaluationAttempt(EvaluationAttempt.label(index), index, output,
                    EvaluationStatus.COMPLETED, merged, carried,
                    passed ? "" : FailureSummaries.analysis(merged),
                    passed ? List.of() : FailureSummaries.keyImprovements(merged),
                    r.usage(), generatorUsage, started, Instant.now(), null));
            lastMetrics = merged;
            filtered = !passed;
            if (index == 0 && !passed) {
                owner.countBelowThreshold();
            }
        }
        boolean anyFail = merged.values().stream().anyMatch(m -> m.verdict() == Verdict.FAIL);
        if (!passed && !anyFail) {
            // only errors: a repair cannot fix a judge that could not judge, so no generator call is spent on it
            fail(EvaluationAttempt.label(index) + " could not be evaluated: " + FailureSummaries.analysis(merged),
                    index == 0 ? null : ImprovementToolStatus.IMPROVEMENT_FAILED);
        } else if (passed) {
            complete(index == 0 ? ImprovementToolStatus.NO_IMPROVEMENT_REQUIRED : ImprovementToolStatus.IMPROVED,
                    index == 0 ? null : output);
        } else if (!settings.improvementAction().improves()) {
            complete(ImprovementToolStatus.IMPROVEMENT_REQUIRED, null);
        } else if (index >= settings.maxImprovementAttempts()) {
            complete(ImprovementToolStatus.IMPROVEMENT_FAILED, null);
        } else {
            improve(index + 1, output, merged);
        }
    }

    private void improve(int index, String failedOutput, Map<String, MetricResult> metrics) {
        Instant started = Instant.now();
        List<String> failing = metrics.values().stream().filter(m -> !m.passed()).map(MetricResult::metric).toList();
        Optional<String> redacted = redactionRepair(failedOutput, failing);
        if (redacted.isPresent()) {
            reevaluate(index, redacted.get(), failing, Usage.NONE, started);
            return;
        }
        ChatRequest request = settings.improvementAction() == ImprovementAction.REGEN
                ? RepairPrompts.regen(input.modelInput(), RepairPrompts.regenTemperature(owner.regenTemperature(), index))
                : RepairPrompts.fixit(input.modelInput(), settings.capabilities(), failedOutput, metrics);
        ChatModel generator = settings.generator();
        String text;
        Usage usage;
        long t0 = System.nanoTime();
        try {
            // FIXIT's generator may search the workflow's files while it repairs; REGEN only samples again
            ChatResponse response = settings.improvementAction() == ImprovementAction.FIXIT
                    ? RepairSearch.chat(generator, request, owner.documents(), settings.fileIds())
                    : generator.chat(request);
            usage = generatorUsage(response, Duration.ofNanos(System.nanoTime() - t0));
            text = response.aiMessage() == null || response.aiMessage().text() == null ? "" : response.aiMessage().text();
        } catch (RuntimeException e) {
            fail("generator failed on " + EvaluationAttempt.label(index) + " (" + settings.improvementAction().wireName()
                    + "): " + EvaluationFailures.describe(e), ImprovementToolStatus.IMPROVEMENT_FAILED);
            return;
        }
        if (isTerminal()) {
            return;
        }
        reevaluate(index, text, failing, usage, started);
    }

    /**
     * FIXIT's repair when only PII checks failed: the output with what they found masked by type tags
     * ({@code <EMAIL_ADDRESS>}), with no generator call; empty when another metric failed too, or for REGEN.
     */
    private Optional<String> redactionRepair(String failedOutput, List<String> failing) {
        if (settings.improvementAction() != ImprovementAction.FIXIT || failing.isEmpty()) {
            return Optional.empty();
        }
        String text = failedOutput;
        for (String metric : failing) {
            Optional<PiiMetric> pii = owner.piiMetric(metric);
            if (pii.isEmpty()) {
                return Optional.empty();
            }
            text = PiiRedactor.typeTags().using(pii.get()).redact(text);
        }
        return Optional.of(text);
    }

    private void reevaluate(int index, String text, List<String> failing, Usage usage, Instant started) {
        EvaluationHandle handle;
        try {
            EvaluationHandle[] submitted = new EvaluationHandle[1];
            context.execute(() -> submitted[0] = owner.evaluator().submit(owner.request(input, text, failing, settings,
                    owner.generatorModelName(settings))));
            handle = Objects.requireNonNull(submitted[0], "the evaluation was not submitted");
        } catch (RuntimeException e) {
            fail("evaluation of " + EvaluationAttempt.label(index) + " could not start: " + EvaluationFailures.describe(e),
                    ImprovementToolStatus.IMPROVEMENT_FAILED);
            return;
        }
        await(handle, index, text, usage, started);
    }

    private static Usage generatorUsage(ChatResponse response, Duration latency) {
        TokenUsage t = response.tokenUsage();
        long in = t == null || t.inputTokenCount() == null ? 0 : t.inputTokenCount();
        long out = t == null || t.outputTokenCount() == null ? 0 : t.outputTokenCount();
        return Usage.ofCall("generator", in, out, latency, 0.0);
    }

    synchronized boolean isTerminal() {
        return status.isTerminal();
    }

    /** Cancels the event: its current evaluation is canceled and no further step runs. */
    boolean cancel(String reason) {
        EvaluationHandle h;
        synchronized (this) {
            if (status.isTerminal()) {
                return false;
            }
            h = current;
        }
        boolean canceled = finish(EvaluationStatus.CANCELED, toolStatusOrNull(), null, reason);
        if (canceled && h != null) {
            h.cancel();
        }
        return canceled;
    }

    private void complete(ImprovementToolStatus tool, String improved) {
        finish(EvaluationStatus.COMPLETED, tool, improved, null);
    }

    private void fail(String message, ImprovementToolStatus tool) {
        finish(EvaluationStatus.FAILED, tool, null, message);
    }

    private synchronized ImprovementToolStatus toolStatusOrNull() {
        return toolStatus;
    }

    private boolean finish(EvaluationStatus terminal, ImprovementToolStatus tool, String improved, String error) {
        WorkflowEvent snapshot;
        synchronized (this) {
            if (status.isTerminal()) {
                return false;
            }
            status = terminal;
            toolStatus = tool;
            improvedOutput = improved;
            if (terminal == EvaluationStatus.COMPLETED && improved != null) {
                filtered = false;
            }
            errorMessage = error;
            completedAt = Instant.now();
            snapshot = snapshot();
        }
        owner.finished(this, snapshot);
        done.complete(snapshot);
        return true;
    }

    /** The event as it stands. */
    synchronized WorkflowEvent snapshot() {
        EvaluationResult result = null;
        if (!history.isEmpty()) {
            Usage judge = Usage.NONE;
            for (EvaluationAttempt a : history) {
                judge = judge.plus(a.judgeUsage());
            }
            result = new EvaluationResult(eventId, EvaluationStatus.COMPLETED, lastMetrics, judge, input.runMode(),
                    input.nametag(), createdAt, history.get(history.size() - 1).completedAt(), null);
        }
        int planned = 1 + (settings.improvementAction().improves() ? settings.maxImprovementAttempts() : 0);
        int progress = status.isTerminal() ? 100 : Math.min(99, history.size() * 100 / planned);
        return new WorkflowEvent(eventId, owner.id(), status, progress, filtered, toolStatus,
                settings.improvementAction(), input.modelInput(), input.modelOutput(), input.modelUsed(), input.runMode(),
                input.nametag(), improvedOutput, result, history, createdAt, completedAt, errorMessage);
    }
}
