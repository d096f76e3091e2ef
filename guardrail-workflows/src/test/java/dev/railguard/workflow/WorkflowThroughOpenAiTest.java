package dev.railguard.workflow;

import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.TestMetrics;
import dev.railguard.event.EventInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.api.Verdict;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Workflows through the real OpenAI client against the stub server: judges are requests with a JSON schema (routed
 * by schema name), the generator is the request without one.
 */
class WorkflowThroughOpenAiTest {

    static final ModelInput INPUT = ModelInput.builder()
            .systemPrompt("Answer in one or two sentences.")
            .userPrompt("What is the capital of France and how many people live there?")
            .build();
    static final String WRONG = "Paris is the capital of France. It has 80 million inhabitants.";
    static final String STILL_WRONG = "Paris is the capital of France. It has 3 million inhabitants.";
    static final String RIGHT = "Paris is the capital of France. It has about 2.1 million inhabitants.";

    /** The scripted judges: correctness fails a population other than 2.1 million; tone fails shouting. */
    static String judge(String metric, String output) {
        return switch (metric) {
            case "correctness" -> output.contains("million") && !output.contains("2.1 million")
                    ? JudgeReplies.units()
                            .unit("Paris is the capital of France.", "Y", "certain", "Well known.")
                            .unit("The population claim", "N", "high", "Paris has about 2.1 million inhabitants.").json()
                    : JudgeReplies.units().unit("Paris is the capital of France.", "Y", "certain", "Well known.").json();
            case "tone" -> output.contains("!!!")
                    ? JudgeReplies.units().unit("shouting", "N", "high", "Shouting is rude.").json()
                    : JudgeReplies.units().unit("calm", "Y", "high", "Polite.").json();
            default -> throw new IllegalStateException("no judge for " + metric);
        };
    }

    StubOpenAiServer server;
    RailguardEvaluator evaluator;
    OpenAiChatModel generator;
    final Queue<String> generatorReplies = new ConcurrentLinkedQueue<>();
    volatile Function<RecordedRequest, Duration> judgeDelay = r -> Duration.ZERO;

