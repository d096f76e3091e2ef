package dev.railguard.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.testkit.ScriptedChatModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.document.Document;
import org.springframework.ai.evaluation.EvaluationRequest;
import org.springframework.ai.evaluation.EvaluationResponse;
import org.springframework.ai.evaluation.Evaluator;

/** Railguard metrics answering Spring AI's evaluation requests. */
class RailguardSpringEvaluatorsTest {

    final ScriptedChatModel judge = ScriptedChatModel.answering(r -> Judging.reply(ScriptedChatModel.userText(r)));
    final RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(JudgePanel.single("judge", judge)).build();

    @AfterEach
    void close() {
        evaluator.close();
    }

    @Test
    void a_right_answer_passes_with_its_score_and_metadata() {
        Evaluator correctness = RailguardSpringEvaluators.of(evaluator, "correctness");
        EvaluationResponse response = correctness.evaluate(new EvaluationRequest(Judging.QUESTION, Judging.RIGHT));
        assertThat(response.isPass()).isTrue();
        assertThat(response.getScore()).isEqualTo(1.0f);
        assertThat(response.getFeedback()).isEqualTo("every metric passed: correctness");
        assertThat(response.getMetadata()).containsKey("event_id");
        assertThat(response.getMetadata().get("correctness")).isEqualTo(Map.of("score", 1.0, "threshold", 0.8, "verdict", "pass"));
    }

    @Test
    void a_wrong_answer_fails_and_the_feedback_names_the_failing_unit() {
        Evaluator correctness = RailguardSpringEvaluators.of(evaluator, "correctness");
        EvaluationResponse response = correctness.evaluate(new EvaluationRequest(Judging.QUESTION, Judging.WRONG));
        assertThat(response.isPass()).isFalse();
        assertThat(response.getScore()).isLessThan(0.9f);
        assertThat(response.getFeedback()).startsWith("- correctness failed (score ")
                .contains("failing item: 'It has 80 million inhabitants.': Paris has about 2.1 million inhabitants.");
    }

    @Test
    void the_documents_are_what_the_answer_must_be_grounded_in() {
        Evaluator adherence = RailguardSpringEvaluators.of(evaluator, "context_adherence");
        adherence.evaluate(new EvaluationRequest(Judging.QUESTION,
                List.of(new Document("Paris has 2.1 million inhabitants (2023 census).")), Judging.RIGHT));
        assertThat(ScriptedChatModel.userText(judge.requests().get(0))).contains("Paris has 2.1 million inhabitants (2023 census).");
    }

    @Test
    void a_judge_error_is_never_a_pass() {
        ScriptedChatModel broken = ScriptedChatModel.answering(r -> "not JSON");
        // one attempt: a reply that is not JSON counts as broken in transport and would be retried for the 30 s
        // retry budget, which is the engine's business (RepairThroughOpenAiTest), not this mapping's
        try (RailguardEvaluator e = RailguardEvaluator.builder().judges(JudgePanel.single("judge", broken))
                .maxCallAttempts(1).build()) {
            EvaluationResponse response = RailguardSpringEvaluators.of(e, "correctness")
                    .evaluate(new EvaluationRequest(Judging.QUESTION, Judging.RIGHT));
            assertThat(response.isPass()).isFalse();
            assertThat(response.getScore()).isZero();
            assertThat(response.getFeedback()).startsWith("- correctness could not be evaluated (error): ");
        }
    }

    @Test
    void a_custom_threshold_decides_and_bad_settings_fail_when_built() {
        Evaluator strict = RailguardSpringEvaluators.builder(evaluator).metrics("correctness")
                .threshold("correctness", 1.0).build();
        assertThat(strict.evaluate(new EvaluationRequest(Judging.QUESTION, Judging.RIGHT)).isPass()).isTrue();
        assertThatThrownBy(() -> RailguardSpringEvaluators.of(evaluator, "corectness"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("metrics names 'corectness', which the evaluator does not know; known metrics: [")
                .hasMessageContaining("correctness");
        assertThatThrownBy(() -> RailguardSpringEvaluators.builder(evaluator).metrics("correctness")
                .threshold("correctness", 1.5).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("thresholds['correctness'] must be between 0.0 and 1.0, but was: 1.5");
    }
}
