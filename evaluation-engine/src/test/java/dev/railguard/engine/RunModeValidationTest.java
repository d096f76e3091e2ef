package dev.railguard.engine;

import dev.railguard.engine.internal.runmode.EvaluationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.api.Verdict;
import dev.railguard.testkit.ScriptedChatModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Panels that cannot serve a mode fail at validation with the missing tier; plans are validated when set. */
class RunModeValidationTest {

    private static final ScriptedChatModel MODEL = ScriptedChatModel.replying();

    private static RailguardEvaluator evaluator(JudgePanel panel) {
        return RailguardEvaluator.builder().judges(panel)
                .metrics(MetricRegistry.of(TestMetrics.claims("facts", false), TestMetrics.claims("short", true)))
                .build();
    }

    private static EvaluationRequest request(RunMode mode, String... metrics) {
        return EvaluationRequest.builder().modelInput(ModelInput.ofUserPrompt("Q")).modelOutput("A")
                .runMode(mode).metrics(metrics).build();
    }

    @Test
    void a_missing_tier_is_named() {
        JudgePanel standardOnly = JudgePanel.builder().standard("std-1", MODEL).standard("std-2", MODEL).build();
        try (RailguardEvaluator e = evaluator(standardOnly)) {
            assertThatThrownBy(() -> e.evaluate(request(RunMode.ULTRA_FAST, "facts")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("runMode 'ultra_fast' needs a judge in tier fast, but the judge panel has none:"
                            + " JudgePanel{standard=[std-1, std-2]}");
            assertThatThrownBy(() -> e.evaluate(request(RunMode.PRECISION_MAX, "facts")))
                    .hasMessage("runMode 'precision_max' needs a judge in tier strong, but the judge panel has none:"
                            + " JudgePanel{standard=[std-1, std-2]}");
            assertThatThrownBy(() -> e.evaluate(request(RunMode.PRECISION_CODEX, "facts")))
                    .hasMessage("runMode 'precision_codex' needs a judge in tier code, but the judge panel has none:"
                            + " JudgePanel{standard=[std-1, std-2]}");
        }
    }

    @Test
    void two_distinct_judges_are_needed_for_the_precision_modes() {
        try (RailguardEvaluator e = evaluator(JudgePanel.single("judge", MODEL))) {
            assertThatThrownBy(() -> e.evaluate(request(RunMode.PRECISION, "facts")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("runMode 'precision' needs 2 distinct judges as verifiers (tiers [standard,"
                            + " standard]), but the judge panel has only 1 for them: JudgePanel{fast=[judge],"
                            + " standard=[judge], strong=[judge], code=[judge]}");
            assertThatThrownBy(() -> e.evaluate(request(RunMode.PRECISION_MAX_CODEX, "facts")))
                    .hasMessageStartingWith("runMode 'precision_max_codex' needs 2 distinct judges as verifiers"
                            + " (tiers [code, standard]), but the judge panel has only 1 for them");
        }
    }

    @Test
    void a_small_tier_chooses_first_so_code_and_standard_get_distinct_judges() {
        JudgePanel panel = JudgePanel.builder().standard("a", MODEL).standard("b", ScriptedChatModel.replying())
                .code("a", MODEL).build();
        assertThat(EvaluationContext.distinct(panel, List.of(JudgeTier.STANDARD, JudgeTier.CODE), null))
                .extracting(Judge::name).containsExactly("b", "a");
    }

    @Test
    void one_chat_model_under_two_names_is_one_judge_not_two_verifiers() {
        JudgePanel panel = JudgePanel.builder().standard("std-1", MODEL).standard("std-2", MODEL).build();
        assertThat(EvaluationContext.distinct(panel, List.of(JudgeTier.STANDARD, JudgeTier.STANDARD), null))
                .extracting(Judge::name).containsExactly("std-1");
        assertThat(panel.pick(JudgeTier.STANDARD, 2, null)).extracting(Judge::name).containsExactly("std-1");
        try (RailguardEvaluator e = evaluator(panel)) {
            assertThatThrownBy(() -> e.evaluate(request(RunMode.PRECISION, "facts")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("runMode 'precision' needs 2 distinct judges as verifiers (tiers [standard,"
                            + " standard]), but the judge panel has only 1 for them");
        }
    }

    @Test
    void the_model_that_wrote_the_output_is_picked_last() {
        JudgePanel panel = JudgePanel.builder().standard("self", ScriptedChatModel.replying())
                .standard("other", MODEL).build();
        assertThat(EvaluationContext.distinct(panel, List.of(JudgeTier.STANDARD), "self")).extracting(Judge::name)
                .containsExactly("other");
        assertThat(EvaluationContext.distinct(panel, List.of(JudgeTier.STANDARD, JudgeTier.STANDARD), "self"))
                .extracting(Judge::name).containsExactly("other", "self");
        assertThat(panel.pick(JudgeTier.STANDARD, 1, "SELF")).extracting(Judge::name).containsExactly("other");
    }

    @Test
    void ultra_fast_needs_no_judge_when_every_metric_has_an_in_process_fallback() {
        try (RailguardEvaluator e = evaluator(JudgePanel.empty())) {
            var result = e.evaluate(request(RunMode.ULTRA_FAST, "short"));
            // the in-process part found nothing to fail; what it did not check is not a pass
            assertThat(result.metric("short").verdict()).isEqualTo(Verdict.SKIPPED);
            assertThat(result.metric("short").rationale()).startsWith("ultra_fast without a judge checked 'short'"
                    + " only in part and found nothing there, which is not a pass; ");
            assertThat(result.usage().judgeCalls()).isZero();
            assertThatThrownBy(() -> e.evaluate(request(RunMode.ULTRA_FAST, "short", "facts")))
                    .hasMessageStartingWith("runMode 'ultra_fast' needs a judge in tier fast");
        }
    }

    @Test
    void plans_are_checked_against_their_mode_and_their_own_bounds() {
        RailguardEvaluator.Builder b = RailguardEvaluator.builder();
        assertThatThrownBy(() -> b.plan(RunMode.FAST, RunModePlan.defaults(RunMode.PRECISION)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("plan for runMode 'fast' must have exactly one verifier, one pass, no partitioner and no"
                        + " arbiter (it makes one call per metric), but was: RunModePlan{partitioner=standard,"
                        + " verifiers=[standard, standard], passes=1, arbiter=none}");
        assertThatThrownBy(() -> b.plan(RunMode.PRECISION, RunModePlan.single(JudgeTier.STANDARD)))
                .hasMessage("plan for runMode 'precision' must name a partitioner tier, but was: RunModePlan{"
                        + "partitioner=none, verifiers=[standard], passes=1, arbiter=none}");
        assertThatThrownBy(() -> RunModePlan.defaults(RunMode.PRECISION_MAX).withPasses(0))
                .hasMessage("passes must be between 1 and 5, but was: 0");
        assertThatThrownBy(() -> RunModePlan.defaults(RunMode.PRECISION).withVerifiers())
                .hasMessage("verifiers must name at least one tier, but was: []");
        assertThatThrownBy(() -> b.maxToolRoundTrips(0))
                .hasMessage("maxToolRoundTrips must be between 1 and 10, but was: 0");
    }

    @Test
    void a_user_plan_replaces_the_default_of_its_mode_only() {
        RunModePlan three = RunModePlan.defaults(RunMode.PRECISION_MAX).withPasses(3).withoutArbiter();
        try (RailguardEvaluator e = RailguardEvaluator.builder().plan(RunMode.PRECISION_MAX, three).build()) {
            assertThat(e.plan(RunMode.PRECISION_MAX)).isEqualTo(three);
            assertThat(e.plan(RunMode.PRECISION)).isEqualTo(RunModePlan.defaults(RunMode.PRECISION));
        }
        assertThat(RunModePlan.defaults(RunMode.PRECISION_MAX).passes()).isEqualTo(2);
        assertThat(RunModePlan.defaults(RunMode.PRECISION_MAX_CODEX).verifiers())
                .containsExactly(JudgeTier.CODE, JudgeTier.STANDARD);
    }
}
