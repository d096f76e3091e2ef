package dev.railguard.engine.batchapi.internal;

import dev.railguard.engine.PriceTable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Anthropic's Message Batches over plain HTTP: {@code POST /v1/messages/batches} with the requests inline,
 * {@code GET /v1/messages/batches/ID} for the state and {@code results_url} for the JSONL results. The Messages API has
 * no JSON-schema response format, so the schema is stated at the end of the system prompt; the engine validates the
 * reply against it and repairs as it does for any judge.
 */
public final class AnthropicBatchService implements BatchService {

    private static final int DEFAULT_MAX_TOKENS = 1024;

    private final URI baseUrl;
    private final BatchHttp http;

    /** {@code baseUrl} with or without the API version: {@code https://api.anthropic.com} or {@code .../v1}. */
    public AnthropicBatchService(URI baseUrl, String apiKey) {
        String root = baseUrl.toString().replaceAll("/+$", "");
        this.baseUrl = URI.create(root.endsWith("/v1") ? root.substring(0, root.length() - 3) : root);
        this.http = new BatchHttp(Map.of("x-api-key", apiKey, "anthropic-version", "2023-06-01"));
    }

    @Override
    public String name() {
        return "anthropic";
    }

    @Override
    public ObjectNode body(String model, ChatRequest request) {
        ObjectNode body = BatchHttp.JSON.createObjectNode().put("model", model);
        ChatRequestParameters p = request.parameters();
        body.put("max_tokens", p.maxOutputTokens() == null ? DEFAULT_MAX_TOKENS : p.maxOutputTokens());
        if (p.temperature() != null) {
            body.put("temperature", p.temperature());
        }
        StringBuilder system = new StringBuilder();
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage m : request.messages()) {
            if (m instanceof SystemMessage s) {
                system.append(system.isEmpty() ? "" : "\n\n").append(s.text());
            } else {
                messages.addObject().put("role", m instanceof AiMessage ? "assistant" : "user")
                        .put("content", OpenAiChatJson.text(m));
            }
        }
        if (p.responseFormat() != null && p.responseFormat().jsonSchema() != null) {
            String schema = BatchHttp.JSON.valueToTree(JsonSchemaElementUtils.toMap(
                    p.responseFormat().jsonSchema().rootElement(), false)).toString();
            system.append(system.isEmpty() ? "" : "\n\n")
                    .append("Reply with only one JSON object that matches this JSON schema: ").append(schema);
        }
        if (!system.isEmpty()) {
            body.put("system", system.toString());
        }
        return body;
    }

    @Override
    public String line(String customId, ObjectNode body) {
        ObjectNode line = BatchHttp.JSON.createObjectNode().put("custom_id", customId);
        line.set("params", body);
        return line.toString();
    }

    @Override
    public String submit(String model, List<String> lines, Map<String, String> tag) throws IOException {
        byte[] body = ("{\"requests\":[" + String.join(",", lines) + "]}").getBytes(StandardCharsets.UTF_8);
        return http.post(uri("/v1/messages/batches"), "application/json", body).path("id").asText();
    }

    @Override
    public Status status(String id) throws IOException {
        JsonNode batch = http.getJson(uri("/v1/messages/batches/" + id));
        String state = batch.path("processing_status").asText("unknown");
        JsonNode c = batch.path("request_counts");
        int failed = c.path("errored").asInt(0) + c.path("canceled").asInt(0) + c.path("expired").asInt(0);
        int total = c.path("processing").asInt(0) + c.path("succeeded").asInt(0) + failed;
        return new Status(state, state.equals("ended"), total, c.path("succeeded").asInt(0), failed, null);
    }

    @Override
    public Results results(String id) throws IOException {
        JsonNode batch = http.getJson(uri("/v1/messages/batches/" + id));
        String url = batch.path("results_url").asText("");
        BatchResults out = new BatchResults(id);
        if (!url.isEmpty()) {
            URI results = URI.create(url);
            if (!(results.getScheme() + "://" + results.getAuthority()).equals(baseUrl.getScheme() + "://"
                    + baseUrl.getAuthority())) {
                // the results are fetched with the key: never send it to a host the judges' endpoint is not on
                throw new IOException("the results_url of batch " + id + ", " + url + ", is not at " + baseUrl
                        + ", so the API key is not sent there");
            }
            out.readJsonl(http.getText(results), line -> line.path("custom_id").asText(""),
                    line -> lineResult(line.path("result")));
        }
        return out.result();
    }

    private static LineResult lineResult(JsonNode result) {
        String type = result.path("type").asText("");
        return switch (type) {
            case "succeeded" -> LineResult.ok(response(result.path("message")));
            case "expired" -> LineResult.failed("expired: the batch ended before this request was processed", true);
            case "canceled" -> LineResult.failed("canceled: the batch was canceled", true);
            default -> {
                JsonNode error = result.path("error").path("error");
                String errorType = error.path("type").asText("error");
                yield LineResult.failed(errorType + ": " + error.path("message").asText("no reason given"),
                        !errorType.equals("invalid_request_error"));
            }
        };
    }

    private static ChatResponse response(JsonNode message) {
        StringBuilder text = new StringBuilder();
        for (JsonNode block : message.path("content")) {
            if ("text".equals(block.path("type").asText())) {
                text.append(block.path("text").asText());
            }
        }
        JsonNode usage = message.path("usage");
        int cached = usage.path("cache_read_input_tokens").asInt(0);
        int written = usage.path("cache_creation_input_tokens").asInt(0);
        int input = usage.path("input_tokens").asInt(0) + cached + written;
        return ChatResponse.builder().aiMessage(AiMessage.from(text.toString()))
                .finishReason(OpenAiChatJson.finishReason(message.path("stop_reason").asText("")))
                .modelName(message.path("model").asText(null)).id(message.path("id").asText(null))
                .tokenUsage(new BilledTokenUsage(input, cached, written, usage.path("output_tokens").asInt(0),
                        PriceTable.CacheBilling.ANTHROPIC, true))
                .build();
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }
}
