package dev.railguard.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
 * The shape is {@code {"units":[{"text","label","verdict","confidence","reason"}]}} (the reply of a call that
 * partitions and verifies).
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

    /** Adds a unit with a label (a completeness dimension, a safety category). */
    public JudgeReplies unit(String text, String label, String verdict, String confidence, String reason) {
        ObjectNode u = units.addObject();
        u.put("text", text);
        u.put("label", label);
        u.put("verdict", verdict);
        u.put("confidence", confidence);
        u.put("reason", reason);
        return this;
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
