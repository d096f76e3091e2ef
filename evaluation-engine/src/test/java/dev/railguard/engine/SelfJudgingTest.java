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

    private static JudgePanel arbiterIsTheModelUsed(ScriptedChatModel self) {
        return JudgePanel.builder().standard("claude", ScriptedChatModel.answering(r -> UNITS))
                .standard("gemini", ScriptedChatModel.answering(r -> UNITS)).strong("gpt-4o", self).build();
    }

    @Test
    void an_arbiter_that_can_only_be_the_model_used_is_refused_as_the_verifiers_are() {
        ScriptedChatModel self = ScriptedChatModel.answering(r -> UNITS);
        try (RailguardEvaluator e = evaluator(arbiterIsTheModelUsed(self)).build()) {
            assertThatThrownBy(() -> e.evaluate(request("gpt-4o").toBuilder()
                    .runMode(dev.railguard.api.RunMode.PRECISION_MAX).build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("modelUsed 'gpt-4o' is the only judge runMode 'precision_max' can get for the arbiter"
                            + " (tier strong, judge 'gpt-4o'), so a model would judge its own output; add another"
                            + " judge to that tier, or allow it with"
                            + " RailguardEvaluator.builder().selfJudging(SelfJudging.ALLOW_WITH_WARNING)");
            assertThat(self.callCount()).isZero();
        }
    }

    @Test
    void an_arbiter_allowed_with_warning_says_so_on_every_judged_metric() {
        try (RailguardEvaluator e = evaluator(arbiterIsTheModelUsed(ScriptedChatModel.answering(r -> UNITS)))
                .selfJudging(SelfJudging.ALLOW_WITH_WARNING).build()) {
            var result = e.evaluate(request("gpt-4o").toBuilder()
                    .runMode(dev.railguard.api.RunMode.PRECISION_MAX).build());
            assertThat(result.metrics().values()).allSatisfy(m -> assertThat(m.diagnostics()).anySatisfy(d ->
                    assertThat(d.message()).isEqualTo("self-judging: modelUsed 'gpt-4o' judged its own output as the"
                            + " arbiter (tier strong, judge 'gpt-4o'), because no other judge was available (allowed"
                            + " by selfJudging(ALLOW_WITH_WARNING))")));
        }
    }

    @Test
    void a_dated_or_prefixed_name_of_the_judge_model_is_refused_too() {
        ScriptedChatModel model = ScriptedChatModel.answering(r -> UNITS);
        try (RailguardEvaluator e = evaluator(JudgePanel.single("gpt-4o", model)).build()) {
            for (String modelUsed : new String[] {"gpt-4o-2024-08-06", "openai/gpt-4o", "gpt-4o-latest"}) {
                assertThatThrownBy(() -> e.evaluate(request(modelUsed)))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("modelUsed '" + modelUsed + "' is the only judge runMode 'fast' can"
                                + " get for the verifier (tier standard, judge 'gpt-4o')");
            }
            assertThat(model.callCount()).isZero();
        }
    }

    @Test
    void an_azure_deployment_declared_as_an_alias_is_refused_and_the_refusal_says_how_this_user_allows_it() {
        ScriptedChatModel model = ScriptedChatModel.answering(r -> UNITS);
        JudgePanel panel = JudgePanel.builder().standard("prod-chat", model).alias("prod-chat", "gpt-4o").build();
        try (RailguardEvaluator e = evaluator(panel).howToAllowSelfJudging("--allow-self-judging").build()) {
            assertThatThrownBy(() -> e.evaluate(request("gpt-4o-2024-08-06")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("modelUsed 'gpt-4o-2024-08-06' is the only judge runMode 'fast' can get for the"
                            + " verifier (tier standard, judge 'prod-chat'), so a model would judge its own output;"
                            + " add another judge to that tier, or allow it with --allow-self-judging");
        }
    }

    @Test
    void an_eval_that_chooses_its_own_judge_is_checked_under_the_same_policy() {
        ScriptedChatModel model = ScriptedChatModel.answering(r -> UNITS);
        JudgePanel panel = JudgePanel.single("gpt-4o", model);
        Judge judge = panel.all().get(0);
        try (RailguardEvaluator refusing = evaluator(panel).build();
                RailguardEvaluator warning = evaluator(panel).selfJudging(SelfJudging.ALLOW_WITH_WARNING).build()) {
            assertThatThrownBy(() -> refusing.checkSelfJudging(judge, "openai/gpt-4o", "accuracy judge"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the accuracy judge's judge 'gpt-4o' is the subject's own model 'openai/gpt-4o', so a"
                            + " model would judge its own output; add another judge to that tier, or allow it with"
                            + " RailguardEvaluator.builder().selfJudging(SelfJudging.ALLOW_WITH_WARNING)");
            assertThat(warning.checkSelfJudging(judge, "gpt-4o", "accuracy judge")).contains("self-judging: modelUsed"
                    + " 'gpt-4o' judged its own output as the accuracy judge (judge 'gpt-4o'), because no other judge"
                    + " was available (allowed by selfJudging(ALLOW_WITH_WARNING))");
            assertThat(refusing.checkSelfJudging(judge, "claude-3-opus", "accuracy judge")).isEmpty();
        }
    }
}
