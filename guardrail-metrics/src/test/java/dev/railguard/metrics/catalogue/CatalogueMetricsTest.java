package dev.railguard.metrics.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.api.UnitVerdict;
import dev.railguard.api.Verdict;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The judged catalogue by name, in fast mode, through the real OpenAI client against the stub server: what each
 * judge reads, the scores computed by hand from the scripted verdicts, and the inputs each one refuses to go without.
 */
class CatalogueMetricsTest {

    private final Map<String, String> replies = new ConcurrentHashMap<>();
    private StubOpenAiServer server;
    private RailguardEvaluator evaluator;

    @BeforeEach
    void start() {
        server = StubOpenAiServer.start(request -> {
            String reply = replies.get(request.schemaName());
            return reply == null ? StubReply.status(400) : StubReply.content(reply, 800, 60);
        });
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("test-key")
                .modelName("judge-model").maxRetries(0).timeout(Duration.ofSeconds(10)).build();
        evaluator = RailguardEvaluator.builder().judges(JudgePanel.single("judge", model)).build();
    }

    @AfterEach
    void stop() {
        evaluator.close();
        server.close();
    }

    private static final ModelInput RAG = ModelInput.builder()
            .userPrompt("When was the Eiffel Tower finished, and how tall is it?")
            .groundTruth("The Eiffel Tower was finished in 1889. It is 330 metres tall.")
            .addDocuments("The Eiffel Tower is 330 metres tall.", "Paris has many bakeries.",
                    "Construction of the tower ended in March 1889.")
            .build();

    private static final ModelInput CHAT = ModelInput.builder()
            .systemPrompt("You are Bob, a travel agent for Acme Travel. Only discuss travel. Never quote prices.")
            .userPrompt("So which hotel do you recommend?")
            .addContext("user", "Hi, I am Ana. I want to visit Lisbon in May, for three nights.")
            .addContext("assistant", "Hello Ana! Lisbon in May is lovely. How many nights will you stay?")
            .addContext("user", "Three, as I said. Also, can you book my flight?")
            .build();

    private static final ModelInput AGENT = ModelInput.builder()
            .userPrompt("Book me a table for two at Chez Marie tomorrow at 8pm and tell me the address.")
            .addToolCall("find_restaurant", "{\"name\":\"Chez Marie\"}", "{\"id\":17,\"address\":\"3 Rue Cler\"}")
            .addToolCall("book_table", "{\"restaurant_id\":17,\"people\":4,\"time\":\"20:00\"}", "{\"ok\":true}")
            .build();

    private EvaluationResult evaluate(ModelInput input, String output, RunMode mode, String... metrics) {
        return evaluator.evaluate(EvaluationRequest.builder().modelInput(input).modelOutput(output).runMode(mode)
                .metrics(metrics).build());
    }

    private String scripted(String metric, JudgeReplies reply) {
        replies.put("railguard_" + metric + "_units", reply.json());
        return metric;
    }

    private RecordedRequest requestFor(String metric) {
        return server.requests().stream().filter(r -> r.schemaName().equals("railguard_" + metric + "_units"))
                .findFirst().orElseThrow();
    }

    @Test
    void answer_relevance_is_the_weighted_share_of_statements_that_address_the_prompt() {
        scripted("answer_relevance", JudgeReplies.units()
                .unit("The tower was finished in 1889.", "Y", "certain", "Answers when.")
                .unit("It is 330 metres tall.", "Y", "certain", "Answers how tall.")
                .unit("Paris also has great bakeries.", "N", "high", "Not asked."));
        MetricResult r = evaluate(RAG, "Finished in 1889, 330 m tall. Paris also has great bakeries.", RunMode.FAST,
                "answer_relevance").metric("answer_relevance");

        assertThat(r.score().getAsDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL); // default threshold 0.7
        assertThat(r.units()).extracting(UnitVerdict::kind).containsOnly("statement");
        assertThat(r.rationale()).contains("Paris also has great bakeries.", "Not asked.");
        assertThat(requestFor("answer_relevance").userText()).contains("When was the Eiffel Tower finished")
                .doesNotContain("Paris has many bakeries."); // documents are not its evidence
    }

