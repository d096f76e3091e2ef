package dev.railguard.engine.batchapi.internal;

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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gemini's batch mode over plain HTTP: {@code POST /models/MODEL:batchGenerateContent} with the requests inline, each
 * under {@code metadata.key}; {@code GET /batches/ID} reports the operation's {@code metadata.state} and, once it
 * succeeded, the inlined responses (a response or an error per request). The JSON schema goes in
 * {@code generationConfig.responseJsonSchema}, as standard JSON Schema.
 */
public final class GeminiBatchService implements BatchService {

    /** The states after which no line changes any more. */
    private static final Set<String> ENDED = Set.of("BATCH_STATE_SUCCEEDED", "BATCH_STATE_FAILED",
            "BATCH_STATE_CANCELLED", "BATCH_STATE_EXPIRED");
    /** The google.rpc codes that sending a request again could help: CANCELLED, DEADLINE_EXCEEDED, ... */
    private static final Set<Integer> RETRIABLE = Set.of(1, 4, 8, 10, 13, 14);

    private final URI baseUrl;
    private final BatchHttp http;

    /** {@code baseUrl} with the API version, {@code https://generativelanguage.googleapis.com/v1beta}. */
    public GeminiBatchService(URI baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.http = new BatchHttp(Map.of("x-goog-api-key", apiKey));
    }

    @Override
    public String name() {
        return "gemini";
    }

    @Override
    public ObjectNode body(String model, ChatRequest request) {
        ObjectNode body = BatchHttp.JSON.createObjectNode();
        StringBuilder system = new StringBuilder();
        ArrayNode contents = body.putArray("contents");
        for (ChatMessage m : request.messages()) {
            if (m instanceof SystemMessage s) {
                system.append(system.isEmpty() ? "" : "\n\n").append(s.text());
            } else {
                contents.addObject().put("role", m instanceof AiMessage ? "model" : "user").putArray("parts")
                        .addObject().put("text", OpenAiChatJson.text(m));
            }
        }
        if (!system.isEmpty()) {
            body.putObject("systemInstruction").putArray("parts").addObject().put("text", system.toString());
        }
        ObjectNode config = body.putObject("generationConfig");
        ChatRequestParameters p = request.parameters();
        if (p.temperature() != null) {
            config.put("temperature", p.temperature());
        }
        if (p.maxOutputTokens() != null) {
            config.put("maxOutputTokens", p.maxOutputTokens());
        }
        if (p.responseFormat() != null && p.responseFormat().jsonSchema() != null) {
            config.put("responseMimeType", "application/json").set("responseJsonSchema", BatchHttp.JSON.valueToTree(
                    JsonSchemaElementUtils.toMap(p.responseFormat().jsonSchema().rootElement(), false)));
        }
        return body;
    }

    @Override
    public String line(String customId, ObjectNode body) {
        ObjectNode line = BatchHttp.JSON.createObjectNode();
        line.set("request", body);
        line.putObject("metadata").put("key", customId);
        return line.toString();
    }

    @Override
    public String submit(String model, List<String> lines, Map<String, String> tag) throws IOException {
        ObjectNode create = BatchHttp.JSON.createObjectNode();
        ObjectNode batch = create.putObject("batch").put("displayName", "railguard");
        ArrayNode requests = batch.putObject("inputConfig").putObject("requests").putArray("requests");
        for (String line : lines) {
            requests.add(BatchHttp.JSON.readTree(line));
        }
        String resource = model.startsWith("models/") ? model : "models/" + model;
        return http.postJson(uri("/" + resource + ":batchGenerateContent"), create).path("name").asText();
    }

    @Override
    public Status status(String id) throws IOException {
        JsonNode metadata = http.getJson(uri("/" + id)).path("metadata");
        String state = metadata.path("state").asText("unknown");
        JsonNode stats = metadata.path("batchStats");
        String problem = switch (state) {
            case "BATCH_STATE_FAILED" -> "the batch failed";
            case "BATCH_STATE_EXPIRED" -> "the batch expired before this line was answered (its 24-hour window)";
            case "BATCH_STATE_CANCELLED" -> "the batch was cancelled";
            default -> null;
        };
        return new Status(state, ENDED.contains(state), stats.path("requestCount").asInt(0),
                stats.path("successfulRequestCount").asInt(0), stats.path("failedRequestCount").asInt(0), problem);
    }

    @Override
    public Results results(String id) throws IOException {
        JsonNode operation = http.getJson(uri("/" + id));
        JsonNode lines = operation.path("metadata").path("output").path("inlinedResponses").path("inlinedResponses");
        if (lines.isMissingNode()) {
            lines = operation.path("response").path("inlinedResponses").path("inlinedResponses");
        }
        BatchResults out = new BatchResults(id);
        for (JsonNode line : lines) {
            out.add(line, l -> l.path("metadata").path("key").asText(""), GeminiBatchService::lineResult);
        }
        return out.result();
    }

    private static LineResult lineResult(JsonNode line) {
        JsonNode error = line.path("error");
        if (error.isObject()) {
            int code = error.path("code").asInt(0);
            return LineResult.failed("status " + code + ": " + error.path("message").asText("no reason given"),
                    RETRIABLE.contains(code));
        }
        return LineResult.ok(response(line.path("response")));
    }

    private static ChatResponse response(JsonNode response) {
        JsonNode candidate = response.path("candidates").path(0);
        StringBuilder text = new StringBuilder();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.path("text").isTextual() && !part.path("thought").asBoolean(false)) {
                text.append(part.path("text").asText());
            }
        }
        JsonNode usage = response.path("usageMetadata");
        return ChatResponse.builder().aiMessage(AiMessage.from(text.toString()))
                .finishReason(OpenAiChatJson.finishReason(candidate.path("finishReason").asText("")))
                .modelName(response.path("modelVersion").asText(null)).id(response.path("responseId").asText(null))
                .tokenUsage(new BilledTokenUsage(usage.path("promptTokenCount").asInt(0),
                        usage.path("cachedContentTokenCount").asInt(0), usage.path("candidatesTokenCount").asInt(0)
                                + usage.path("thoughtsTokenCount").asInt(0), true))
                .build();
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }
}
