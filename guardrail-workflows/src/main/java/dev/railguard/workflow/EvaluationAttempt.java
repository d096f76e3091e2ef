package dev.railguard.workflow;

import dev.railguard.engine.Judge;

import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.MetricResult;
import dev.railguard.api.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One evaluation of a workflow event (an entry of DeepRails' {@code evaluation_history}): the initial evaluation or an
 * improvement attempt, the output it judged, the per-metric results (metrics that passed before are carried over
 * without asking the judge again: "assumed pass"), and what failed.
 *
 * @param attempt            the label: {@code "Initial Evaluation"}, then {@code "Improvement Attempt 1"}, ...
 * @param index              0 for the initial evaluation, then 1, 2, ...
 * @param modelOutput        the output this attempt judged
 * @param status             {@code completed} (an evaluation that cannot run ends the event {@code failed} instead,
 *                           with the cause in the event's error message, and adds no attempt)
 * @param metrics            the result of every workflow metric for this output, carried ones included
 * @param carriedOver        the metrics whose result was carried over from an earlier attempt (not re-judged)
 * @param analysisOfFailures what failed and why, one paragraph; empty when everything passed
 * @param keyImprovements    what the next attempt must change (one entry per failing unit or metric); empty when
 *                           everything passed
 * @param judgeUsage         what judging this attempt cost (only the re-judged metrics)
 * @param generatorUsage     what producing this attempt's output cost on the generator (zero for the initial one)
 * @param startedAt          when the attempt started (including generation)
 * @param completedAt        when its evaluation finished
 * @param errorMessage       why the attempt failed, or null
 */
public record EvaluationAttempt(
        String attempt,
        int index,
        String modelOutput,
        EvaluationStatus status,
        Map<String, MetricResult> metrics,
        Set<String> carriedOver,
        String analysisOfFailures,
        List<String> keyImprovements,
        Usage judgeUsage,
        Usage generatorUsage,
        Instant startedAt,
        Instant completedAt,
        String errorMessage) {

    /** The label of the first evaluation. */
    public static final String INITIAL = "Initial Evaluation";

    /** Copies. */
    public EvaluationAttempt {
        Objects.requireNonNull(attempt, "attempt must not be null");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        carriedOver = Set.copyOf(carriedOver);
        analysisOfFailures = analysisOfFailures == null ? "" : analysisOfFailures;
        keyImprovements = List.copyOf(keyImprovements);
        judgeUsage = judgeUsage == null ? Usage.NONE : judgeUsage;
        generatorUsage = generatorUsage == null ? Usage.NONE : generatorUsage;
    }

    /** The label of attempt {@code index}: {@code "Initial Evaluation"} for 0, else {@code "Improvement Attempt N"}. */
    public static String label(int index) {
        return index == 0 ? INITIAL : "Improvement Attempt " + index;
    }

    /** Whether every metric passed on this attempt. */
    public boolean passed() {
        return status == EvaluationStatus.COMPLETED && !metrics.isEmpty()
                && metrics.values().stream().allMatch(MetricResult::passed);
    }

    /** Judge and generator usage together. */
    public Usage usage() {
        return judgeUsage.plus(generatorUsage);
    }

    /** The cost of the attempt (judge and generator), as priced by the evaluator. */
    public double cost() {
        return usage().cost();
    }

    /** How long the attempt took, generation included. */
    public Duration elapsed() {
        return Duration.between(startedAt, completedAt);
    }
}
