package dev.railguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.Verdict;
import dev.railguard.testkit.ScriptedChatModel;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A 10 MB output is not sent to the judge whole: ERROR before any call, saying the size, the limit and the way out. */
class PromptBudgetTest {

    @Test
    void an_output_over_the_prompt_budget_is_an_error_before_any_call() {
        ScriptedChatModel judge = ScriptedChatModel.answering(r -> "{\"units\":[]}");
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder()
                .judges(JudgePanel.single("judge", judge))
                .metrics(MetricRegistry.of(TestMetrics.judged("alpha", Set.of())))
                .build()) {
            MetricResult alpha = evaluator.evaluate(EvaluationRequest.builder()
                    .modelInput(ModelInput.ofUserPrompt("q")).modelOutput("word ".repeat(2_000_000))
                    .metrics("alpha").build()).metric("alpha");

            assertThat(alpha.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(alpha.rationale()).matches("judge 'judge' was not called: the prompt is about 25\\d{5} tokens"
                    + " \\(\\d+ characters / 4\\), over the per-call prompt budget of 100000 tokens; shorten the"
                    + " output, documents or context, or raise the budget with"
                    + " RailguardEvaluator.Builder.maxPromptTokens");
            assertThat(judge.callCount()).isZero();
            assertThat(alpha.usage().judgeCalls()).isZero();
        }
    }

    @Test
    void the_budget_can_be_raised_on_the_builder_and_is_validated() {
        ScriptedChatModel judge = ScriptedChatModel.answering(r -> dev.railguard.testkit.JudgeReplies.units()
                .unit("a", "Y", "high", "r").json());
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder()
                .judges(JudgePanel.single("judge", judge))
                .metrics(MetricRegistry.of(TestMetrics.judged("alpha", Set.of())))
                .maxPromptTokens(3_000_000)
                .build()) {
            evaluator.evaluate(EvaluationRequest.builder().modelInput(ModelInput.ofUserPrompt("q"))
                    .modelOutput("word ".repeat(2_000_000)).metrics("alpha").build());
            assertThat(judge.callCount()).isEqualTo(1);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RailguardEvaluator.builder().maxPromptTokens(10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxPromptTokens must be between 1000 and 10000000, but was: 10");
    }
}
