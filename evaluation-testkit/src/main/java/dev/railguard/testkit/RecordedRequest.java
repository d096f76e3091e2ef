package dev.railguard.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request the {@link StubOpenAiServer} received, with accessors for what judge tests look at.
 *
 * @param sequence the 0-based order of arrival
 * @param path     the request path, for example {@code /v1/chat/completions}
 * @param headers  the request headers (lower-case names, first value)
 * @param body     the raw body
 * @param json     the body parsed as JSON (a missing node if it was not JSON)
 */
public record RecordedRequest(int sequence, String path, Map<String, String> headers, String body, JsonNode json) {

    /** The {@code model} field. */
    public String model() {
        return json.path("model").asText(null);
    }

    /** The {@code temperature} field, if sent. */
    public Optional<Double> temperature() {
        JsonNode t = json.get("temperature");
        return t == null || t.isNull() ? Optional.empty() : Optional.of(t.asDouble());
    }

    /** {@code response_format.type}, for example {@code json_schema}, or empty. */
    public Optional<String> responseFormatType() {
        return Optional.ofNullable(json.path("response_format").path("type").asText(null));
    }

    /** {@code response_format.json_schema.name}, or an empty string when there is none. */
    public String schemaName() {
        return json.path("response_format").path("json_schema").path("name").asText("");
    }

    /** The contents of all messages with {@code role}, in order. */
    public List<String> messages(String role) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : json.path("messages")) {
            if (role.equals(m.path("role").asText())) {
                out.add(m.path("content").asText(""));
            }
        }
        return out;
    }

    /** The system messages joined by newlines. */
    public String systemText() {
        return String.join("\n", messages("system"));
    }

    /** The user messages joined by newlines. */
    public String userText() {
        return String.join("\n", messages("user"));
    }

    /** All message contents joined by newlines. */
    public String allText() {
        List<String> out = new ArrayList<>();
        for (JsonNode m : json.path("messages")) {
            out.add(m.path("content").asText(""));
        }
        return String.join("\n", out);
    }

    /** The names of the tools offered to the model. */
    public List<String> toolNames() {
        List<String> out = new ArrayList<>();
        for (JsonNode t : json.path("tools")) {
            out.add(t.path("function").path("name").asText());
        }
        return out;
    }
}
