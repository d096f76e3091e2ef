package dev.railguard.metrics;

import dev.railguard.api.Aggregation;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.Evidence;
import java.util.List;
import java.util.Set;

/**
 * {@code correctness}: the share of the output that is factually true, whatever any document says.
 * <ul>
 * <li>Unit: an atomic factual claim of the output (opinions, greetings and hedges are not claims).</li>
 * <li>Y: the claim is true in the world (web search results count when the request enables web search).</li>
 * <li>Special rule: gross errors weigh more than slips; the rubric tells the judge to give gross errors high or
 * certain confidence and to accept essentially right approximations.</li>
 * <li>Needs: only the output (the prompts are shown for context). Default threshold 0.8.</li>
 * </ul>
 */
public final class CorrectnessMetric extends DeclaredJudgedMetric {

    /** The metric's name. */
    public static final String NAME = "correctness";

    /** Creates the metric (also used by {@link java.util.ServiceLoader}). */
    public CorrectnessMetric() {
        super(NAME, "The share of the factual claims in the output that are true, gross errors weighing more than slips.",
                UnitKinds.CLAIM, Aggregation.WEIGHTED_SHARE, Set.of());
    }

    @Override
    public List<Evidence> evidence(EvaluationRequest request) {
        return Evidence.prompts(request.modelInput());
    }
}