    @Test
    void context_relevance_judges_each_document_and_reads_them_numbered() {
        scripted("context_relevance", JudgeReplies.units()
                .unit("Height of the tower", "document 1", "Y", "certain", "Gives the height.")
                .unit("Bakeries", "document 2", "N", "certain", "Unrelated.")
                .unit("End of construction", "document 3", "Y", "high", "Gives the year."));
        MetricResult r = evaluate(RAG, "1889; 330 m.", RunMode.FAST, "context_relevance").metric("context_relevance");

        assertThat(r.score().getAsDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(r.verdict()).isEqualTo(Verdict.PASS); // default threshold 0.5
        assertThat(requestFor("context_relevance").userText()).contains("[document 1]", "[document 3]");
    }

    @Test
    void context_precision_is_average_precision_over_the_document_order() {
        scripted("context_precision", JudgeReplies.units()
                .unit("Height", "document 1", "Y", "certain", "Has the height of the reference.")
                .unit("Bakeries", "document 2", "N", "certain", "Nothing of the reference.")
                .unit("1889", "document 3", "Y", "low", "Has the year."));
        MetricResult r = evaluate(RAG, "1889; 330 m.", RunMode.FAST, "context_precision").metric("context_precision");

        // relevant at ranks 1 and 3: (1/1 + 2/3) / 2; confidence does not weigh in a ranking
        assertThat(r.score().getAsDouble()).isCloseTo((1.0 + 2.0 / 3) / 2, within(1e-9));
        assertThat(r.verdict()).isEqualTo(Verdict.PASS); // 0.833 >= 0.7
        assertThat(requestFor("context_precision").userText()).contains("ground_truth", "It is 330 metres tall.");
    }

    @Test
    void context_precision_drops_when_the_useful_document_ranks_below_useless_ones() {
        scripted("context_precision", JudgeReplies.units()
                .unit("Height", "document 1", "N", "certain", "Useless.")
                .unit("Bakeries", "document 2", "N", "certain", "Useless.")
                .unit("1889", "document 3", "Y", "certain", "Useful."));
        MetricResult r = evaluate(RAG, "1889.", RunMode.FAST, "context_precision").metric("context_precision");

        assertThat(r.score().getAsDouble()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void context_recall_judges_the_claims_of_the_ground_truth_against_the_documents() {
        scripted("context_recall", JudgeReplies.units()
                .unit("The Eiffel Tower was finished in 1889.", "Y", "certain", "Document 3.")
                .unit("It is 330 metres tall.", "Y", "certain", "Document 1."));
        MetricResult r = evaluate(RAG, "No idea.", RunMode.FAST, "context_recall").metric("context_recall");

        assertThat(r.score().getAsDouble()).isEqualTo(1.0);
        assertThat(r.units()).extracting(UnitVerdict::kind).containsOnly("reference_claim");
    }

    @Test
    void conversation_metrics_read_the_context_turns_and_score_their_units() {
        scripted("role_adherence", JudgeReplies.units()
                .unit("Hello Ana! Lisbon in May is lovely...", "turn 1", "Y", "certain", "In role.")
                .unit("The Tivoli costs 200 euros a night.", "turn 2", "N", "certain", "Quotes a price."));
        scripted("knowledge_retention", JudgeReplies.units()
                .unit("How many nights will you stay?", "turn 1", "N", "certain", "Ana said three nights.")
                .unit("The Tivoli for your three nights.", "turn 2", "Y", "high", "Remembers."));
        scripted("conversation_completeness", JudgeReplies.units()
                .unit("Plan a Lisbon trip in May", "user turn 1", "Y", "high", "Hotel recommended.")
                .unit("Book the flight", "user turn 3", "N", "certain", "Never addressed."));
        EvaluationResult result = evaluate(CHAT, "The Tivoli costs 200 euros a night.", RunMode.FAST,
                "role_adherence", "knowledge_retention", "conversation_completeness");

        assertThat(result.metric("role_adherence").score().getAsDouble()).isEqualTo(0.5);
        assertThat(result.metric("knowledge_retention").score().getAsDouble()).isEqualTo(0.5);
        assertThat(result.metric("conversation_completeness").score().getAsDouble()).isEqualTo(0.5);
        assertThat(result.metric("knowledge_retention").units()).extracting(UnitVerdict::label)
                .containsExactly("turn 1", "turn 2");
        assertThat(requestFor("knowledge_retention").userText())
                .contains("user: Hi, I am Ana.", "assistant: Hello Ana!", "The Tivoli costs");
    }

    @Test
    void agent_metrics_read_the_tool_calls_with_their_arguments_and_results() {
        scripted("tool_call_accuracy", JudgeReplies.units()
                .unit("find_restaurant({\"name\":\"Chez Marie\"})", "call 1", "Y", "certain", "Right lookup.")
                .unit("book_table(...)", "call 2", "N", "certain", "people is 4, the user said two."));
        scripted("task_completion", JudgeReplies.units()
                .unit("A table for two is booked at 8pm tomorrow", "Y", "medium", "Booked, but for four.")
                .unit("The user knows the address", "Y", "certain", "3 Rue Cler given."));
        EvaluationResult result = evaluate(AGENT, "Booked! Chez Marie is at 3 Rue Cler.", RunMode.FAST,
                "tool_call_accuracy", "task_completion");

        assertThat(result.metric("tool_call_accuracy").score().getAsDouble()).isEqualTo(0.5);
        assertThat(result.metric("tool_call_accuracy").rationale()).contains("people is 4, the user said two.");
        assertThat(result.metric("task_completion").score().getAsDouble()).isEqualTo(1.0);
        assertThat(requestFor("tool_call_accuracy").userText()).contains("[call 2] book_table",
                "arguments: {\"restaurant_id\":17,\"people\":4,\"time\":\"20:00\"}", "result: {\"ok\":true}");
    }

    @Test
    void in_a_precision_mode_documents_and_tool_calls_are_partitioned_from_their_own_sections() {
        replies.put("railguard_partition_document", "{\"units\":[{\"text\":\"Height\",\"label\":\"document 1\"},"
                + "{\"text\":\"Bakeries\",\"label\":\"document 2\"}]}");
        replies.put("railguard_context_relevance_verify", "{\"verdicts\":[{\"id\":1,\"verdict\":\"Y\",\"confidence\":"
                + "\"certain\",\"reason\":\"Height.\"},{\"id\":2,\"verdict\":\"N\",\"confidence\":\"certain\","
                + "\"reason\":\"Bakeries.\"}]}");
        OpenAiChatModel second = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("test-key")
                .modelName("second-model").maxRetries(0).timeout(Duration.ofSeconds(10)).build();
        OpenAiChatModel first = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("test-key")
                .modelName("judge-model").maxRetries(0).timeout(Duration.ofSeconds(10)).build();
        try (RailguardEvaluator precise = RailguardEvaluator.builder().judges(JudgePanel.builder()
                .standard("a", first).standard("b", second).build()).build()) {
            MetricResult r = precise.evaluate(EvaluationRequest.builder().modelInput(RAG).modelOutput("THE OUTPUT")
                    .runMode(RunMode.PRECISION).metrics("context_relevance").build()).metric("context_relevance");

            assertThat(r.score().getAsDouble()).isEqualTo(0.5);
            RecordedRequest partition = server.requests().stream()
                    .filter(q -> q.schemaName().equals("railguard_partition_document")).findFirst().orElseThrow();
            assertThat(partition.userText()).contains("[document 2]\nParis has many bakeries.")
                    .doesNotContain("THE OUTPUT");
        }
    }

    @Test
    void a_metric_refuses_a_request_without_the_input_it_needs() {
        ModelInput bare = ModelInput.ofUserPrompt("Hello?");
        Map<String, String> expected = Map.of(
                "context_relevance", "metric 'context_relevance' requires modelInput.documents, but it was missing or"
                        + " blank",
                "context_recall", "metric 'context_recall' requires modelInput.groundTruth, but it was missing or"
                        + " blank",
                "role_adherence", "metric 'role_adherence' requires modelInput.systemPrompt, but it was missing or"
                        + " blank",
                "knowledge_retention", "metric 'knowledge_retention' requires modelInput.context, but it was missing"
                        + " or blank",
                "tool_call_accuracy", "metric 'tool_call_accuracy' requires modelInput.toolCalls, but it was missing"
                        + " or blank");
        expected.forEach((metric, message) -> assertThatThrownBy(() -> evaluate(bare, "Hi.", RunMode.FAST, metric))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message));
        assertThat(server.requestCount()).isZero();
        assertThatThrownBy(() -> ModelInput.builder().userPrompt("x").addToolCall(" ", "{}", "ok"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("toolCall.name must not be blank, but was: ' '");
        assertThat(List.of(new AnswerRelevanceMetric(), new ContextPrecisionMetric(), new TaskCompletionMetric()))
                .extracting(m -> m.defaultThreshold()).containsExactly(0.7, 0.7, 0.8);
    }
}
