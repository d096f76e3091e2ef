package dev.railguard.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.web.search.WebSearchEngine;
import dev.langchain4j.web.search.WebSearchInformationResult;
import dev.langchain4j.web.search.WebSearchOrganicResult;
import dev.langchain4j.web.search.WebSearchResults;
import dev.railguard.api.Capability;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.api.Verdict;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Web search and file search tools for judges, through the real OpenAI client against the local stub. */
class JudgeSearchThroughOpenAiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> searched = new CopyOnWriteArrayList<>();
    private final WebSearchEngine engine = request -> {
        searched.add(request.searchTerms());
        return WebSearchResults.from(WebSearchInformationResult.from(2L), List.of(
                WebSearchOrganicResult.from("Paris - Wikipedia", URI.create("https://en.wikipedia.org/wiki/Paris"),
                        "Paris has a population of about 2.1 million.", null),
                WebSearchOrganicResult.from("INSEE population", URI.create("https://www.insee.fr/paris"),
                        "2,102,650 inhabitants in 2023.", null)));
    };

    private StubOpenAiServer server;
    private RailguardEvaluator evaluator;

    private void start(Function<RecordedRequest, StubReply> responder) {
        server = StubOpenAiServer.start(responder);
        JudgePanel panel = JudgePanel.builder().standard("std-1", model("std-1")).standard("std-2", model("std-2"))
                .build();
        evaluator = RailguardEvaluator.builder().judges(panel).webSearch(engine).build();
    }

    private OpenAiChatModel model(String name) {
        return OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("test-key").modelName(name).maxRetries(0)
                .timeout(Duration.ofSeconds(10)).build();
    }

    @AfterEach
    void stop() {
        evaluator.close();
        server.close();
    }

    private static boolean hasToolResult(RecordedRequest r) {
        return !r.messages("tool").isEmpty();
    }

    private EvaluationRequest.Builder request(RunMode mode, Capability capability) {
        return EvaluationRequest.builder()
                .modelInput(ModelInput.ofUserPrompt("How many people live in Paris, and what is the refund window?"))
                .modelOutput("About 80 million people live in Paris. Refunds are accepted within 30 days.")
                .runMode(mode)
                .metrics("correctness")
                .capabilities(capability);
    }

    @Test
    void web_search_results_reach_the_judge_and_the_queries_reach_the_diagnostics() {
        start(r -> hasToolResult(r)
                ? StubReply.content(JudgeReplies.units()
                        .unit("About 80 million people live in Paris.", "N", "certain", "Search: 2.1 million.").json())
                : StubReply.toolCalls("web_search", "{\"query\":\"population of Paris\"}"));

        MetricResult result = evaluator.evaluate(request(RunMode.FAST, Capability.WEB_SEARCH).build())
                .metric("correctness");

        assertThat(searched).containsExactly("population of Paris");
        List<RecordedRequest> requests = server.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).toolNames()).containsExactly("web_search");
        assertThat(requests.get(0).systemText()).contains("You may call the tools [web_search]");
        assertThat(String.join("\n", requests.get(1).messages("tool")))
                .contains("Paris - Wikipedia (https://en.wikipedia.org/wiki/Paris): Paris has a population of about"
                        + " 2.1 million.")
                .contains("INSEE population");
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.diagnostics()).anySatisfy(d -> assertThat(d.message()).isEqualTo(
                "web_search by judge 'std-1': query 'population of Paris' -> Paris - Wikipedia"
                        + " <https://en.wikipedia.org/wiki/Paris>, INSEE population <https://www.insee.fr/paris>"));
        assertThat(result.usage().judgeCalls()).as("both round trips are judge calls").isEqualTo(2);
    }

    @Test
    void tool_round_trips_are_bounded_and_the_last_request_offers_no_tool() {
        start(r -> r.toolNames().isEmpty()
                ? StubReply.content(JudgeReplies.units().unit("About 80 million people live in Paris.", "N", "high",
                        "Too many.").json())
                : StubReply.toolCalls("web_search", "{\"query\":\"paris " + r.sequence() + "\"}"));

        MetricResult result = evaluator.evaluate(request(RunMode.FAST, Capability.WEB_SEARCH).build())
                .metric("correctness");

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(searched).hasSize(3);
        List<RecordedRequest> requests = server.requests();
        assertThat(requests).hasSize(4);
        assertThat(requests.get(3).toolNames()).isEmpty();
        assertThat(requests.get(3).userText()).contains("You have used all 3 search round trips");
        assertThat(result.usage().judgeCalls()).isEqualTo(4);
    }

    @Test
    void an_unknown_tool_or_a_call_without_query_is_answered_with_an_error_and_a_warning() {
        start(r -> {
            int round = r.messages("tool").size();
            if (round == 0) {
                return StubReply.toolCalls("calculator", "{\"x\":1}", "web_search", "{}");
            }
            return StubReply.content(JudgeReplies.units().unit("About 80 million people live in Paris.", "N",
                    "high", "Too many.").json());
        });

        MetricResult result = evaluator.evaluate(request(RunMode.FAST, Capability.WEB_SEARCH).build())
                .metric("correctness");

        assertThat(searched).isEmpty();
        assertThat(server.requests().get(1).messages("tool")).containsExactly(
                "Error: there is no tool named 'calculator'; available: [web_search]",
                "Error: give the search terms as {\"query\": \"...\"}");
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.diagnostics()).anySatisfy(d -> assertThat(d.toString())
                .isEqualTo("WARNING: judge 'std-1' called an unknown tool 'calculator'"));
    }

    @Test
    void file_search_finds_registered_documents_for_the_verifiers_of_precision_mode() {
        start(r -> {
            if (r.schemaName().startsWith("railguard_partition_")) {
                return StubReply.content(JudgeReplies.units()
                        .unit("Refunds are accepted within 30 days.", "Y", "certain", "").json());
            }
            if (!hasToolResult(r)) {
                return StubReply.toolCalls("file_search", "{\"query\":\"refund window days\"}");
            }
            ObjectNode root = JSON.createObjectNode();
            root.putArray("verdicts").addObject().put("id", 1).put("verdict", "Y").put("confidence", "high")
                    .put("reason", "The refund policy says 30 days.");
            return StubReply.content(root.toString());
        });
        String refunds = evaluator.documents().add("refund-policy.md",
                "Refunds are accepted within 30 days of purchase with a receipt.\n\nStore credit after that.");
        evaluator.documents().add("shipping.md", "Orders ship within two business days. Express costs extra.");
        evaluator.documents().add("warranty.md", "Electronics carry a two-year warranty against defects.");
        assertThat(refunds).matches("file_[a-z0-9]{16}");

        MetricResult result = evaluator.evaluate(request(RunMode.PRECISION, Capability.FILE_SEARCH).build())
                .metric("correctness");

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        List<RecordedRequest> requests = server.requests();
        assertThat(requests).filteredOn(r -> r.schemaName().startsWith("railguard_partition_"))
                .singleElement().satisfies(r -> assertThat(r.toolNames()).isEmpty());
        List<RecordedRequest> followUps = requests.stream().filter(JudgeSearchThroughOpenAiTest::hasToolResult)
                .toList();
        assertThat(followUps).hasSize(2).allSatisfy(r -> assertThat(String.join("\n", r.messages("tool")))
                .startsWith("[" + refunds + " refund-policy.md] Refunds are accepted within 30 days"));
        assertThat(result.diagnostics()).filteredOn(d -> d.message().startsWith("file_search by judge"))
                .hasSize(2).allSatisfy(d -> assertThat(d.message())
                        .contains("query 'refund window days' -> " + refunds + " (refund-policy.md)"));
    }

    @Test
    void file_search_ids_of_an_event_restrict_the_search_to_those_files_and_name_unknown_ids() {
        start(r -> {
            if (!hasToolResult(r)) {
                return StubReply.toolCalls("file_search", "{\"query\":\"refund window days\"}");
            }
            return StubReply.content(JudgeReplies.units().unit("Refunds are accepted within 30 days.", "Y", "high",
                    "policy").json());
        });
        evaluator.documents().add("refund-policy.md", "Refunds are accepted within 30 days of purchase.");
        String other = evaluator.documents().add("refund-faq.md", "Refund window: 30 days. Refunds take 5 days.");

        // as BatchLines passes a DeepRails event's "file_search": ["<id>", "file_unknown"]
        EvaluationRequest request = request(RunMode.FAST, Capability.FILE_SEARCH)
                .modelInput(ModelInput.builder().userPrompt("What is the refund window?")
                        .extra("file_search", other + ",file_unknown").build())
                .build();
        MetricResult result = evaluator.evaluate(request).metric("correctness");

        List<RecordedRequest> followUps = server.requests().stream()
                .filter(JudgeSearchThroughOpenAiTest::hasToolResult).toList();
        assertThat(followUps).singleElement().satisfies(r -> assertThat(String.join("\n", r.messages("tool")))
                .startsWith("[" + other + " refund-faq.md]").doesNotContain("refund-policy.md"));
        assertThat(result.diagnostics()).anySatisfy(d -> assertThat(d.message())
                .contains("(file ids not registered: file_unknown)"));
    }

    @Test
    void search_capabilities_without_an_engine_or_documents_are_rejected_at_validation() {
        start(r -> StubReply.status(500));
        RailguardEvaluator noEngine = RailguardEvaluator.builder().judges(JudgePanel.single("j", model("j"))).build();
        try (noEngine) {
            assertThatThrownBy(() -> noEngine.evaluate(request(RunMode.FAST, Capability.WEB_SEARCH).build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("capabilities contains web_search, but this evaluator has no WebSearchEngine:"
                            + " configure one with RailguardEvaluator.builder().webSearch(engine)");
            assertThatThrownBy(() -> noEngine.evaluate(request(RunMode.FAST, Capability.FILE_SEARCH).build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("capabilities contains file_search, but no document is registered: add documents"
                            + " with evaluator.documents().add(name, text) or give a DocumentStore to"
                            + " RailguardEvaluator.builder().documents(store)");
        }
        assertThat(server.requests()).isEmpty();
    }
}
