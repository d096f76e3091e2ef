package dev.railguard.report;

import dev.railguard.batch.BatchEvaluator;
import dev.railguard.batch.BatchFixtures;
import dev.railguard.batch.BatchSummary;
import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;

import static dev.railguard.batch.BatchFixtures.line;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A small batch with passing, failing, skipped-metric and hostile events, and one bad line, for report tests. */
public final class ReportFixture {

    public static final String HOSTILE = "<script>document.title='pwned'</script><img src=x onerror=\"document.body.id='pwned'\">"
            + " ok";

    private ReportFixture() {}

    /** Runs the batch into {@code dir} and returns its summary. */
    public static BatchSummary run(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(line("Short answer please", "Too short.", "support", "length_ok"));            // fail, line 1
        for (int i = 0; i < 12; i++) {
            lines.add(line("Explain item " + i, "This answer explains the item in plenty of words so that it passes "
                    + "easily ".repeat(i), i % 3 == 0 ? "rag" : "support", "length_ok"));
        }
        lines.add(line("Hostile", HOSTILE, "<b>tag</b>", "length_ok"));                         // fail, line 14
        lines.add("{\"model_input\":{\"user_prompt\":\"Who wrote Hamlet?\",\"ground_truth\":\"Shakespeare\"},"
                + "\"model_output\":\"William Shakespeare wrote Hamlet, most likely between 1599 and 1601.\","
                + "\"nametag\":\"rag\",\"guardrail_metrics\":[\"length_ok\",\"grounded\"]}");     // incomplete
        lines.add("this line is not JSON");                                                       // skipped, line 16
        Path in = Files.write(dir.resolve("events.jsonl"), lines, StandardCharsets.UTF_8);
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder()
                .metrics(MetricRegistry.of(new BatchFixtures.WordCountMetric(), new BatchFixtures.GroundedMetric()))
                .skipJudgedMetricsWhenNoJudge(BatchFixtures.HOW_TO).build()) {
            return BatchEvaluator.builder().evaluator(evaluator).input(in).output(dir.resolve("results.jsonl"))
                    .progress(BatchEvaluator.Progress.QUIET).log(new PrintStream(OutputStream.nullOutputStream()))
                    .build().run();
        }
    }
}
