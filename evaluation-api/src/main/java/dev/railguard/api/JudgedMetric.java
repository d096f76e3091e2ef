package dev.railguard.api;

import java.util.List;
import java.util.Optional;

/**
 * A metric an LLM judge decides, described declaratively: what a unit is, what Y means, what the judge sees and how
 * unit verdicts aggregate. The engine builds the judge prompts from these parts for every run mode, so a metric
 * never contains a run-mode branch.
 */
public interface JudgedMetric extends GuardrailMetric {

    /** What the units are and how to find them. */
    UnitKind unitKind();

    /**
     * The rubric: what the judge checks each unit against, what Y and N mean, how to pick a confidence. Addressed
     * to the judge.
     */
    String rubric();

    /**
     * The rubric used by code-aware run modes. By default the plain rubric; metrics with something specific to say
     * about code (API calls, commands, configuration) override it.
     */
    default String codeRubric() {
        return rubric();
    }

    /**
     * The rubric of the {@link RunMode#ULTRA_FAST} call, which scores every metric holistically without listing
     * units: what the units are and how the score is computed from them, in a line or two. By default the plain
     * rubric; a metric whose rubric speaks of units one at a time should say here what the denominator is.
     */
    default String holisticRubric() {
        return rubric();
    }

    /** The texts the judge needs besides the output, in the order it should read them. */
    List<Evidence> evidence(EvaluationRequest request);

    /** How unit verdicts become the score. */
    Aggregation aggregation();

    /**
     * How much {@code unit} weighs in an {@link Aggregation#WEIGHTED_SHARE} score, before its confidence weight;
     * {@code units} are all the units of the result. 1 by default. Correctness weighs a false claim twice a true one
     * (a gross error weighs more than a right claim earns); completeness gives its coverage units two thirds of the
     * weight (coverage is the most important dimension). Must be positive.
     */
    default double unitWeight(UnitVerdict unit, List<UnitVerdict> units) {
        return 1.0;
    }

    /** The version of this metric's prompt parts; part of the judge cache key, so a change invalidates old entries. */
    String promptVersion();

    /**
     * A result decided before any judge is asked, for documented special rules (context adherence without usable
     * context scores 1.0). Empty by default.
     */
    default Optional<MetricResult> decideWithoutJudge(EvaluationRequest request, double threshold) {
        return Optional.empty();
    }

    /**
     * Evaluation steps a judge must write for this metric before it is first judged, as G-Eval does; empty by default
     * (the metric's rubric is complete). The evaluator asks its strongest judge once per evaluator (and, with a cache
     * directory, once per cache), judges with {@link StepsToWrite#withSteps} and returns the steps in the result's
     * diagnostics, so that they can be read and pinned.
     */
    default Optional<StepsToWrite> stepsToWrite() {
        return Optional.empty();
    }

    /**
     * What a metric asks a judge to write once before its first evaluation: concrete evaluation steps for its
     * criteria (G-Eval's "auto chain of thought"). The engine asks, caches the answer with its judge calls, and judges
     * with the metric {@link #withSteps} returns.
     */
    interface StepsToWrite {

        /**
         * What the steps are for, addressed to the judge: the criteria, the scale, which inputs the judge will read.
         * Part of the cache key, so a changed brief gets new steps.
         */
        String brief();

        /**
         * The metric to judge with, its rubric completed by {@code steps}; it asks for no further steps.
         *
         * @param steps the steps the judge wrote, in order; at least one
         */
        JudgedMetric withSteps(List<String> steps);
    }

    /**
     * The in-process part of this metric used by {@link RunMode#ULTRA_FAST}, if it has one (for example PII detection
     * for comprehensive safety). Empty by default: the metric is judged in every mode. It is a part: a FAIL it finds
     * stands, but it never passes the metric. With a judge, the judge decides the rest; without one, a fallback that
     * finds nothing leaves the metric SKIPPED, naming (in its WARNING diagnostics) what it did not check.
     */
    default Optional<InProcessMetric> inProcessFallback() {
        return Optional.empty();
    }
}
