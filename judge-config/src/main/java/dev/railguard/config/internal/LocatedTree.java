package dev.railguard.config.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.railguard.config.ProjectFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A project file as a Jackson tree that remembers where each key and element stands, so every problem names its line
 * and column. YAML through jackson-dataformat-yaml; a file ending in {@code .json} as JSON. A duplicate key is a
 * problem, not a silent overwrite.
 *
 * @param file  the file
 * @param root  its content
 * @param where the position of each key or element, by JSON pointer ({@code /judges/0/api_key})
 */
public record LocatedTree(Path file, JsonNode root, Map<String, JsonLocation> where) {

    private static final JsonFactory YAML = YAMLFactory.builder().build();
    private static final JsonFactory JSON = JsonFactory.builder().build();

    /**
     * Reads {@code file}.
     *
     * @throws ProjectFileException when it is not YAML (or JSON), naming the line and column
     * @throws UncheckedIOException when it cannot be read
     */
    public static LocatedTree read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the project file " + file, e);
        }
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        Map<String, JsonLocation> where = new HashMap<>();
        try (JsonParser p = (json ? JSON : YAML).createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw problem(file, 1, 1, "", "the file is empty; it must be a mapping of keys (judges, metrics,"
                        + " datasets, ...)");
            }
            JsonNode root = node(p, "", where, file);
            return new LocatedTree(file, root, where);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String why = e.getOriginalMessage().strip().replaceAll("\\s*\\R\\s*", " ");
            throw problem(file, at == null ? 1 : Math.max(1, at.getLineNr()), at == null ? 1 : Math.max(1,
                    at.getColumnNr()), "", "not " + (json ? "JSON" : "YAML") + ": " + why);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the project file " + file, e);
        }
    }

    private static JsonNode node(JsonParser p, String pointer, Map<String, JsonLocation> where, Path file)
            throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                    JsonLocation at = p.currentTokenLocation();
                    if (o.has(name)) {
                        throw problem(file, at.getLineNr(), at.getColumnNr(), Keys.dotted(child), "the key appears"
                                + " twice in its mapping; keep one");
                    }
                    where.put(child, at);
                    p.nextToken();
                    o.set(name, node(p, child, where, file));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String child = pointer + "/" + i++;
                    where.put(child, p.currentTokenLocation());
                    a.add(node(p, child, where, file));
                }
                return a;
            }
            case VALUE_STRING -> {
                return f.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return f.numberNode(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return f.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return f.booleanNode(p.getBooleanValue());
            }
            default -> {
                return f.nullNode();
            }
        }
    }

    /** The problem at {@code pointer}: at its key, else at the nearest enclosing key that has a position. */
    public ProjectFileException.Problem problemAt(String pointer, String message) {
        String p = pointer;
        while (!p.isEmpty() && !where.containsKey(p)) {
            p = p.substring(0, p.lastIndexOf('/'));
        }
        JsonLocation at = where.get(p);
        return new ProjectFileException.Problem(file, at == null ? 1 : at.getLineNr(), at == null ? 1
                : at.getColumnNr(), Keys.dotted(pointer), message);
    }

    private static ProjectFileException problem(Path file, int line, int column, String key, String message) {
        return new ProjectFileException(List.of(new ProjectFileException.Problem(file, line, column, key, message)));
    }
}
