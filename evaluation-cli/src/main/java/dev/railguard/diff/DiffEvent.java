package dev.railguard.diff;

import dev.railguard.format.ResultLine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

    /** The event of one results line (written by a batch run or {@code railguard eval}). */
    public static DiffEvent fromRecord(ResultLine record) {
        Objects.requireNonNull(record, "record must not be null");
        Map<String, Outcome> metrics = new LinkedHashMap<>();
        record.metrics().forEach((name, m) -> metrics.put(name, new Outcome(m.verdict().wireName(), m.score(),
                m.rationale() == null ? "" : m.rationale())));
        return new DiffEvent(record.line(), record.id(), record.userPrompt(), record.groundTruth(), record.nametag(),
                record.modelOutput(), metrics);
    }
}
