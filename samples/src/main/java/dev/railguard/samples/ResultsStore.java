package dev.railguard.samples;

import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.api.Usage;
import dev.railguard.format.DeepRailsCodec;
import dev.railguard.format.DeepRailsEvent;
import dev.railguard.format.DeepRailsResponses;
import dev.railguard.format.ResultLine;
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
import java.util.List;

/**
 * The main job's results in an event store: each line of {@code results.jsonl} becomes a monitor event of source
 * {@value #SOURCE} (same event id, so a second run updates rather than duplicates), with its verdicts, request body,
 * the line as its detail, and its usage as the billing record. A line that cannot be read is skipped with its number.
 */
final class ResultsStore {

    /** The source id of the main job's events. */
    static final String SOURCE = "mon_mainjob";

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
                store.update(event(ResultLine.read(lines.get(i)), lines.get(i), now));
                stored++;
            } catch (RuntimeException e) {
                out.println("not stored: results line " + (i + 1) + ": " + e.getMessage());
            }
        }
        store.flush();
        return stored;
    }

    private static StoredEvent event(ResultLine line, String text, Instant now) {
        String id = line.eventId();
        ModelInput input = ModelInput.builder().userPrompt(line.userPrompt()).groundTruth(line.groundTruth()).build();
        String body = DeepRailsCodec.write(DeepRailsEvent.of(input, line.modelOutput() == null ? ""
                : line.modelOutput()));
        List<MetricOutcome> metrics = new ArrayList<>();
        line.metrics().forEach((name, m) -> metrics.add(new MetricOutcome(name, m.score(), m.threshold(),
                m.verdict())));
        Usage u = line.usage();
        BillingRecord billing = new BillingRecord(DeepRailsResponses.billingRequestId(id), u.judgeCalls(),
                u.cacheHits(), u.inputTokens(), u.outputTokens(), u.cost());
        EvaluationStatus status = line.status();
        return new StoredEvent(id, EventKind.MONITOR, SOURCE, status, line.nametag(),
                line.runMode() == null ? RunMode.FAST : line.runMode(), line.modelUsed(), now, now,
                status.isTerminal() ? now : null, body, text, line.errorMessage(), metrics, billing);
    }
}