    @BeforeEach
    void start() {
        server = StubOpenAiServer.start(request -> {
            if (request.schemaName().isEmpty()) {
                String reply = generatorReplies.poll();
                return reply == null ? StubReply.status(500) : StubReply.content(reply, 30, 40);
            }
            String output = TestMetrics.outputOf(request);
            if (output.contains("GARBAGE") && TestMetrics.metricOf(request).equals("correctness")) {
                return StubReply.content("not json at all", 100, 20);
            }
            return StubReply.content(judge(TestMetrics.metricOf(request), output), 100, 20)
                    .delayed(judgeDelay.apply(request));
        });
        OpenAiChatModel judgeModel = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k")
                .modelName("judge-model").maxRetries(0).timeout(Duration.ofSeconds(10)).build();
        generator = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k")
                .modelName("generator-model").maxRetries(0).timeout(Duration.ofSeconds(10)).build();
        evaluator = RailguardEvaluator.builder().judges(JudgePanel.single("judge", judgeModel))
                // a reply broken in transport is retried within the retry budget: short backoff keeps the test fast
                .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(50))
                .metrics(MetricRegistry.of(TestMetrics.judged("correctness", 0.8), TestMetrics.judged("tone", 0.7)))
                // web search needs an engine since run modes gained search; this one finds nothing
                .webSearch(query -> dev.langchain4j.web.search.WebSearchResults.from(
                        dev.langchain4j.web.search.WebSearchInformationResult.from(0L), List.of()))
                .build();
    }

    @AfterEach
    void stop() {
        evaluator.close();
        server.close();
    }

    Workflow.Builder workflow(ImprovementAction action) {
        Workflow.Builder b = Workflow.builder().name("capitals").evaluator(evaluator)
                .metric("correctness", 0.8).metric("tone", 0.7).improvementAction(action);
        return action.improves() ? b.generator(generator) : b;
    }

    static WorkflowEvent run(Workflow workflow, String output) {
        WorkflowEvent submitted = workflow.submit(EventInput.of(INPUT, output).withModelUsed("gpt-x").withNametag("t"));
        assertThat(submitted.eventId()).matches("evt_[a-z0-9]{16}");
        return workflow.completion(submitted.eventId()).orTimeout(20, TimeUnit.SECONDS).join();
    }

    Map<String, Long> judgeRequestsByMetric() {
        return server.requests().stream().filter(r -> !r.schemaName().isEmpty())
                .collect(Collectors.groupingBy(TestMetrics::metricOf, Collectors.counting()));
    }

    List<RecordedRequest> generatorRequests() {
        return server.requests().stream().filter(r -> r.schemaName().isEmpty()).toList();
    }

    @Test
    void fixit_repairs_on_the_second_attempt_and_rejudges_only_the_failing_metric() throws Exception {
        generatorReplies.addAll(List.of(STILL_WRONG, RIGHT));
        try (Workflow workflow = workflow(ImprovementAction.FIXIT).build()) {
            WorkflowEvent e = run(workflow, WRONG);

            assertThat(e.status()).isEqualTo(EvaluationStatus.COMPLETED);
            assertThat(e.progress()).isEqualTo(100);
            assertThat(e.improvementToolStatus()).isEqualTo(ImprovementToolStatus.IMPROVED);
            assertThat(e.filtered()).isFalse();
            assertThat(e.improvedModelOutput()).isEqualTo(RIGHT);
            assertThat(e.finalOutput()).contains(RIGHT);
            assertThat(e.evaluationHistory()).extracting(EvaluationAttempt::attempt)
                    .containsExactly("Initial Evaluation", "Improvement Attempt 1", "Improvement Attempt 2");
            assertThat(e.evaluationHistory()).extracting(EvaluationAttempt::modelOutput)
                    .containsExactly(WRONG, STILL_WRONG, RIGHT);
            // assumed pass: tone passed initially and is carried, never judged again
            assertThat(judgeRequestsByMetric()).isEqualTo(Map.of("correctness", 3L, "tone", 1L));
            EvaluationAttempt second = e.evaluationHistory().get(1);
            assertThat(second.carriedOver()).containsExactly("tone");
            assertThat(second.metrics().get("tone").diagnostics().toString()).contains("assumed pass");
            assertThat(second.judgeUsage().judgeCalls()).isEqualTo(1);
            assertThat(second.generatorUsage().inputTokens()).isEqualTo(30);
            assertThat(second.generatorUsage().outputTokens()).isEqualTo(40);
            assertThat(e.evaluationHistory().get(0).carriedOver()).isEmpty();
            // summaries on every failed evaluation, none on the final passing one
            assertThat(e.analysisOfFailures()).hasSize(2);
            assertThat(e.analysisOfFailures().get(0))
                    .startsWith("correctness failed (score 0.50, threshold 0.80)")
                    .contains("Paris has about 2.1 million inhabitants.");
            assertThat(e.keyImprovements()).hasSize(2);
            assertThat(e.keyImprovements().get(0)).containsExactly(
                    "correctness: fix 'The population claim' (Paris has about 2.1 million inhabitants.)");
            assertThat(e.evaluationHistory().get(2).analysisOfFailures()).isEmpty();
            // the final result merges carried and fresh metrics under the event's id
            assertThat(e.evaluationResult().eventId()).isEqualTo(e.eventId());
            assertThat(e.evaluationResult().passed()).isTrue();
            assertThat(e.evaluationResult().metrics().keySet()).containsExactly("correctness", "tone");
            assertThat(e.evaluationResult().usage().judgeCalls()).isEqualTo(4);
            assertThat(e.usage().callsByJudge()).isEqualTo(Map.of("judge", 4, "generator", 2));
            // the FIXIT prompt: original prompt, failed output, the findings, fix only those
            List<RecordedRequest> gen = generatorRequests();
            assertThat(gen).hasSize(2);
            String repair = gen.get(0).allText();
            assertThat(repair).contains("fixes exactly those failures and nothing else")
                    .contains("<<<BEGIN original_user_prompt").contains(INPUT.userPrompt())
                    .contains("<<<BEGIN original_system_prompt").contains(INPUT.systemPrompt())
                    .contains("<<<BEGIN failed_response").contains(WRONG)
                    .contains("failing item: 'The population claim': Paris has about 2.1 million inhabitants.")
                    .doesNotContain("tone failed");
            assertThat(gen.get(1).allText()).contains(STILL_WRONG);
            assertThat(gen.get(0).model()).isEqualTo("generator-model");
            assertThat(workflow.stats()).isEqualTo(new WorkflowStats(1, 1, 1, 0, 0, 0));
            assertThat(workflow.event(e.eventId())).contains(e);
            com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(e.toJson());
            assertThat(json.path("improvement_tool_status").asText()).isEqualTo("improved");
            assertThat(json.path("improved_model_output").asText()).isEqualTo(RIGHT);
            assertThat(json.path("evaluation_history").get(1).path("attempt").asText()).isEqualTo("Improvement Attempt 1");
            assertThat(json.path("evaluation_history").get(1).path("carried_over").get(0).asText()).isEqualTo("tone");
            assertThat(json.path("key_improvements").get(0).path("key_improvement")).hasSize(1);
            assertThat(json.path("evaluation_result").path("correctness").path("score").asDouble()).isEqualTo(1.0);
            assertThat(workflow.recentEvents()).containsExactly(e);
        }
    }

    @Test
    void fixit_that_runs_out_of_attempts_ends_improvement_failed_with_the_output_still_filtered() {
        generatorReplies.addAll(List.of(STILL_WRONG, STILL_WRONG, RIGHT));
        try (Workflow workflow = workflow(ImprovementAction.FIXIT).maxImprovementAttempts(2).build()) {
            WorkflowEvent e = run(workflow, WRONG);

            assertThat(e.status()).isEqualTo(EvaluationStatus.COMPLETED);
            assertThat(e.improvementToolStatus()).isEqualTo(ImprovementToolStatus.IMPROVEMENT_FAILED);
            assertThat(e.filtered()).isTrue();
            assertThat(e.improvedModelOutput()).isNull();
            assertThat(e.finalOutput()).isEmpty();
            assertThat(e.evaluationHistory()).hasSize(3);
            assertThat(e.improvementAttempts()).isEqualTo(2);
            assertThat(generatorRequests()).hasSize(2);
            assertThat(e.analysisOfFailures()).hasSize(3);
            assertThat(e.evaluationResult().metric("correctness").verdict()).isEqualTo(Verdict.FAIL);
            assertThat(workflow.stats()).isEqualTo(new WorkflowStats(1, 1, 0, 0, 0, 0));
        }
    }

    @Test
    void regen_reruns_the_original_prompt_with_raised_temperature() {
        generatorReplies.addAll(List.of(STILL_WRONG, RIGHT));
        try (Workflow workflow = workflow(ImprovementAction.REGEN).build()) {
            WorkflowEvent e = run(workflow, WRONG);

            assertThat(e.improvementToolStatus()).isEqualTo(ImprovementToolStatus.IMPROVED);
            assertThat(e.improvedModelOutput()).isEqualTo(RIGHT);
            List<RecordedRequest> gen = generatorRequests();
            assertThat(gen).hasSize(2);
            for (RecordedRequest r : gen) {
                assertThat(r.messages("system")).containsExactly(INPUT.systemPrompt());
                assertThat(r.messages("user")).containsExactly(INPUT.userPrompt());
            }
            assertThat(gen.get(0).temperature()).hasValueSatisfying(t -> assertThat(t).isCloseTo(0.9, within(1e-9)));
            assertThat(gen.get(1).temperature()).hasValueSatisfying(t -> assertThat(t).isCloseTo(1.0, within(1e-9)));
            assertThat(judgeRequestsByMetric()).isEqualTo(Map.of("correctness", 3L, "tone", 1L));
        }
    }

    @Test
    void do_nothing_only_flags_and_never_calls_a_generator() {
        try (Workflow workflow = workflow(ImprovementAction.DO_NOTHING).build()) {
            WorkflowEvent e = run(workflow, WRONG + "!!!");

            assertThat(e.improvementToolStatus()).isEqualTo(ImprovementToolStatus.IMPROVEMENT_REQUIRED);
            assertThat(e.filtered()).isTrue();
            assertThat(e.evaluationHistory()).hasSize(1);
            assertThat(e.analysisOfFailures().get(0)).contains("correctness failed").contains("tone failed");
            assertThat(generatorRequests()).isEmpty();
            assertThat(workflow.stats()).isEqualTo(new WorkflowStats(1, 1, 0, 0, 0, 0));
        }
    }

    @Test
    void a_passing_output_needs_no_improvement() {
        generatorReplies.add("never used");
        try (Workflow workflow = workflow(ImprovementAction.FIXIT).build()) {
            WorkflowEvent e = run(workflow, RIGHT);

            assertThat(e.improvementToolStatus()).isEqualTo(ImprovementToolStatus.NO_IMPROVEMENT_REQUIRED);
            assertThat(e.filtered()).isFalse();
            assertThat(e.finalOutput()).contains(RIGHT);
            assertThat(e.analysisOfFailures()).isEmpty();
            assertThat(generatorRequests()).isEmpty();
            assertThat(e.nametag()).isEqualTo("t");
            assertThat(e.modelUsed()).isEqualTo("gpt-x");
        }
    }

    @Test
    void a_failing_generator_fails_the_event_with_the_cause() {
        try (Workflow workflow = workflow(ImprovementAction.FIXIT).build()) {
            WorkflowEvent e = run(workflow, WRONG); // no scripted generator reply: the stub answers 500

            assertThat(e.status()).isEqualTo(EvaluationStatus.FAILED);
            assertThat(e.improvementToolStatus()).isEqualTo(ImprovementToolStatus.IMPROVEMENT_FAILED);
            assertThat(e.errorMessage()).startsWith("generator failed on Improvement Attempt 1 (fixit): ");
            assertThat(workflow.stats().failed()).isEqualTo(1);
        }
    }

    @Test
    void a_metric_the_judge_could_not_evaluate_fails_the_event_without_spending_a_repair() {
        generatorReplies.add(RIGHT);
        try (Workflow workflow = workflow(ImprovementAction.FIXIT).build()) {
            WorkflowEvent e = run(workflow, RIGHT + " GARBAGE");

            assertThat(e.status()).isEqualTo(EvaluationStatus.FAILED);
            assertThat(e.improvementToolStatus()).isNull();
            assertThat(e.errorMessage()).startsWith("Initial Evaluation could not be evaluated: correctness could not be"
                    + " evaluated (error): judge 'judge' gave no usable reply after one repair call");
            assertThat(e.evaluationHistory()).hasSize(1);
            assertThat(e.evaluationResult().metric("correctness").verdict()).isEqualTo(Verdict.ERROR);
            assertThat(e.evaluationResult().metric("tone").verdict()).isEqualTo(Verdict.PASS);
            assertThat(e.finalOutput()).isEmpty();
            assertThat(generatorRequests()).isEmpty();
            assertThat(workflow.stats().failed()).isEqualTo(1);
        }
    }

    @Test
    void streaming_emits_the_original_when_it_passes_and_the_improved_text_otherwise() {
        generatorReplies.add(RIGHT);
        try (Workflow workflow = workflow(ImprovementAction.FIXIT).build()) {
            Collected passing = Collected.of(workflow.submitAndStream(EventInput.of(INPUT, RIGHT)
                    .withModelUsed("gpt-x")));
            assertThat(passing.error).isNull();
            assertThat(String.join("", passing.items)).isEqualTo(RIGHT);
            assertThat(passing.items).hasSizeGreaterThan(5).contains("Paris", " is", " capital");

            Collected repaired = Collected.of(workflow.submitAndStream(EventInput.of(INPUT, WRONG)
                    .withModelUsed("gpt-x")));
            assertThat(repaired.error).isNull();
            assertThat(String.join("", repaired.items)).isEqualTo(RIGHT);
        }
    }

    @Test
    void streaming_signals_an_error_when_there_is_no_text_to_forward() {
        try (Workflow workflow = workflow(ImprovementAction.DO_NOTHING).build()) {
            Collected flagged = Collected.of(workflow.submitAndStream(EventInput.of(INPUT, WRONG)
                    .withModelUsed("gpt-x")));
            assertThat(flagged.items).isEmpty();
            assertThat(flagged.error).isInstanceOf(OutputFilteredException.class)
                    .hasMessageContaining("did not pass its guardrails (improvement_required after 0 improvement attempts);"
                            + " failing: [correctness]");
            assertThat(((OutputFilteredException) flagged.error).event().filtered()).isTrue();
        }
    }

    @Test
    void streaming_is_refused_on_the_precision_max_modes() {
        try (Workflow workflow = workflow(ImprovementAction.DO_NOTHING).build()) {
            for (RunMode mode : List.of(RunMode.PRECISION_MAX, RunMode.PRECISION_MAX_CODEX)) {
                assertThatThrownBy(() -> workflow.submitAndStream(EventInput.of(INPUT, RIGHT).withModelUsed("gpt-x")
                        .withRunMode(mode)))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("runMode '" + mode.wireName() + "' does not support streaming: streaming is"
                                + " supported on every run mode except precision_max and precision_max_codex (as in"
                                + " DeepRails); use submit(...) or another run mode");
            }
            assertThat(server.requestCount()).isZero();
        }
    }

    @Test
    void an_inactive_workflow_refuses_events_until_activated_and_updates_change_only_what_they_name() {
        try (Workflow workflow = workflow(ImprovementAction.FIXIT).active(false).build()) {
            assertThatThrownBy(() -> workflow.submit(EventInput.of(INPUT, RIGHT).withModelUsed("gpt-x")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("workflow " + workflow.id() + " ('capitals') is inactive and refuses events; activate it"
                            + " with update(WorkflowUpdate.builder().active(true).build())");
            WorkflowSettings before = workflow.settings();

            WorkflowSettings after = workflow.update(WorkflowUpdate.builder().active(true).maxImprovementAttempts(3).build());

            assertThat(after.active()).isTrue();
            assertThat(after.maxImprovementAttempts()).isEqualTo(3);
            assertThat(after).usingRecursiveComparison().ignoringFields("active", "maxImprovementAttempts")
                    .isEqualTo(before);
            workflow.update(WorkflowUpdate.builder().threshold("tone", 0.5).build());
            assertThat(workflow.settings().thresholds()).containsExactly(Map.entry("correctness", 0.8), Map.entry("tone", 0.5));
            assertThat(workflow.settings().name()).isEqualTo("capitals");
            assertThat(workflow.id()).matches("wkfl_[a-z0-9]{16}");
            assertThat(run(workflow, RIGHT).status()).isEqualTo(EvaluationStatus.COMPLETED);
        }
    }

    @Test
    void builder_and_update_reject_invalid_settings_with_clear_messages() {
        assertThatThrownBy(() -> Workflow.builder().name("w").evaluator(evaluator).metric("correctness", 0.8)
                .improvementAction(ImprovementAction.FIXIT).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("generator must be set when improvementAction is 'fixit': give the ChatModel that"
                        + " regenerates or repairs outputs");
        assertThatThrownBy(() -> Workflow.builder().metric("correctness", 1.5))
                .hasMessage("threshold of metric 'correctness' must be between 0.0 and 1.0, but was: 1.5");
        assertThatThrownBy(() -> Workflow.builder().name("w").evaluator(evaluator).metric("fluency", 0.5).build())
                .hasMessage("metrics contains unknown metric 'fluency'; known metrics are [correctness, tone]");
        assertThatThrownBy(() -> Workflow.builder().maxImprovementAttempts(0))
                .hasMessage("maxImprovementAttempts must be between 1 and 100, but was: 0");
        var judgeModel = evaluator.panel().all().get(0).model();
        assertThatThrownBy(() -> Workflow.builder().name("w").evaluator(evaluator).metric("correctness", 0.8)
                .improvementAction(ImprovementAction.REGEN).generator(judgeModel).build())
                .hasMessage("generator is the model of judge 'judge'; a workflow never repairs outputs with one of its"
                        + " judges unless allowJudgeAsGenerator(true) says so");
        try (Workflow allowed = Workflow.builder().name("w").evaluator(evaluator).metric("correctness", 0.8)
                .improvementAction(ImprovementAction.REGEN).generator(judgeModel).allowJudgeAsGenerator(true).build();
                Workflow w = workflow(ImprovementAction.DO_NOTHING).build()) {
            assertThat(allowed.settings().generator()).isSameAs(judgeModel);
            assertThatThrownBy(() -> w.update(WorkflowUpdate.builder().improvementAction(ImprovementAction.REGEN).build()))
                    .hasMessage("generator must be set when improvementAction is 'regen': give the ChatModel that"
                            + " regenerates or repairs outputs");
            assertThat(w.settings().improvementAction()).isEqualTo(ImprovementAction.DO_NOTHING);
            assertThatThrownBy(() -> w.update(WorkflowUpdate.builder().removeMetric("correctness").removeMetric("tone").build()))
                    .hasMessage("metrics must name at least one metric, but was: []");
        }
    }

    @Test
    void tolerance_levels_resolve_to_the_documented_thresholds() {
        try (Workflow w = Workflow.builder().name("w").evaluator(evaluator)
                .metric("correctness", Tolerance.LOW).metric("tone", Tolerance.HIGH).build()) {
            assertThat(w.settings().thresholds().get("correctness")).isEqualTo(0.90);
            // tone is not in the table: its default 0.7 minus 0.15
            assertThat(w.settings().thresholds().get("tone")).isCloseTo(0.55, within(1e-9));
            assertThat(w.settings().thresholdType()).isEqualTo("automatic");
            w.update(WorkflowUpdate.builder().threshold("tone", 0.6).build());
            assertThat(w.settings().thresholdType()).isEqualTo("mixed");
            assertThat(w.settings().customThresholds()).isEqualTo(Map.of("tone", 0.6));
        }
        assertThat(Tolerance.MEDIUM.threshold("comprehensive_safety", 1.0)).isEqualTo(1.0);
        assertThat(Tolerance.HIGH.threshold("comprehensive_safety", 1.0)).isEqualTo(1.0);
        assertThat(Tolerance.LOW.threshold("completeness", 0.7)).isEqualTo(0.8);
    }

    @Test
    void a_running_event_can_be_canceled_and_listeners_hear_every_terminal_event() throws Exception {
        CountDownLatch judging = new CountDownLatch(1);
        judgeDelay = r -> {
            judging.countDown();
            return Duration.ofSeconds(60); // never answers while the test runs: a 2 s reply raced a slow cancel
        };
        List<WorkflowEvent> heard = new CopyOnWriteArrayList<>();
        try (Workflow workflow = workflow(ImprovementAction.DO_NOTHING).build()) {
            workflow.addListener(heard::add);
            WorkflowEvent submitted = workflow.submit(EventInput.of(INPUT, RIGHT).withModelUsed("gpt-x"));
            assertThat(submitted.status()).isEqualTo(EvaluationStatus.IN_PROGRESS);
            assertThat(submitted.progress()).isZero();
            assertThat(judging.await(20, TimeUnit.SECONDS)).isTrue();

            assertThat(workflow.cancel(submitted.eventId())).isTrue();
            assertThat(workflow.cancel(submitted.eventId())).isFalse();

            WorkflowEvent e = workflow.event(submitted.eventId()).orElseThrow();
            assertThat(e.status()).isEqualTo(EvaluationStatus.CANCELED);
            assertThat(e.errorMessage()).isEqualTo("canceled by the caller");
            assertThat(workflow.stats().canceled()).isEqualTo(1);
            assertThat(heard).extracting(WorkflowEvent::eventId).containsExactly(submitted.eventId());
        }
    }

    @Test
    void capabilities_are_passed_into_every_evaluation_the_workflow_asks_for() {
        try (Workflow workflow = workflow(ImprovementAction.DO_NOTHING)
                .capabilities(dev.railguard.api.Capability.CONTEXT_AWARENESS, dev.railguard.api.Capability.WEB_SEARCH)
                .build()) {
            ModelInput withContext = INPUT.toBuilder().addContext("student", "Keep it short.").build();
            WorkflowEvent e = workflow.completion(workflow.submit(EventInput.of(withContext, RIGHT)
                    .withModelUsed("gpt-x")).eventId()).join();

            assertThat(e.status()).isEqualTo(EvaluationStatus.COMPLETED);
            assertThat(server.requests()).isNotEmpty().allSatisfy(r ->
                    assertThat(r.userText()).contains("<<<BEGIN context").contains("student: Keep it short."));
            assertThatThrownBy(() -> workflow.submit(EventInput.of(withContext, RIGHT).withModelUsed("gpt-x")
                    .withRunMode(RunMode.SUPER_FAST)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("capabilities [web_search] are not supported with runMode 'super_fast'");
        }
    }

    /** Collects a publisher's items, requesting one at a time. */
    static final class Collected {
        final List<String> items = Collections.synchronizedList(new ArrayList<>());
        volatile Throwable error;

        static Collected of(java.util.concurrent.Flow.Publisher<String> publisher) {
            Collected c = new Collected();
            CountDownLatch done = new CountDownLatch(1);
            publisher.subscribe(new java.util.concurrent.Flow.Subscriber<>() {
                java.util.concurrent.Flow.Subscription s;

                @Override
                public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                    this.s = s;
                    s.request(1);
                }

                @Override
                public void onNext(String item) {
                    c.items.add(item);
                    s.request(1);
                }

                @Override
                public void onError(Throwable t) {
                    c.error = t;
                    done.countDown();
                }

                @Override
                public void onComplete() {
                    done.countDown();
                }
            });
            try {
                assertThat(done.await(20, TimeUnit.SECONDS)).as("stream ended").isTrue();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return c;
        }
    }
}
