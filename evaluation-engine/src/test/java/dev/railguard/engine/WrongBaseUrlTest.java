package dev.railguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.Verdict;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A base URL that points at a web page is reported as such, not as a JSON parse error, and is not retried. */
class WrongBaseUrlTest {

    @ParameterizedTest
    @ValueSource(ints = {200, 404})
    void an_html_page_is_reported_as_a_wrong_base_url(int status) {
        String page = "<!DOCTYPE html><html><head><title>Welcome</title></head><body><h1>Our product</h1></body></html>";
        try (StubOpenAiServer server = StubOpenAiServer.start(r -> new StubReply(status, page,
                Map.of("Content-Type", "text/html; charset=utf-8"), Duration.ZERO));
                RailguardEvaluator evaluator = RailguardEvaluator.builder()
                        .judges(JudgePanel.single("judge", OpenAiChatModel.builder().baseUrl(server.baseUrl())
                                .apiKey("k").modelName("judge-1").maxRetries(0).timeout(Duration.ofSeconds(10))
                                .httpClientBuilder(RailguardHttp.retryAfterAware()).build()))
                        .metrics(MetricRegistry.of(TestMetrics.judged("alpha", Set.of())))
                        .retryBackoff(Duration.ofMillis(5), Duration.ofMillis(10))
                        .build()) {
            MetricResult alpha = evaluator.evaluate(EvaluationRequest.builder()
                    .modelInput(ModelInput.ofUserPrompt("q")).modelOutput("o").metrics("alpha").build())
                    .metric("alpha");

            assertThat(alpha.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(alpha.rationale()).startsWith("judge 'judge' call failed: the endpoint answered with HTML, not"
                    + " a chat completion: check the base URL");
            if (status == 404) {
                assertThat(alpha.rationale()).contains("(the page starts: <!DOCTYPE html><html><head><title>Welcome");
            }
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }
}
