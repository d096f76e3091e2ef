package dev.railguard.metrics.catalogue;

import dev.railguard.format.PromptSections;
import dev.railguard.api.Aggregation;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.Evidence;
import dev.railguard.api.ModelInput;
import dev.railguard.metrics.DeclaredJudgedMetric;
import dev.railguard.metrics.UnitKinds;
import java.util.List;
import java.util.Set;

/**
 * {@code answer_relevance}: the share of the output's statements that address what the user asked.
 * <ul>
 * <li>Unit: a statement of the output (asides and filler included).</li>
 * <li>Y: the statement helps answer the user's prompt.</li>
 * <li>Needs: the prompts only. Default threshold 0.7.</li>
 * </ul>
 */
public final class AnswerRelevanceMetric extends DeclaredJudgedMetric {

    /** The metric's name. */
    public static final String NAME = "answer_relevance";

    /** Creates the metric (also used by {@link java.util.ServiceLoader}). */
    public AnswerRelevanceMetric() {
        super(NAME, "The share of the output's statements that address what the user asked.", UnitKinds.STATEMENT,
                Aggregation.WEIGHTED_SHARE, Set.of());
    }

    @Override
    public List<Evidence> evidence(EvaluationRequest request) {
        ModelInput input = request.modelInput();
        return PromptSections.prompts(input);
    }
}
