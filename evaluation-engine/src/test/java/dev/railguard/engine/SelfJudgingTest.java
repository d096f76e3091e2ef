package dev.railguard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.Verdict;
import dev.railguard.testkit.ScriptedChatModel;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Self-judging is never silent: refused by default, or allowed with a WARNING on every affected metric. */
class SelfJudgingTest {

    private static final String UNITS = dev.railguard.testkit.JudgeReplies.units().unit("a", "Y", "high", "r").json();

    private static EvaluationRequest request(String modelUsed) {
        return EvaluationRequest.builder().modelInput(ModelInput.ofUserPrompt("q")).modelOutput("o")
                .modelUsed(modelUsed).metrics("alpha", "beta").build();
    }

    private static RailguardEvaluator.Builder evaluator(JudgePanel panel) {
        return RailguardEvaluator.builder().judges(panel)
                .metrics(MetricRegistry.of(TestMetrics.judged("alpha", Set.of()), TestMetrics.judged("beta", Set.of())));
    }

    @Test
    void the_only_judge_of_a_role_being_the_model_used_is_refused_naming_the_role() {
        ScriptedChatModel model = ScriptedChatModel.answering(r -> UNITS);
        try (RailguardEvaluator e = evaluator(JudgePanel.single("gpt-4o", model)).build()) {
            assertThatThrownBy(() -> e.evaluate(request("GPT-4o")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("modelUsed 'GPT-4o' is the only judge runMode 'fast' can get for the verifier (tier"
                            + " standard, judge 'gpt-4o'), so a model would judge its own output; add another judge"
                            + " to that tier, or allow it with"
                            + " RailguardEvaluator.builder().selfJudging(SelfJudging.ALLOW_WITH_WARNING)");
            assertThat(model.callCount()).isZero();
        }
    }

    @Test
    void allowed_with_warning_it_runs_and_every_affected_metric_says_so() {
        ScriptedChatModel model = ScriptedChatModel.answering(r -> UNITS);
        try (RailguardEvaluator e = evaluator(JudgePanel.single("gpt-4o", model))
                .selfJudging(SelfJudging.ALLOW_WITH_WARNING).build()) {
            var result = e.evaluate(request("gpt-4o"));
            for (MetricResult m : result.metrics().values()) {
                assertThat(m.verdict()).isEqualTo(Verdict.PASS);
                assertThat(m.diagnostics()).anySatisfy(d -> {
                    assertThat(d.severity()).isEqualTo(dev.railguard.api.Diagnostic.Severity.WARNING);
                    assertThat(d.message()).isEqualTo("self-judging: modelUsed 'gpt-4o' judged its own output as the"
                            + " verifier (tier standard, judge 'gpt-4o'), because no other judge was available"
                            + " (allowed by selfJudging(ALLOW_WITH_WARNING))");
                });
            }
        }
    }

    @Test
    void another_judge_in_the_tier_is_used_instead_without_a_warning() {
        ScriptedChatModel self = ScriptedChatModel.answering(r -> UNITS);
        ScriptedChatModel other = ScriptedChatModel.answering(r -> UNITS);
        JudgePanel panel = JudgePanel.builder().standard("gpt-4o", self).standard("claude", other).build();
        try (RailguardEvaluator e = evaluator(panel).build()) {
            var result = e.evaluate(request("gpt-4o"));
            assertThat(result.passed()).isTrue();
            assertThat(self.callCount()).isZero();
            assertThat(other.callCount()).isEqualTo(2);
            assertThat(result.metrics().values()).allSatisfy(m -> assertThat(m.diagnostics())
                    .noneSatisfy(d -> assertThat(d.message()).contains("self-judging")));
        }
    }
}
