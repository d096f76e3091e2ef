package dev.railguard.benchmarks;

import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.batch.BatchEvaluator;
import dev.railguard.batch.BatchSummary;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.format.DeepRailsCodec;
import dev.railguard.format.DeepRailsEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The offline batch throughput: events per second of the {@code pii} check on 50,000 events in {@code ultra_fast}, no
 * judge configured, through {@link BatchEvaluator} (read, parse, evaluate, write {@code results.jsonl}). A fifth of
 * the events leak one piece of PII (an e-mail address, a phone number, a card number, an IBAN, an SSN or an IP
 * address); the others are support answers with dates, prices, order numbers and versions, the numbers that a PII
 * detector must leave alone. The events are the same on every run (seeded), so runs on two commits compare.
 *
 * <p>Run: {@code mvn -B -q -DskipTests package exec:java -pl benchmarks -am -Dexec.args=pii} (optionally followed by
 * the number of events).
 */
final class OfflinePiiBenchmark {

    private static final String[] CLEAN = {
        "Your order NW-48213 of 2024-01-15 shipped at 10:30 and costs 1,299.00 EUR including 19% VAT.",
        "Version 2.14.1 fixes the crash; run the installer again and restart the app within 30 minutes.",
        "The boots can be returned within 30 days of delivery; the label fee is 5.95 EUR for non-members.",
        "Step 3 of 7: open Settings > Privacy and switch off location sharing, then tap Save.",
        "We received 12 tickets about ref 20240115-0042 and will refund 49.90 by 3 March 2025.",
    };
    private static final String[] LEAKS = {
        "You can reach Jane at jane.doe@example.com for the refund.",
        "Call the customer back on +44 20 7946 0958 tomorrow morning.",
        "The card on file is 4111 1111 1111 1111, expiring next year.",
        "Wire it to DE89 3704 0044 0532 0130 00 with the order number.",
        "Her SSN is 078-05-1120 according to the form.",
        "The request came from 203.0.113.42 at noon.",
        "Text the courier at (415) 555-0132 if nobody opens.",
    };

    private OfflinePiiBenchmark() {}

    static void run(String[] args) throws IOException {
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        Path dir = Files.createTempDirectory("railguard-pii-bench");
        Path events = write(dir.resolve("events.jsonl"), n);
        run(events, dir.resolve("warm-up.jsonl"), Math.min(n, 10_000)); // the JIT
        long t0 = System.nanoTime();
        BatchSummary s = run(events, dir.resolve("results.jsonl"), n);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long failed = s.events() - s.passedEvents();
        System.out.printf(Locale.ROOT, "offline pii batch: %,d events in ultra_fast in %.2f s = %,.0f events/s "
                + "(%,d flagged, %d judge calls, %d skipped lines)%n", s.events(), seconds, s.events() / seconds,
                failed, s.judgeCalls(), s.skippedLines().size());
    }

    private static BatchSummary run(Path events, Path out, int limit) throws IOException {
        Path input = events;
        if (limit < Files.readAllLines(events).size()) {
            input = out.resolveSibling("first-" + limit + ".jsonl");
            Files.write(input, Files.readAllLines(events).subList(0, limit));
        }
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder()
                .skipJudgedMetricsWhenNoJudge("no judge in this benchmark").build()) {
            return BatchEvaluator.builder().evaluator(evaluator).input(input).output(out).maxInFlight(64)
                    .progress(BatchEvaluator.Progress.QUIET).log(new PrintStream(OutputStream.nullOutputStream()))
                    .build().run();
        }
    }

    private static Path write(Path file, int n) {
        Random random = new Random(23);
        List<String> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder out = new StringBuilder();
            for (int s = 0; s < 3; s++) {
                out.append(CLEAN[random.nextInt(CLEAN.length)]).append(' ');
            }
            if (i % 5 == 0) {
                out.append(LEAKS[random.nextInt(LEAKS.length)]);
            }
            lines.add(DeepRailsCodec.write(new DeepRailsEvent("e" + i, ModelInput.ofUserPrompt("Where is my order " + i
                    + "?"), out.toString().trim(), null, RunMode.ULTRA_FAST, null, List.of("pii"), Map.of(), Set.of(),
                    List.of(), List.of())));
        }
        try {
            return Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
