package dev.railguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.batch.BatchEvaluator;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.metrics.CriteriaMetric;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The judged catalogue and a criteria metric by name from a batch file, through the stub judge: each metric's units
 * and reasons reach {@code results.jsonl} and the report.
 */
class CatalogueByNameTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static StubOpenAiServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = StubOpenAiServer.start(CatalogueByNameTest::judge);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Every metric's call gets a Y unit and an N unit whose reason names the metric. */
    static StubReply judge(RecordedRequest request) {
        String schema = request.schemaName();
        if (schema.equals("railguard_evaluation_steps")) {
            return StubReply.content("{\"considerations\":\"c\",\"steps\":[\"Read the reply.\"]}", 100, 20);
        }
        if (!schema.endsWith("_units")) {
            return StubReply.status(400);
        }
        String metric = schema.substring("railguard_".length(), schema.length() - "_units".length());
        return StubReply.content(JudgeReplies.units()
                .unit("first unit of " + metric, "Y", "certain", "fine")
                .unit("second unit of " + metric, "N", "certain", "because-" + metric).json(), 500, 40);
    }

    private static final List<String> LINES = List.of(
            "{\"id\":\"rag\",\"model_input\":{\"user_prompt\":\"How tall is the Eiffel Tower?\","
                    + "\"ground_truth\":\"330 metres.\",\"documents\":[\"It is 330 m tall.\",\"Paris has bakeries.\"]},"
                    + "\"model_output\":\"330 metres.\",\"guardrail_metrics\":[\"answer_relevance\","
                    + "\"context_relevance\",\"context_precision\",\"context_recall\"]}",
            "{\"id\":\"chat\",\"model_input\":{\"system_prompt\":\"You are Bob, a travel agent.\","
                    + "\"user_prompt\":\"Which hotel?\",\"context\":[{\"role\":\"user\",\"content\":\"I am Ana.\"},"
                    + "{\"role\":\"assistant\",\"content\":\"Hi Ana.\"}]},\"model_output\":\"The Tivoli.\","
                    + "\"guardrail_metrics\":[\"role_adherence\",\"knowledge_retention\","
                    + "\"conversation_completeness\"]}",
            "{\"id\":\"agent\",\"model_input\":{\"user_prompt\":\"Book a table for two at 8pm.\",\"tool_calls\":["
                    + "{\"name\":\"book_table\",\"arguments\":{\"people\":2,\"time\":\"20:00\"},\"result\":\"ok\"}]},"
                    + "\"model_output\":\"Booked.\",\"guardrail_metrics\":[\"tool_call_accuracy\",\"task_completion\"]}");

    @Test
    void eval_judges_every_catalogue_metric_by_name_and_keeps_units_and_reasons() throws Exception {
        Path events = dir.resolve("events.jsonl");
        Files.write(events, LINES);
        Path out = dir.resolve("out");
        Cli r = Cli.run(Map.of("RAILGUARD_JUDGE_BASE_URL", server.baseUrl(), "RAILGUARD_JUDGE_API_KEY", "k"), "eval",
                events.toString(), "-o", out.toString(), "--progress", "quiet");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        List<String> metrics = List.of("answer_relevance", "context_relevance", "context_precision", "context_recall",
                "role_adherence", "knowledge_retention", "conversation_completeness", "tool_call_accuracy",
                "task_completion");
        String report = Files.readString(out.resolve("report.html"));
        for (String line : Files.readAllLines(out.resolve("results.jsonl"))) {
            JsonNode record = JSON.readTree(line);
            record.path("evaluation_result").fieldNames().forEachRemaining(metric -> {
                assertThat(metrics).contains(metric);
                JsonNode units = record.path("units").path(metric);
                assertThat(units).hasSize(2);
                assertThat(units.get(1).path("reason").asText()).isEqualTo("because-" + metric);
                assertThat(report).contains("because-" + metric);
            });
        }
        // average precision: the useful document ranks first -> 1.0; the shares are 0.5
        JsonNode rag = JSON.readTree(Files.readAllLines(out.resolve("results.jsonl")).stream()
                .filter(l -> l.contains("\"rag\"")).findFirst().orElseThrow());
        assertThat(rag.path("evaluation_result").path("context_precision").path("score").asDouble()).isEqualTo(1.0);
        assertThat(rag.path("evaluation_result").path("context_recall").path("score").asDouble()).isEqualTo(0.5);
        // the batch line's tool calls reached the judge, arguments as their JSON text
        assertThat(server.requests()).filteredOn(q -> q.schemaName().equals("railguard_tool_call_accuracy_units"))
                .singleElement().satisfies(q -> assertThat(q.userText()).contains("[call 1] book_table",
                        "arguments: {\"people\":2,\"time\":\"20:00\"}", "result: ok"));
    }

    @Test
    void a_batch_line_names_a_criteria_metric_declared_in_code() throws Exception {
        Path events = dir.resolve("events.jsonl");
        Files.write(events, List.of("{\"model_input\":{\"user_prompt\":\"My parcel is late.\"},\"model_output\":"
                + "\"Sorry! Track it at the link, or reply and we resend it.\",\"guardrail_metrics\":[\"polite_next_step\"]}"));
        CriteriaMetric polite = CriteriaMetric.builder("polite_next_step")
                .criteria("Polite, and ends with a concrete next step.").build();
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").modelName("judge")
                .maxRetries(0).timeout(Duration.ofSeconds(10)).build();
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(JudgePanel.single("judge", model))
                .metrics(MetricRegistry.installed().with(polite)).build()) {
            Path results = dir.resolve("results.jsonl");
            BatchEvaluator.builder().evaluator(evaluator).input(events).output(results)
                    .progress(BatchEvaluator.Progress.QUIET).build().run();

            JsonNode record = JSON.readTree(Files.readAllLines(results).get(0));
            assertThat(record.path("units").path("polite_next_step").get(1).path("reason").asText())
                    .isEqualTo("because-polite_next_step");
            assertThat(record.path("diagnostics").path("polite_next_step").toString())
                    .contains("evaluation steps written by judge 'judge' (now;", "1. Read the reply.");
        }
    }
}
