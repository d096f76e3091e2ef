package dev.railguard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.ModelInput;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PriceTableTest {

    @Test
    void tokens_of_every_judge_call_are_priced_by_the_judges_model() {
        PriceTable prices = PriceTable.builder().perMillionTokens("judge-model", 2.0, 8.0).build();
        try (StubOpenAiServer server = StubOpenAiServer.start(r -> StubReply.content(
                JudgeReplies.units().unit("c", "Y", "high", "").json(), 1_000, 250));
                RailguardEvaluator evaluator = RailguardEvaluator.builder()
                        .judges(JudgePanel.single("judge", OpenAiChatModel.builder().baseUrl(server.baseUrl())
                                .apiKey("k").modelName("judge-model").maxRetries(0).timeout(Duration.ofSeconds(10))
                                .build()))
                        .metrics(MetricRegistry.of(TestMetrics.judged("a", Set.of()), TestMetrics.judged("b", Set.of())))
                        .prices(prices)
                        .build()) {
            EvaluationResult r = evaluator.evaluate(EvaluationRequest.builder()
                    .modelInput(ModelInput.ofUserPrompt("q")).modelOutput("o").metrics("a", "b").build());

            // two calls of 1,000 prompt and 250 completion tokens: 2 x (1000 x 2 + 250 x 8) / 1e6
            assertThat(r.metric("a").usage().cost()).isCloseTo(0.004, within(1e-12));
            assertThat(r.usage().cost()).isCloseTo(0.008, within(1e-12));
        }
    }

    @Test
    void a_model_without_a_price_costs_nothing_and_bad_prices_are_refused() {
        PriceTable prices = PriceTable.builder().perMillionTokens("m", 1, 1).build();
        assertThat(prices.cost("other", 1_000_000, 1_000_000)).isZero();
        assertThat(prices.cost("m", 500_000, 0)).isEqualTo(0.5);
        assertThatIllegalArgumentException().isThrownBy(() -> PriceTable.builder().perMillionTokens("m", -1, 0))
                .withMessage("prices must be finite and >= 0, but were: input -1.0, output 0.0");
        assertThatIllegalArgumentException().isThrownBy(() -> PriceTable.builder().perMillionTokens(" ", 1, 1))
                .withMessage("model must not be blank, but was: ' '");
    }
}
