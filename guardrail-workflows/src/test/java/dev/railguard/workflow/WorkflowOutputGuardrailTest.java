package dev.railguard.workflow;

import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.TestMetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.guardrail.OutputGuardrailException;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The workflow as a LangChain4j output guardrail on an AI service, through the stub server. */
class WorkflowOutputGuardrailTest {

    interface Assistant {
        String chat(String question);
    }

    static final String QUESTION = WorkflowThroughOpenAiTest.INPUT.userPrompt();

    StubOpenAiServer server;
    RailguardEvaluator evaluator;
    OpenAiChatModel model;
    final Queue<String> answers = new ConcurrentLinkedQueue<>();
    volatile boolean judgeBroken;

    @BeforeEach
    void start() {
        server = StubOpenAiServer.start(request -> {
            if (request.schemaName().isEmpty()) {
                String reply = answers.poll();
                return reply == null ? StubReply.status(500) : StubReply.content(reply, 30, 40);
            }
            if (judgeBroken) {
                return StubReply.content("the judge is having a bad day", 100, 20);
            }
            return StubReply.content(WorkflowThroughOpenAiTest.judge(TestMetrics.metricOf(request),
                    TestMetrics.outputOf(request)), 100, 20);
        });
        OpenAiChatModel judge = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").modelName("judge-model")
                .maxRetries(0).timeout(Duration.ofSeconds(10)).build();
        model = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").modelName("assistant-model")
                .maxRetries(0).timeout(Duration.ofSeconds(10)).build();
        evaluator = RailguardEvaluator.builder().judges(JudgePanel.single("judge", judge))
                .metrics(MetricRegistry.of(TestMetrics.judged("correctness", 0.8), TestMetrics.judged("tone", 0.7)))
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5)) // a broken judge is retried in ms, not 50 s
                .build();
    }

    @AfterEach
    void stop() {
        evaluator.close();
        server.close();
    }

    WorkflowOutputGuardrail guardrail;

    Assistant assistant(Workflow workflow) {
        guardrail = workflow.outputGuardrail();
        return AiServices.builder(Assistant.class)
                .chatModel(model)
                .chatMemory(MessageWindowChatMemory.withMaxMessages(20))
                .outputGuardrails(guardrail)
                .outputGuardrailsConfig(guardrail.config())
                .build();
    }

    Workflow workflow(ImprovementAction action) {
        Workflow.Builder b = Workflow.builder().name("guarded").evaluator(evaluator)
                .metric("correctness", 0.8).metric("tone", 0.7).improvementAction(action).maxImprovementAttempts(2);
        return (action.improves() ? b.generator(model) : b).build();
    }

    List<RecordedRequest> modelRequests() {
        return server.requests().stream().filter(r -> r.schemaName().isEmpty()).toList();
    }

    @Test
    void a_passing_answer_goes_through_after_one_judgement() {
        answers.add(WorkflowThroughOpenAiTest.RIGHT);
        try (Workflow workflow = workflow(ImprovementAction.FIXIT)) {
            assertThat(assistant(workflow).chat(QUESTION)).isEqualTo(WorkflowThroughOpenAiTest.RIGHT);
            assertThat(modelRequests()).hasSize(1);
            // the judges saw the question the AI service was asked
            assertThat(server.requests().stream().filter(r -> !r.schemaName().isEmpty()))
                    .allSatisfy(r -> assertThat(r.userText()).contains(QUESTION));
        }
    }

    @Test
    void fixit_reprompts_with_the_judges_rationale_through_langchain4j() {
        answers.addAll(List.of(WorkflowThroughOpenAiTest.WRONG, WorkflowThroughOpenAiTest.RIGHT));
        try (Workflow workflow = workflow(ImprovementAction.FIXIT)) {
            String answer = assistant(workflow).chat(QUESTION);

            assertThat(answer).isEqualTo(WorkflowThroughOpenAiTest.RIGHT);
            List<RecordedRequest> calls = modelRequests();
            assertThat(calls).hasSize(2);
            List<String> userMessages = calls.get(1).messages("user");
            assertThat(userMessages.get(0)).isEqualTo(QUESTION);
            assertThat(userMessages.get(userMessages.size() - 1))
                    .startsWith("Your previous answer failed these checks:")
                    .contains("correctness failed (score 0.50, threshold 0.80)")
                    .contains("Paris has about 2.1 million inhabitants.")
                    .contains("fixing exactly these problems and keeping everything else");
        }
    }

    @Test
    void a_judge_failure_is_fatal_and_never_reprompts_the_model() {
        judgeBroken = true;
        answers.addAll(List.of(WorkflowThroughOpenAiTest.RIGHT, WorkflowThroughOpenAiTest.RIGHT));
        try (Workflow workflow = workflow(ImprovementAction.FIXIT)) {
            assertThatThrownBy(() -> assistant(workflow).chat(QUESTION))
                    .hasMessageContaining("workflow 'guarded' could not evaluate the answer");
            // the answer was never judged, so asking the model to "fix" it would only spend tokens
            assertThat(modelRequests()).hasSize(1);
        }
    }

    @Test
    void regen_retries_the_same_messages_through_langchain4j() {
        answers.addAll(List.of(WorkflowThroughOpenAiTest.WRONG, WorkflowThroughOpenAiTest.RIGHT));
        try (Workflow workflow = workflow(ImprovementAction.REGEN)) {
            String answer = assistant(workflow).chat(QUESTION);

            assertThat(answer).isEqualTo(WorkflowThroughOpenAiTest.RIGHT);
            List<RecordedRequest> calls = modelRequests();
            assertThat(calls).hasSize(2);
            assertThat(calls.get(1).messages("user")).containsExactly(QUESTION);
            assertThat(workflow.outputGuardrail().config().maxRetries()).isEqualTo(3);
        }
    }

    @Test
    void do_nothing_fails_the_call_and_an_answer_that_never_passes_exhausts_the_retries() {
        answers.add(WorkflowThroughOpenAiTest.WRONG);
        try (Workflow workflow = workflow(ImprovementAction.DO_NOTHING)) {
            assertThatThrownBy(() -> assistant(workflow).chat(QUESTION))
                    .isInstanceOf(OutputGuardrailException.class)
                    .hasMessageContaining("the answer failed workflow 'guarded': correctness failed");
            assertThat(modelRequests()).hasSize(1);
        }
        server.clear();
        answers.addAll(List.of(WorkflowThroughOpenAiTest.WRONG, WorkflowThroughOpenAiTest.WRONG,
                WorkflowThroughOpenAiTest.WRONG, WorkflowThroughOpenAiTest.WRONG));
        try (Workflow workflow = workflow(ImprovementAction.FIXIT)) {
            assertThatThrownBy(() -> assistant(workflow).chat(QUESTION))
                    .isInstanceOf(OutputGuardrailException.class)
                    .hasMessageContaining("maximum number of retries");
            // LangChain4j 1.19 validates maxRetries = 3 answers: the first and two improvements
            assertThat(modelRequests()).hasSize(3);
            assertThat(guardrail.validations()).isEqualTo(3);
            assertThat(guardrail.failures()).isEqualTo(3);
        }
    }
}
