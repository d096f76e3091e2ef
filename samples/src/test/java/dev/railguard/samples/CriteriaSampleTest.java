package dev.railguard.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.Verdict;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's criteria and catalogue examples run against the stub server, and the README shows them as they are. */
class CriteriaSampleTest {

    private static StubOpenAiServer stub() {
        return StubOpenAiServer.start(request -> StubReply.content(switch (request.schemaName()) {
            case "railguard_evaluation_steps" -> "{\"considerations\":\"c\",\"steps\":[\"Check the tone.\","
                    + "\"Check the last sentence names a next step.\"]}";
            case "railguard_tool_call_accuracy_units" -> JudgeReplies.units()
                    .unit("book_table(...)", "call 1", "Y", "certain", "Right tool and arguments.").json();
            default -> JudgeReplies.units().unit("unit", "Y", "high", "fine").json();
        }));
    }

    private static OpenAiChatModel model(StubOpenAiServer server) {
        return OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").modelName("gpt-4o-mini")
                .maxRetries(0).build();
    }

    @Test
    void the_criteria_example_judges_with_steps_written_once() {
        try (StubOpenAiServer server = stub()) {
            EvaluationResult result = CriteriaSample.criteria(model(server));

            assertThat(result.metric("polite_next_step").verdict()).isEqualTo(Verdict.PASS);
            assertThat(result.metric("polite_next_step").diagnostics().toString()).contains("1. Check the tone.");
            assertThat(server.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void the_catalogue_example_evaluates_retrieval_and_agent_metrics() {
        try (StubOpenAiServer server = stub()) {
            EvaluationResult result = CriteriaSample.catalogue(model(server));

            assertThat(result.metrics().keySet()).containsExactly("context_precision", "context_recall",
                    "tool_call_accuracy", "task_completion");
            assertThat(result.passed()).isTrue();
        }
    }

    @Test
    void the_readme_shows_the_examples_as_they_are_in_the_sample() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String sample = Files.readString(Path.of("src/main/java/dev/railguard/samples/CriteriaSample.java"));
        for (String line : new String[] {
                "CriteriaMetric polite = CriteriaMetric.builder(\"polite_next_step\")",
                ".criteria(\"Polite, and ends with a concrete next step.\")",
                ".metrics(MetricRegistry.installed().with(polite))",
                ".metrics(\"polite_next_step\")",
                ".addToolCall(\"book_table\", \"{\\\"restaurant\\\":\\\"Chez Marie\\\",\\\"people\\\":2,\\\"time\\\":"
                        + "\\\"20:00\\\"}\",",
                ".metrics(\"context_precision\", \"context_recall\", \"tool_call_accuracy\", \"task_completion\")"}) {
            assertThat(readme).contains(line);
            assertThat(sample).contains(line);
        }
    }
}
