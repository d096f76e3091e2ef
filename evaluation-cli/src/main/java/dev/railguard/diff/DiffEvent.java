package dev.railguard.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One event of a run, as a diff sees it: where it was, what identifies it, and its verdict per metric.
 *
 * @param line        the record's {@code line} in its input file
 * @param id          the event's own {@code id} from the input, or null
 * @param prompt      the user prompt (or system prompt) shown in reports, or null
 * @param groundTruth the ground truth, or null
 * @param nametag     the nametag, or null
 * @param output      the model output that was evaluated, or null
 * @param metrics     the verdict of each metric, by metric name
 */
public record DiffEvent(int line, String id, String prompt, String groundTruth, String nametag, String output,
        Map<String, Outcome> metrics) {

    /** Copies. */
    public DiffEvent {
        metrics = Map.copyOf(Objects.requireNonNull(metrics, "metrics must not be null"));
    }

    /**
     * One metric's result in one event.
     *
     * @param verdict   {@code pass}, {@code fail}, {@code error} or {@code skipped}
     * @param score     the score in [0, 1], or null when there is none
     * @param rationale the judge's or check's rationale
     */
    public record Outcome(String verdict, Double score, String rationale) {
        /** Whether the verdict is PASS. */
        public boolean passed() {
            return "pass".equals(verdict);
        }

        /** Whether the metric was decided (PASS, FAIL or ERROR; not SKIPPED). An ERROR counts as not passed. */
        public boolean decided() {
            return !"skipped".equals(verdict);
        }
    }

    /**
     * What pairs this event with its counterpart in the other run: {@code id:<id>} when it has an id, otherwise
     * {@code sha256:<hash>} of its prompt, ground truth and nametag (the output is left out: it is what changes).
     */
    public String key() {
        if (id != null && !id.isBlank()) {
            return "id:" + id;
        }
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {prompt, groundTruth, nametag}) {
                d.update((part == null ? "\u0000null" : part).getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0x1f);
            }
            return "sha256:" + HexFormat.of().formatHex(d.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The event of one results-file record (a line written by a batch run or {@code railguard eval}).
     *
     * @throws IllegalArgumentException if the record has no {@code line} or no {@code evaluation_result} object
     */
    public static DiffEvent fromRecord(JsonNode record) {
        Objects.requireNonNull(record, "record must not be null");
        if (!record.path("line").canConvertToInt() || !record.path("evaluation_result").isObject()) {
            throw new IllegalArgumentException("a results record needs a numeric 'line' and an 'evaluation_result'"
                    + " object, but was: " + abbreviate(record.toString()));
        }
        Map<String, Outcome> metrics = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = record.path("evaluation_result").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode r = e.getValue();
            JsonNode score = r.get("score");
            metrics.put(e.getKey(), new Outcome(r.path("verdict").asText("error"),
                    score != null && score.isNumber() ? score.asDouble() : null, r.path("rationale").asText("")));
        }
        return new DiffEvent(record.path("line").asInt(), text(record, "id"), text(record, "user_prompt"),
                text(record, "ground_truth"), text(record, "nametag"), text(record, "model_output"), metrics);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }
}
