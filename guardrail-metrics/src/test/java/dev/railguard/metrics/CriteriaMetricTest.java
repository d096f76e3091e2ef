package dev.railguard.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.Diagnostic;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.Evaluator;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.api.Verdict;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Criteria metrics through the real OpenAI client against the stub server: steps written once, rubric levels. */
class CriteriaMetricTest {

    static final String STEPS = "{\"considerations\":\"Politeness is easy to over-reward.\",\"steps\":"
            + "[\"Check the tone of every sentence.\",\"Check that the last sentence names a concrete next step.\"]}";

    private final AtomicBoolean stepsFail = new AtomicBoolean();
    private StubOpenAiServer server;

    @BeforeEach
    void start() {
        server = StubOpenAiServer.start(request -> {
            if (request.schemaName().equals("railguard_evaluation_steps")) {
                return stepsFail.get() ? StubReply.status(400) : StubReply.content(STEPS, 300, 80);
            }
            if (request.schemaName().equals("railguard_polite_next_step_units")) {
                return StubReply.content(JudgeReplies.units()
                        .unit("The reply as a whole", "N", "high", "No next step.").json(), 900, 50);
            }
            if (request.schemaName().equals("railguard_helpfulness_units")) {
                return StubReply.content(JudgeReplies.units()
                        .unit("reaches level 2: vague", "level 2", "Y", "certain", "Says something useful.")
                        .unit("reaches level 3: usable", "level 3", "Y", "certain", "Usable.")
                        .unit("reaches level 4: complete", "level 4", "Y", "certain", "Covers it.")
                        .unit("reaches level 5: expert", "level 5", "N", "certain", "No edge cases.").json(), 900, 50);
            }
            if (request.schemaName().equals("railguard_partition_criteria_helpfulness")) {
                return StubReply.content("{\"units\":[" + String.join(",", List.of(
                        "{\"text\":\"reaches level 2\",\"label\":\"level 2\"}",
                        "{\"text\":\"reaches level 3\",\"label\":\"level 3\"}",
                        "{\"text\":\"reaches level 4\",\"label\":\"level 4\"}",
                        "{\"text\":\"reaches level 5\",\"label\":\"level 5\"}")) + "]}", 400, 40);
            }
            if (request.schemaName().equals("railguard_helpfulness_verify")) {
                StringBuilder verdicts = new StringBuilder("{\"verdicts\":[");
                for (int id = 1; id <= 4; id++) {
                    verdicts.append(id == 1 ? "" : ",").append("{\"id\":").append(id).append(",\"verdict\":\"")
                            .append(id < 4 ? "Y" : "N").append("\",\"confidence\":\"certain\",\"reason\":\"r\"}");
                }
                return StubReply.content(verdicts.append("]}").toString(), 400, 40);
            }
            return StubReply.status(400);
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private OpenAiChatModel model(String name) {
        return OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("test-key").modelName(name).maxRetries(0)
                .timeout(Duration.ofSeconds(10)).build();
    }

    static CriteriaMetric polite() {
        return CriteriaMetric.builder("polite_next_step").criteria("Polite, and ends with a concrete next step.")
                .build();
    }

    private RailguardEvaluator evaluator(JudgePanel panel, CriteriaMetric metric, Path cache) {
        RailguardEvaluator.Builder b = RailguardEvaluator.builder().judges(panel)
                .metrics(MetricRegistry.installed().with(metric));
        return (cache == null ? b : b.cacheDirectory(cache)).build();
    }

    private static MetricResult evaluate(Evaluator evaluator, String metric, String output) {
        return evaluator.evaluate(EvaluationRequest.builder()
                .modelInput(ModelInput.ofUserPrompt("My order has not arrived.")).modelOutput(output)
                .metrics(metric).build()).metric(metric);
    }

    private List<RecordedRequest> requests(String schema) {
        return server.requests().stream().filter(r -> r.schemaName().equals(schema)).toList();
    }

    @Test
    void the_strongest_judge_writes_the_steps_once_then_each_evaluation_costs_one_call() {
        JudgePanel panel = JudgePanel.builder().standard("std", model("standard-model"))
                .strong("big", model("strong-model")).build();
        try (RailguardEvaluator evaluator = evaluator(panel, polite(), null)) {
            MetricResult first = evaluate(evaluator, "polite_next_step", "Sorry about that.");
            MetricResult second = evaluate(evaluator, "polite_next_step", "We are sorry.");

            assertThat(first.usage().judgeCalls()).isEqualTo(2);
            assertThat(second.usage().judgeCalls()).isEqualTo(1);
            assertThat(requests("railguard_evaluation_steps")).singleElement().satisfies(r -> {
                assertThat(r.model()).isEqualTo("strong-model");
                assertThat(r.systemText()).contains("Criteria: Polite, and ends with a concrete next step.",
                        "What is judged: the output as a whole");
                assertThat(r.allText()).doesNotContain("Sorry about that."); // steps never see an output
            });
            assertThat(requests("railguard_polite_next_step_units")).hasSize(2).allSatisfy(r -> {
                assertThat(r.model()).isEqualTo("standard-model");
                assertThat(r.systemText()).contains("Evaluation steps:\n1. Check the tone of every sentence.\n"
                        + "2. Check that the last sentence names a concrete next step.");
            });
            assertThat(first.diagnostics()).extracting(Diagnostic::message).contains("evaluation steps written by"
                    + " judge 'big' (now; pin them with evaluationSteps(...) so runs do not depend on them): 1. Check"
                    + " the tone of every sentence. 2. Check that the last sentence names a concrete next step.");
            assertThat(second.diagnostics()).extracting(Diagnostic::message)
                    .anyMatch(m -> m.startsWith("evaluation steps written by judge 'big' (earlier in this evaluator;"));
            assertThat(first.score().getAsDouble()).isZero();
            assertThat(first.verdict()).isEqualTo(Verdict.FAIL);
        }
    }

    @Test
    void a_second_evaluator_over_the_same_cache_directory_reads_the_steps_from_disk(@TempDir Path cache) {
        JudgePanel panel = JudgePanel.single("judge", model("judge-model"));
        try (RailguardEvaluator first = evaluator(panel, polite(), cache)) {
            assertThat(evaluate(first, "polite_next_step", "Sorry.").usage().judgeCalls()).isEqualTo(2);
        }
        server.clear();
        try (RailguardEvaluator second = evaluator(panel, polite(), cache)) {
            MetricResult r = evaluate(second, "polite_next_step", "A different output, so a different units call.");

            assertThat(requests("railguard_evaluation_steps")).isEmpty();
            assertThat(server.requests()).hasSize(1);
            assertThat(r.usage().judgeCalls()).isEqualTo(1);
            assertThat(r.usage().cacheHits()).isEqualTo(1);
            assertThat(r.diagnostics()).extracting(Diagnostic::message)
                    .anyMatch(m -> m.startsWith("evaluation steps written by judge 'judge' (read from the judge cache;"));
        }
    }

    @Test
    void pinned_steps_need_no_steps_call() {
        CriteriaMetric pinned = CriteriaMetric.builder("polite_next_step")
                .criteria("Polite, and ends with a concrete next step.")
                .evaluationSteps("Is every sentence polite?", "Does it end with a next step the customer can take?")
                .build();
        try (RailguardEvaluator evaluator = evaluator(JudgePanel.single("judge", model("m")), pinned, null)) {
            MetricResult r = evaluate(evaluator, "polite_next_step", "Sorry.");

            assertThat(r.usage().judgeCalls()).isEqualTo(1);
            assertThat(requests("railguard_evaluation_steps")).isEmpty();
            assertThat(requests("railguard_polite_next_step_units").get(0).systemText())
                    .contains("1. Is every sentence polite?\n2. Does it end with a next step the customer can take?");
        }
    }

    @Test
    void a_rubric_scores_the_levels_reached_so_band_4_of_5_is_0_75() {
        CriteriaMetric helpful = CriteriaMetric.builder("helpfulness").criteria("Helps the customer resolve it.")
                .rubric("Useless or wrong.", "Vague.", "Usable.", "Complete.", "Expert: complete, with edge cases.")
                .evaluationSteps("Read the prompt.", "Compare the reply with each level.")
                .build();
        try (RailguardEvaluator evaluator = evaluator(JudgePanel.single("judge", model("m")), helpful, null)) {
            MetricResult r = evaluate(evaluator, "helpfulness", "Check the tracking link; if it is stuck, reply.");

            assertThat(r.score().getAsDouble()).isEqualTo(0.75);
            assertThat(r.verdict()).isEqualTo(Verdict.PASS); // default threshold 0.7
            assertThat(r.units()).allSatisfy(u -> assertThat(u.kind()).isEqualTo("criteria_helpfulness"));
            assertThat(requests("railguard_helpfulness_units").get(0).systemText())
                    .contains("Scale, from worst (1) to best (5):\n1. Useless or wrong.\n2. Vague.",
                            "There is one unit per levels 2 to 5 of the scale in the rubric");
        }
    }

    @Test
    void a_rubric_runs_unchanged_in_a_precision_mode_with_two_verifiers() {
        CriteriaMetric helpful = CriteriaMetric.builder("helpfulness").criteria("Helps the customer resolve it.")
                .rubric("Useless.", "Vague.", "Usable.", "Complete.", "Expert.").evaluationSteps("Compare.").build();
        JudgePanel panel = JudgePanel.builder().standard("a", model("model-a")).standard("b", model("model-b"))
                .build();
        try (RailguardEvaluator evaluator = evaluator(panel, helpful, null)) {
            MetricResult r = evaluator.evaluate(EvaluationRequest.builder()
                    .modelInput(ModelInput.ofUserPrompt("My order has not arrived.")).modelOutput("Track it.")
                    .runMode(RunMode.PRECISION).metrics("helpfulness").build()).metric("helpfulness");

            assertThat(r.score().getAsDouble()).isEqualTo(0.75);
            assertThat(r.units()).hasSize(4).allSatisfy(u -> assertThat(u.votes()).hasSize(2));
            assertThat(requests("railguard_helpfulness_verify")).extracting(RecordedRequest::model)
                    .containsExactlyInAnyOrder("model-a", "model-b");
        }
    }

    @Test
    void a_criteria_metric_that_reads_documents_refuses_a_request_without_them() {
        CriteriaMetric grounded = CriteriaMetric.builder("grounded_tone").criteria("Quotes the policy politely.")
                .inputs(CriteriaMetric.Input.PROMPT, CriteriaMetric.Input.DOCUMENTS).evaluationSteps("Check.").build();
        try (RailguardEvaluator evaluator = evaluator(JudgePanel.single("judge", model("m")), grounded, null)) {
            assertThatThrownBy(() -> evaluate(evaluator, "grounded_tone", "Per our policy, sorry."))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("metric 'grounded_tone' requires modelInput.documents, but it was missing or blank");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void steps_that_cannot_be_written_make_the_metric_error_and_the_next_evaluation_asks_again() {
        stepsFail.set(true);
        try (RailguardEvaluator evaluator = evaluator(JudgePanel.single("judge", model("m")), polite(), null)) {
            MetricResult failed = evaluate(evaluator, "polite_next_step", "Sorry.");

            assertThat(failed.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(failed.rationale()).startsWith("the evaluation steps could not be written by judge 'judge': ");
            assertThat(requests("railguard_polite_next_step_units")).isEmpty();

            stepsFail.set(false);
            MetricResult r = evaluate(evaluator, "polite_next_step", "Sorry.");
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(requests("railguard_evaluation_steps")).hasSize(2);
        }
    }

    @Test
    void an_evaluator_view_with_a_criteria_metric_shares_the_steps_already_written() {
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder()
                .judges(JudgePanel.single("judge", model("m"))).build()) {
            var view = evaluator.withMetrics(polite());
            evaluate(evaluator.withMetrics(polite()), "polite_next_step", "Sorry.");
            MetricResult r = view.evaluate(EvaluationRequest.builder()
                    .modelInput(ModelInput.ofUserPrompt("Where is it?")).modelOutput("No idea.")
                    .metrics("polite_next_step").build()).metric("polite_next_step");

            assertThat(r.usage().judgeCalls()).isEqualTo(1);
            assertThat(requests("railguard_evaluation_steps")).hasSize(1);
            assertThat(evaluator.metricNames()).doesNotContain("polite_next_step");
        }
    }
}
