package dev.railguard.engine.batchapi.internal;

import dev.railguard.engine.RailguardHttp;
import dev.railguard.engine.Redaction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * JSON over the JDK HTTP client for the batch endpoints: sends with the provider's auth headers, turns an error reply
 * into a {@link BatchHttpException} with the provider's message (redacted) and its {@code Retry-After}.
 */
final class BatchHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final Map<String, String> headers;

    BatchHttp(Map<String, String> headers) {
        this.headers = Map.copyOf(headers);
    }

    JsonNode getJson(URI uri) throws IOException {
        return JSON.readTree(send(HttpRequest.newBuilder(uri).GET(), uri));
    }

    String getText(URI uri) throws IOException {
        return send(HttpRequest.newBuilder(uri).GET(), uri);
    }

    JsonNode postJson(URI uri, JsonNode body) throws IOException {
        return JSON.readTree(send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), uri));
    }

    JsonNode post(URI uri, String contentType, byte[] body) throws IOException {
        return JSON.readTree(send(HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), uri));
    }

    private String send(HttpRequest.Builder request, URI uri) throws IOException {
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + uri.getPath(), e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            String message = response.body();
            try {
                JsonNode error = JSON.readTree(message).path("error");
                if (error.path("message").isTextual()) {
                    message = error.path("message").asText();
                }
            } catch (IOException notJson) {
                // keep the body as it came
            }
            Duration retryAfter = RailguardHttp.parseRetryAfter(response.headers());
            throw new BatchHttpException(status, Redaction.redact(uri.getPath() + " answered " + status + ": "
                    + (message.length() > 300 ? message.substring(0, 300) + "..." : message)), retryAfter);
        }
        return response.body();
    }
}
