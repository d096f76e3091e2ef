package dev.railguard.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.RunMode;
import dev.railguard.api.Verdict;
import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.format.DeepRailsCodec;
import dev.railguard.format.DeepRailsEntry;
import dev.railguard.format.DeepRailsEvent;
import dev.railguard.format.ResultLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Wire formats" example, run: a line read by the codec, a batch run's results read back as records. */
class WireFormatsReadmeExampleTest {

    @Test
    void the_readme_example_reads_a_line_and_the_results_it_became(@TempDir Path dir) throws Exception {
        String line = "{\"model_input\":{\"user_prompt\":\"q\"},\"model_output\":\"one two three four five\"}";

        DeepRailsEvent event = DeepRailsCodec.read(line, DeepRailsEntry.BATCH_LINE);   // or MONITOR_BODY, ...
        EvaluationRequest request = event.toRequest(List.of("correctness"), RunMode.FAST);
        assertThat(request.metrics()).containsExactly("correctness");

        Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"model_input\":{\"user_prompt\":\"q\"},"
                + "\"model_output\":\"one two three four five\",\"guardrail_metrics\":[\"length_ok\"]}\n");
        Path results = dir.resolve("railguard-out/results.jsonl");
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder()
                .metrics(MetricRegistry.of(new BatchFixtures.WordCountMetric())).build()) {
            BatchEvaluator.builder().evaluator(evaluator).input(in).output(results)
                    .progress(BatchEvaluator.Progress.QUIET)
                    .log(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).build().run();
        }
        List<String> printed = new ArrayList<>();
        for (ResultLine r : ResultsFile.read(results).values()) {
            ResultLine.MetricLine m = r.metrics().get("length_ok");
            printed.add(r.line() + " " + m.verdict() + " " + m.score());
        }
        assertThat(printed).containsExactly("1 " + Verdict.PASS + " 0.5");
    }
}
