package dev.railguard.metrics;

import dev.railguard.api.Aggregation;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.Evidence;
import java.util.List;
import java.util.Set;

/**
 * {@code completeness}: whether the output fully addresses every part of what was asked, with enough detail.
 * <ul>
 * <li>Unit: one of five dimensions: coverage, detail and depth, relevance, logical coherence, factual correctness.</li>
 * <li>Y: the dimension is satisfied.</li>
 * <li>Special rule: coverage enumerates each request of the prompts and is Y only if all are met. An empty output is
 * evaluated and fails on every dimension.</li>
 * <li>Needs: a system or user prompt (always present). Default threshold 0.7.</li>
 * </ul>
 */
public final class CompletenessMetric extends DeclaredJudgedMetric {

    /** The metric's name. */
    public static final String NAME = "completeness";

    /** Creates the metric (also used by {@link java.util.ServiceLoader}). */
    public CompletenessMetric() {
        super(NAME, "Whether the output addresses every request of the prompts with sufficient detail, relevance and"
                + " coherence.", UnitKinds.DIMENSION, Aggregation.WEIGHTED_SHARE, Set.of());
    }

    @Override
    public List<Evidence> evidence(EvaluationRequest request) {
        return Evidence.prompts(request.modelInput());
    }
}
