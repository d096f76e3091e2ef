package dev.railguard.engine.batchapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.railguard.engine.batchapi.BatchApi;
import dev.railguard.testkit.StubBatchServer;
import dev.railguard.testkit.StubReply;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A poll answered 429 with {@code Retry-After} waits what the provider asked (at most the engine's
 * {@code maxRetryAfter}) before the next poll, as the synchronous path does. The delays are read from the worker the
 * transport schedules its polls on, never from a clock.
 */
class BatchPollRetryAfterTest {

    private final List<String> progress = new CopyOnWriteArrayList<>();

    /** The transport's worker, recording the delay of every task it is given. */
    private static final class RecordingWorker extends ScheduledThreadPoolExecutor {
        final List<Duration> delays = new CopyOnWriteArrayList<>();

        RecordingWorker() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delays.add(Duration.ofNanos(unit.toNanos(delay)));
            return super.schedule(command, delay, unit);
        }
    }

    private BatchTransport transport(StubBatchServer server, Duration maxRetryAfter, RecordingWorker worker) {
        BatchApi api = BatchApi.openAi(server.openAiBaseUrl(), "sk-test-key-123456").quietPeriod(Duration.ofMillis(50))
                .pollInterval(Duration.ofMillis(10), Duration.ofMillis(20)).progress(progress::add).build();
        return new BatchTransport(api, new OpenAiBatchService(URI.create(server.openAiBaseUrl()),
                "sk-test-key-123456"), maxRetryAfter, worker);
    }

    private static CompletableFuture<ChatResponse> ask(BatchTransport t, String question) {
        return t.exchange("judge-model", ChatRequest.builder().messages(UserMessage.from(question)).build(),
                () -> {
                    throw new AssertionError("no synchronous call expected");
                });
    }

    @Test
    void a_rate_limited_poll_waits_the_retry_after_the_provider_asked_for() throws Exception {
        RecordingWorker worker = new RecordingWorker();
        try (StubBatchServer server = StubBatchServer.start(r -> StubReply.content("answered"))
                .rateLimitPolls(1, Duration.ofSeconds(1));
                BatchTransport t = transport(server, Duration.ofSeconds(60), worker)) {
            assertThat(ask(t, "one").get(20, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("answered");

            // quiet period, first poll after the initial interval, then the second poll after the asked second
            assertThat(worker.delays).containsExactly(Duration.ofMillis(50), Duration.ofMillis(10),
                    Duration.ofSeconds(1));
            assertThat(progress).anyMatch(p -> p.startsWith("railguard batch-api: could not check batch batch_")
                    && p.contains("answered 429: Too many requests")
                    && p.endsWith("; next check in 1000 ms, as openai asked (Retry-After)"));
        }
    }

    @Test
    void a_retry_after_longer_than_the_engines_maximum_waits_the_maximum() throws Exception {
        RecordingWorker worker = new RecordingWorker();
        try (StubBatchServer server = StubBatchServer.start(r -> StubReply.content("answered"))
                .rateLimitPolls(1, Duration.ofHours(1));
                BatchTransport t = transport(server, Duration.ofMillis(200), worker)) {
            assertThat(ask(t, "one").get(20, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("answered");

            assertThat(worker.delays).containsExactly(Duration.ofMillis(50), Duration.ofMillis(10),
                    Duration.ofMillis(200));
            assertThat(progress).anyMatch(p -> p.endsWith("; next check in 200 ms, as openai asked (Retry-After"
                    + " 3600000 ms, at most the maximum of 200 ms)"));
        }
    }
}
