package dev.railguard.format.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The one strict JSON reader of the project: every JSON text Railguard reads at its edges is parsed here, and every
 * field is read through these helpers, so one mistake gets one wording everywhere. Refused, with the JSON path of the
 * offending value, the value and what is allowed: bad JSON, trailing tokens, a duplicate key, nesting deeper than
 * {@link #MAX_DEPTH}, a lone surrogate or NUL in any text or key, an unknown key (or, lenient, a warning), a value of
 * the wrong type.
 *
 * <p>Paths read like {@code model_input.context[1].role}; {@link #path} joins them.
 */
public final class StrictJson {

    /** How deep a document may nest; DeepRails events need four levels, eval-run bodies three. */
    public static final int MAX_DEPTH = 32;

    /** The mapper behind the reader: duplicate keys and trailing tokens refused, nesting bounded. */
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private StrictJson() {}

    /**
     * Parses {@code text} as one JSON object and checks every text in it for lone surrogates and NUL.
     *
     * @param what what the text is, for the message when it is not an object ({@code "a line"})
     * @throws IllegalArgumentException naming what is wrong and where
     */
    public static JsonNode object(String text, String what) {
        Objects.requireNonNull(text, what + " must not be null");
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new IllegalArgumentException("the JSON nests deeper than " + MAX_DEPTH + " levels; an event needs at"
                    + " most 4");
        } catch (JsonProcessingException e) {
            String m = e.getOriginalMessage();
            if (m != null && m.startsWith("Duplicate field")) {
                throw new IllegalArgumentException(m.replace("Duplicate field", "duplicate field")
                        + "; each field may appear once");
            }
            throw new IllegalArgumentException("not valid JSON: " + m);
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object, but was: "
                    + (root == null || root.isMissingNode() ? "empty" : type(root)));
        }
        checkText(root, "");
        return root;
    }

    /**
     * Refuses (or, when {@code warnings} is not null, records a warning for) a key of {@code node} not in
     * {@code allowed}.
     */
    public static void known(JsonNode node, Collection<String> allowed, String path, List<String> warnings) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                String message = "unknown field '" + path(path, name) + "'; the fields allowed here are "
                        + new TreeSet<>(allowed);
                if (warnings == null) {
                    throw new IllegalArgumentException(message);
                }
                warnings.add(message + " (ignored: lenient)");
            }
        }
    }

    /** The value of {@code field}, or null when absent or JSON null. */
    public static JsonNode get(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    /** A string field, or null when absent or null. */
    public static String text(JsonNode node, String field, String path) {
        JsonNode v = get(node, field);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw wrong(path, "a string", v);
        }
        return v.textValue();
    }

    /** A required string field. */
    public static String requiredText(JsonNode node, String field, String path, String allowed) {
        String v = text(node, field, path);
        if (v == null) {
            throw new IllegalArgumentException(path + " is required (" + allowed + "), but was missing");
        }
        return v;
    }

    /** A boolean field, or {@code absent} when absent or null. */
    public static boolean bool(JsonNode node, String field, String path, boolean absent) {
        JsonNode v = get(node, field);
        if (v == null) {
            return absent;
        }
        if (!v.isBoolean()) {
            throw wrong(path, "a boolean (true or false)", v);
        }
        return v.booleanValue();
    }

    /** An integer field, or {@code absent} when absent or null. */
    public static long integer(JsonNode node, String field, String path, long absent) {
        JsonNode v = get(node, field);
        if (v == null) {
            return absent;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw wrong(path, "an integer", v);
        }
        return v.longValue();
    }

    /** A number field, or {@code absent} when absent or null. */
    public static double number(JsonNode node, String field, String path, double absent) {
        JsonNode v = get(node, field);
        if (v == null) {
            return absent;
        }
        if (!v.isNumber()) {
            throw wrong(path, "a number", v);
        }
        return v.doubleValue();
    }

    /** A list of strings, or an empty list when absent or null. */
    public static List<String> strings(JsonNode node, String field, String path) {
        JsonNode v = get(node, field);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw wrong(path, "an array of strings", v);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw wrong(path + "[" + i + "]", "a string", v.get(i));
            }
            out.add(v.get(i).textValue());
        }
        return out;
    }

    /** An object field, or null when absent or null. */
    public static JsonNode object(JsonNode node, String field, String path) {
        JsonNode v = get(node, field);
        if (v != null && !v.isObject()) {
            throw wrong(path, "an object", v);
        }
        return v;
    }

    /** {@code "<path> must be <allowed>, but was: <type and value>"}. */
    public static IllegalArgumentException wrong(String path, String allowed, JsonNode value) {
        return new IllegalArgumentException(path + " must be " + allowed + ", but was: " + describe(value));
    }

    /** {@code parent.field}, or {@code field} at the top. */
    public static String path(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    /** The type and, when short, the value of {@code n}: {@code string "yes"}, {@code number 7}. */
    public static String describe(JsonNode n) {
        String v = n.toString();
        return type(n) + (n.isContainerNode() && v.length() > 40 ? "" : " " + (v.length() > 80
                ? v.substring(0, 80) + "..." : v));
    }

    /** The JSON type of {@code n} in lower case ({@code string}, {@code object}). */
    public static String type(JsonNode n) {
        return n.getNodeType().name().toLowerCase();
    }

    /** The index of the first lone surrogate of {@code s}, or -1. */
    public static int loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code s} with each lone surrogate replaced by U+FFFD, so it can be written as UTF-8; null stays null. */
    public static String wellFormed(String s) {
        if (s == null || loneSurrogate(s) < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                b.append('\uFFFD');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Refuses a text anywhere in {@code node} that holds a lone surrogate or a NUL character. */
    private static void checkText(JsonNode node, String path) {
        if (node.isTextual()) {
            String s = node.textValue();
            int at = loneSurrogate(s);
            if (at >= 0) {
                throw new IllegalArgumentException((path.isEmpty() ? "a text" : path) + " holds a lone surrogate"
                        + String.format(" (\\u%04x)", (int) s.charAt(at)) + " at index " + at
                        + "; text must be valid Unicode (surrogates only in pairs)");
            }
            int nul = s.indexOf('\u0000');
            if (nul >= 0) {
                throw new IllegalArgumentException((path.isEmpty() ? "a text" : path) + " holds a NUL character at"
                        + " index " + nul + "; text may not contain \\u0000");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (loneSurrogate(e.getKey()) >= 0 || e.getKey().indexOf('\u0000') >= 0) {
                    throw new IllegalArgumentException("a field name under '" + path + "' holds a lone surrogate or"
                            + " a NUL character; names must be valid Unicode");
                }
                checkText(e.getValue(), path(path, e.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkText(node.get(i), path + "[" + i + "]");
            }
        }
    }
}
