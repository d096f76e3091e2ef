package dev.railguard.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.PriceTable;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.TestMetrics;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cached prompt tokens that a synchronous OpenAI judge reports reach the batch summary, priced as billed. */
class CachedTokensSummaryTest {

    @TempDir
    Path dir;

    @Test
    void the_summary_counts_and_prices_the_cached_tokens_of_synchronous_calls() throws Exception {
        Path in = Files.writeString(dir.resolve("in.jsonl"), BatchFixtures.line("q1", "one", "t", "alpha") + "\n"
                + BatchFixtures.line("q2", "two", "t", "alpha") + "\n");
        Path summaryFile = dir.resolve("summary.json");
        try (StubOpenAiServer server = StubOpenAiServer.start(r -> StubReply.content(
                JudgeReplies.units().unit("c", "Y", "high", "").json(), 1_000, 800, 250));
                RailguardEvaluator evaluator = RailguardEvaluator.builder()
                        .judges(JudgePanel.single("judge", OpenAiChatModel.builder().baseUrl(server.baseUrl())
                                .apiKey("k").modelName("judge-model").maxRetries(0).timeout(Duration.ofSeconds(10))
                                .build()))
                        .metrics(MetricRegistry.of(TestMetrics.judged("alpha", Set.of())))
                        .prices(PriceTable.builder().perMillionTokens("judge-model", 2.0, 8.0)
                                .cachedInputPerMillionTokens("judge-model", 0.5).build())
                        .cache(false).build()) {
            BatchSummary summary = BatchEvaluator.builder().evaluator(evaluator).input(in)
                    .output(dir.resolve("results.jsonl")).summaryFile(summaryFile)
                    .progress(BatchEvaluator.Progress.QUIET).build().run();

            assertThat(server.requestCount()).isEqualTo(2);
            assertThat(summary.inputTokens()).isEqualTo(2_000);
            assertThat(summary.cachedInputTokens()).isEqualTo(1_600);
            // each call: 200 x 2 + 800 x 0.5 + 250 x 8 per million
            assertThat(summary.cost()).isCloseTo(0.0056, within(1e-12));
            assertThat(summary.synchronousCost()).isCloseTo(0.0056, within(1e-12));
            assertThat(Files.readString(summaryFile)).containsPattern("\"cached_input_tokens\" ?: ?1600,");
        }
    }
}
