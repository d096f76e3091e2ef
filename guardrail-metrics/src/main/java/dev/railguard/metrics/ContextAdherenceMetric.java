package dev.railguard.metrics;

import dev.railguard.format.PromptSections;
import dev.railguard.api.Aggregation;
import dev.railguard.api.Diagnostic;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.Evidence;
import dev.railguard.api.MetricResult;
import dev.railguard.api.Usage;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code context_adherence}: whether the output says only what the supplied context supports.
 * <ul>
 * <li>Unit: an atomic factual claim of the output.</li>
 * <li>Y: the claim is stated in, or directly inferable (paraphrase, simple arithmetic, combining statements) from,
 * the documents or the non-assistant context messages; a claim that they lack something is Y when they do. A true
 * fact the context does not contain is N. The prompts, earlier assistant turns and web results are not context.</li>
 * <li>Special rule: without usable context (no non-blank document or context message) the metric scores 1.0 without
 * asking a judge, with a diagnostic that says so, as DeepRails does.</li>
 * <li>Needs: documents or context messages to be meaningful. Default threshold 0.8.</li>
 * </ul>
 */
public final class ContextAdherenceMetric extends DeclaredJudgedMetric {

    /** The metric's name. */
    public static final String NAME = "context_adherence";

    /** The diagnostic given when there is no usable context. */
    public static final String NO_CONTEXT = "no usable context: the request has no non-blank document or context"
            + " message, so context adherence scores 1.0 by default and no judge was asked";

    /** Creates the metric (also used by {@link java.util.ServiceLoader}). */
    public ContextAdherenceMetric() {
        super(NAME, "The share of the output's factual claims that the supplied context supports.", UnitKinds.CLAIM,
                Aggregation.WEIGHTED_SHARE, Set.of());
    }

    @Override
    public List<Evidence> evidence(EvaluationRequest request) {
        return concat(PromptSections.documents(request.modelInput()), PromptSections.context(request.modelInput()),
                PromptSections.userPrompt(request.modelInput()));
    }

    @Override
    public Optional<MetricResult> decideWithoutJudge(EvaluationRequest request, double threshold) {
        if (request.modelInput().hasUsableContext()) {
            return Optional.empty();
        }
        return Optional.of(MetricResult.scored(NAME, 1.0, threshold,
                "No usable context was supplied, so there is nothing to adhere to; scored 1.0 by default.", List.of(),
                Usage.NONE, List.of(Diagnostic.info(NO_CONTEXT))));
    }
}
