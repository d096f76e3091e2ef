package dev.railguard.engine.batchapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;

/**
 * A judge request as an OpenAI chat-completions body, and a chat-completions body as a response: the shape of the
 * lines of OpenAI's Batch API. Judge requests are text conversations (system, user, assistant) with a JSON schema;
 * calls with tools never come here (they need a reply before their next request).
 */
final class OpenAiChatJson {

    private OpenAiChatJson() {}

    static ObjectNode body(String model, ChatRequest request) {
        ObjectNode body = BatchHttp.JSON.createObjectNode().put("model", model);
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage m : request.messages()) {
            messages.addObject().put("role", role(m)).put("content", text(m));
        }
        ChatRequestParameters p = request.parameters();
        if (p.temperature() != null) {
            body.put("temperature", p.temperature());
        }
        if (p.maxOutputTokens() != null) {
            body.put("max_tokens", p.maxOutputTokens());
        }
        if (p.responseFormat() != null && p.responseFormat().jsonSchema() != null) {
            JsonSchema schema = p.responseFormat().jsonSchema();
            ObjectNode format = body.putObject("response_format").put("type", "json_schema");
            format.putObject("json_schema").put("name", schema.name()).put("strict", false)
                    .set("schema", BatchHttp.JSON.valueToTree(JsonSchemaElementUtils.toMap(schema.rootElement(),
                            false)));
        }
        return body;
    }

    static String role(ChatMessage m) {
        if (m instanceof SystemMessage) {
            return "system";
        }
        if (m instanceof UserMessage) {
            return "user";
        }
        if (m instanceof AiMessage) {
            return "assistant";
        }
        throw new IllegalStateException("a batch line carries text messages only, but got a " + m.type());
    }

    static String text(ChatMessage m) {
        if (m instanceof SystemMessage s) {
            return s.text();
        }
        if (m instanceof UserMessage u) {
            return u.singleText();
        }
        if (m instanceof AiMessage a) {
            return a.text() == null ? "" : a.text();
        }
        throw new IllegalStateException("a batch line carries text messages only, but got a " + m.type());
    }

    /** A chat-completions reply body as a response billed at batch prices. */
    static ChatResponse response(JsonNode body) {
        JsonNode choice = body.path("choices").path(0);
        JsonNode usage = body.path("usage");
        String content = choice.path("message").path("content").isTextual()
                ? choice.path("message").path("content").asText() : null;
        return ChatResponse.builder()
                .aiMessage(content == null ? AiMessage.from("") : AiMessage.from(content))
                .finishReason(finishReason(choice.path("finish_reason").asText("")))
                .modelName(body.path("model").asText(null))
                .id(body.path("id").asText(null))
                .tokenUsage(new BilledTokenUsage(usage.path("prompt_tokens").asInt(0),
                        usage.path("prompt_tokens_details").path("cached_tokens").asInt(0),
                        usage.path("completion_tokens").asInt(0), true))
                .build();
    }

    static FinishReason finishReason(String reason) {
        return switch (reason) {
            case "stop", "end_turn", "stop_sequence", "STOP" -> FinishReason.STOP;
            case "length", "max_tokens", "MAX_TOKENS" -> FinishReason.LENGTH;
            case "content_filter", "refusal", "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII" ->
                    FinishReason.CONTENT_FILTER;
            case "tool_calls", "tool_use" -> FinishReason.TOOL_EXECUTION;
            default -> FinishReason.OTHER;
        };
    }
}
