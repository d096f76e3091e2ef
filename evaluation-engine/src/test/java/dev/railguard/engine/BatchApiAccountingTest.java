package dev.railguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.api.Usage;
import dev.railguard.api.Verdict;
import dev.railguard.engine.batchapi.BatchApi;
import dev.railguard.testkit.StubBatchServer;
import dev.railguard.testkit.StubBatchServer.LineFault;
import dev.railguard.testkit.StubOpenAiServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the batch transport bills and counts, and that its synchronous fallback keeps the judges' limits. */
class BatchApiAccountingTest {

    private static List<EvaluationResult> evaluate(StubOpenAiServer sync, BatchApi api, List<String> outputs,
            JudgeLimits limits) {
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(sync.baseUrl()).apiKey("sk-test-key-123456")
                .modelName("judge-model").maxRetries(0).timeout(Duration.ofSeconds(20)).build();
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder()
                .judges(JudgePanel.builder().standard("judge", model).build())
                .metrics(MetricRegistry.of(TestMetrics.claims("facts", false)))
                .prices(PriceTable.builder().perMillionTokens("judge-model", 0.15, 0.60).build())
                .judgeLimits("judge", limits).retryBackoff(Duration.ofMillis(10), Duration.ofMillis(20)).cache(false)
                .batchApi(api).build()) {
            List<CompletableFuture<EvaluationResult>> futures = outputs.stream().map(o -> evaluator.submit(
                    EvaluationRequest.builder().modelInput(ModelInput.ofUserPrompt("Q")).modelOutput(o)
                            .runMode(RunMode.FAST).metrics("facts").build()).result()).toList();
            return futures.stream().map(CompletableFuture::join).toList();
        }
    }

    private static BatchApi.Builder openAi(StubBatchServer batches) {
        return BatchApi.openAi(batches.openAiBaseUrl(), "sk-test-key-123456").quietPeriod(Duration.ofMillis(150))
                .pollInterval(Duration.ofMillis(20), Duration.ofMillis(40)).progress(line -> { });
    }

    @Test
    void one_batch_line_answering_two_identical_calls_is_billed_and_counted_once() {
        try (StubOpenAiServer sync = StubOpenAiServer.start(BatchApiTest::judge);
                StubBatchServer batches = StubBatchServer.start(BatchApiTest::judge)) {
            List<EvaluationResult> results = evaluate(sync, openAi(batches).build(),
                    List.of("Water is wet.", "Water is wet."), JudgeLimits.ofConcurrency(8));

            assertThat(batches.batchSizes()).containsExactly(1);
            Usage usage = results.stream().map(EvaluationResult::usage).reduce(Usage.NONE, Usage::plus);
            Usage one = results.get(0).usage().judgeCalls() == 1 ? results.get(0).usage() : results.get(1).usage();
            // the provider billed one line: the run's usage says one call and its tokens once, the other a shared reply
            assertThat(usage.judgeCalls()).isEqualTo(1);
            assertThat(usage.cacheHits()).isEqualTo(1);
            assertThat(usage.inputTokens()).isEqualTo(one.inputTokens());
            assertThat(usage.cost()).isEqualTo(one.cost());
            assertThat(results).allSatisfy(r -> assertThat(r.metric("facts").verdict()).isEqualTo(Verdict.PASS));
        }
    }

    @Test
    void the_synchronous_fallback_keeps_the_judges_concurrency_limit() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (StubOpenAiServer sync = StubOpenAiServer.start(r -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(100);
                return BatchApiTest.judge(r);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
            }
        });
                StubBatchServer batches = StubBatchServer.start(BatchApiTest::judge)
                        .lineFaults((batch, line) -> LineFault.EXPIRED)) {
            List<EvaluationResult> results = evaluate(sync, openAi(batches).synchronousFallback(true).build(),
                    List.of("Water is wet.", "Snow is white.", "Grass is green.", "Fire is hot."),
                    JudgeLimits.ofConcurrency(1));

            assertThat(results).allSatisfy(r -> assertThat(r.metric("facts").verdict()).isEqualTo(Verdict.PASS));
            assertThat(sync.requestCount()).isEqualTo(4);
            assertThat(most.get()).isEqualTo(1);
        }
    }
}
