package dev.railguard.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;


/**
 * The batch endpoints of OpenAI (Files and Batches: {@code POST /v1/files}, {@code POST /v1/batches},
 * {@code GET /v1/batches/ID}, {@code GET /v1/files/ID/content}), Anthropic (Message Batches:
 * {@code POST /v1/messages/batches}, {@code GET /v1/messages/batches/ID}, {@code GET .../results}) and Gemini (batch
 * mode: {@code POST /v1beta/models/MODEL:batchGenerateContent}, {@code GET /v1beta/batches/ID}) on 127.0.0.1 and a
 * free port. Each line of a batch is answered by the same kind of responder as {@link StubOpenAiServer} (it sees
 * the line's body as a chat-completions request), so one stub judge serves the synchronous and the batch transport.
 *
 * <pre>{@code
 * try (StubBatchServer batches = StubBatchServer.start(req -> StubReply.content(JudgeReplies.satisfying(req)))) {
 *     batches.pollsUntilDone(2).lineFaults((batch, line) -> line == 0 ? LineFault.EXPIRED : LineFault.NONE);
 *     BatchApi api = BatchApi.openAi(batches.openAiBaseUrl(), "test").build();
 *     ...
 *     assertThat(batches.batchesCreated()).isEqualTo(2);
 * }
 * }</pre>
 *
 * A batch stays {@code in_progress} for {@link #pollsUntilDone} retrievals, and while it is held ({@link #hold},
 * {@link #holdFrom}). Thread-safe.
 */
public final class StubBatchServer extends ProviderStubServer {

    /** What becomes of one line. */
    public enum LineFault {
        /** Answered by the responder. */
        NONE,
        /** Failed by the provider (a 500 in its result). */
        FAILED,
        /** Not answered before the batch's window ended. */
        EXPIRED
    }

    /** Decides the fault of line {@code line} (0-based) of the {@code batch}-th batch created (1-based). */
    @FunctionalInterface
    public interface LineFaults {
        LineFault fault(int batch, int line);
    }

    private final StubBatchEndpoints endpoints;

    private StubBatchServer(StubBatchEndpoints endpoints) {
        super(endpoints);
        this.endpoints = endpoints;
        endpoints.rootUrl = rootUrl();
    }

    /** Starts a server whose lines are answered by {@code responder}. */
    public static StubBatchServer start(Function<RecordedRequest, StubReply> responder) {
        return new StubBatchServer(new StubBatchEndpoints(Objects.requireNonNull(responder,
                "responder must not be null")));
    }

    /** The base URL for OpenAI's API, {@code http://127.0.0.1:PORT/v1}. */
    public String openAiBaseUrl() {
        return anthropicBaseUrl() + "/v1";
    }

    /** The base URL for Gemini's API, {@code http://127.0.0.1:PORT/v1beta}. */
    public String geminiBaseUrl() {
        return anthropicBaseUrl() + "/v1beta";
    }

    /** The base URL for Anthropic's API, {@code http://127.0.0.1:PORT}. */
    public String anthropicBaseUrl() {
        return rootUrl();
    }

    /** A batch is in progress for this many retrievals before it completes; default 0. */
    public StubBatchServer pollsUntilDone(int polls) {
        endpoints.pollsUntilDone = polls;
        return this;
    }

    /** While on, every batch stays in progress (a run waiting on it can be killed). */
    public StubBatchServer hold(boolean on) {
        return holdFrom(on ? 1 : Integer.MAX_VALUE);
    }

    /**
     * Holds the batches created from the {@code number}-th on (1-based) in progress, so a run can be killed while it
     * waits in a later round; {@code hold(false)} releases them.
     */
    public StubBatchServer holdFrom(int number) {
        endpoints.holdFrom = number;
        return this;
    }

    /** The next {@code n} batch creations answer 429 with {@code Retry-After: 0}. */
    public StubBatchServer rateLimitCreates(int n) {
        endpoints.rateLimitedCreates = n;
        return this;
    }

    /**
     * The next {@code n} batch creations make their batch but answer 500, as when a gateway or a timeout loses the
     * reply of a create the provider carried out; OpenAI's list of batches ({@code GET /v1/batches}) shows them.
     */
    public StubBatchServer loseCreateReplies(int n) {
        endpoints.loseCreateReplies(n);
        return this;
    }

    /**
     * The next {@code n} retrievals of a batch (polls) answer 429 with a {@code Retry-After} of {@code retryAfter}, in
     * whole seconds rounded up.
     */
    public StubBatchServer rateLimitPolls(int n, Duration retryAfter) {
        endpoints.rateLimitPolls(n, Objects.requireNonNull(retryAfter, "retryAfter must not be null"));
        return this;
    }

    /** Reports this many of each answered line's prompt tokens as served from the prompt cache. */
    public StubBatchServer cachedTokens(int tokens) {
        endpoints.cachedTokens = tokens;
        return this;
    }

    /**
     * Reports this many of each answered Anthropic line's prompt tokens as written to the prompt cache
     * ({@code cache_creation_input_tokens}), after the {@link #cachedTokens} ones.
     */
    public StubBatchServer cacheWrittenTokens(int tokens) {
        endpoints.cacheWrittenTokens = tokens;
        return this;
    }

    /** Which lines fail or expire. */
    public StubBatchServer lineFaults(LineFaults faults) {
        endpoints.faults = Objects.requireNonNull(faults, "faults must not be null");
        return this;
    }

    /** Batches created so far (429s excluded). */
    public int batchesCreated() {
        return endpoints.batchSizes().size();
    }

    /** The number of lines of each batch created, in order. */
    public List<Integer> batchSizes() {
        return endpoints.batchSizes();
    }

    /** Lines answered by the responder so far. */
    public int linesAnswered() {
        return endpoints.lineRequests.get();
    }
}
