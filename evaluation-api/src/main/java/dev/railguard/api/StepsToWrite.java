package dev.railguard.api;

import java.util.List;

/**
 * What a {@link JudgedMetric} asks a judge to write once before its first evaluation: concrete evaluation steps for
 * its criteria (G-Eval's "auto chain of thought"). The engine asks, caches the answer with its judge calls, and judges
 * with the metric {@link #withSteps} returns.
 */
public interface StepsToWrite {

    /**
     * What the steps are for, addressed to the judge: the criteria, the scale, which inputs the judge will read. Part
     * of the cache key, so a changed brief gets new steps.
     */
    String brief();

    /**
     * The metric to judge with, its rubric completed by {@code steps}; it asks for no further steps.
     *
     * @param steps the steps the judge wrote, in order; at least one
     */
    JudgedMetric withSteps(List<String> steps);
}
