package dev.railguard.engine.internal.judge;

import dev.railguard.engine.JudgeLimits;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.ScaleFixtures;
import dev.railguard.engine.internal.cache.DiskCache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.EvaluationHandle;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.MetricResult;
import dev.railguard.api.Verdict;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Retries, timeouts, cancellation, limits and the cache, through the real OpenAI client against the stub. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JudgeTrafficTest {

    private final List<AutoCloseable> open = new ArrayList<>();

    @TempDir
    Path dir;

    /** Opened when a test ends: a held reply never comes while the test runs, however slow or fast the machine. */
    private final CountDownLatch gate = new CountDownLatch(1);

    @AfterEach
    void closeAll() throws Exception {
        gate.countDown();
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private StubOpenAiServer server(Function<RecordedRequest, StubReply> responder) {
        StubOpenAiServer s = StubOpenAiServer.start(responder);
        open.add(s);
        return s;
    }

    /** The good reply, held until the test has ended. */
    private StubReply held(RecordedRequest r) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ScaleFixtures.goodReply(r);
    }

    /**
     * Waits until {@code condition} holds. The bound only stops a hang: a condition that never comes fails the test
     * with its name, and nothing is decided by how long it took.
     */
    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited 20 s for: " + what);
            }
            Thread.sleep(5);
        }
    }

    private RailguardEvaluator.Builder builder(StubOpenAiServer server) {
        return builder(ScaleFixtures.model(server.baseUrl()));
    }

    private RailguardEvaluator.Builder builder(dev.langchain4j.model.chat.ChatModel model) {
        return RailguardEvaluator.builder()
                .judges(JudgePanel.single("judge", model))
                .metrics(ScaleFixtures.registry())
                .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(50));
    }

    private RailguardEvaluator build(RailguardEvaluator.Builder b) {
        RailguardEvaluator e = b.build();
        open.add(e);
        return e;
    }

    @Test
    void a_non_retriable_failure_is_an_error_at_once_naming_the_cause() {
        StubOpenAiServer server = server(r -> StubReply.status(401));
        EvaluationResult r = build(builder(server)).evaluate(ScaleFixtures.request(1));
        MetricResult m = r.metric(ScaleFixtures.METRIC);
        assertThat(m.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(m.rationale()).startsWith("judge 'judge' call failed: AuthenticationException");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void a_retriable_failure_is_retried_up_to_the_bound_then_an_error_naming_the_cause() {
        StubOpenAiServer server = server(r -> StubReply.status(503));
        RailguardEvaluator evaluator = build(builder(server).maxCallAttempts(3));
        MetricResult m = evaluator.evaluate(ScaleFixtures.request(1)).metric(ScaleFixtures.METRIC);
        assertThat(m.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(m.rationale()).startsWith("judge 'judge' call failed after 3 attempts: InternalServerException");
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(m.usage().judgeCalls()).isEqualTo(3);
        assertThat(evaluator.judgeStats().retries()).isEqualTo(2);
    }

    @Test
    void retry_after_is_honoured_when_the_judge_uses_the_railguard_http_client() {
        AtomicInteger n = new AtomicInteger();
        StubOpenAiServer server = server(timed(r -> n.getAndIncrement() == 0
                ? StubReply.status(429).withHeader("retry-after-ms", "600") : ScaleFixtures.goodReply(r)));
        EvaluationResult r = build(builder(server)).evaluate(ScaleFixtures.request(1));
        assertThat(r.metric(ScaleFixtures.METRIC).verdict()).isNotEqualTo(Verdict.ERROR);
        List<RecordedRequest> requests = server.requests();
        assertThat(requests).hasSize(2);
        long gapMillis = TimeUnit.NANOSECONDS.toMillis(timeOf(requests.get(1)) - timeOf(requests.get(0)));
        assertThat(gapMillis).as("the retry waited for Retry-After, not the 10-50 ms backoff").isGreaterThanOrEqualTo(550);
    }

    /** System.nanoTime() at each request's arrival, by its sequence number. */
    private final Map<Integer, Long> arrivals = new ConcurrentHashMap<>();

    private long timeOf(RecordedRequest r) {
        return arrivals.get(r.sequence());
    }

    private Function<RecordedRequest, StubReply> timed(Function<RecordedRequest, StubReply> f) {
        return r -> {
            arrivals.put(r.sequence(), System.nanoTime());
            return f.apply(r);
        };
    }

    @Test
    void without_a_visible_retry_after_the_engine_falls_back_to_backoff() {
        AtomicInteger n = new AtomicInteger();
        StubOpenAiServer server = server(r -> n.getAndIncrement() < 2 ? StubReply.rateLimited(Duration.ofSeconds(30))
                : ScaleFixtures.goodReply(r));
        OpenAiChatModel plain = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").modelName("m")
                .maxRetries(0).timeout(Duration.ofSeconds(5)).build();
        EvaluationResult r = build(builder(plain)).evaluate(ScaleFixtures.request(2));
        assertThat(r.metric(ScaleFixtures.METRIC).verdict()).isNotEqualTo(Verdict.ERROR);
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void a_call_slower_than_the_call_timeout_is_abandoned_and_ends_as_an_error() {
        StubOpenAiServer server = server(this::held);
        RailguardEvaluator evaluator = build(builder(server).callTimeout(Duration.ofMillis(200)).maxCallAttempts(2));
        MetricResult m = evaluator.evaluate(ScaleFixtures.request(1)).metric(ScaleFixtures.METRIC);
        assertThat(m.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(m.rationale()).isEqualTo("judge 'judge' call failed after 2 attempts: CallTimeoutException: "
                + "the judge call did not answer within the call timeout of 200 ms");
        assertThat(evaluator.judgeStats().timeouts()).isEqualTo(2);
    }

    @Test
    void an_evaluation_over_its_timeout_fails_with_the_cause() {
        StubOpenAiServer server = server(this::held);
        RailguardEvaluator evaluator = build(builder(server).evaluationTimeout(Duration.ofMillis(300)));
        EvaluationResult r = evaluator.evaluate(ScaleFixtures.request(1));
        assertThat(r.status()).isEqualTo(EvaluationStatus.FAILED);
        assertThat(r.failure()).isEqualTo("the evaluation timed out after 300 ms (0 of 1 metrics had finished)");
        assertThat(r.passed()).isFalse();
    }

    @Test
    void queued_evaluations_wait_for_capacity_and_a_canceled_one_never_reaches_the_judge() throws Exception {
        // The first call is held until it has been seen waiting: with a reply delayed 500 ms, a slow machine could
        // finish it before the second evaluation's status was read.
        CountDownLatch releaseFirst = new CountDownLatch(1);
        StubOpenAiServer server = server(r -> {
            if (r.sequence() == 0) {
                try {
                    releaseFirst.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return ScaleFixtures.goodReply(r);
        });
        RailguardEvaluator evaluator = build(builder(server).maxConcurrentJudgeCalls(1));
        EvaluationHandle first = evaluator.submit(ScaleFixtures.request(1));
        EvaluationHandle second = evaluator.submit(ScaleFixtures.request(2));
        EvaluationHandle third = evaluator.submit(ScaleFixtures.request(3));
        waitUntil(() -> server.requestCount() == 1, "the first call reaches the judge");
        assertThat(second.status()).isEqualTo(EvaluationStatus.QUEUED);
        assertThat(third.cancel()).isTrue();
        assertThat(third.cancel()).isFalse();
        assertThat(third.status()).isEqualTo(EvaluationStatus.CANCELED);
        assertThat(third.result().join().failure()).isEqualTo("canceled by the caller");
        releaseFirst.countDown();
        assertThat(first.result().join().status()).isEqualTo(EvaluationStatus.COMPLETED);
        assertThat(second.result().join().status()).isEqualTo(EvaluationStatus.COMPLETED);
        assertThat(server.requests()).extracting(ScaleFixtures::outputOf)
                .noneMatch(o -> o.startsWith("Output 3:")).hasSize(2);
    }

    @Test
    void canceling_a_running_evaluation_abandons_its_call() throws Exception {
        StubOpenAiServer server = server(this::held);
        RailguardEvaluator evaluator = build(builder(server));
        EvaluationHandle h = evaluator.submit(ScaleFixtures.request(1));
        waitUntil(() -> server.requestCount() == 1, "the call reaches the judge");
        assertThat(h.status()).isEqualTo(EvaluationStatus.IN_PROGRESS);
        assertThat(h.cancel()).isTrue();
        assertThat(h.result().join().status()).isEqualTo(EvaluationStatus.CANCELED);
        // The abandoned attempt frees its slot: a new evaluation is not stuck behind it.
        EvaluationHandle next = evaluator.submit(ScaleFixtures.request(2));
        assertThat(next.cancel()).isTrue();
    }

    @Test
    void rate_limiting_halves_the_judge_concurrency_limit() {
        StubOpenAiServer server = server(r -> StubReply.status(429).withHeader("retry-after-ms", "10"));
        RailguardEvaluator evaluator = build(builder(server).maxConcurrentJudgeCalls(16).maxCallAttempts(1));
        evaluator.evaluate(ScaleFixtures.request(1));
        assertThat(evaluator.judgeStats().concurrencyLimits()).containsEntry("judge", 8);
        assertThat(evaluator.judgeStats().rateLimited()).isEqualTo(1);
    }

    @Test
    void evaluate_all_streams_every_result_with_a_bounded_window() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        StubOpenAiServer server = server(r -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                return ScaleFixtures.goodReply(r).delayed(Duration.ofMillis(5));
            } finally {
                inFlight.decrementAndGet();
            }
        });
        RailguardEvaluator evaluator = build(builder(server).maxInFlightEvaluations(4));
        try (Stream<EvaluationResult> results = evaluator.evaluateAll(
                IntStream.range(0, 40).mapToObj(i -> ScaleFixtures.request(i)))) {
            assertThat(results.map(EvaluationResult::nametag).sorted())
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 40).mapToObj(i -> "n" + i).toList());
        }
        assertThat(maxInFlight.get()).isLessThanOrEqualTo(4);
    }

    @Test
    void identical_concurrent_calls_reach_the_judge_once_and_count_as_hits() {
        StubOpenAiServer server = server(r -> ScaleFixtures.goodReply(r).delayed(Duration.ofMillis(200)));
        RailguardEvaluator evaluator = build(builder(server).cache(true));
        List<CompletableFuture<EvaluationResult>> results = IntStream.range(0, 20)
                .mapToObj(i -> evaluator.submit(ScaleFixtures.request(7)).result()).toList();
        List<String> essences = results.stream().map(f -> ScaleFixtures.essence(f.join())).distinct().toList();
        assertThat(essences).hasSize(1);
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(evaluator.judgeStats().cacheMisses()).isEqualTo(1);
        assertThat(evaluator.judgeStats().cacheHits()).isEqualTo(19);
        assertThat(results.stream().mapToInt(f -> f.join().usage().cacheHits()).sum()).isEqualTo(19);
    }

    @Test
    void failures_are_not_cached() {
        AtomicInteger n = new AtomicInteger();
        StubOpenAiServer server = server(r -> n.getAndIncrement() == 0 ? StubReply.status(400)
                : ScaleFixtures.goodReply(r));
        RailguardEvaluator evaluator = build(builder(server).cache(true));
        assertThat(evaluator.evaluate(ScaleFixtures.request(3)).metric(ScaleFixtures.METRIC).verdict())
                .isEqualTo(Verdict.ERROR);
        assertThat(evaluator.evaluate(ScaleFixtures.request(3)).metric(ScaleFixtures.METRIC).verdict())
                .isNotEqualTo(Verdict.ERROR);
        assertThat(evaluator.evaluate(ScaleFixtures.request(3)).usage().cacheHits()).isEqualTo(1);
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void the_cache_directory_survives_the_evaluator_and_a_cut_short_entry_is_recomputed() throws Exception {
        StubOpenAiServer server = server(ScaleFixtures::goodReply);
        String expected;
        try (RailguardEvaluator first = builder(server).cacheDirectory(dir).build()) {
            expected = ScaleFixtures.essence(first.evaluate(ScaleFixtures.request(5)));
        }
        assertThat(server.requestCount()).isEqualTo(1);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertThat(files).hasSize(1);
        byte[] complete = Files.readAllBytes(files.get(0));

        try (RailguardEvaluator second = builder(server).cacheDirectory(dir).build()) {
            EvaluationResult again = second.evaluate(ScaleFixtures.request(5));
            assertThat(ScaleFixtures.essence(again)).isEqualTo(expected);
            assertThat(again.usage().cacheHits()).isEqualTo(1);
            assertThat(again.usage().judgeCalls()).isZero();
        }
        assertThat(server.requestCount()).isEqualTo(1);

        Files.write(files.get(0), java.util.Arrays.copyOf(complete, complete.length - 7));
        try (RailguardEvaluator third = builder(server).cacheDirectory(dir).build()) {
            EvaluationResult recomputed = third.evaluate(ScaleFixtures.request(5));
            assertThat(ScaleFixtures.essence(recomputed)).isEqualTo(expected);
            assertThat(recomputed.usage().judgeCalls()).isEqualTo(1);
            assertThat(third.judgeStats().corruptCacheEntries()).isEqualTo(1);
        }
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(DiskCache.decode(Files.readAllBytes(files.get(0)))).as("the entry was rewritten whole").isNotNull();
        assertThat(DiskCache.decode(java.util.Arrays.copyOf(complete, complete.length - 7))).isNull();
    }
    @Test
    void a_requests_per_minute_budget_spaces_the_calls_to_its_judge() {
        // The exact spacing is DispatcherTest's, on a clock moved by hand. Here the budget is checked through the
        // evaluator as a lower bound that holds on any machine: its bucket is made after t0 and holds 4 calls, and
        // 240 a minute refill 4 a second, so the 8th call cannot reach the stub before t0 + 1 s. (Measured from the
        // first call's arrival instead, a first call delayed by a loaded machine made the gap look short.)
        StubOpenAiServer server = server(timed(ScaleFixtures::goodReply));
        RailguardEvaluator evaluator = build(builder(server)
                .judgeLimits("judge", JudgeLimits.ofConcurrency(8).withRequestsPerMinute(240)));
        long t0 = System.nanoTime();
        List<CompletableFuture<EvaluationResult>> results = IntStream.range(0, 8)
                .mapToObj(i -> evaluator.submit(ScaleFixtures.request(i)).result()).toList();
        results.forEach(CompletableFuture::join);
        List<RecordedRequest> requests = server.requests();
        assertThat(requests).hasSize(8);
        assertThat(TimeUnit.NANOSECONDS.toMillis(timeOf(requests.get(7)) - t0)).isGreaterThanOrEqualTo(990);
    }

    @Test
    void closing_the_evaluator_cancels_what_is_still_running() throws Exception {
        StubOpenAiServer server = server(this::held);
        RailguardEvaluator evaluator = builder(server).maxConcurrentJudgeCalls(1).build();
        EvaluationHandle running = evaluator.submit(ScaleFixtures.request(1));
        EvaluationHandle queued = evaluator.submit(ScaleFixtures.request(2));
        waitUntil(() -> server.requestCount() == 1, "the first call reaches the judge");
        evaluator.close();
        assertThat(running.result().join().status()).isEqualTo(EvaluationStatus.CANCELED);
        assertThat(queued.result().join().failure()).isEqualTo("the evaluator was closed");
    }

    @Test
    void limits_and_options_reject_bad_values_naming_them() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JudgeLimits.ofConcurrency(0))
                .hasMessage("maxConcurrency must be at least 1, but was: 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RailguardEvaluator.builder().maxCallAttempts(0))
                .hasMessage("maxCallAttempts must be between 1 and 20, but was: 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RailguardEvaluator.builder()
                .callTimeout(Duration.ZERO)).hasMessage("callTimeout must be positive, but was: PT0S");
    }
    @Test
    void after_a_rate_limit_the_judge_limit_ramps_back_up_with_successes() {
        AtomicInteger n = new AtomicInteger();
        StubOpenAiServer server = server(r -> n.getAndIncrement() == 0
                ? StubReply.status(429).withHeader("retry-after-ms", "10") : ScaleFixtures.goodReply(r));
        RailguardEvaluator evaluator = build(builder(server).maxConcurrentJudgeCalls(16));
        evaluator.evaluate(ScaleFixtures.request(0));
        int afterDecrease = evaluator.judgeStats().concurrencyLimits().get("judge");
        for (int i = 1; i <= 40; i++) {
            evaluator.evaluate(ScaleFixtures.request(i));
        }
        assertThat(afterDecrease).isEqualTo(8);
        assertThat(evaluator.judgeStats().concurrencyLimits().get("judge")).isBetween(9, 15);
    }

    @Test
    void when_the_evaluation_that_started_a_shared_cached_call_is_canceled_the_others_still_get_an_answer()
            throws Exception {
        // The starter's call is held, so it cannot answer before the cancel, and the joiner is seen joining (a cache
        // hit) before it: with a 400 ms delay a slow machine let the first reply come first and serve both.
        StubOpenAiServer server = server(r -> r.sequence() == 0 ? held(r) : ScaleFixtures.goodReply(r));
        RailguardEvaluator evaluator = build(builder(server).cache(true));
        EvaluationHandle starter = evaluator.submit(ScaleFixtures.request(9));
        EvaluationHandle joiner = evaluator.submit(ScaleFixtures.request(9));
        waitUntil(() -> server.requestCount() == 1, "the starter's call reaches the judge");
        waitUntil(() -> evaluator.judgeStats().cacheHits() == 1, "the joiner joins the starter's call");
        starter.cancel();
        EvaluationResult r = joiner.result().join();
        assertThat(r.status()).isEqualTo(EvaluationStatus.COMPLETED);
        assertThat(r.metric(ScaleFixtures.METRIC).verdict()).isNotEqualTo(Verdict.ERROR);
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void evaluate_all_throws_the_validation_error_of_a_bad_request_when_it_is_reached() {
        StubOpenAiServer server = server(ScaleFixtures::goodReply);
        RailguardEvaluator evaluator = build(builder(server));
        List<dev.railguard.api.EvaluationRequest> requests = List.of(ScaleFixtures.request(1),
                ScaleFixtures.request(2, "no_such_metric"));
        try (Stream<EvaluationResult> results = evaluator.evaluateAll(requests)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(results::toList)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no_such_metric");
        }
    }
    @Test
    void a_user_executor_runs_the_calls_and_is_not_shut_down_by_close() throws Exception {
        StubOpenAiServer server = server(ScaleFixtures::goodReply);
        java.util.concurrent.ExecutorService mine = java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "user-pool");
            t.setDaemon(true);
            return t;
        });
        try {
            List<String> callThreads = new CopyOnWriteArrayList<>();
            OpenAiChatModel model = ScaleFixtures.model(server.baseUrl());
            dev.langchain4j.model.chat.ChatModel spy = new dev.langchain4j.model.chat.ChatModel() {
                @Override
                public dev.langchain4j.model.chat.response.ChatResponse doChat(
                        dev.langchain4j.model.chat.request.ChatRequest request) {
                    callThreads.add(Thread.currentThread().getName());
                    return model.chat(request);
                }
            };
            try (RailguardEvaluator evaluator = builder(spy).executor(mine).maxConcurrentJudgeCalls(4).build()) {
                evaluator.evaluate(ScaleFixtures.request(1, ScaleFixtures.METRIC, ScaleFixtures.SECOND_METRIC));
            }
            assertThat(callThreads).hasSize(2).allMatch("user-pool"::equals);
            assertThat(mine.isShutdown()).isFalse();
        } finally {
            mine.shutdownNow();
        }
    }
    @Test
    void closing_a_partly_read_evaluate_all_stream_cancels_the_rest_and_reads_no_more_requests() {
        StubOpenAiServer server = server(r -> ScaleFixtures.goodReply(r).delayed(Duration.ofMillis(50)));
        RailguardEvaluator evaluator = build(builder(server).maxInFlightEvaluations(4).maxConcurrentJudgeCalls(2));
        AtomicInteger pulled = new AtomicInteger();
        List<EvaluationResult> firstTwo;
        try (Stream<EvaluationResult> results = evaluator.evaluateAll(IntStream.range(0, 1000)
                .peek(i -> pulled.incrementAndGet()).mapToObj(i -> ScaleFixtures.request(i)))) {
            firstTwo = results.limit(2).toList();
        }
        assertThat(firstTwo).allSatisfy(r -> assertThat(r.status()).isEqualTo(EvaluationStatus.COMPLETED));
        assertThat(pulled.get()).isLessThanOrEqualTo(6);
        int seen = server.requestCount();
        assertThat(seen).isLessThanOrEqualTo(6);
    }
}
