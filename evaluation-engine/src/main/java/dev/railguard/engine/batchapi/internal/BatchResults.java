package dev.railguard.engine.batchapi.internal;

import dev.railguard.engine.batchapi.internal.BatchService.LineResult;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of every line of one ended batch, read one results line at a time, so that one bad line never costs the
 * batch: a line that is not JSON (a cut-off download) is counted and skipped, and its request, missing from the
 * outcomes, is asked again; two different lines for one custom id fail that request instead of silently picking one
 * (the same line twice is one answer). Not thread-safe; one per download.
 */
final class BatchResults {

    private final String batchId;
    private final Map<String, LineResult> lines = new LinkedHashMap<>();
    private final Map<String, JsonNode> seen = new HashMap<>();
    private int unreadable;

    BatchResults(String batchId) {
        this.batchId = batchId;
    }

    /**
     * Reads a JSONL results file: each non-blank line is parsed, named by {@code customId} and turned into an
     * outcome by {@code outcome}.
     */
    BatchResults readJsonl(String jsonl, Function<JsonNode, String> customId, Function<JsonNode, LineResult> outcome) {
        for (String text : jsonl.split("\n")) {
            if (text.isBlank()) {
                continue;
            }
            JsonNode line;
            try {
                line = BatchHttp.JSON.readTree(text);
            } catch (IOException e) {
                unreadable++;
                continue;
            }
            add(line, customId, outcome);
        }
        return this;
    }

    /** Adds one parsed results line; a line without a custom id, or whose outcome cannot be read, is unreadable. */
    void add(JsonNode line, Function<JsonNode, String> customId, Function<JsonNode, LineResult> outcome) {
        String id = line == null || !line.isObject() ? "" : customId.apply(line);
        if (id == null || id.isEmpty()) {
            unreadable++;
            return;
        }
        JsonNode before = seen.putIfAbsent(id, line);
        if (before != null) {
            if (!before.equals(line)) {
                lines.put(id, LineResult.failed("the results of batch " + batchId + " hold 2 different lines for it,"
                        + " so its request is asked again", true));
            }
            return;
        }
        LineResult result;
        try {
            result = Objects.requireNonNull(outcome.apply(line));
        } catch (RuntimeException e) {
            unreadable++;
            seen.remove(id);
            return;
        }
        lines.put(id, result);
    }

    /** The lines read, by custom id. */
    Map<String, LineResult> lines() {
        return lines;
    }

    /** How many lines could not be read (not JSON, no custom id, an unreadable outcome). */
    int unreadable() {
        return unreadable;
    }

    /** The outcomes, for the transport. */
    BatchService.Results result() {
        return new BatchService.Results(Map.copyOf(lines), unreadable);
    }
}
