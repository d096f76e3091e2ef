package dev.railguard.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The result line of one batch line, in OpenAI's or Anthropic's shape, for the {@link StubBatchServer}: the line's
 * body goes to the responder as a chat-completions request, and its reply (or the line's fault) becomes the result.
 */
final class StubBatchLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StubBatchLines() {}

    /** Whose batch API a batch came through. */
    enum Api {
        OPENAI("batch_"), ANTHROPIC("msgbatch_"), GEMINI("gb_");

        private final String idPrefix;

        Api(String idPrefix) {
            this.idPrefix = idPrefix;
        }

        String idPrefix() {
            return idPrefix;
        }

        /** The id a line carries: {@code custom_id}, or Gemini's {@code metadata.key}. */
        String customId(JsonNode line) {
            return this == GEMINI ? line.path("metadata").path("key").asText() : line.path("custom_id").asText();
        }
    }

    static ObjectNode answer(JsonNode line, Api api, StubBatchServer.LineFault fault,
            Function<RecordedRequest, StubReply> responder, AtomicInteger answered, int cachedTokens,
            int cacheWrittenTokens) {
        String customId = api.customId(line);
        ObjectNode out = JSON.createObjectNode();
        if (api == Api.GEMINI) {
            out.putObject("metadata").put("key", customId);
        } else {
            out.put("custom_id", customId);
        }
        if (fault != StubBatchServer.LineFault.NONE) {
            return switch (api) {
                case ANTHROPIC -> anthropicFault(out, fault);
                case GEMINI -> geminiFault(out, fault);
                default -> openAiFault(out, fault);
            };
        }
        JsonNode request = switch (api) {
            case ANTHROPIC -> asChatCompletion(line.path("params"));
            case GEMINI -> StubGeminiBatches.asChatCompletion(line.path("request"));
            default -> line.path("body");
        };
        StubReply reply;
        try {
            reply = responder.apply(new RecordedRequest(answered.getAndIncrement(), "/v1/chat/completions", Map.of(),
                    request.toString(), request));
        } catch (RuntimeException e) {
            reply = StubReply.status(500);
        }
        JsonNode body;
        try {
            body = JSON.readTree(reply.body().isEmpty() ? "{}" : reply.body());
        } catch (IOException e) {
            body = JSON.createObjectNode().put("raw", reply.body());
        }
        if (body instanceof ObjectNode o && o.has("usage") && cachedTokens > 0) {
            ((ObjectNode) o.get("usage")).putObject("prompt_tokens_details").put("cached_tokens",
                    Math.min(cachedTokens, o.path("usage").path("prompt_tokens").asInt()));
        }
        if (api == Api.ANTHROPIC) {
            return anthropicResult(out, reply.status(), body, cachedTokens, cacheWrittenTokens);
        }
        if (api == Api.GEMINI) {
            return StubGeminiBatches.result(out, reply.status(), body, cachedTokens);
        }
        ObjectNode response = out.putObject("response").put("status_code", reply.status())
                .put("request_id", "req_" + customId);
        response.set("body", body);
        out.putNull("error");
        return out;
    }

    private static ObjectNode openAiFault(ObjectNode out, StubBatchServer.LineFault fault) {
        boolean expired = fault == StubBatchServer.LineFault.EXPIRED;
        if (expired) {
            out.putNull("response");
        } else {
            out.putObject("response").put("status_code", 500).putObject("body").putObject("error")
                    .put("message", "The server had an error while processing your request.");
        }
        out.putObject("error").put("code", expired ? "batch_expired" : "server_error").put("message", expired
                ? "This request could not be executed before the completion window expired."
                : "The server had an error while processing your request.");
        return out;
    }

    private static ObjectNode anthropicFault(ObjectNode out, StubBatchServer.LineFault fault) {
        ObjectNode result = out.putObject("result");
        if (fault == StubBatchServer.LineFault.EXPIRED) {
            result.put("type", "expired");
        } else {
            result.put("type", "errored").putObject("error").put("type", "error").putObject("error")
                    .put("type", "api_error").put("message", "Internal server error");
        }
        return out;
    }

    private static ObjectNode anthropicResult(ObjectNode out, int status, JsonNode body, int cachedTokens,
            int cacheWrittenTokens) {
        ObjectNode result = out.putObject("result");
        if (status != 200) {
            result.put("type", "errored").putObject("error").put("type", "error").putObject("error")
                    .put("type", status == 400 ? "invalid_request_error" : "api_error")
                    .put("message", body.path("error").path("message").asText("status " + status));
            return out;
        }
        JsonNode choice = body.path("choices").path(0);
        ObjectNode message = result.put("type", "succeeded").putObject("message")
                .put("id", "msg_" + out.path("custom_id").asText())
                .put("type", "message").put("role", "assistant").put("model", body.path("model").asText("stub-model"))
                .put("stop_reason", "length".equals(choice.path("finish_reason").asText()) ? "max_tokens" : "end_turn");
        message.putArray("content").addObject().put("type", "text")
                .put("text", choice.path("message").path("content").asText(""));
        int prompt = body.path("usage").path("prompt_tokens").asInt();
        int cached = Math.min(cachedTokens, prompt);
        int written = Math.min(cacheWrittenTokens, prompt - cached);
        ObjectNode usage = message.putObject("usage").put("input_tokens", prompt - cached - written)
                .put("cache_read_input_tokens", cached)
                .put("output_tokens", body.path("usage").path("completion_tokens").asInt());
        if (written > 0) {
            usage.put("cache_creation_input_tokens", written);
        }
        return out;
    }

    /** Anthropic's params as a chat-completions request: the system prompt first, then the messages. */
    private static JsonNode asChatCompletion(JsonNode params) {
        ObjectNode request = JSON.createObjectNode().put("model", params.path("model").asText());
        ArrayNode messages = request.putArray("messages");
        if (params.path("system").isTextual()) {
            messages.addObject().put("role", "system").put("content", params.path("system").asText());
        }
        params.path("messages").forEach(messages::add);
        request.set("max_tokens", params.path("max_tokens"));
        return request;
    }

    private static ObjectNode geminiFault(ObjectNode out, StubBatchServer.LineFault fault) {
        boolean expired = fault == StubBatchServer.LineFault.EXPIRED;
        out.putObject("error").put("code", expired ? 4 : 13).put("message", expired
                ? "The batch expired before this request was processed." : "Internal error encountered.");
        return out;
    }

    static boolean failed(ObjectNode result) {
        if (result.has("metadata")) {
            return result.has("error");
        }
        return result.has("result") ? !"succeeded".equals(result.path("result").path("type").asText())
                : !result.path("error").isNull() || result.path("response").path("status_code").asInt() != 200;
    }

    static boolean expired(ObjectNode result) {
        if (result.has("metadata")) {
            return result.path("error").path("code").asInt() == 4;
        }
        return result.has("result") ? "expired".equals(result.path("result").path("type").asText())
                : "batch_expired".equals(result.path("error").path("code").asText());
    }
}
