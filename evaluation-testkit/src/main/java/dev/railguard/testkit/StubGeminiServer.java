package dev.railguard.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.function.Function;

/**
 * A server of Google's Gemini API ({@code POST /v1beta/models/MODEL:generateContent}) on 127.0.0.1 and a free port,
 * answering from a script, so the real {@code langchain4j-google-ai-gemini} client is exercised. The replies are
 * Gemini's shapes: candidates with text parts and {@code usageMetadata}; errors as
 * {@code {"error":{"code","message","status"}}}.
 */
public final class StubGeminiServer extends ProviderStubServer {

    private StubGeminiServer(Function<RecordedRequest, StubReply> responder) {
        super(responder);
    }

    /** Starts a server that answers every request with what {@code responder} returns for it. */
    public static StubGeminiServer start(Function<RecordedRequest, StubReply> responder) {
        return new StubGeminiServer(responder);
    }

    /** The base URL for a Gemini client, {@code http://127.0.0.1:PORT/v1beta}. */
    public String baseUrl() {
        return rootUrl() + "/v1beta";
    }

    /** A candidate whose one text part is {@code text}, finish reason {@code STOP}, 100 prompt and 20 output tokens. */
    public static StubReply text(String text) {
        return text(text, 100, 20);
    }

    /** A candidate whose one text part is {@code text}, with the given token counts. */
    public static StubReply text(String text, int promptTokens, int candidateTokens) {
        return text(text, promptTokens, 0, candidateTokens);
    }

    /**
     * A candidate whose one text part is {@code text}, {@code cachedTokens} of its prompt tokens served from cached
     * content ({@code usageMetadata.cachedContentTokenCount}, left out when 0).
     */
    public static StubReply text(String text, int promptTokens, int cachedTokens, int candidateTokens) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode candidate = root.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content").put("role", "model");
        content.putArray("parts").addObject().put("text", text);
        candidate.put("finishReason", "STOP").put("index", 0);
        ObjectNode usage = root.putObject("usageMetadata").put("promptTokenCount", promptTokens)
                .put("candidatesTokenCount", candidateTokens).put("totalTokenCount", promptTokens + candidateTokens);
        if (cachedTokens > 0) {
            usage.put("cachedContentTokenCount", cachedTokens);
        }
        root.put("modelVersion", "gemini-stub");
        return StubReply.json(200, root.toString());
    }

    /** A 429 {@code RESOURCE_EXHAUSTED} with a {@code Retry-After} header in whole seconds (rounded up). */
    public static StubReply rateLimited(Duration retryAfter) {
        return error(429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).")
                .withHeader("Retry-After", StubReply.retryAfterSeconds(retryAfter));
    }

    /** A 401 {@code UNAUTHENTICATED} whose message echoes {@code key}, as a careless gateway's might. */
    public static StubReply unauthorized(String key) {
        return error(401, "UNAUTHENTICATED", "API key not valid: " + key);
    }

    /** An error reply in Gemini's shape. */
    public static StubReply error(int status, String code, String message) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("code", status).put("message", message).put("status", code);
        return StubReply.json(status, root.toString());
    }
}
