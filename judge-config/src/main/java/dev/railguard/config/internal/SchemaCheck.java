package dev.railguard.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.railguard.config.ProjectFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a project file against {@code railguard.schema.json} (the schema IDEs read) and words each violation as the
 * rest of Railguard does: the key, what is allowed, and what was found, never the value of an {@code api_key}.
 */
public final class SchemaCheck {

    /** The schema's resource name, at the root of the jar. */
    public static final String SCHEMA_RESOURCE = "/railguard.schema.json";

    private static final JsonNode SCHEMA_NODE = load();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SCHEMA_NODE, SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER)
                    .locale(Locale.ROOT).build());

    /** Why an {@code api_key} that is not a {@code ${NAME}} reference is refused; the value is never shown. */
    public static final String LITERAL_KEY = "a key may only be given by reference to an environment variable, like"
            + " ${ANTHROPIC_API_KEY}; a literal key in the file is refused (its value is not shown)";

    private SchemaCheck() {}

    private static JsonNode load() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the class path");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + SCHEMA_RESOURCE, e);
        }
    }

    /** The violations of {@code tree}, in the order of the file. */
    public static List<ProjectFileException.Problem> problems(LocatedTree tree) {
        List<ProjectFileException.Problem> out = new ArrayList<>();
        for (ValidationMessage m : SCHEMA.validate(tree.root())) {
            String pointer = m.getInstanceLocation().toString();
            pointer = pointer.equals("/") ? "" : pointer;
            if (pointer.endsWith("/api_key")) {
                out.add(tree.problemAt(pointer, LITERAL_KEY));
                continue;
            }
            switch (m.getType()) {
                case "additionalProperties" -> out.add(tree.problemAt(pointer + "/" + m.getProperty(),
                        "unknown key '" + m.getProperty() + "'; allowed here: " + allowedKeys(m)));
                case "required" -> out.add(tree.problemAt(pointer, "the key '" + m.getProperty()
                        + "' is required here"));
                case "enum" -> out.add(tree.problemAt(pointer, "must be one of " + list(m.getSchemaNode())
                        + ", but was: " + shown(m.getInstanceNode())));
                case "type" -> out.add(tree.problemAt(pointer, "must be " + article(m.getSchemaNode().asText())
                        + ", but was: " + shown(m.getInstanceNode())));
                case "pattern" -> out.add(tree.problemAt(pointer, pattern(pointer, m)));
                case "const" -> out.add(tree.problemAt(pointer, "must be " + m.getSchemaNode() + ", but was: "
                        + shown(m.getInstanceNode())));
                case "minItems", "maxItems" -> out.add(tree.problemAt(pointer, "must hold at "
                        + (m.getType().equals("minItems") ? "least " : "most ") + m.getSchemaNode().asText()
                        + " items, but had " + m.getInstanceNode().size()));
                default -> out.add(tree.problemAt(pointer, detail(m) + ", but was: " + shown(m.getInstanceNode())));
            }
        }
        out.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                : Integer.compare(a.column(), b.column()));
        return out;
    }

    private static String pattern(String pointer, ValidationMessage m) {
        if (m.getEvaluationPath().toString().contains("propertyNames")) {
            return "names are snake_case (lower-case letters, digits, '_'; a letter first), but one was: "
                    + shown(m.getInstanceNode());
        }
        return "must match " + m.getSchemaNode().asText() + ", but was: " + shown(m.getInstanceNode());
    }

    /** The keys the object schema of an {@code additionalProperties} violation allows. */
    private static List<String> allowedKeys(ValidationMessage m) {
        JsonNodePath fragment = m.getSchemaLocation().getFragment();
        JsonNode schema = SCHEMA_NODE;
        for (int i = 0; i < fragment.getNameCount() - 1; i++) {
            Object e = fragment.getElement(i);
            schema = e instanceof Integer n ? schema.path(n) : schema.path(String.valueOf(e));
        }
        List<String> keys = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String article(String type) {
        return switch (type) {
            case "object" -> "a mapping (key: value)";
            case "array" -> "a list";
            case "integer" -> "a whole number";
            default -> "a " + type;
        };
    }

    private static String detail(ValidationMessage m) {
        String text = m.getMessage();
        int colon = text.indexOf(": ");
        return colon >= 0 ? text.substring(colon + 2) : text;
    }

    /** A value as the message shows it: its type, and the value itself when it is short scalar text. */
    static String shown(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null (an empty value)";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list of " + node.size();
        }
        String text = node.asText();
        String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return node.isTextual() ? "'" + shown + "'" : shown;
    }
}
