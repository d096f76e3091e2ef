package dev.railguard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.api.Usage;
import dev.railguard.api.Verdict;
import dev.railguard.engine.batchapi.BatchApi;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubBatchServer;
import dev.railguard.testkit.StubBatchServer.LineFault;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Judge calls through the batch transport against the stub batch endpoints, beside the same calls through the
 * synchronous transport against the same stub judge.
 */
class BatchApiTest {

    private static final List<String> OUTPUTS = List.of("Paris is in France.\nThe moon is wrong cheese.",
            "Water is wet.", "Two plus two is four.\nThe sun is wrong cold.\nGrass is green.", "Snow is white.");

    /** The stub judge: one unit per output line, N for a line that says "wrong". */
    static StubReply judge(RecordedRequest r) {
        String schema = r.schemaName();
        List<String> lines = TestMetrics.outputOf(r).lines().filter(l -> !l.isBlank()).toList();
        if (schema.startsWith("railguard_partition_")) {
            JudgeReplies.Found found = JudgeReplies.found();
            lines.forEach(l -> found.unit(l, ""));
            return StubReply.content(found.json(), 400, 30);
        }
        if (schema.equals("railguard_verdicts") || schema.endsWith("_verify")) {
            JudgeReplies.Verdicts v = JudgeReplies.verdicts();
            for (int i = 0; i < lines.size(); i++) {
                v.verdict(i + 1, lines.get(i).contains("wrong") ? "N" : "Y", "high", "checked");
            }
            return StubReply.content(v.json(), 500, 40);
        }
        JudgeReplies units = JudgeReplies.units();
        lines.forEach(l -> units.unit(l, l.contains("wrong") ? "N" : "Y", "high", "checked"));
        return StubReply.content(units.json(), 300, 50);
    }

    private static PriceTable prices() {
        return PriceTable.builder().perMillionTokens("judge-model", 0.15, 0.60)
                .cachedInputPerMillionTokens("judge-model", 0.075).build();
    }

