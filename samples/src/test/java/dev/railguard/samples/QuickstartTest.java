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

/** The README quickstart compiles as written and runs against the local stub server. */
class QuickstartTest {

    @Test
    void the_quickstart_evaluates_one_output_on_two_metrics() throws Exception {
        try (StubOpenAiServer server = StubOpenAiServer.start(request -> StubReply.content(
                request.schemaName().contains("completeness")
                        ? JudgeReplies.units().unit("coverage", "coverage", "Y", "high", "Answered.")
                                .unit("detail", "detail_and_depth", "Y", "medium", "Enough.").json()
                        : JudgeReplies.units().unit("Paris is the capital of France.", "Y", "certain", "True.").json()))) {
            OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k")
                    .modelName("gpt-4o-mini").maxRetries(0).build();

            EvaluationResult result = Quickstart.run(model);

            assertThat(result.passed()).isTrue();
            assertThat(result.metric("correctness").verdict()).isEqualTo(Verdict.PASS);
            assertThat(result.metric("completeness").verdict()).isEqualTo(Verdict.PASS);
            assertThat(server.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void the_readme_shows_the_quickstart_as_it_is_in_the_sample() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String sample = Files.readString(Path.of("src/main/java/dev/railguard/samples/Quickstart.java"));
        for (String line : new String[] {
                ".judges(JudgePanel.single(\"gpt-4o-mini\", judgeModel))",
                ".modelInput(ModelInput.ofUserPrompt(\"What is the capital of France?\"))",
                ".modelOutput(\"Paris is the capital of France.\")",
                ".metrics(\"correctness\", \"completeness\")",
                "System.out.println(result.passed() + \" \" + result.metric(\"correctness\").rationale());"}) {
            assertThat(readme).contains(line);
            assertThat(sample).contains(line);
        }
    }
}
