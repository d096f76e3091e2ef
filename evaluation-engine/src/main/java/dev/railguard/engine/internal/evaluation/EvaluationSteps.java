package dev.railguard.engine.internal.evaluation;

import dev.railguard.api.Diagnostic;
import dev.railguard.api.JudgedMetric;
import dev.railguard.api.MetricResult;
import dev.railguard.api.JudgedMetric.StepsToWrite;
import dev.railguard.api.Usage;
import dev.railguard.engine.Judge;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.JudgeTier;
import dev.railguard.engine.internal.call.JudgeCall;
import dev.railguard.engine.internal.call.JudgeOutcome;
import dev.railguard.engine.internal.judge.JudgeClient;
import dev.railguard.engine.internal.runmode.JudgePrompts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * G-Eval's evaluation steps, written once: a metric whose {@link JudgedMetric#stepsToWrite()} is present gets its
 * steps from the panel's strongest judge (strong, else standard, else fast, else code tier) before it is first judged.
 * The call goes through the judge cache, so with a cache directory a second JVM reads the steps from disk; the steps
 * are also kept per evaluator, so with the cache off they are still written once and every evaluation judges with the
 * same steps. The steps call belongs to no evaluation: canceling the one that started it does not cancel it.
 */
public final class EvaluationSteps {

    private static final List<JudgeTier> STRONGEST_FIRST =
            List.of(JudgeTier.STRONG, JudgeTier.STANDARD, JudgeTier.FAST, JudgeTier.CODE);

    private final JudgePanel panel;
    private final JudgeClient client;
    private final ConcurrentMap<String, CompletableFuture<JudgeOutcome>> written = new ConcurrentHashMap<>();

    /** Steps written through {@code client} (not bound to an evaluation) by a judge of {@code panel}. */
    public EvaluationSteps(JudgePanel panel, JudgeClient client) {
        this.panel = panel;
        this.client = client;
    }

    /**
     * A metric ready to be judged, what writing its steps cost this evaluation, and the diagnostics that show the
     * steps; or, when the steps could not be written, the metric's ERROR result.
     *
     * @param metric the metric to judge with (its rubric holds the steps), or {@code null} on failure
     * @param usage  the steps call's usage when this evaluation made it (or read it from the cache), else none
     * @param notes  the steps, which judge wrote them and where they came from
     * @param error  the metric's result when the steps could not be written, else {@code null}
     */
    public record Prepared(JudgedMetric metric, Usage usage, List<Diagnostic> notes, MetricResult error) {}

    /** {@code metric} with its steps, written now, earlier in this evaluator, or read from the cache. */
    public CompletableFuture<Prepared> prepare(JudgedMetric metric, double threshold) {
        Optional<StepsToWrite> brief = metric.stepsToWrite();
        if (brief.isEmpty()) {
            return CompletableFuture.completedFuture(new Prepared(metric, Usage.NONE, List.of(), null));
        }
        Judge judge = strongest();
        JudgeCall call = JudgePrompts.evaluationSteps(brief.get(), judge);
        String key = judge.name() + "\n" + brief.get().brief();
        boolean[] first = new boolean[1];
        CompletableFuture<JudgeOutcome> outcome = written.computeIfAbsent(key, k -> {
            first[0] = true;
            CompletableFuture<JudgeOutcome> f = client.call(call);
            f.whenComplete((o, e) -> {
                if (e != null || !o.ok()) {
                    written.remove(k); // a failure is never kept: the next evaluation asks again
                }
            });
            return f;
        });
        boolean madeHere = first[0];
        return outcome.handle((o, e) -> {
            Usage usage = madeHere && o != null ? o.usage() : Usage.NONE;
            if (e != null || !o.ok()) {
                List<Diagnostic> notes = new ArrayList<>(o == null ? List.of() : o.diagnostics());
                String why = e != null ? String.valueOf(e.getMessage()) : o.failure();
                return new Prepared(null, usage, notes, MetricResult.error(metric.name(), threshold,
                        "the evaluation steps could not be written by judge '" + judge.name() + "': " + why, usage,
                        notes));
            }
            List<String> steps = new ArrayList<>();
            o.reply().path("steps").forEach(s -> steps.add(s.asText().strip()));
            String source = !madeHere ? "earlier in this evaluator"
                    : o.usage().judgeCalls() == 0 && o.usage().cacheHits() > 0 ? "read from the judge cache" : "now";
            List<Diagnostic> notes = new ArrayList<>(madeHere ? o.diagnostics() : List.of());
            notes.add(Diagnostic.info(describe(steps, judge.name(), source)));
            return new Prepared(brief.get().withSteps(steps), usage, notes, null);
        });
    }

    /** The diagnostic that shows the steps: numbered, with their author and how to pin them. */
    static String describe(List<String> steps, String judge, String source) {
        StringBuilder sb = new StringBuilder("evaluation steps written by judge '").append(judge).append("' (")
                .append(source).append("; pin them with evaluationSteps(...) so runs do not depend on them):");
        for (int i = 0; i < steps.size(); i++) {
            sb.append(' ').append(i + 1).append(". ").append(steps.get(i));
        }
        return sb.toString();
    }

    private Judge strongest() {
        for (JudgeTier tier : STRONGEST_FIRST) {
            List<Judge> judges = panel.judges(tier);
            if (!judges.isEmpty()) {
                return judges.get(0);
            }
        }
        throw new IllegalStateException("the judge panel has no judge to write evaluation steps");
    }
}
