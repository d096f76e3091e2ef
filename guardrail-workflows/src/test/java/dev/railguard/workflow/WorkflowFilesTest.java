package dev.railguard.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.railguard.api.Capability;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.ModelInput;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.TestMetrics;
import dev.railguard.event.EventInput;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.ScriptedChatModel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Seed 000 in the Java API: a workflow event requires model_used; a workflow carries file ids that restrict its
 * judges' file search, and FIXIT's generator may search those files when it repairs an output.
 */
class WorkflowFilesTest {

    private static final ModelInput INPUT = ModelInput.ofUserPrompt("How long is the refund window?");

    /**
     * The judge: searches the files once when it has the tool, then calls an output naming "30 days" right and
     * anything else wrong.
     */
    private final ScriptedChatModel judge = ScriptedChatModel.responding(r -> {
        if (!r.toolSpecifications().isEmpty() && toolResults(r).isEmpty()) {
            return ChatResponse.builder().aiMessage(AiMessage.from(List.of(ToolExecutionRequest.builder().id("j1")
                    .name("file_search").arguments("{\"query\": \"refund days\"}").build())))
                    .finishReason(FinishReason.TOOL_EXECUTION).tokenUsage(new TokenUsage(10, 5)).build();
        }
        // the prompt holds no "30 days" but in the output (search results come in tool messages)
        return ChatResponse.builder().aiMessage(AiMessage.from(ScriptedChatModel.userText(r).contains("30 days")
                        ? JudgeReplies.units().unit("30 days", "Y", "high", "Matches the policy.").json()
                        : JudgeReplies.units().unit("14 days", "N", "high", "The policy says 30 days.").json()))
                .finishReason(FinishReason.STOP).tokenUsage(new TokenUsage(10, 5)).build();
    });

    private RailguardEvaluator evaluator() {
        return RailguardEvaluator.builder().judges(JudgePanel.single("judge", judge))
                .metrics(MetricRegistry.of(TestMetrics.judged("correctness", 0.8))).build();
    }

    @Test
    void a_workflow_event_without_model_used_is_refused_naming_the_field() {
        try (RailguardEvaluator evaluator = evaluator();
                Workflow workflow = Workflow.builder().name("w").evaluator(evaluator).metric("correctness", 0.8)
                        .build()) {
            assertThatThrownBy(() -> workflow.submit(EventInput.of(INPUT, "30 days.")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("modelUsed is required for a workflow event (the model that produced the output,"
                            + " DeepRails' model_used), so that a model never judges its own output unchecked; set it"
                            + " with EventInput.withModelUsed(name), but was: null");
            assertThatThrownBy(() -> workflow.submit(EventInput.of(INPUT, "30 days.").withModelUsed(" ")))
                    .hasMessageEndingWith("but was: ' '");
            assertThat(workflow.stats().outputsProcessed()).isZero();
        }
    }

    @Test
    void files_without_the_store_that_holds_them_are_refused_at_build() {
        try (RailguardEvaluator evaluator = evaluator()) {
            assertThatThrownBy(() -> Workflow.builder().name("w").evaluator(evaluator).metric("correctness", 0.8)
                    .fileIds("file_x").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("fileIds [file_x] need the DocumentStore that holds them, for FIXIT's generator to"
                            + " search: give it with documents(store), for example the evaluator's documents()");
        }
    }

    @Test
    void fixits_generator_searches_the_workflows_files_and_its_judges_search_only_them() {
        try (RailguardEvaluator evaluator = evaluator()) {
            String policy = evaluator.documents().add("refund-policy.md", "Refunds are accepted within 30 days.");
            evaluator.documents().add("old-policy.md", "Refunds are accepted within 14 days (2019 policy).");
            ScriptedChatModel generator = ScriptedChatModel.responding(WorkflowFilesTest::generatorReply);
            try (Workflow workflow = Workflow.builder().name("refunds").evaluator(evaluator)
                    .metric("correctness", 0.8).capabilities(Capability.FILE_SEARCH).fileIds(policy)
                    .documents(evaluator.documents())
                    .improvementAction(ImprovementAction.FIXIT).generator(generator).build()) {
                WorkflowEvent submitted = workflow.submit(EventInput.of(INPUT, "14 days.").withModelUsed("gpt-x"));
                WorkflowEvent done = workflow.completion(submitted.eventId()).orTimeout(20, TimeUnit.SECONDS).join();

                assertThat(done.status()).isEqualTo(EvaluationStatus.COMPLETED);
                assertThat(done.finalOutput()).as(done.toJson()).contains("Refunds are accepted within 30 days.");
                List<ChatRequest> calls = generator.requests();
                assertThat(calls).hasSize(2);
                assertThat(calls.get(0).toolSpecifications()).extracting(t -> t.name()).containsExactly("file_search");
                // the search answered from the workflow's file only, never the other document
                String searched = toolResults(calls.get(1));
                assertThat(searched).startsWith("[" + policy + " refund-policy.md] Refunds are accepted within 30"
                        + " days.").doesNotContain("14 days");
                // the judges' file search is restricted to the workflow's files too
                List<String> judgeSearches = judge.requests().stream().map(WorkflowFilesTest::toolResults)
                        .filter(t -> !t.isEmpty()).toList();
                assertThat(judgeSearches).isNotEmpty().allSatisfy(t -> assertThat(t).contains(policy)
                        .doesNotContain("2019 policy"));
                assertThat(workflow.settings().fileIds()).containsExactly(policy);
            }
        }
    }

    private static String toolResults(ChatRequest request) {
        StringBuilder s = new StringBuilder();
        for (ChatMessage m : request.messages()) {
            if (m instanceof ToolExecutionResultMessage t) {
                s.append(t.text());
            }
        }
        return s.toString();
    }

    /** First a file search, then the repaired answer quoting what the search returned. */
    private static ChatResponse generatorReply(ChatRequest request) {
        String found = toolResults(request);
        AiMessage reply = found.isEmpty()
                ? AiMessage.from(List.of(ToolExecutionRequest.builder().id("call_1").name("file_search")
                        .arguments("{\"query\": \"refund window\"}").build()))
                : AiMessage.from(found.substring(found.indexOf(']') + 2));
        return ChatResponse.builder().aiMessage(reply).finishReason(found.isEmpty() ? FinishReason.TOOL_EXECUTION
                : FinishReason.STOP).tokenUsage(new TokenUsage(10, 5)).build();
    }
}
