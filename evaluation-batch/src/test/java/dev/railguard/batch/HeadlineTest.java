package dev.railguard.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.report.HtmlReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without a judge the headline counts what was decided: an event whose judged metric was SKIPPED is only partly
 * checked, not failing, and the report does not show it as a failure.
 */
class HeadlineTest {

    @TempDir
    Path dir;

    private static String line(String output, String... metrics) {
        return "{\"model_input\":{\"user_prompt\":\"Who wrote Hamlet?\",\"ground_truth\":\"Shakespeare\"},"
                + "\"model_output\":\"" + output + "\",\"guardrail_metrics\":[\"" + String.join("\",\"", metrics)
                + "\"]}";
    }

    @Test
    void skipped_judged_metrics_make_events_partly_checked_not_failing() throws IOException {
        Path input = Files.writeString(dir.resolve("in.jsonl"), String.join("\n",
                line("Shakespeare wrote it, as every school book of English literature says.", "length_ok", "grounded"),
                line("Marlowe.", "length_ok", "grounded"),
                line("Shakespeare wrote Hamlet.", "length_ok")) + "\n");
        BatchSummary s;
        try (RailguardEvaluator e = RailguardEvaluator.builder().metrics(MetricRegistry.of(
                new BatchFixtures.WordCountMetric(), new BatchFixtures.GroundedMetric()))
                .skipJudgedMetricsWhenNoJudge(BatchFixtures.HOW_TO).build()) {
            s = BatchEvaluator.builder().evaluator(e).input(input).output(dir.resolve("results.jsonl"))
                    .progress(BatchEvaluator.Progress.QUIET).log(new PrintStream(OutputStream.nullOutputStream()))
                    .build().run();
        }
        int failing = s.metrics().get("length_ok").fail();
        assertThat(s.partlyCheckedEvents()).isEqualTo(2);
        assertThat(s.failingEvents()).isEqualTo(failing);
        assertThat(s.headline()).isEqualTo("3 events: " + s.passedEvents() + " passed every metric, " + failing
                + " failing (a metric FAIL or ERROR), 2 only partly checked (a metric SKIPPED)");
        Path report = dir.resolve("report.html");
        HtmlReport.write(s, report, "t", 10);
        assertThat(Files.readString(report)).contains("only partly checked");
    }
}
