package dev.railguard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.railguard.api.Aggregation;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.InputRequirement;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.Verdict;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.ScriptedChatModel;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluatorValidationTest {

    private static final ScriptedChatModel JUDGE = ScriptedChatModel.answering(r -> JudgeReplies.units()
            .unit("c", "Y", "high", "ok").json());

    private static RailguardEvaluator evaluator(JudgePanel panel) {
        return RailguardEvaluator.builder().judges(panel).metrics(MetricRegistry.of(
                TestMetrics.judged("correctness", Set.of()),
                TestMetrics.judged("ground_truth_adherence", Set.of(InputRequirement.GROUND_TRUTH)),
                TestMetrics.judged("context_awareness_check", Set.of(InputRequirement.CONTEXT_MESSAGES)),
                TestMetrics.throwing("crashing_detector"))).build();
    }

    private static EvaluationRequest.Builder request(String... metrics) {
        return EvaluationRequest.builder().modelInput(ModelInput.ofUserPrompt("q")).modelOutput("a").metrics(metrics);
    }

    @Test
    void an_unknown_metric_name_lists_the_known_ones() {
        try (RailguardEvaluator e = evaluator(JudgePanel.single("j", JUDGE))) {
            assertThatIllegalArgumentException().isThrownBy(() -> e.evaluate(request("corectness").build()))
                    .withMessage("metrics contains unknown metric 'corectness'; known metrics are [context_awareness_check,"
                            + " correctness, crashing_detector, ground_truth_adherence]");
        }
    }

    @Test
    void ground_truth_adherence_without_ground_truth_is_rejected() {
        try (RailguardEvaluator e = evaluator(JudgePanel.single("j", JUDGE))) {
            assertThatIllegalArgumentException().isThrownBy(() -> e.submit(request("ground_truth_adherence").build()))
                    .withMessage("metric 'ground_truth_adherence' requires modelInput.groundTruth, but it was missing or blank");
        }
    }

    @Test
    void a_metric_that_needs_context_messages_is_rejected_without_them() {
        try (RailguardEvaluator e = evaluator(JudgePanel.single("j", JUDGE))) {
            assertThatIllegalArgumentException().isThrownBy(() -> e.submit(request("context_awareness_check").build()))
                    .withMessage("metric 'context_awareness_check' requires modelInput.context, but it was missing or blank");
        }
    }

    @Test
    void a_duplicate_metric_name_in_the_registry_is_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> MetricRegistry.of(
                        TestMetrics.judged("correctness", Set.of()), TestMetrics.throwing("correctness")))
                .withMessageStartingWith("metric name 'correctness' is registered twice: by ");
    }

    @Test
    void a_metric_name_that_is_not_snake_case_is_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> MetricRegistry.of(TestMetrics.throwing("Bad-Name")))
                .withMessageStartingWith("metric name must be a snake_case id of at most 64 characters"
                        + " ([a-z][a-z0-9_]*), but ")
                .withMessageEndingWith(" has name: 'Bad-Name'");
    }

    /** An in-process metric with the given name and requirements, for registry checks. */
    private static dev.railguard.api.InProcessMetric metric(String name, Set<dev.railguard.api.InputRequirement> req) {
        return new dev.railguard.api.InProcessMetric() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "test";
            }

            @Override
            public Set<dev.railguard.api.InputRequirement> requires() {
                return req;
            }

            @Override
            public double defaultThreshold() {
                return 0.5;
            }

            @Override
            public dev.railguard.api.MetricResult evaluate(EvaluationRequest request, double threshold) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void a_metric_without_requirements_or_with_a_null_or_overlong_name_is_refused_at_registration() {
        assertThatIllegalArgumentException().isThrownBy(() -> MetricRegistry.of(metric("no_requires", null)))
                .withMessageStartingWith("requires() of metric 'no_requires' (")
                .withMessageEndingWith(") must be a set of input requirements (empty for none), but was: null");
        assertThatIllegalArgumentException().isThrownBy(() -> MetricRegistry.of(metric(null, Set.of())))
                .withMessageEndingWith(" has name: null");
        assertThatIllegalArgumentException().isThrownBy(() -> MetricRegistry.of(metric("a".repeat(65), Set.of())))
                .withMessageEndingWith(" has name: '" + "a".repeat(65) + "'");
        assertThatIllegalArgumentException().isThrownBy(() -> MetricRegistry.of(metric("", Set.of())))
                .withMessageEndingWith(" has name: ''");
    }

    @Test
    void a_panel_without_the_tier_a_mode_needs_is_rejected_naming_the_tier() {
        try (RailguardEvaluator e = evaluator(JudgePanel.builder().fast("mini", JUDGE).build())) {
            assertThatIllegalArgumentException().isThrownBy(() -> e.evaluate(request("correctness").build()))
                    .withMessageStartingWith("runMode 'fast' needs a judge in tier standard, but the judge panel has none");
        }
    }

    @Test
    void a_metric_that_throws_is_an_error_and_the_others_finish() {
        try (RailguardEvaluator e = evaluator(JudgePanel.single("j", JUDGE))) {
            EvaluationResult r = e.evaluate(request("crashing_detector", "correctness").build());
            assertThat(r.metric("crashing_detector").verdict()).isEqualTo(Verdict.ERROR);
            assertThat(r.metric("crashing_detector").rationale())
                    .isEqualTo("metric 'crashing_detector' failed: IllegalStateException: detector crashed");
            assertThat(r.metric("correctness").verdict()).isEqualTo(Verdict.PASS);
            assertThat(r.metrics().keySet()).containsExactly("crashing_detector", "correctness");
        }
    }

    @Test
    void the_model_that_produced_the_output_does_not_judge_it_when_another_judge_exists() {
        ScriptedChatModel other = ScriptedChatModel.answering(r -> JudgeReplies.units().unit("c", "Y", "high", "").json());
        JudgePanel panel = JudgePanel.builder().standard("gpt-4o", JUDGE).standard("claude", other).build();
        try (RailguardEvaluator e = evaluator(panel)) {
            EvaluationResult r = e.evaluate(request("correctness").modelUsed("gpt-4o").build());
            assertThat(r.usage().callsByJudge()).containsOnlyKeys("claude");
        }
    }

    @Test
    void any_failure_fails_aggregation_gives_zero_on_one_flag() {
        ScriptedChatModel judge = ScriptedChatModel.answering(r -> JudgeReplies.units()
                .unit("chunk 1", "pii", "Y", "certain", "")
                .unit("chunk 1", "violence_or_threats", "N", "medium", "threat").json());
        try (RailguardEvaluator e = RailguardEvaluator.builder().judges(JudgePanel.single("j", judge))
                .metrics(MetricRegistry.of(TestMetrics.judged("safety", Set.of(), Aggregation.ANY_FAILURE_FAILS))).build()) {
            EvaluationResult r = e.evaluate(request("safety").build());
            assertThat(r.metric("safety").score().getAsDouble()).isZero();
            assertThat(r.metric("safety").verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.metric("safety").rationale()).contains("'chunk 1' [violence_or_threats] (medium: threat)");
        }
    }

    @Test
    void units_that_all_weigh_nothing_give_an_error_not_a_score() {
        ScriptedChatModel judge = ScriptedChatModel.answering(r -> JudgeReplies.units()
                .unit("a", "Y", "low", "").unit("c", "Y", "low", "").json());
        try (RailguardEvaluator e = RailguardEvaluator.builder().judges(JudgePanel.single("j", judge))
                .metrics(MetricRegistry.of(TestMetrics.judged("m", Set.of()))).build()) {
            MetricResult m = e.evaluate(request("m").build()).metric("m");
            assertThat(m.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(m.rationale()).isEqualTo("every claim unit was judged with low confidence, which weighs 0; no"
                    + " unit counted, so there is no score");
        }
    }

    @Test
    void more_undecided_units_than_decided_ones_give_an_error_naming_them() {
        // main scored this 1.0: the nine N units with low confidence weighed nothing
        ScriptedChatModel judge = ScriptedChatModel.answering(r -> {
            JudgeReplies units = JudgeReplies.units().unit("true", "Y", "certain", "known");
            for (int i = 1; i <= 9; i++) {
                units.unit("claim " + i, "N", "low", "cannot tell");
            }
            return units.json();
        });
        try (RailguardEvaluator e = RailguardEvaluator.builder().judges(JudgePanel.single("j", judge))
                .metrics(MetricRegistry.of(TestMetrics.judged("m", Set.of()))).build()) {
            MetricResult m = e.evaluate(request("m").build()).metric("m");
            assertThat(m.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(m.rationale()).isEqualTo("the judge could not decide 9 of 10 claim units (N with low"
                    + " confidence), more than the 1 it decided; a score from those would not be reliable: 'claim 1';"
                    + " 'claim 2'; 'claim 3'; 'claim 4'; 'claim 5'; and 4 more.");
        }
    }
}
