package dev.railguard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.ModelInput;
import dev.railguard.api.Usage;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.StubAnthropicServer;
import dev.railguard.testkit.StubGeminiServer;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Synchronous judge calls through the real LangChain4j provider clients: the prompt-cache tokens a provider reports
 * reach the result's usage and are priced as billed.
 */
class SynchronousCacheBillingTest {

    private static final String UNITS = JudgeReplies.units().unit("c", "Y", "high", "").json();

    private static Usage evaluate(ChatModel model, PriceTable prices) {
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(JudgePanel.single("judge", model))
                .metrics(MetricRegistry.of(TestMetrics.judged("a", Set.of()))).prices(prices).cache(false).build()) {
            return evaluator.evaluate(EvaluationRequest.builder().modelInput(ModelInput.ofUserPrompt("q"))
                    .modelOutput("o").metrics("a").build()).usage();
        }
    }

    private static OpenAiChatModel openAi(StubOpenAiServer server) {
        return OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").modelName("judge-model").maxRetries(0)
                .timeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void openai_cached_prompt_tokens_are_counted_and_priced_at_the_cached_input_price() {
        PriceTable prices = PriceTable.builder().perMillionTokens("judge-model", 2.0, 8.0)
                .cachedInputPerMillionTokens("judge-model", 0.5).build();
        try (StubOpenAiServer server = StubOpenAiServer.start(r -> StubReply.content(UNITS, 1_000, 800, 250))) {
            Usage usage = evaluate(openAi(server), prices);

            assertThat(usage.judgeCalls()).isEqualTo(1);
            assertThat(usage.inputTokens()).isEqualTo(1_000);
            assertThat(usage.cachedInputTokens()).isEqualTo(800);
            // 200 x 2 + 800 x 0.5 + 250 x 8 per million; a synchronous call costs what it costs synchronously
            assertThat(usage.cost()).isCloseTo(0.0028, within(1e-12));
            assertThat(usage.synchronousCost()).isCloseTo(0.0028, within(1e-12));
        }
    }

    @Test
    void a_reply_without_cached_tokens_is_priced_at_the_input_price() {
        PriceTable prices = PriceTable.builder().perMillionTokens("judge-model", 2.0, 8.0)
                .cachedInputPerMillionTokens("judge-model", 0.5).build();
        try (StubOpenAiServer server = StubOpenAiServer.start(r -> StubReply.content(UNITS, 1_000, 250))) {
            Usage usage = evaluate(openAi(server), prices);

            assertThat(usage.cachedInputTokens()).isZero();
            assertThat(usage.cost()).isCloseTo(0.004, within(1e-12));
        }
    }

    @Test
    void anthropic_cache_reads_and_writes_count_as_input_and_are_billed_by_anthropics_rule() {
        PriceTable prices = PriceTable.builder().perMillionTokens("claude-judge", 3.0, 15.0).build();
        try (StubAnthropicServer server = StubAnthropicServer.start(
                r -> StubAnthropicServer.text(UNITS, 100, 800, 100, 50))) {
            Usage usage = evaluate(AnthropicChatModel.builder().baseUrl(server.baseUrl()).apiKey("k")
                    .modelName("claude-judge").maxRetries(0).timeout(Duration.ofSeconds(10)).maxTokens(4096)
                    .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA).build(), prices);

            // Anthropic counts cache reads and writes apart from input_tokens; the usage counts all three as input
            assertThat(usage.inputTokens()).isEqualTo(1_000);
            assertThat(usage.cachedInputTokens()).isEqualTo(800);
            // 100 x 3 + 800 reads x 0.3 + 100 writes x 3.75 + 50 x 15 per million
            assertThat(usage.cost()).isCloseTo(0.001665, within(1e-12));
            assertThat(usage.synchronousCost()).isCloseTo(0.001665, within(1e-12));
        }
    }

    @Test
    void gemini_cached_content_tokens_are_counted_and_priced_at_the_cached_input_price() {
        PriceTable prices = PriceTable.builder().perMillionTokens("gemini-judge", 1.0, 4.0)
                .cachedInputPerMillionTokens("gemini-judge", 0.25).build();
        try (StubGeminiServer server = StubGeminiServer.start(r -> StubGeminiServer.text(UNITS, 1_000, 600, 100))) {
            Usage usage = evaluate(GoogleAiGeminiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k")
                    .modelName("gemini-judge").maxRetries(0).timeout(Duration.ofSeconds(10))
                    .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA).build(), prices);

            // Gemini's prompt count includes its cached content
            assertThat(usage.inputTokens()).isEqualTo(1_000);
            assertThat(usage.cachedInputTokens()).isEqualTo(600);
            // 400 x 1 + 600 x 0.25 + 100 x 4 per million
            assertThat(usage.cost()).isCloseTo(0.00095, within(1e-12));
        }
    }
}
