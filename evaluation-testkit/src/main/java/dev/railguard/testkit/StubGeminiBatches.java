package dev.railguard.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Gemini's batch mode for the {@link StubBatchServer}: an inlined request as a chat-completions request for the
 * responder, the responder's reply as an inlined response, and the batch as the operation {@code GET /batches/ID}
 * returns ({@code metadata.state}, {@code batchStats}, {@code metadata.output.inlinedResponses}).
 */
final class StubGeminiBatches {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StubGeminiBatches() {}

    /** A GenerateContentRequest as a chat-completions request: system instruction, contents, the JSON schema. */
    static JsonNode asChatCompletion(JsonNode request) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode messages = out.putArray("messages");
        JsonNode system = request.path("systemInstruction").path("parts").path(0).path("text");
        if (system.isTextual()) {
            messages.addObject().put("role", "system").put("content", system.asText());
        }
        for (JsonNode c : request.path("contents")) {
            messages.addObject().put("role", "model".equals(c.path("role").asText()) ? "assistant" : "user")
                    .put("content", c.path("parts").path(0).path("text").asText(""));
        }
        JsonNode config = request.path("generationConfig");
        if (config.has("responseJsonSchema")) {
            ObjectNode schema = out.putObject("response_format").put("type", "json_schema").putObject("json_schema")
                    .put("name", "response");
            schema.set("schema", config.get("responseJsonSchema"));
        }
        if (config.has("maxOutputTokens")) {
            out.set("max_tokens", config.get("maxOutputTokens"));
        }
        return out;
    }

    /** The responder's chat-completions reply (or its error status) as an inlined response under {@code out}. */
    static ObjectNode result(ObjectNode out, int status, JsonNode body, int cachedTokens) {
        if (status != 200) {
            out.putObject("error").put("code", status == 400 ? 3 : 13)
                    .put("message", body.path("error").path("message").asText("status " + status));
            return out;
        }
        JsonNode choice = body.path("choices").path(0);
        ObjectNode response = out.putObject("response").put("modelVersion", body.path("model").asText("stub-model"))
                .put("responseId", "resp_" + out.path("metadata").path("key").asText());
        ObjectNode candidate = response.putArray("candidates").addObject()
                .put("finishReason", "length".equals(choice.path("finish_reason").asText()) ? "MAX_TOKENS" : "STOP");
        candidate.putObject("content").put("role", "model").putArray("parts").addObject()
                .put("text", choice.path("message").path("content").asText(""));
        int prompt = body.path("usage").path("prompt_tokens").asInt();
        int completion = body.path("usage").path("completion_tokens").asInt();
        response.putObject("usageMetadata").put("promptTokenCount", prompt)
                .put("cachedContentTokenCount", Math.min(cachedTokens, prompt)).put("candidatesTokenCount", completion)
                .put("totalTokenCount", prompt + completion);
        return out;
    }

    /** The batch {@code id} as its operation: pending until done, then succeeded (or expired, without output). */
    static ObjectNode operation(String id, int lines, boolean done, int failed, boolean allExpired,
            Map<String, ObjectNode> results) {
        ObjectNode op = JSON.createObjectNode().put("name", "batches/" + id).put("done", done);
        String state = !done ? "BATCH_STATE_RUNNING" : allExpired ? "BATCH_STATE_EXPIRED" : "BATCH_STATE_SUCCEEDED";
        ObjectNode metadata = op.putObject("metadata")
                .put("@type", "type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatch")
                .put("name", "batches/" + id).put("displayName", "railguard").put("state", state);
        metadata.putObject("batchStats").put("requestCount", String.valueOf(lines))
                .put("successfulRequestCount", String.valueOf(done ? lines - failed : 0))
                .put("failedRequestCount", String.valueOf(failed))
                .put("pendingRequestCount", String.valueOf(done ? 0 : lines));
        if (done && !allExpired) {
            ArrayNode out = metadata.putObject("output").putObject("inlinedResponses").putArray("inlinedResponses");
            results.values().forEach(out::add);
        }
        return op;
    }
}
