package dev.railguard.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.Verdict;
import dev.railguard.engine.RailguardEvaluator;
import org.junit.jupiter.api.Test;

/** semantic_similarity with the real quantized all-MiniLM-L6-v2, offline. */
class SemanticSimilarityMetricTest {

    private static final String TRUTH = "You can return an item within 30 days of delivery if you have the receipt.";

    private static EvaluationRequest request(String output, String truth) {
        return EvaluationRequest.builder()
                .modelInput(ModelInput.builder().userPrompt("How long do I have to return an item?").groundTruth(truth)
                        .build())
                .modelOutput(output).metrics("semantic_similarity").build();
    }

    @Test
    void a_paraphrase_scores_higher_than_an_unrelated_answer_and_the_threshold_decides() {
        SemanticSimilarityMetric metric = new SemanticSimilarityMetric();

        double paraphrase = metric.similarity("Returns are accepted for 30 days after delivery with a receipt.", TRUTH);
        double unrelated = metric.similarity("Our headquarters are in Lisbon and we were founded in 2009.", TRUTH);

        assertThat(paraphrase).isGreaterThan(0.7);
        assertThat(unrelated).isLessThan(0.3);
        assertThat(metric.evaluate(request("Returns are accepted for 30 days after delivery with a receipt.", TRUTH),
                0.7).verdict()).isEqualTo(Verdict.PASS);
        assertThat(metric.evaluate(request("Our headquarters are in Lisbon.", TRUTH), 0.7).verdict())
                .isEqualTo(Verdict.FAIL);
        assertThat(metric.evaluate(request("", TRUTH), 0.7).score().getAsDouble()).isZero();
    }

    @Test
    void it_is_installed_and_needs_the_ground_truth() {
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder().build()) {
            assertThat(evaluator.metricNames()).contains("semantic_similarity", "pii", "json_schema");
            EvaluationResult r = evaluator.evaluate(request("Within thirty days, with your receipt.", TRUTH));
            assertThat(r.metric("semantic_similarity").rationale())
                    .startsWith("Cosine similarity of the output to the ground truth: ");
            assertThatThrownBy(() -> evaluator.evaluate(request("x", null)))
                    .hasMessage("metric 'semantic_similarity' requires modelInput.groundTruth, but it was missing or blank");
        }
    }
}
