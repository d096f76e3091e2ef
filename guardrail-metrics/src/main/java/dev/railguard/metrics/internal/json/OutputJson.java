package dev.railguard.metrics.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the offline checks read JSON out of a model output ({@code json_schema}, {@code json_equals}): strictly (no
 * trailing tokens, no duplicate keys), with one Markdown code fence around the whole output tolerated.
 */
public final class OutputJson {

    /** The strict reader. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final Pattern FENCE = Pattern.compile("\\A\\s*```[A-Za-z0-9_-]*[ \\t]*\\R(.*?)\\R?```\\s*\\z",
            Pattern.DOTALL);

    /** The diagnostic written when a fence was removed. */
    public static final String FENCED = "the output was wrapped in a Markdown code fence; its content was checked";

    private OutputJson() {}

    /**
     * What reading a text gave: the value, or why there is none.
     *
     * @param text   the text that was read (the fence's content when there was a fence)
     * @param value  the JSON value, or {@code null} when {@code error} says why not
     * @param error  why the text is not JSON ("not well-formed JSON at line 1, column 9: ..."), or {@code null}
     * @param fenced whether a code fence was removed
     */
    public record Read(String text, JsonNode value, String error, boolean fenced) {}

    /** The content of one Markdown code fence that is the whole of {@code text}, if it is one. */
    public static Optional<String> unfence(String text) {
        Matcher m = FENCE.matcher(text);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Reads {@code text} as one JSON value. */
    public static Read read(String text) {
        Optional<String> inner = unfence(text);
        String t = inner.orElse(text);
        try {
            JsonNode value = JSON.readTree(t);
            if (value == null || value.isMissingNode()) {
                return new Read(t, null, "the output is empty, which is not a JSON value", inner.isPresent());
            }
            return new Read(t, value, null, inner.isPresent());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            return new Read(t, null, "not well-formed JSON" + where + ": " + e.getOriginalMessage(), inner.isPresent());
        }
    }
}
