package dev.railguard.format.internal;

import static dev.railguard.format.internal.StrictJson.get;
import static dev.railguard.format.internal.StrictJson.known;
import static dev.railguard.format.internal.StrictJson.text;
import static dev.railguard.format.internal.StrictJson.wrong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.railguard.api.ContextMessage;
import dev.railguard.api.ModelInput;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** {@code model_input} of a DeepRails event: its fields, read and written. */
final class ModelInputFields {

    /** The fields of {@code model_input}. */
    static final Set<String> KEYS = Set.of("system_prompt", "user_prompt", "ground_truth", "context", "documents",
            "extras", "tool_calls");
    private static final Set<String> CONTEXT_KEYS = Set.of("role", "content");
    private static final Set<String> DOCUMENT_KEYS = Set.of("name", "content");
    private static final Set<String> TOOL_CALL_KEYS = Set.of("name", "arguments", "result");

    private ModelInputFields() {}

    static ModelInput read(JsonNode event, EventDraft d) {
        JsonNode in = get(event, "model_input");
        if (in == null) {
            throw new IllegalArgumentException("model_input is required (an object with a system_prompt or a"
                    + " user_prompt), but was missing");
        }
        if (!in.isObject()) {
            throw wrong("model_input", "an object", in);
        }
        known(in, KEYS, "model_input", d.warnings);
        ModelInput.Builder b = ModelInput.builder()
                .systemPrompt(text(in, "system_prompt", "model_input.system_prompt"))
                .userPrompt(text(in, "user_prompt", "model_input.user_prompt"))
                .groundTruth(text(in, "ground_truth", "model_input.ground_truth"));
        b.context(context(in, d));
        b.documents(documents(in, d));
        b.toolCalls(toolCalls(in, d));
        JsonNode extras = get(in, "extras");
        if (extras != null) {
            if (!extras.isObject()) {
                throw wrong("model_input.extras", "an object of strings", extras);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = extras.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!f.getValue().isTextual()) {
                    throw wrong("model_input.extras." + f.getKey(), "a string", f.getValue());
                }
                b.extra(f.getKey(), f.getValue().textValue());
            }
        }
        boolean noPrompt = blank(in, "system_prompt") && blank(in, "user_prompt");
        if (noPrompt) {
            List<String> had = new ArrayList<>();
            in.fieldNames().forEachRemaining(had::add);
            throw new IllegalArgumentException("model_input must have a system_prompt or a user_prompt that is not"
                    + " blank, but had: " + had);
        }
        return b.build();
    }

    private static boolean blank(JsonNode in, String key) {
        JsonNode v = get(in, key);
        return v == null || v.textValue().isBlank();
    }

    private static List<ContextMessage> context(JsonNode in, EventDraft d) {
        JsonNode context = get(in, "context");
        List<ContextMessage> messages = new ArrayList<>();
        if (context == null) {
            return messages;
        }
        if (!context.isArray()) {
            throw wrong("model_input.context", "an array of {role, content}", context);
        }
        for (int i = 0; i < context.size(); i++) {
            String path = "model_input.context[" + i + "]";
            JsonNode m = context.get(i);
            if (!m.isObject()) {
                throw wrong(path, "an object {role, content}", m);
            }
            known(m, CONTEXT_KEYS, path, d.warnings);
            String role = text(m, "role", path + ".role");
            if (role == null || role.isBlank()) {
                throw new IllegalArgumentException(path + ".role must be a non-blank string (user, assistant,"
                        + " system, tool, ...), but was: " + (m.get("role") == null ? "missing"
                        : StrictJson.describe(m.get("role"))));
            }
            String content = text(m, "content", path + ".content");
            messages.add(ContextMessage.of(role, content == null ? "" : content));
        }
        return messages;
    }

    private static List<String> documents(JsonNode in, EventDraft d) {
        JsonNode documents = get(in, "documents");
        List<String> docs = new ArrayList<>();
        if (documents == null) {
            return docs;
        }
        if (!documents.isArray()) {
            throw wrong("model_input.documents", "an array of strings or {content}", documents);
        }
        for (int i = 0; i < documents.size(); i++) {
            String path = "model_input.documents[" + i + "]";
            JsonNode doc = documents.get(i);
            if (doc.isTextual()) {
                docs.add(doc.textValue());
            } else if (doc.isObject() && doc.path("content").isTextual()) {
                known(doc, DOCUMENT_KEYS, path, d.warnings);
                text(doc, "name", path + ".name");
                docs.add(doc.get("content").textValue());
            } else {
                throw wrong(path, "a string or {content}", doc);
            }
        }
        return docs;
    }

    /**
     * Railguard's {@code model_input.tool_calls}: the calls an agent made, each {@code {name, arguments, result}}; the
     * arguments and the result may be strings or any JSON value, which is kept as its compact JSON text.
     */
    private static List<ModelInput.ToolCall> toolCalls(JsonNode in, EventDraft d) {
        JsonNode calls = get(in, "tool_calls");
        List<ModelInput.ToolCall> out = new ArrayList<>();
        if (calls == null) {
            return out;
        }
        if (!calls.isArray()) {
            throw wrong("model_input.tool_calls", "an array of {name, arguments, result}", calls);
        }
        for (int i = 0; i < calls.size(); i++) {
            String path = "model_input.tool_calls[" + i + "]";
            JsonNode c = calls.get(i);
            if (!c.isObject()) {
                throw wrong(path, "an object {name, arguments, result}", c);
            }
            known(c, TOOL_CALL_KEYS, path, d.warnings);
            String name = text(c, "name", path + ".name");
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(path + ".name must be a non-blank string (the tool's name), but"
                        + " was: " + (c.get("name") == null ? "missing" : StrictJson.describe(c.get("name"))));
            }
            out.add(ModelInput.ToolCall.of(name, jsonText(get(c, "arguments")), jsonText(get(c, "result"))));
        }
        return out;
    }

    /** A string as it is, any other JSON value as its compact text, absent or null as empty. */
    private static String jsonText(JsonNode value) {
        return value == null || value.isNull() ? "" : value.isTextual() ? value.textValue() : value.toString();
    }

    static ObjectNode write(ModelInput in) {
        ObjectNode n = StrictJson.MAPPER.createObjectNode();
        EventFields.putText(n, "system_prompt", in.systemPrompt());
        EventFields.putText(n, "user_prompt", in.userPrompt());
        EventFields.putText(n, "ground_truth", in.groundTruth());
        if (!in.context().isEmpty()) {
            ArrayNode ctx = n.putArray("context");
            in.context().forEach(m -> ctx.addObject().put("role", m.role()).put("content", m.content()));
        }
        if (!in.documents().isEmpty()) {
            ArrayNode docs = n.putArray("documents");
            in.documents().forEach(docs::add);
        }
        if (!in.toolCalls().isEmpty()) {
            ArrayNode calls = n.putArray("tool_calls");
            in.toolCalls().forEach(c -> calls.addObject().put("name", c.name()).put("arguments", c.arguments())
                    .put("result", c.result()));
        }
        if (!in.extras().isEmpty()) {
            ObjectNode extras = n.putObject("extras");
            new TreeMap<>(in.extras()).forEach(extras::put);
        }
        return n;
    }
}
