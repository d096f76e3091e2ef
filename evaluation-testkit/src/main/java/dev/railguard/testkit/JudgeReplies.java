package dev.railguard.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the JSON replies Railguard's judge prompts ask for, so tests can script judges without spelling JSON.
 *
 * <pre>{@code
 * String reply = JudgeReplies.units()
 *     .unit("Paris is the capital of France.", "Y", "certain", "Well known.")
 *     .unit("It has 80 million inhabitants.", "N", "high", "About 2 million.")
 *     .json();
 * }</pre>
 *
 * The shape is {@code {"units":[{"text","label","reason","verdict","confidence"}]}} (the reply of a call that
 * partitions and verifies; {@code label} only for a kind with labels).
 */
public final class JudgeReplies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode units = root.putArray("units");

    private JudgeReplies() {}

    /** An empty list of units to add to. */
    public static JudgeReplies units() {
        return new JudgeReplies();
    }

    /** Adds a unit without a label. {@code verdict} is {@code "Y"} or {@code "N"}. */
    public JudgeReplies unit(String text, String verdict, String confidence, String reason) {
        return unit(text, "", verdict, confidence, reason);
    }

    /**
     * Adds a unit with a label (a completeness dimension, a safety category); an empty label stays (a kind without
     * labels ignores it). The fields come in the order of the schema: reason before verdict.
     */
    public JudgeReplies unit(String text, String label, String verdict, String confidence, String reason) {
        ObjectNode u = units.addObject();
        u.put("text", text);
        u.put("label", label);
        u.put("reason", reason);
        u.put("verdict", verdict);
        u.put("confidence", confidence);
        return this;
    }

    /**
     * A reply that satisfies the JSON schema {@code request} asked for, whatever the run mode: every verdict
     * {@code "Y"}, every confidence {@code "high"}, one item per array, strings {@code "stub"}, numbers 1. For tests
     * and benchmarks that count calls and tokens rather than script verdicts.
     */
    public static String satisfying(RecordedRequest request) {
        return instanceOf(request.json().path("response_format").path("json_schema").path("schema")).toString();
    }

    /** A JSON value that satisfies {@code schema}, as {@link #satisfying(RecordedRequest)} describes. */
    public static JsonNode instanceOf(JsonNode schema) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(v -> values.add(v.asText()));
            return f.textNode(values.contains("Y") ? "Y" : values.contains("high") ? "high" : values.get(0));
        }
        if (schema.has("anyOf")) {
            return instanceOf(schema.get("anyOf").get(0));
        }
        JsonNode type = schema.path("type");
        String t = type.isArray() ? type.get(0).asText() : type.asText("object");
        switch (t) {
            case "array" -> {
                ArrayNode a = f.arrayNode();
                a.add(instanceOf(schema.path("items")));
                return a;
            }
            case "string" -> {
                return f.textNode("stub");
            }
            case "integer", "number" -> {
                return f.numberNode(1);
            }
            case "boolean" -> {
                return f.booleanNode(true);
            }
            case "null" -> {
                return f.nullNode();
            }
            default -> {
                ObjectNode o = f.objectNode();
                schema.path("properties").fields().forEachRemaining(p -> o.set(p.getKey(), instanceOf(p.getValue())));
                return o;
            }
        }
    }

    /**
     * The reply of a partition call (the precision modes): {@code {"units":[{"text","label"}]}} (no label for a kind
     * without labels), units found but not judged.
     */
    public static Found found() {
        return new Found();
    }

    /**
     * The reply of a verify call (the precision modes): {@code {"verdicts":[{"id","reason","verdict","confidence"}]}},
     * one verdict per listed unit id (1-based).
     */
    public static Verdicts verdicts() {
        return new Verdicts();
    }

    /** The reply of the {@code ultra_fast} call: {@code {"metrics":[{"metric","reason","score"}]}}. */
    public static Scores scores() {
        return new Scores();
    }

    /** Units a partition call found; see {@link #found()}. */
    public static final class Found {
        private final ObjectNode root = JSON.createObjectNode();
        private final ArrayNode units = root.putArray("units");

        private Found() {}

        /** Adds a unit; {@code label} may be empty. */
        public Found unit(String text, String label) {
            ObjectNode u = units.addObject();
            u.put("text", text);
            u.put("label", label);
            return this;
        }

        /** The reply text. */
        public String json() {
            return root.toString();
        }
    }

    /** Verdicts on listed units; see {@link #verdicts()}. */
    public static final class Verdicts {
        private final ObjectNode root = JSON.createObjectNode();
        private final ArrayNode verdicts = root.putArray("verdicts");

        private Verdicts() {}

        /** Adds the verdict on unit {@code id}. {@code verdict} is {@code "Y"} or {@code "N"}. */
        public Verdicts verdict(int id, String verdict, String confidence, String reason) {
            ObjectNode v = verdicts.addObject();
            v.put("id", id);
            v.put("reason", reason);
            v.put("verdict", verdict);
            v.put("confidence", confidence);
            return this;
        }

        /** The reply text. */
        public String json() {
            return root.toString();
        }
    }

    /** Holistic scores per metric; see {@link #scores()}. */
    public static final class Scores {
        private final ObjectNode root = JSON.createObjectNode();
        private final ArrayNode metrics = root.putArray("metrics");

        private Scores() {}

        /** Adds the score of {@code metric}, from 0.0 to 1.0. */
        public Scores score(String metric, double score, String reason) {
            ObjectNode m = metrics.addObject();
            m.put("metric", metric);
            m.put("reason", reason);
            m.put("score", score);
            return this;
        }

        /** The reply text. */
        public String json() {
            return root.toString();
        }
    }

    /** The reply text. */
    public String json() {
        return root.toString();
    }

    @Override
    public String toString() {
        return json();
    }
}
