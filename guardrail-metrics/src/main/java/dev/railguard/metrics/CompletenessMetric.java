package dev.railguard.metrics;

import dev.railguard.format.PromptSections;
import dev.railguard.api.Aggregation;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.Evidence;
import dev.railguard.api.UnitVerdict;
import java.util.List;
import java.util.Set;

/**
 * {@code completeness}: whether the output fully addresses every part of what was asked, with enough detail.
 * <ul>
 * <li>Unit: a coverage unit per request of the user prompt, and one unit for each of detail and depth, relevance,
 * logical coherence and factual correctness.</li>
 * <li>Y: the request is met, or the dimension is satisfied.</li>
 * <li>Special rule: coverage is the most important dimension: its units together carry two thirds of the weight, so
 * an answer that meets none of the requests fails however good the rest is (DeepRails' worked example, one dimension
 * of four missed with coverage met, scores 11/12 = 0.9167 here too). An empty output is evaluated and fails on every
 * unit.</li>
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

    /** The share of the weight the coverage units carry together. */
    static final double COVERAGE_SHARE = 2.0 / 3.0;

    /**
     * Coverage units share two thirds of the weight, the other dimensions one third, whatever the number of
     * requests; without coverage units (or without others) every unit weighs 1.
     */
    @Override
    public double unitWeight(UnitVerdict unit, List<UnitVerdict> units) {
        long coverage = units.stream().filter(u -> u.label().equals("coverage")).count();
        long others = units.size() - coverage;
        if (coverage == 0 || others == 0) {
            return 1.0;
        }
        return unit.label().equals("coverage") ? COVERAGE_SHARE / coverage : (1 - COVERAGE_SHARE) / others;
    }

    @Override
    public List<Evidence> evidence(EvaluationRequest request) {
        return PromptSections.prompts(request.modelInput());
    }
}
