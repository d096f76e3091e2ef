package dev.railguard.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.function.Function;

/**
 * A server of Anthropic's messages API ({@code POST /v1/messages}) on 127.0.0.1 and a free port, answering from a
 * script, so the real {@code langchain4j-anthropic} client is exercised. The replies are Anthropic's shapes: a
 * message with text content and {@code usage.input_tokens}/{@code output_tokens}; errors as
 * {@code {"type":"error","error":{...}}}.
 *
 * <pre>{@code
 * try (StubAnthropicServer server = StubAnthropicServer.start(req -> StubAnthropicServer.text("{\"units\":[]}"))) {
 *     ChatModel model = AnthropicChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").modelName("m").build();
 * }
 * }</pre>
 */
public final class StubAnthropicServer extends ProviderStubServer {

    private StubAnthropicServer(Function<RecordedRequest, StubReply> responder) {
        super(responder);
    }

    /** Starts a server that answers every request with what {@code responder} returns for it. */
    public static StubAnthropicServer start(Function<RecordedRequest, StubReply> responder) {
        return new StubAnthropicServer(responder);
    }

    /** The base URL for an Anthropic client, {@code http://127.0.0.1:PORT/v1/}. */
    public String baseUrl() {
        return rootUrl() + "/v1/";
    }

    /** A message whose one text block is {@code text}, stop reason {@code end_turn}, 100 input and 20 output tokens. */
    public static StubReply text(String text) {
        return text(text, 100, 20);
    }

    /** A message whose one text block is {@code text}, with the given token counts. */
    public static StubReply text(String text, int inputTokens, int outputTokens) {
        return text(text, inputTokens, 0, 0, outputTokens);
    }

    /**
     * A message whose one text block is {@code text}, with {@code cacheReadTokens} read from and
     * {@code cacheWriteTokens} written to the prompt cache besides the {@code inputTokens} (Anthropic counts them
     * apart: {@code usage.cache_read_input_tokens}, {@code usage.cache_creation_input_tokens}); zeros are left out.
     */
    public static StubReply text(String text, int inputTokens, int cacheReadTokens, int cacheWriteTokens,
            int outputTokens) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "msg_stub").put("type", "message").put("role", "assistant").put("model", "claude-stub");
        root.putArray("content").addObject().put("type", "text").put("text", text);
        root.put("stop_reason", "end_turn").putNull("stop_sequence");
        ObjectNode usage = root.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", outputTokens);
        if (cacheReadTokens > 0) {
            usage.put("cache_read_input_tokens", cacheReadTokens);
        }
        if (cacheWriteTokens > 0) {
            usage.put("cache_creation_input_tokens", cacheWriteTokens);
        }
        return StubReply.json(200, root.toString());
    }

    /** A 429 {@code rate_limit_error} with a {@code retry-after} header in whole seconds (rounded up). */
    public static StubReply rateLimited(Duration retryAfter) {
        return error(429, "rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit")
                .withHeader("retry-after", StubReply.retryAfterSeconds(retryAfter));
    }

    /** A 401 {@code authentication_error} whose message echoes {@code key}, as a careless gateway's might. */
    public static StubReply unauthorized(String key) {
        return error(401, "authentication_error", "invalid x-api-key: " + key);
    }

    /** An error reply in Anthropic's shape. */
    public static StubReply error(int status, String type, String message) {
        ObjectNode root = JSON.createObjectNode().put("type", "error");
        root.putObject("error").put("type", type).put("message", message);
        return StubReply.json(status, root.toString());
    }
}
