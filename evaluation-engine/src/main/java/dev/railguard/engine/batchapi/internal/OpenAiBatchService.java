package dev.railguard.engine.batchapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * OpenAI's Batch API over plain HTTP: the lines go up as one JSONL file ({@code POST /files}, purpose {@code batch}),
 * {@code POST /batches} starts the job on {@code /v1/chat/completions} with a 24-hour window, {@code GET /batches/ID}
 * reports it, and the output and error files ({@code GET /files/ID/content}) hold the lines' replies and failures.
 * A create is tagged in its {@code metadata}, so one whose reply was lost is found in {@code GET /batches}.
 */
public final class OpenAiBatchService implements BatchService {

    private final URI baseUrl;
    private final BatchHttp http;

    public OpenAiBatchService(URI baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.http = new BatchHttp(Map.of("Authorization", "Bearer " + apiKey));
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public ObjectNode body(String model, ChatRequest request) {
        return OpenAiChatJson.body(model, request);
    }

    @Override
    public String line(String customId, ObjectNode body) {
        ObjectNode line = BatchHttp.JSON.createObjectNode().put("custom_id", customId).put("method", "POST")
                .put("url", "/v1/chat/completions");
        line.set("body", body);
        return line.toString();
    }

    @Override
    public String submit(String model, List<String> lines, Map<String, String> tag) throws IOException {
        String boundary = "railguard-" + UUID.randomUUID();
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"railguard-batch.jsonl\"\r\n"
                + "Content-Type: application/jsonl\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        for (String line : lines) {
            form.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            form.write('\n');
        }
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        JsonNode file = http.post(uri("/files"), "multipart/form-data; boundary=" + boundary, form.toByteArray());
        ObjectNode create = BatchHttp.JSON.createObjectNode().put("input_file_id", file.path("id").asText())
                .put("endpoint", "/v1/chat/completions").put("completion_window", "24h");
        ObjectNode metadata = create.putObject("metadata").put("source", "railguard");
        tag.forEach(metadata::put);
        return http.postJson(uri("/batches"), create).path("id").asText();
    }

    /** Looks for {@code tag} in the metadata of the organisation's 100 newest batches. */
    @Override
    public Optional<String> adopt(Map<String, String> tag) throws IOException {
        for (JsonNode batch : http.getJson(uri("/batches?limit=100")).path("data")) {
            JsonNode metadata = batch.path("metadata");
            if (tag.entrySet().stream().allMatch(e -> e.getValue().equals(metadata.path(e.getKey()).asText(null)))
                    && batch.path("id").isTextual()) {
                return Optional.of(batch.path("id").asText());
            }
        }
        return Optional.empty();
    }

    @Override
    public Status status(String id) throws IOException {
        JsonNode batch = http.getJson(uri("/batches/" + id));
        String state = batch.path("status").asText("unknown");
        JsonNode counts = batch.path("request_counts");
        boolean ended = List.of("completed", "failed", "expired", "cancelled").contains(state);
        String problem = switch (state) {
            case "failed" -> "the batch failed: " + errors(batch);
            case "expired" -> "the batch expired before this line was answered (its 24-hour window)";
            case "cancelled" -> "the batch was cancelled";
            default -> null;
        };
        return new Status(state, ended, counts.path("total").asInt(0), counts.path("completed").asInt(0),
                counts.path("failed").asInt(0), problem);
    }

    private static String errors(JsonNode batch) {
        StringBuilder out = new StringBuilder();
        for (JsonNode e : batch.path("errors").path("data")) {
            out.append(out.isEmpty() ? "" : "; ").append(e.path("code").asText("error")).append(": ")
                    .append(e.path("message").asText(""));
        }
        return out.isEmpty() ? "no reason given" : out.toString();
    }

    @Override
    public Results results(String id) throws IOException {
        JsonNode batch = http.getJson(uri("/batches/" + id));
        BatchResults out = new BatchResults(id);
        for (String field : List.of("error_file_id", "output_file_id")) {
            String file = batch.path(field).asText("");
            if (!file.isEmpty()) {
                out.readJsonl(http.getText(uri("/files/" + file + "/content")),
                        line -> line.path("custom_id").asText(""), OpenAiBatchService::lineResult);
            }
        }
        return out.result();
    }

    private static LineResult lineResult(JsonNode line) {
        JsonNode response = line.path("response");
        JsonNode error = line.path("error");
        int status = response.path("status_code").asInt(0);
        if (status == 200 && error.isNull() || status == 200 && error.isMissingNode()) {
            return LineResult.ok(OpenAiChatJson.response(response.path("body")));
        }
        String code = error.path("code").asText("");
        String message = !error.path("message").asText("").isEmpty() ? error.path("message").asText()
                : response.path("body").path("error").path("message").asText("no reason given");
        boolean retriable = code.equals("batch_expired") || code.equals("batch_cancelled") || status == 429
                || status >= 500 || status == 0 && !code.isEmpty();
        return LineResult.failed((code.isEmpty() ? "status " + status : code) + ": " + message, retriable);
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }
}
