package dev.railguard.evals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.SelfJudging;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Seed 002 to the letter, and the self-judging policy in the agent evals: the judge an eval picks is checked as the
 * engine checks a run mode's roles.
 */
class AgnoSeedBehaviourTest {

    private static EvalRun accuracy(RailguardEvaluator evaluator, String subjectModel) {
        return AccuracyEval.builder(evaluator).input("2+2?").expectedOutput("4").build()
                .run(Subject.of("calc", subjectModel, q -> "4"));
    }

    @Test
    void an_accuracy_judge_that_is_the_subjects_own_model_under_another_name_is_refused_before_any_call() {
        try (StubJudge judge = new StubJudge(r -> StubJudge.accuracy(9), "gpt-4o")) {
            assertThatThrownBy(() -> accuracy(judge.evaluator, "openai/gpt-4o-2024-08-06"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the accuracy judge's judge 'judge' is the subject's own model"
                            + " 'openai/gpt-4o-2024-08-06', so a model would judge its own output; add another judge"
                            + " to that tier, or allow it with"
                            + " RailguardEvaluator.builder().selfJudging(SelfJudging.ALLOW_WITH_WARNING)");
            assertThat(judge.server.requestCount()).isZero();
        }
    }

    @Test
    void an_agent_as_judge_run_through_eval_run_is_refused_the_same_way() {
        try (StubJudge judge = new StubJudge(r -> StubJudge.binary(true), "gpt-4o")) {
            EvalRunRequest request = EvalRunRequest.builder(EvalType.AGENT_AS_JUDGE, "hi").criteria("polite")
                    .modelId("gpt-4o").build();
            assertThatThrownBy(() -> AgentEvals.using(judge.evaluator).run(request, Subject.of(q -> "hello")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("the agent-as-judge judge's judge 'judge' is the subject's own model"
                            + " 'gpt-4o'");
        }
    }

    @Test
    void allowed_with_a_warning_the_run_records_the_warning_in_its_eval_input() {
        try (StubJudge judge = new StubJudge(r -> StubJudge.accuracy(9), "gpt-4o");
                RailguardEvaluator allowing = RailguardEvaluator.builder()
                        .judges(JudgePanel.single("judge", judge.model)).selfJudging(SelfJudging.ALLOW_WITH_WARNING)
                        .build()) {
            EvalRun run = accuracy(allowing, "gpt-4o");
            assertThat(run.evalData()).isInstanceOfSatisfying(AccuracyResult.class,
                    r -> assertThat(r.avgScore()).isEqualTo(9.0));
            assertThat(run.evalInput().get("warnings")).isEqualTo(List.of("self-judging: modelUsed 'gpt-4o' judged"
                    + " its own output as the accuracy judge (judge 'judge'), because no other judge was available"
                    + " (allowed by selfJudging(ALLOW_WITH_WARNING))"));
        }
    }

    @Test
    void another_model_is_judged_without_a_warning() {
        try (StubJudge judge = new StubJudge(r -> StubJudge.accuracy(9), "gpt-4o")) {
            EvalRun run = accuracy(judge.evaluator, "gpt-4o-mini");
            assertThat(run.evalInput()).doesNotContainKey("warnings");
        }
    }

    @Test
    void the_seeds_accuracy_example_with_binary_scoring_and_threshold_7_is_no_gate() {
        // seed 002: threshold is "only used with numeric scoring"; its example body is accuracy, binary, threshold 7
        try (StubJudge judge = new StubJudge(r -> StubJudge.accuracy(3))) {
            EvalRunRequest binary = EvalRunRequest.builder(EvalType.ACCURACY, "2+2?").expectedOutput("4")
                    .scoringStrategy(ScoringStrategy.BINARY).threshold(7).build();
            EvalRun run = AgentEvals.using(judge.evaluator).run(binary, Subject.of(q -> "5"));
            assertThat(((AccuracyResult) run.evalData()).evalStatus()).isEqualTo(EvalStatus.COMPLETED);
            assertThat(run.evalInput().get("threshold")).isNull();

            EvalRunRequest numeric = EvalRunRequest.builder(EvalType.ACCURACY, "2+2?").expectedOutput("4")
                    .scoringStrategy(ScoringStrategy.NUMERIC).threshold(7).build();
            EvalRun gated = AgentEvals.using(judge.evaluator).run(numeric, Subject.of(q -> "5"));
            assertThat(((AccuracyResult) gated.evalData()).evalStatus()).isEqualTo(EvalStatus.FAILED);
        }
    }

    @Test
    void additional_context_reaches_the_agent_as_judge_judge_fenced() {
        try (StubJudge judge = new StubJudge(r -> StubJudge.binary(true))) {
            EvalRunRequest request = EvalRunRequest.builder(EvalType.AGENT_AS_JUDGE, "Where is my order?")
                    .criteria("Gives a concrete next step").additionalContext("Orders ship from Lyon in 2 days.")
                    .build();
            EvalRun run = AgentEvals.using(judge.evaluator).run(request, Subject.of(q -> "It ships soon."));
            assertThat(StubJudge.section(judge.server.requests().get(0), "additional_context"))
                    .isEqualTo("Orders ship from Lyon in 2 days.");
            assertThat(judge.server.requests().get(0).systemText())
                    .contains("additional_context (background to take into account)");
            assertThat(run.evalInput().get("additional_context")).isEqualTo("Orders ship from Lyon in 2 days.");
        }
    }

    @Test
    void performance_without_settings_uses_agnos_defaults_10_warm_up_runs_and_50_iterations() {
        AtomicInteger calls = new AtomicInteger();
        EvalRun run = PerformanceEval.builder().build().run("noop", calls::incrementAndGet);
        PerformanceResult r = (PerformanceResult) run.evalData();
        assertThat(r.warmupRuns()).isEqualTo(10);
        assertThat(r.numIterations()).isEqualTo(50);
        assertThat(r.runTimes()).hasSize(50);
        assertThat(calls.get()).isEqualTo(60);
    }

    @Test
    void eval_type_and_scoring_strategy_take_the_seeds_lower_case_values_only() {
        assertThat(EvalType.fromWireName("agent_as_judge")).isEqualTo(EvalType.AGENT_AS_JUDGE);
        assertThat(ScoringStrategy.fromWireName("numeric")).isEqualTo(ScoringStrategy.NUMERIC);
        assertThatThrownBy(() -> EvalRunRequest.fromJson("{\"eval_type\": \"Accuracy\", \"input\": \"q\","
                + " \"expected_output\": \"a\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eval_type must be one of accuracy, agent_as_judge, performance, reliability,"
                        + " but was: Accuracy");
        assertThatThrownBy(() -> ScoringStrategy.fromWireName(" NUMERIC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scoring_strategy must be one of binary, numeric, but was:  NUMERIC");
    }
}
