package dev.railguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A plan set through the builder changes which judges a mode asks, through the real OpenAI client. */
class RunModePlanThroughOpenAiTest {

    @Test
    void a_user_plan_of_three_verifiers_asks_three_distinct_judges() {
        ObjectMapper json = new ObjectMapper();
        try (StubOpenAiServer server = StubOpenAiServer.start(r -> r.schemaName().startsWith("railguard_partition_")
                ? StubReply.content(JudgeReplies.units().unit("claim", "Y", "high", "").json())
                : StubReply.content(json.createObjectNode().set("verdicts", json.createArrayNode().add(json
                        .createObjectNode().put("id", 1).put("verdict", r.model().equals("std-3") ? "N" : "Y")
                        .put("confidence", "high").put("reason", "r"))).toString()))) {
            JudgePanel panel = JudgePanel.builder().standard("std-1", model(server, "std-1"))
                    .standard("std-2", model(server, "std-2")).standard("std-3", model(server, "std-3")).build();
            RunModePlan three = RunModePlan.defaults(RunMode.PRECISION)
                    .withVerifiers(JudgeTier.STANDARD, JudgeTier.STANDARD, JudgeTier.STANDARD);
            try (RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(panel)
                    .metrics(MetricRegistry.of(TestMetrics.claims("facts", false)))
                    .plan(RunMode.PRECISION, three).build()) {
                MetricResult result = evaluator.evaluate(EvaluationRequest.builder()
                        .modelInput(ModelInput.ofUserPrompt("Q")).modelOutput("A claim.")
                        .runMode(RunMode.PRECISION).metrics("facts").build()).metric("facts");

                assertThat(result.usage().callsByJudge()).containsEntry("std-1", 2).containsEntry("std-2", 1)
                        .containsEntry("std-3", 1);
                assertThat(result.units()).singleElement().satisfies(u -> {
                    assertThat(u.satisfied()).isTrue();
                    assertThat(u.confidence().name()).isEqualTo("MEDIUM");
                    assertThat(u.votes()).hasSize(3);
                    assertThat(u.disputed()).isTrue();
                });
            }
        }
    }

    private static OpenAiChatModel model(StubOpenAiServer server, String name) {
        return OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").modelName(name).maxRetries(0)
                .timeout(Duration.ofSeconds(20)).build();
    }
}
