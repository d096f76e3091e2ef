package dev.railguard.metrics;

import dev.railguard.format.PromptSections;
import dev.railguard.api.Aggregation;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.Evidence;
import dev.railguard.api.UnitVerdict;
import java.util.List;
import java.util.Set;

/**
 * {@code correctness}: the share of the output that is factually true, whatever any document says.
 * <ul>
 * <li>Unit: an atomic factual claim of the output; a hedged claim keeps its hedge and counts (opinions, greetings,
 * questions and code are not claims).</li>
 * <li>Y: the claim is true in the world (web search results count when the request enables web search); an
 * essentially right approximation (a slip) is Y.</li>
 * <li>Special rule: a false claim (a gross error) weighs twice a true one, so one false claim among four true ones
 * scores 4/6 = 0.67 and fails. Confidence only says how sure the judge is.</li>
 * <li>Needs: only the output (the user prompt is shown to resolve references). Default threshold 0.8.</li>
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

    /** How much a false claim weighs against a true one. */
    static final double FALSE_CLAIM_WEIGHT = 2.0;

    /** A false claim weighs {@link #FALSE_CLAIM_WEIGHT} times a true one. */
    @Override
    public double unitWeight(UnitVerdict unit, List<UnitVerdict> units) {
        return unit.satisfied() ? 1.0 : FALSE_CLAIM_WEIGHT;
    }

    @Override
    public List<Evidence> evidence(EvaluationRequest request) {
        return PromptSections.userPrompt(request.modelInput());
    }
}
