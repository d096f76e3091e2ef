package dev.railguard.evals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.railguard.evals.internal.EvalJson;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The seed's request body: defaults, ranges and messages; and AgentEvals running it. */
class EvalRunRequestTest {

    private static void rejects(String json, String message) {
        assertThatThrownBy(() -> EvalRunRequest.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void the_seed_body_reads_with_its_defaults() {
        EvalRunRequest r = EvalRunRequest.fromJson("""
                {"eval_type": "agent_as_judge", "input": "Hi", "criteria": "Polite", "agent_id": "a",
                 "team_id": null, "model_provider": "OpenAI"}""");
        assertThat(r.evalType()).isEqualTo(EvalType.AGENT_AS_JUDGE);
        assertThat(r.scoringStrategy()).isEqualTo(ScoringStrategy.BINARY);
        assertThat(r.thresholdOrDefault()).isEqualTo(7);
        assertThat(r.threshold()).isNull();
        assertThat(r.numIterations()).isEqualTo(1);
        assertThat(r.warmupRuns()).isZero();
        assertThat(r.expectedToolCalls()).isNull();
        assertThat(r.allowAdditionalToolCalls()).isFalse();
    }

    @Test
    void every_field_of_the_seed_is_read() {
        EvalRunRequest r = EvalRunRequest.fromJson("""
                {"eval_type": "accuracy", "input": "q", "expected_output": "4", "criteria": "c",
                 "scoring_strategy": "numeric", "threshold": 9, "num_iterations": 100, "warmup_runs": 10,
                 "expected_tool_calls": ["a", "b"], "additional_guidelines": "g", "additional_context": "ctx",
                 "name": "n", "model_id": "m"}""");
        assertThat(r).isEqualTo(new EvalRunRequest(EvalType.ACCURACY, "q", "4", "c", ScoringStrategy.NUMERIC, 9, 100,
                10, List.of("a", "b"), false, "g", "ctx", "n", "m", null, null, null, null));
    }

    @Test
    void ranges_of_the_seed_are_enforced_with_field_value_and_allowed_range() {
        String base = "{\"eval_type\": \"performance\", \"input\": \"q\", ";
        rejects(base + "\"num_iterations\": 0}", "num_iterations must be between 1 and 100, but was: 0");
        rejects(base + "\"num_iterations\": 101}", "num_iterations must be between 1 and 100, but was: 101");
        rejects(base + "\"warmup_runs\": -1}", "warmup_runs must be between 0 and 10, but was: -1");
        rejects(base + "\"warmup_runs\": 11}", "warmup_runs must be between 0 and 10, but was: 11");
        rejects(base + "\"threshold\": 0}", "threshold must be between 1 and 10, but was: 0");
        rejects(base + "\"threshold\": 11}", "threshold must be between 1 and 10, but was: 11");
        rejects(base + "\"scoring_strategy\": \"fuzzy\"}",
                "scoring_strategy must be one of binary, numeric, but was: fuzzy");
    }

    @Test
    void required_fields_per_eval_type() {
        rejects("{\"input\": \"q\"}", "eval_type is required; allowed: accuracy, agent_as_judge, performance,"
                + " reliability");
        rejects("{\"eval_type\": \"speed\", \"input\": \"q\"}",
                "eval_type must be one of accuracy, agent_as_judge, performance, reliability, but was: speed");
        rejects("{\"eval_type\": \"accuracy\", \"input\": \"\"}",
                "input must be a string of at least 1 character, but was: ''");
        rejects("{\"eval_type\": \"accuracy\"}", "input must be a string of at least 1 character, but was: null");
        rejects("{\"eval_type\": \"accuracy\", \"input\": \"q\"}",
                "expected_output is required for eval_type accuracy, but was: null");
        rejects("{\"eval_type\": \"agent_as_judge\", \"input\": \"q\", \"criteria\": \" \"}",
                "criteria is required for eval_type agent_as_judge, but was: ' '");
        rejects("{\"eval_type\": \"reliability\", \"input\": \"q\"}", "expected_tool_calls is required for"
                + " eval_type reliability (an empty list means no tool may be called), but was: null");
        assertThat(EvalRunRequest.fromJson("{\"eval_type\": \"reliability\", \"input\": \"q\","
                + " \"expected_tool_calls\": []}").expectedToolCalls()).isEmpty();
    }

    @Test
    void malformed_bodies_name_the_problem() {
        rejects("[1]", "the eval run request must be a JSON object, but was: array");
        rejects("{\"eval_type\": \"performance\", \"input\": \"q\", \"iterations\": 3}",
                "unknown field 'iterations'; the fields allowed here are [additional_context, additional_guidelines, agent_id,"
                        + " allow_additional_tool_calls, criteria, eval_type, expected_output,"
                        + " expected_tool_call_arguments, expected_tool_calls,"
                        + " input, model_id, model_provider, name, num_iterations, scoring_strategy, team_id,"
                        + " threshold, warmup_runs]");
        rejects("{\"eval_type\": \"performance\", \"input\": \"q\", \"num_iterations\": \"3\"}",
                "num_iterations must be an integer, but was: string \"3\"");
        rejects("{\"eval_type\": \"performance\", \"input\": 5}", "input must be a string, but was: number 5");
        rejects("{\"eval_type\": \"reliability\", \"input\": \"q\", \"expected_tool_calls\": \"multiply\"}",
                "expected_tool_calls must be an array of strings, but was: string \"multiply\"");
        assertThatThrownBy(() -> EvalRunRequest.fromJson("{nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not valid JSON: ");
        rejects("{\"eval_type\": \"performance\", \"input\": \"q\", \"input\": \"r\"}",
                "duplicate field 'input'; each field may appear once");
    }

    @Test
    void an_accuracy_request_runs_num_iterations_and_records_the_request_model() throws Exception {
        try (StubJudge judge = new StubJudge(r -> StubJudge.accuracy(9))) {
            AtomicInteger calls = new AtomicInteger();
            EvalRun run = AgentEvals.using(judge.evaluator).withParallelism(2).run(EvalRunRequest.fromJson("""
                    {"eval_type": "accuracy", "input": "What is 2 + 2?", "expected_output": "4",
                     "num_iterations": 3, "scoring_strategy": "numeric", "threshold": 8, "additional_guidelines": "Accept words",
                     "model_id": "gpt-4o-mini"}"""), Subject.of(in -> calls.incrementAndGet() > 0 ? "4" : ""));
            assertThat(calls.get()).isEqualTo(3);
            assertThat(run.passed()).isTrue();
            assertThat(run.modelId()).isEqualTo("gpt-4o-mini");
            assertThat(judge.server.requests().get(0).systemText()).contains("- Accept words");
            JsonNode json = EvalJson.MAPPER.readTree(run.toJson());
            assertThat(json.path("eval_data").path("avg_score").asDouble()).isEqualTo(9.0);
            assertThat(json.path("eval_data").path("eval_status").asText()).isEqualTo("PASSED");
        }
    }

    @Test
    void an_agent_as_judge_request_judges_every_iteration_unlike_agnos_rest() {
        try (StubJudge judge = new StubJudge(r -> StubJudge.numeric(6))) {
            EvalRun run = AgentEvals.using(judge.evaluator).run(EvalRunRequest.builder(EvalType.AGENT_AS_JUDGE, "Hi")
                    .criteria("Friendly").scoringStrategy(ScoringStrategy.NUMERIC).numIterations(2).build(),
                    Subject.of(in -> "Hello!"));
            AgentAsJudgeResult r = (AgentAsJudgeResult) run.evalData();
            assertThat(r.results()).hasSize(2);
            assertThat(r.threshold()).isEqualTo(7);
            assertThat(run.status()).isEqualTo(EvalStatus.FAILED);
        }
    }

    @Test
    void a_performance_request_needs_no_judge() {
        try (StubJudge judge = new StubJudge(r -> StubJudge.numeric(6))) {
            AtomicInteger calls = new AtomicInteger();
            EvalRun run = AgentEvals.using(judge.evaluator).run(EvalRunRequest.builder(EvalType.PERFORMANCE, "Hi")
                    .warmupRuns(2).numIterations(3).build(), Subject.of(in -> "x" + calls.incrementAndGet()));
            assertThat(calls.get()).isEqualTo(5);
            assertThat(((PerformanceResult) run.evalData()).runTimes()).hasSize(3);
            assertThat(judge.server.requestCount()).isZero();
        }
    }

    @Test
    void a_judged_eval_without_any_judge_fails_fast_naming_the_tier() {
        try (var evaluator = dev.railguard.engine.RailguardEvaluator.builder().build()) {
            AtomicInteger calls = new AtomicInteger();
            assertThatThrownBy(() -> AgentEvals.using(evaluator).run(EvalRunRequest.builder(EvalType.ACCURACY, "q")
                    .expectedOutput("4").build(), Subject.of(in -> "4" + calls.incrementAndGet())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the judge panel has no judge in tier standard and no custom judge was given:"
                            + " JudgePanel{}");
            assertThat(calls.get()).as("the agent is not run when nobody can judge it").isZero();
        }
    }
}
