package dev.railguard.samples;

import dev.railguard.format.DeepRailsResponses;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.RunMode;
import dev.railguard.api.Verdict;
import dev.railguard.deeprails.DeepRailsJson;
import dev.railguard.store.BillingRecord;
import dev.railguard.store.EventKind;
import dev.railguard.store.EventStore;
import dev.railguard.store.MetricOutcome;
import dev.railguard.store.StoredEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The main job's results in an event store: each line of {@code results.jsonl} becomes a monitor event of source
 * {@value #SOURCE} (same event id, so a second run updates rather than duplicates), with its verdicts, request body,
 * the line as its detail, and its usage as the billing record. A line that cannot be read is skipped with its number.
 */
final class ResultsStore {

    /** The source id of the main job's events. */
    static final String SOURCE = "mon_mainjob";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultsStore() {}

    /** Stores every result line; returns how many were stored. */
    static int write(Path results, EventStore store, PrintStream out) {
        List<String> lines;
        try {
            lines = Files.readAllLines(results);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + results, e);
        }
        Instant now = Instant.now();
        int stored = 0;
        for (int i = 0; i < lines.size(); i++) {
            try {
                store.update(event(JSON.readTree(lines.get(i)), lines.get(i), now));
                stored++;
            } catch (IOException | RuntimeException e) {
                out.println("not stored: results line " + (i + 1) + ": " + e.getMessage());
            }
        }
        store.flush();
        return stored;
    }

    private static StoredEvent event(JsonNode line, String text, Instant now) {
        String id = line.path("event_id").asText();
        EvaluationStatus status = status(line.path("status").asText());
        ObjectNode body = JSON.createObjectNode();
        ObjectNode input = body.putObject("model_input");
        input.put("user_prompt", line.path("user_prompt").asText());
        if (line.hasNonNull("ground_truth")) {
            input.put("ground_truth", line.get("ground_truth").asText());
        }
        body.put("model_output", line.path("model_output").asText());
        List<MetricOutcome> metrics = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = line.path("evaluation_result").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            JsonNode r = m.getValue();
            metrics.add(new MetricOutcome(m.getKey(), r.hasNonNull("score") ? r.get("score").asDouble() : null,
                    r.path("threshold").asDouble(), Verdict.valueOf(r.path("verdict").asText().toUpperCase(Locale.ROOT))));
        }
        JsonNode u = line.path("usage");
        BillingRecord billing = new BillingRecord(DeepRailsResponses.billingRequestId(id), u.path("judge_calls").asInt(),
                u.path("cache_hits").asInt(), u.path("input_tokens").asLong(), u.path("output_tokens").asLong(),
                u.path("cost").asDouble());
        return new StoredEvent(id, EventKind.MONITOR, SOURCE, status, line.hasNonNull("nametag")
                ? line.get("nametag").asText() : null, RunMode.fromWireName(line.path("run_mode").asText("fast")),
                line.hasNonNull("model_used") ? line.get("model_used").asText() : null, now, now,
                status.isTerminal() ? now : null, body.toString(), text,
                line.hasNonNull("error_message") ? line.get("error_message").asText() : null, metrics, billing);
    }

    private static EvaluationStatus status(String wire) {
        for (EvaluationStatus s : EvaluationStatus.values()) {
            if (s.wireName().equals(wire)) {
                return s;
            }
        }
        throw new IllegalArgumentException("status must be one of the evaluation statuses, but was: '" + wire + "'");
    }
}