    private static List<EvaluationResult> evaluate(StubOpenAiServer sync, RunMode mode,
            UnaryOperator<RailguardEvaluator.Builder> batch) {
        OpenAiChatModel model = model(sync, "judge-model");
        try (RailguardEvaluator evaluator = batch.apply(RailguardEvaluator.builder()
                .judges(JudgePanel.builder().standard("judge", model).standard("second", model(sync, "judge-model-b")).build())
                .metrics(MetricRegistry.of(TestMetrics.claims("facts", false))).prices(prices())
                .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(20)).cache(false)).build()) {
            List<CompletableFuture<EvaluationResult>> futures = new ArrayList<>();
            for (String output : OUTPUTS) {
                futures.add(evaluator.submit(EvaluationRequest.builder().modelInput(ModelInput.ofUserPrompt("Q"))
                        .modelOutput(output).runMode(mode).metrics("facts").build()).result());
            }
            return futures.stream().map(CompletableFuture::join).toList();
        }
    }

    private static OpenAiChatModel model(StubOpenAiServer sync, String name) {
        return OpenAiChatModel.builder().baseUrl(sync.baseUrl()).apiKey("sk-test-key-123456").modelName(name)
                .maxRetries(0).timeout(Duration.ofSeconds(20)).build();
    }

    private static UnaryOperator<RailguardEvaluator.Builder> through(BatchApi.Builder api) {
        return b -> b.batchApi(api.quietPeriod(Duration.ofMillis(150))
                .pollInterval(Duration.ofMillis(20), Duration.ofMillis(40)).progress(line -> { }).build());
    }

    /** What a result says, without usage and timings. */
    private static List<String> verdicts(List<EvaluationResult> results) {
        List<String> out = new ArrayList<>();
        for (EvaluationResult r : results) {
            MetricResult m = r.metric("facts");
            out.add(m.verdict() + " " + m.score() + " " + m.units().stream()
                    .map(u -> u.text() + "=" + u.satisfied() + "/" + u.confidence()).toList());
        }
        return out;
    }

    private static Usage usage(List<EvaluationResult> results) {
        return results.stream().map(EvaluationResult::usage).reduce(Usage.NONE, Usage::plus);
    }

    @Test
    void fast_mode_through_one_openai_batch_gives_the_synchronous_verdicts_at_half_the_cost() {
        try (StubOpenAiServer sync = StubOpenAiServer.start(BatchApiTest::judge);
                StubBatchServer batches = StubBatchServer.start(BatchApiTest::judge).pollsUntilDone(2)) {
            List<EvaluationResult> direct = evaluate(sync, RunMode.FAST, b -> b);
            int syncRequests = sync.requestCount();
            List<EvaluationResult> batched = evaluate(sync, RunMode.FAST,
                    through(BatchApi.openAi(batches.openAiBaseUrl(), "sk-test-key-123456")));

            assertThat(verdicts(batched)).isEqualTo(verdicts(direct));
            assertThat(verdicts(direct)).first().asString().contains("The moon is wrong cheese.=false/HIGH");
            assertThat(sync.requestCount()).isEqualTo(syncRequests);
            assertThat(batches.batchSizes()).containsExactly(OUTPUTS.size());
            Usage s = usage(direct);
            Usage b = usage(batched);
            assertThat(b.judgeCalls()).isEqualTo(s.judgeCalls()).isEqualTo(OUTPUTS.size());
            assertThat(b.inputTokens()).isEqualTo(s.inputTokens());
            assertThat(b.cost()).isCloseTo(s.cost() / 2, offset(1e-12));
            assertThat(b.synchronousCost()).isCloseTo(s.cost(), offset(1e-12));
            assertThat(s.synchronousCost()).isEqualTo(s.cost());
        }
    }

    @Test
    void precision_mode_verifies_in_a_second_round_with_the_same_verdicts() {
        try (StubOpenAiServer sync = StubOpenAiServer.start(BatchApiTest::judge);
                StubBatchServer batches = StubBatchServer.start(BatchApiTest::judge)) {
            List<EvaluationResult> direct = evaluate(sync, RunMode.PRECISION, b -> b);
            List<EvaluationResult> batched = evaluate(sync, RunMode.PRECISION,
                    through(BatchApi.openAi(batches.openAiBaseUrl(), "sk-test-key-123456")));

            assertThat(verdicts(batched)).isEqualTo(verdicts(direct));
            // round 1: the partition calls; round 2: each verifier's calls, one batch per model
            assertThat(batches.batchSizes()).containsExactly(OUTPUTS.size(), OUTPUTS.size(), OUTPUTS.size());
        }
    }

    @Test
    void failed_and_expired_lines_go_to_the_next_round_and_nothing_is_dropped() {
        try (StubOpenAiServer sync = StubOpenAiServer.start(BatchApiTest::judge);
                StubBatchServer batches = StubBatchServer.start(BatchApiTest::judge)
                        .lineFaults((batch, line) -> batch > 1 ? LineFault.NONE
                                : line == 0 ? LineFault.EXPIRED : line == 1 ? LineFault.FAILED : LineFault.NONE)) {
            List<EvaluationResult> direct = evaluate(sync, RunMode.FAST, b -> b);
            int syncRequests = sync.requestCount();
            List<EvaluationResult> batched = evaluate(sync, RunMode.FAST,
                    through(BatchApi.openAi(batches.openAiBaseUrl(), "sk-test-key-123456")));

            assertThat(verdicts(batched)).isEqualTo(verdicts(direct));
            assertThat(batches.batchSizes()).containsExactly(OUTPUTS.size(), 2);
            assertThat(sync.requestCount()).isEqualTo(syncRequests);
        }
    }

    @Test
    void with_the_synchronous_fallback_failed_lines_go_to_the_synchronous_api_at_list_price() {
        try (StubOpenAiServer sync = StubOpenAiServer.start(BatchApiTest::judge);
                StubBatchServer batches = StubBatchServer.start(BatchApiTest::judge)
                        .lineFaults((batch, line) -> line == 0 ? LineFault.EXPIRED : LineFault.NONE)) {
            List<EvaluationResult> direct = evaluate(sync, RunMode.FAST, b -> b);
            int syncRequests = sync.requestCount();
            List<EvaluationResult> batched = evaluate(sync, RunMode.FAST,
                    through(BatchApi.openAi(batches.openAiBaseUrl(), "sk-test-key-123456").synchronousFallback(true)));

            assertThat(verdicts(batched)).isEqualTo(verdicts(direct));
            assertThat(batches.batchesCreated()).isEqualTo(1);
            assertThat(sync.requestCount()).isEqualTo(syncRequests + 1);
            Usage b = usage(batched);
            assertThat(b.cost()).isGreaterThan(usage(direct).cost() / 2).isLessThan(usage(direct).cost());
        }
    }

    @Test
    void a_line_that_expires_in_every_round_ends_as_an_error_naming_the_expiry() {
        try (StubOpenAiServer sync = StubOpenAiServer.start(BatchApiTest::judge);
                StubBatchServer batches = StubBatchServer.start(BatchApiTest::judge)
                        .lineFaults((batch, line) -> LineFault.EXPIRED)) {
            List<EvaluationResult> batched = evaluate(sync, RunMode.FAST, b -> through(
                    BatchApi.openAi(batches.openAiBaseUrl(), "sk-test-key-123456")).apply(b.maxCallAttempts(2)));

            assertThat(batched).allSatisfy(r -> {
                MetricResult m = r.metric("facts");
                assertThat(m.verdict()).isEqualTo(Verdict.ERROR);
                assertThat(m.rationale()).matches("judge 'judge' call failed after 2 attempts: RetriableException:"
                        + " batch batch_4 line rg-\\d+: batch_expired: This request could not be executed before the"
                        + " completion window expired\\.");
            });
            assertThat(batches.batchSizes()).containsExactly(OUTPUTS.size(), OUTPUTS.size());
            assertThat(sync.requestCount()).isZero();
        }
    }

    @Test
    void gemini_batch_mode_gives_the_synchronous_verdicts_at_half_the_cost_with_its_cached_tokens() {
        try (StubOpenAiServer sync = StubOpenAiServer.start(BatchApiTest::judge);
                StubBatchServer batches = StubBatchServer.start(BatchApiTest::judge).cachedTokens(100)
                        .lineFaults((batch, line) -> batch == 1 && line == 1 ? LineFault.FAILED : LineFault.NONE)) {
            List<EvaluationResult> direct = evaluate(sync, RunMode.FAST, b -> b);
            int syncRequests = sync.requestCount();
            List<EvaluationResult> batched = evaluate(sync, RunMode.FAST,
                    through(BatchApi.of("gemini", batches.geminiBaseUrl(), "gemini-test-key-123456")));

            assertThat(verdicts(batched)).isEqualTo(verdicts(direct));
            assertThat(batches.batchSizes()).containsExactly(OUTPUTS.size(), 1);
            assertThat(sync.requestCount()).isEqualTo(syncRequests);
            Usage s = usage(direct);
            Usage b = usage(batched);
            assertThat(b.inputTokens()).isEqualTo(s.inputTokens());
            assertThat(b.cachedInputTokens()).isEqualTo(100L * OUTPUTS.size());
            assertThat(b.synchronousCost()).isLessThan(s.cost()).isGreaterThan(b.cost());
        }
    }

    @Test
    void a_gemini_batch_that_expires_ends_each_request_as_an_error_naming_the_expiry() {
        try (StubOpenAiServer sync = StubOpenAiServer.start(BatchApiTest::judge);
                StubBatchServer batches = StubBatchServer.start(BatchApiTest::judge)
                        .lineFaults((batch, line) -> LineFault.EXPIRED)) {
            List<EvaluationResult> batched = evaluate(sync, RunMode.FAST, b -> through(BatchApi.of("gemini",
                    batches.geminiBaseUrl(), "gemini-test-key-123456")).apply(b.maxCallAttempts(2)));

            assertThat(batched).allSatisfy(r -> {
                MetricResult m = r.metric("facts");
                assertThat(m.verdict()).isEqualTo(Verdict.ERROR);
                assertThat(m.rationale()).matches("judge 'judge' call failed after 2 attempts: RetriableException:"
                        + " batch batches/gb_2 line rg-\\d+: the batch expired before this line was answered \\(its"
                        + " 24-hour window\\)");
            });
            assertThat(batches.batchSizes()).containsExactly(OUTPUTS.size(), OUTPUTS.size());
            assertThat(sync.requestCount()).isZero();
        }
    }

    @Test
    void a_429_on_create_is_retried_and_still_makes_one_batch() {
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        try (StubOpenAiServer sync = StubOpenAiServer.start(BatchApiTest::judge);
                StubBatchServer batches = StubBatchServer.start(BatchApiTest::judge).rateLimitCreates(2)) {
            List<EvaluationResult> batched = evaluate(sync, RunMode.FAST, b -> b.batchApi(
                    BatchApi.openAi(batches.openAiBaseUrl(), "sk-test-key-123456").quietPeriod(Duration.ofMillis(150))
                            .pollInterval(Duration.ofMillis(20), Duration.ofMillis(40)).progress(progress::add)
                            .build()));

            assertThat(batched).allSatisfy(r -> assertThat(r.metric("facts").verdict()).isNotEqualTo(Verdict.ERROR));
            assertThat(batches.batchesCreated()).isEqualTo(1);
            assertThat(progress).anySatisfy(l -> assertThat(l).contains("openai refused the batch for now")
                    .contains("429: Rate limit reached for batch creation"));
            assertThat(String.join("\n", progress)).doesNotContain("sk-test-key-123456");
        }
    }

    @Test
    void an_openai_create_whose_reply_was_lost_is_adopted_from_the_list_of_batches_instead_of_made_twice() {
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        try (StubOpenAiServer sync = StubOpenAiServer.start(BatchApiTest::judge);
                StubBatchServer batches = StubBatchServer.start(BatchApiTest::judge).loseCreateReplies(1)) {
            List<EvaluationResult> direct = evaluate(sync, RunMode.FAST, b -> b);
            List<EvaluationResult> batched = evaluate(sync, RunMode.FAST, b -> b.batchApi(
                    BatchApi.openAi(batches.openAiBaseUrl(), "sk-test-key-123456").quietPeriod(Duration.ofMillis(150))
                            .pollInterval(Duration.ofMillis(20), Duration.ofMillis(40)).progress(progress::add)
                            .build()));

            assertThat(verdicts(batched)).isEqualTo(verdicts(direct));
            assertThat(batches.batchesCreated()).isEqualTo(1);
            assertThat(progress).anySatisfy(l -> assertThat(l).startsWith("railguard batch-api: openai made batch"
                    + " batch_2 of round 1 although the create's reply was lost (").endsWith("); using it instead of"
                    + " creating another"));
        }
    }

    @Test
    void an_anthropic_create_whose_reply_was_lost_is_made_again_as_anthropic_cannot_tell() {
        try (StubOpenAiServer sync = StubOpenAiServer.start(BatchApiTest::judge);
                StubBatchServer batches = StubBatchServer.start(BatchApiTest::judge).loseCreateReplies(1)) {
            List<EvaluationResult> direct = evaluate(sync, RunMode.FAST, b -> b);
            List<EvaluationResult> batched = evaluate(sync, RunMode.FAST,
                    through(BatchApi.anthropic(batches.anthropicBaseUrl(), "sk-ant-test-key-123456")));

            // the documented window: no idempotency key, no metadata to find the first batch by
            assertThat(verdicts(batched)).isEqualTo(verdicts(direct));
            assertThat(batches.batchesCreated()).isEqualTo(2);
        }
    }

    @Test
    void cached_input_tokens_are_counted_and_priced_at_the_cached_batch_price() {
        try (StubOpenAiServer sync = StubOpenAiServer.start(BatchApiTest::judge);
                StubBatchServer batches = StubBatchServer.start(BatchApiTest::judge).cachedTokens(100)) {
            Usage b = usage(evaluate(sync, RunMode.FAST,
                    through(BatchApi.openAi(batches.openAiBaseUrl(), "sk-test-key-123456"))));

            int calls = OUTPUTS.size();
            assertThat(b.cachedInputTokens()).isEqualTo(100L * calls);
            double expected = calls * (200 * 0.075 + 100 * 0.0375 + 50 * 0.30) / 1e6;
            assertThat(b.cost()).isCloseTo(expected, offset(1e-12));
            assertThat(b.synchronousCost()).isCloseTo(calls * (200 * 0.15 + 100 * 0.075 + 50 * 0.60) / 1e6,
                    offset(1e-12));
        }
    }

    /** The usage of the sample through Anthropic's batches, 100 of each line's 300 prompt tokens read from the
     * prompt cache and 60 written to it, priced by {@code prices}. */
    private static Usage anthropicCacheUsage(PriceTable prices) {
        try (StubOpenAiServer sync = StubOpenAiServer.start(BatchApiTest::judge);
                StubBatchServer batches = StubBatchServer.start(BatchApiTest::judge).cachedTokens(100)
                        .cacheWrittenTokens(60)) {
            UnaryOperator<RailguardEvaluator.Builder> batch = through(BatchApi.anthropic(batches.anthropicBaseUrl(),
                    "sk-ant-test-key-123456"));
            return usage(evaluate(sync, RunMode.FAST, b -> batch.apply(b).prices(prices)));
        }
    }

    @Test
    void anthropic_cache_writes_cost_one_and_a_quarter_and_cache_reads_a_tenth_of_the_input_price_at_batch_prices() {
        Usage b = anthropicCacheUsage(PriceTable.builder().perMillionTokens("judge-model", 3.00, 15.00).build());

        int calls = OUTPUTS.size();
        assertThat(b.cachedInputTokens()).isEqualTo(100L * calls);
        // 140 plain input tokens, 100 cache reads at 0.1x, 60 cache writes at 1.25x, 50 output; batch halves each
        assertThat(b.cost()).isCloseTo(calls * (140 * 1.50 + 100 * 0.15 + 60 * 1.875 + 50 * 7.50) / 1e6,
                offset(1e-12));
        assertThat(b.synchronousCost()).isCloseTo(calls * (140 * 3.00 + 100 * 0.30 + 60 * 3.75 + 50 * 15.00) / 1e6,
                offset(1e-12));
    }

    @Test
    void set_cache_read_and_write_prices_replace_anthropics_rule_and_are_halved_at_batch_prices() {
        Usage b = anthropicCacheUsage(PriceTable.builder().perMillionTokens("judge-model", 3.00, 15.00)
                .cachedInputPerMillionTokens("judge-model", 0.50).cacheWriteInputPerMillionTokens("judge-model", 4.00)
                .build());

        int calls = OUTPUTS.size();
        assertThat(b.cost()).isCloseTo(calls * (140 * 1.50 + 100 * 0.25 + 60 * 2.00 + 50 * 7.50) / 1e6,
                offset(1e-12));
        assertThat(b.synchronousCost()).isCloseTo(calls * (140 * 3.00 + 100 * 0.50 + 60 * 4.00 + 50 * 15.00) / 1e6,
                offset(1e-12));
    }

    @Test
    void anthropic_message_batches_at_the_judges_v1_base_url_give_the_synchronous_verdicts() {
        try (StubOpenAiServer sync = StubOpenAiServer.start(BatchApiTest::judge);
                StubBatchServer batches = StubBatchServer.start(BatchApiTest::judge)
                        .lineFaults((batch, line) -> batch == 1 && line == 2 ? LineFault.EXPIRED : LineFault.NONE)) {
            List<EvaluationResult> direct = evaluate(sync, RunMode.FAST, b -> b);
            List<EvaluationResult> batched = evaluate(sync, RunMode.FAST,
                    through(BatchApi.anthropic(batches.anthropicBaseUrl() + "/v1/", "sk-ant-test-key-123456")));

            assertThat(verdicts(batched)).isEqualTo(verdicts(direct));
            assertThat(batches.batchSizes()).containsExactly(OUTPUTS.size(), 1);
        }
    }

    /** Submits the outputs in {@code mode} and closes the evaluator once the batch is submitted: a killed run. */
    private static void submitAndStop(StubOpenAiServer sync, RunMode mode, BatchApi api, List<String> progress)
            throws Exception {
        OpenAiChatModel model = model(sync, "judge-model");
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder()
                .judges(JudgePanel.builder().standard("judge", model).standard("second", model(sync, "judge-model-b"))
                        .build())
                .metrics(MetricRegistry.of(TestMetrics.claims("facts", false))).cache(false).batchApi(api).build()) {
            for (String output : OUTPUTS) {
                evaluator.submit(EvaluationRequest.builder().modelInput(ModelInput.ofUserPrompt("Q"))
                        .modelOutput(output).runMode(mode).metrics("facts").build());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (progress.stream().noneMatch(l -> l.contains(": submitted batch ")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
    }

    @Test
    void a_resume_in_another_run_mode_says_how_many_recorded_batches_it_left_unread(@TempDir Path dir)
            throws Exception {
        Path jobs = dir.resolve("batch-jobs.json");
        List<String> killed = Collections.synchronizedList(new ArrayList<>());
        List<String> resumed = Collections.synchronizedList(new ArrayList<>());
        try (StubOpenAiServer sync = StubOpenAiServer.start(BatchApiTest::judge);
                StubBatchServer batches = StubBatchServer.start(BatchApiTest::judge).hold(true)) {
            UnaryOperator<BatchApi.Builder> api = a -> a.jobFile(jobs, "input-1").quietPeriod(Duration.ofMillis(150))
                    .pollInterval(Duration.ofMillis(20), Duration.ofMillis(40));
            submitAndStop(sync, RunMode.FAST, api.apply(BatchApi.openAi(batches.openAiBaseUrl(), "sk-test-key-123456"))
                    .progress(killed::add).build(), killed);
            batches.hold(false);
            List<EvaluationResult> precision = evaluate(sync, RunMode.PRECISION, b -> b.batchApi(api.apply(
                    BatchApi.openAi(batches.openAiBaseUrl(), "sk-test-key-123456")).progress(resumed::add).build()));

            assertThat(precision).allSatisfy(r -> assertThat(r.metric("facts").verdict()).isNotEqualTo(Verdict.ERROR));
            String batch = killed.stream().filter(l -> l.contains(": submitted batch ")).findFirst().orElseThrow()
                    .replaceAll(".*submitted batch (\\S+) .*", "$1");
            assertThat(killed).noneMatch(l -> l.contains("unused"));
            assertThat(resumed).contains("railguard batch-api: 1 of 1 batch recorded in " + jobs + " (" + batch
                    + ") answered no request of this run: its 4 lines, billed, were sent by a run with another run"
                    + " mode, metric set, judge or prompt, and their answers go unused");
        }
    }

    @Test
    void a_resume_that_reads_every_recorded_batch_or_follows_a_finished_run_says_nothing_of_unused_batches(
            @TempDir Path dir) throws Exception {
        Path jobs = dir.resolve("batch-jobs.json");
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        try (StubOpenAiServer sync = StubOpenAiServer.start(BatchApiTest::judge);
                StubBatchServer batches = StubBatchServer.start(BatchApiTest::judge).hold(true)) {
            UnaryOperator<BatchApi.Builder> api = a -> a.jobFile(jobs, "input-1").quietPeriod(Duration.ofMillis(150))
                    .pollInterval(Duration.ofMillis(20), Duration.ofMillis(40)).progress(progress::add);
            submitAndStop(sync, RunMode.FAST, api.apply(BatchApi.openAi(batches.openAiBaseUrl(), "sk-test-key-123456"))
                    .build(), progress);
            batches.hold(false);
            // the same mode picks the batch up; then another mode follows a run whose answers were all read
            evaluate(sync, RunMode.FAST, b -> b.batchApi(api.apply(BatchApi.openAi(batches.openAiBaseUrl(),
                    "sk-test-key-123456")).build()));
            assertThat(batches.batchesCreated()).isEqualTo(1);
            evaluate(sync, RunMode.PRECISION, b -> b.batchApi(api.apply(BatchApi.openAi(batches.openAiBaseUrl(),
                    "sk-test-key-123456")).build()));

            assertThat(progress).anyMatch(l -> l.contains("picking up batch"));
            assertThat(progress).noneMatch(l -> l.contains("unused"));
        }
    }

    @Test
    void a_round_is_split_at_the_batch_limit_and_the_job_file_holds_no_prompt_and_no_key(@TempDir Path dir)
            throws Exception {
        Path jobs = dir.resolve("batch-jobs.json");
        try (StubOpenAiServer sync = StubOpenAiServer.start(BatchApiTest::judge);
                StubBatchServer batches = StubBatchServer.start(BatchApiTest::judge)) {
            List<EvaluationResult> direct = evaluate(sync, RunMode.FAST, b -> b);
            List<EvaluationResult> batched = evaluate(sync, RunMode.FAST, through(BatchApi.openAi(
                    batches.openAiBaseUrl(), "sk-test-key-123456").maxRequestsPerBatch(3).jobFile(jobs, "input-1")));

            assertThat(verdicts(batched)).isEqualTo(verdicts(direct));
            assertThat(batches.batchSizes()).containsExactly(3, 1);
            String file = Files.readString(jobs);
            assertThat(file).contains("\"run_key\" : \"input-1\"").contains("\"round\" : 1")
                    .doesNotContain("sk-test-key-123456").doesNotContain("Paris");
        }
    }
}
