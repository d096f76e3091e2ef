package dev.railguard.engine.internal.call;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads judge replies: finds the JSON object in a reply (code fences and prose around it are tolerated) and checks
 * it against the schema the judge was sent. The one JSON reader of the engine.
 */
public final class JsonReplies {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();

    private JsonReplies() {}

    /** A reply that could not be used, with what was wrong. */
    public static final class BadReplyException extends Exception {
        private static final long serialVersionUID = 1L;

        public BadReplyException(String message) {
            super(message);
        }
    }

    /**
     * Parses the JSON object in {@code text} and validates it against {@code schema}.
     *
     * @throws BadReplyException saying what is wrong: no JSON object, malformed JSON, or the schema paths violated
     */
    public static JsonNode read(String text, JsonSchemaElement schema) throws BadReplyException {
        JsonNode node = parse(text);
        List<String> problems = new ArrayList<>();
        validate(node, schema, "$", problems);
        if (!problems.isEmpty()) {
            throw new BadReplyException("the JSON does not match the schema: " + String.join("; ",
                    problems.subList(0, Math.min(5, problems.size())))
                    + (problems.size() > 5 ? "; and " + (problems.size() - 5) + " more" : ""));
        }
        return node;
    }

    /** Parses the first balanced JSON object in {@code text}. */
    public static JsonNode parse(String text) throws BadReplyException {
        if (text == null || text.isBlank()) {
            throw new BadReplyException("the reply was empty");
        }
        String candidate = extractObject(text);
        if (candidate == null) {
            throw new BadReplyException("the reply contains no complete JSON object");
        }
        try (JsonParser parser = MAPPER.createParser(candidate)) {
            JsonNode node = MAPPER.readTree(parser);
            if (node == null || !node.isObject()) {
                throw new BadReplyException("the reply is not a JSON object");
            }
            return node;
        } catch (java.io.IOException e) {
            throw new BadReplyException("the reply is not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    /** The first balanced {...} in {@code text}, skipping braces inside strings; null when there is none. */
    public static String extractObject(String text) {
        int start = text.indexOf('{');
        while (start >= 0) {
            int depth = 0;
            boolean inString = false;
            boolean escaped = false;
            for (int i = start; i < text.length(); i++) {
                char c = text.charAt(i);
                if (inString) {
                    if (escaped) {
                        escaped = false;
                    } else if (c == '\\') {
                        escaped = true;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                    if (depth == 0) {
                        return text.substring(start, i + 1);
                    }
                }
            }
            start = text.indexOf('{', start + 1);
            if (depth > 0) {
                return null;
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown parse error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    public static void validate(JsonNode node, JsonSchemaElement schema, String path, List<String> problems) {
        if (schema instanceof JsonObjectSchema object) {
            if (!node.isObject()) {
                problems.add(path + " must be an object");
                return;
            }
            List<String> required = object.required() == null ? List.of() : object.required();
            for (String r : required) {
                if (!node.has(r) || node.get(r).isNull()) {
                    problems.add(path + "." + r + " is missing");
                }
            }
            Map<String, JsonSchemaElement> properties = object.properties() == null ? Map.of() : object.properties();
            properties.forEach((name, element) -> {
                JsonNode child = node.get(name);
                if (child != null && !child.isNull()) {
                    validate(child, element, path + "." + name, problems);
                }
            });
        } else if (schema instanceof JsonArraySchema array) {
            if (!node.isArray()) {
                problems.add(path + " must be an array");
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                validate(node.get(i), array.items(), path + "[" + i + "]", problems);
            }
        } else if (schema instanceof JsonEnumSchema enumSchema) {
            String value = node.isTextual() ? node.asText() : null;
            boolean ok = value != null && enumSchema.enumValues().stream().anyMatch(v -> v.equalsIgnoreCase(value.trim()));
            if (!ok) {
                problems.add(path + " must be one of " + enumSchema.enumValues() + ", but was " + node);
            }
        } else if (schema instanceof JsonStringSchema) {
            if (!node.isTextual()) {
                problems.add(path + " must be a string, but was " + node.getNodeType().name().toLowerCase());
            }
        } else if (schema instanceof JsonIntegerSchema) {
            if (!node.isIntegralNumber() && !(node.isNumber() && node.asDouble() == Math.rint(node.asDouble()))) {
                problems.add(path + " must be an integer, but was " + node);
            }
        } else if (schema instanceof JsonNumberSchema) {
            if (!node.isNumber()) {
                problems.add(path + " must be a number, but was " + node);
            }
        } else if (schema instanceof JsonBooleanSchema) {
            if (!node.isBoolean()) {
                problems.add(path + " must be a boolean, but was " + node);
            }
        } else if (schema instanceof JsonAnyOfSchema anyOf) {
            for (JsonSchemaElement option : anyOf.anyOf()) {
                List<String> sub = new ArrayList<>();
                validate(node, option, path, sub);
                if (sub.isEmpty()) {
                    return;
                }
            }
            problems.add(path + " matches none of the allowed shapes");
        }
    }
}
