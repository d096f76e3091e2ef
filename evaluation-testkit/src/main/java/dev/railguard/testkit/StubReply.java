package dev.railguard.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the {@link StubOpenAiServer} sends back for one request: a status, a body, headers and an optional delay.
 *
 * @param status  the HTTP status
 * @param body    the response body
 * @param headers extra response headers
 * @param delay   how long to wait before answering
 */
public record StubReply(int status, String body, Map<String, String> headers, Duration delay) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Validates and copies. */
    public StubReply {
        Objects.requireNonNull(body, "body must not be null");
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers must not be null"));
        Objects.requireNonNull(delay, "delay must not be null");
    }

    /** A chat completion whose message content is {@code content}, finish reason stop, 100 prompt and 20 completion tokens. */
    public static StubReply content(String content) {
        return content(content, 100, 20);
    }

    /** A chat completion whose message content is {@code content}, with the given token counts. */
    public static StubReply content(String content, int promptTokens, int completionTokens) {
        return completion(content, "stop", promptTokens, completionTokens);
    }

    /** A chat completion cut short by the token cap: finish reason {@code length}. */
    public static StubReply truncated(String partialContent) {
        return completion(partialContent, "length", 100, 20);
    }

    /**
     * A chat completion whose message content is {@code content}, with the given token counts, {@code cachedTokens} of
     * the prompt tokens served from the prompt cache ({@code usage.prompt_tokens_details.cached_tokens}).
     */
    public static StubReply content(String content, int promptTokens, int cachedTokens, int completionTokens) {
        return completion(content, "stop", promptTokens, cachedTokens, completionTokens);
    }

    /** A chat completion with the given finish reason and usage. */
    public static StubReply completion(String content, String finishReason, int promptTokens, int completionTokens) {
        return completion(content, finishReason, promptTokens, 0, completionTokens);
    }

    private static StubReply completion(String content, String finishReason, int promptTokens, int cachedTokens,
            int completionTokens) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-stub");
        root.put("object", "chat.completion");
        root.put("created", 0);
        root.put("model", "stub-model");
        ArrayNode choices = root.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        choice.put("finish_reason", finishReason);
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        if (cachedTokens > 0) {
            usage.putObject("prompt_tokens_details").put("cached_tokens", cachedTokens);
        }
        return json(200, root.toString());
    }

    /**
     * A chat completion that asks for tool calls ({@code finish_reason: tool_calls}), each given as a name and its JSON
     * arguments, in pairs: {@code toolCalls("add", "{\"a\":1}", "mul", "{\"b\":2}")}.
     */
    public static StubReply toolCalls(String... nameAndArguments) {
        if (nameAndArguments.length % 2 != 0) {
            throw new IllegalArgumentException("toolCalls takes name/arguments pairs, but got "
                    + nameAndArguments.length + " strings");
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-stub");
        root.put("model", "stub-model");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.putNull("content");
        ArrayNode calls = message.putArray("tool_calls");
        for (int i = 0; i < nameAndArguments.length; i += 2) {
            ObjectNode call = calls.addObject();
            call.put("id", "call_" + (i / 2 + 1));
            call.put("type", "function");
            ObjectNode fn = call.putObject("function");
            fn.put("name", nameAndArguments[i]);
            fn.put("arguments", nameAndArguments[i + 1]);
        }
        choice.put("finish_reason", "tool_calls");
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", 50);
        usage.put("completion_tokens", 10);
        return json(200, root.toString());
    }

    /** An error status with an OpenAI-style error body. */
    public static StubReply status(int status) {
        return json(status, "{\"error\":{\"message\":\"stub status " + status + "\",\"type\":\"stub\"}}");
    }

    /** A 429 with a {@code Retry-After} header in whole seconds (rounded up). */
    public static StubReply rateLimited(Duration retryAfter) {
        return status(429).withHeader("Retry-After", retryAfterSeconds(retryAfter));
    }

    /** {@code retryAfter} in whole seconds, rounded up, as a {@code Retry-After} header says it. */
    static String retryAfterSeconds(Duration retryAfter) {
        return Long.toString(Math.max(0, (retryAfter.toMillis() + 999) / 1000));
    }

    /** A 200 whose body is not JSON at all. */
    public static StubReply garbage(String body) {
        return new StubReply(200, body, Map.of("Content-Type", "text/plain"), Duration.ZERO);
    }

    /** A reply of {@code status} whose body is {@code body}, typed {@code application/json}. */
    static StubReply json(int status, String body) {
        return new StubReply(status, body, Map.of("Content-Type", "application/json"), Duration.ZERO);
    }

    /** This reply, sent after {@code delay}. */
    public StubReply delayed(Duration delay) {
        return new StubReply(status, body, headers, delay);
    }

    /** This reply with one more header. */
    public StubReply withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new StubReply(status, body, h, delay);
    }
}
