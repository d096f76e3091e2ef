package dev.railguard.batch;

import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;

import static dev.railguard.batch.BatchFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch runs over JSON lines: skipped lines, output records, summary, resume, concurrency window, progress. */
class BatchEvaluatorTest {

    @TempDir
    Path dir;

    private final BatchFixtures.WordCountMetric words = new BatchFixtures.WordCountMetric();
    private RailguardEvaluator evaluator;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        evaluator = RailguardEvaluator.builder()
                .metrics(MetricRegistry.of(words, new BatchFixtures.GroundedMetric()))
                .skipJudgedMetricsWhenNoJudge(BatchFixtures.HOW_TO)
                .build();
    }

    @AfterEach
    void stop() {
        evaluator.close();
    }

    private BatchEvaluator.Builder batch(Path in, Path out) {
        return BatchEvaluator.builder().evaluator(evaluator).input(in).output(out)
                .progress(BatchEvaluator.Progress.LOG).log(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private Path write(String name, List<String> lines) throws IOException {
        return Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    }

    private static List<JsonNode> records(Path out) throws IOException {
        List<JsonNode> r = new ArrayList<>();
        for (String l : Files.readAllLines(out)) {
            r.add(BatchFixtures.JSON.readTree(l));
        }
        return r;
    }

    private static List<String> tenLines() {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            lines.add(line("q" + i, "word ".repeat(i), i % 2 == 0 ? "even" : "odd", "length_ok"));
        }
        return lines;
    }

    @Test
    void bad_lines_are_skipped_with_line_number_and_reason_and_the_run_goes_on() throws IOException {
        Path in = write("in.jsonl", List.of(
                line("What is 2+2?", "Two plus two is four, as any calculator will tell you quickly.", "math",
                        "length_ok"),
                "{not json",
                "",
                "{\"model_input\":{\"user_prompt\":\"hi\"},\"guardrail_metrics\":[\"length_ok\"]}",
                line("hi", "hello", "math", "no_such_metric"),
                line("Who wrote Hamlet?", "Shakespeare.", "lit", "length_ok", "grounded"),
                "{\"model_input\":{\"user_prompt\":\"hi\",\"ground_truth\":\"Shakespeare\"},\"model_output\":\"Shakespeare"
                        + " wrote it.\",\"nametag\":\"lit\",\"guardrail_metrics\":{\"length_ok\":0.2,\"grounded\":null}}"));
        Path out = dir.resolve("out/results.jsonl");

        BatchSummary s = batch(in, out).summaryFile(dir.resolve("out/summary.json")).build().run();

        assertThat(s.skippedLines()).extracting(BatchSummary.SkippedLine::line).containsExactly(2, 4, 5, 6);
        assertThat(s.skippedLines().get(0).reason()).startsWith("not valid JSON: ");
        assertThat(s.skippedLines().get(1).reason())
                .isEqualTo("model_output is required (the output to evaluate, a string), but was missing");
        assertThat(s.skippedLines().get(2).reason()).startsWith("metrics contains unknown metric 'no_such_metric'");
        assertThat(s.skippedLines().get(3).reason())
                .isEqualTo("metric 'grounded' requires modelInput.groundTruth, but it was missing or blank");
        assertThat(s.inputLines()).isEqualTo(6);
        assertThat(s.events()).isEqualTo(2);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("railguard batch: line 2 skipped: not valid JSON");

        List<JsonNode> recs = records(out);
        JsonNode first = recs.stream().filter(r -> r.path("line").asInt() == 1).findFirst().orElseThrow();
        assertThat(first.path("event_id").asText()).matches("evt_[a-z0-9]{16}");
        assertThat(first.path("status").asText()).isEqualTo("completed");
        assertThat(first.path("nametag").asText()).isEqualTo("math");
        assertThat(first.path("evaluation_result").path("length_ok").path("score").asDouble()).isEqualTo(1.0);
        assertThat(first.path("evaluation_result").path("length_ok").path("verdict").asText()).isEqualTo("pass");
        assertThat(first.path("evaluation_result").path("length_ok").path("threshold").asDouble()).isEqualTo(0.5);
        JsonNode last = recs.stream().filter(r -> r.path("line").asInt() == 7).findFirst().orElseThrow();
        assertThat(last.path("evaluation_result").path("length_ok").path("threshold").asDouble()).isEqualTo(0.2);
        assertThat(last.path("evaluation_result").path("grounded").path("verdict").asText()).isEqualTo("skipped");
        assertThat(last.path("evaluation_result").path("grounded").path("rationale").asText())
                .isEqualTo(BatchFixtures.HOW_TO);
        assertThat(last.path("outcome").asText()).isEqualTo("incomplete");
        assertThat(Files.readString(dir.resolve("out/summary.json"))).contains("\"skipped_lines\"")
                .contains("\"reason\" : \"model_output is required (the output to evaluate, a string), but was missing\"");
    }

    @Test
    void summary_counts_pass_rate_per_metric_and_nametag_and_the_score_histogram() throws IOException {
        Path in = write("in.jsonl", tenLines());

        BatchSummary s = batch(in, dir.resolve("r.jsonl")).build().run();

        // outputs of 1..10 words: scores 0.1..1.0, threshold 0.5 -> 6 pass (5..10 words), 4 fail
        BatchSummary.MetricStats m = s.metrics().get("length_ok");
        assertThat(m.pass()).isEqualTo(6);
        assertThat(m.fail()).isEqualTo(4);
        assertThat(m.passRate()).isEqualTo(0.6);
        assertThat(m.meanScore()).isCloseTo(0.55, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(m.histogram()).containsExactly(0, 1, 1, 1, 1, 1, 1, 1, 1, 2);
        assertThat(s.nametags().get("even").passed()).isEqualTo(3); // 6, 8, 10 words
        assertThat(s.nametags().get("odd").passed()).isEqualTo(3);  // 5, 7, 9
        assertThat(s.passedEvents()).isEqualTo(6);
        assertThat(s.evaluatedNow()).isEqualTo(10);
        assertThat(s.judgeCalls()).isZero();
    }

    @Test
    void an_interrupted_run_resumes_without_evaluating_finished_events_again() throws IOException {
        Path in = write("in.jsonl", tenLines());
        Path out = dir.resolve("r.jsonl");
        batch(in, out).build().run();
        assertThat(words.calls.get()).isEqualTo(10);
        // as if the process died after writing four events and half of the fifth
        List<String> written = Files.readAllLines(out);
        String partial = written.get(4).substring(0, written.get(4).length() / 2);
        Files.writeString(out, String.join("\n", written.subList(0, 4)) + "\n" + partial, StandardCharsets.UTF_8);
        List<Integer> finishedLines = written.subList(0, 4).stream()
                .map(l -> readTree(l).path("line").asInt()).toList();

        BatchSummary s = batch(in, out).build().run();

        assertThat(words.calls.get()).isEqualTo(16);
        assertThat(s.resumed()).isEqualTo(4);
        assertThat(s.evaluatedNow()).isEqualTo(6);
        List<JsonNode> recs = records(out);
        assertThat(recs).hasSize(10);
        assertThat(recs).extracting(r -> r.path("line").asInt()).doesNotHaveDuplicates()
                .containsAll(finishedLines);
        assertThat(s.metrics().get("length_ok").pass() + s.metrics().get("length_ok").fail()).isEqualTo(10);

        batch(in, out).build().run();
        assertThat(words.calls.get()).as("a finished file is not evaluated again").isEqualTo(16);
    }

    @Test
    void interrupting_the_run_stops_it_and_the_next_run_finishes_the_rest() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            lines.addAll(tenLines());
        }
        Path in = write("in.jsonl", lines);
        Path out = dir.resolve("r.jsonl");
        Thread batchThread = Thread.currentThread();
        java.util.concurrent.atomic.AtomicBoolean fired = new java.util.concurrent.atomic.AtomicBoolean();
        words.hook = r -> {
            if (words.calls.get() >= 20 && fired.compareAndSet(false, true)) {
                batchThread.interrupt(); // at most 20 + 4 lines are submitted by now: the run is midway
            }
        };

        BatchSummary first = batch(in, out).maxInFlight(4).build().run();
        boolean wasInterrupted = Thread.interrupted();

        assertThat(wasInterrupted).as("the interrupt flag is kept for the caller").isTrue();
        assertThat(first.interrupted()).isTrue();
        assertThat(first.events()).isBetween(1, 59);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("interrupted: run again to resume");
        // Evaluations the interrupt canceled may still be inside the first evaluator's metric (a running metric cannot
        // be stopped). The second run counts on its own metric in a fresh evaluator, so no straggler of the first run
        // is counted, however long it takes (waiting for the count to settle for 300 ms raced a loaded machine).
        BatchFixtures.WordCountMetric again = new BatchFixtures.WordCountMetric();
        try (RailguardEvaluator fresh = RailguardEvaluator.builder()
                .metrics(MetricRegistry.of(again, new BatchFixtures.GroundedMetric()))
                .skipJudgedMetricsWhenNoJudge(BatchFixtures.HOW_TO).build()) {
            BatchSummary second = batch(in, out).evaluator(fresh).build().run();

            assertThat(second.interrupted()).isFalse();
            assertThat(second.events()).isEqualTo(60);
            assertThat(second.resumed()).isEqualTo(first.events());
            assertThat(again.calls.get()).isEqualTo(60 - first.events());
        }
        assertThat(records(out)).extracting(r -> r.path("line").asInt()).doesNotHaveDuplicates().hasSize(60);
    }

    @Test
    void a_forced_progress_bar_runs_without_a_terminal() throws IOException {
        Path in = write("in.jsonl", tenLines());

        BatchSummary s = batch(in, dir.resolve("r.jsonl")).progress(BatchEvaluator.Progress.BAR).build().run();

        assertThat(s.events()).isEqualTo(10);
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("/10 events");
    }

    @Test
    void a_changed_input_line_is_evaluated_again_on_resume() throws IOException {
        List<String> lines = tenLines();
        Path in = write("in.jsonl", lines);
        Path out = dir.resolve("r.jsonl");
        batch(in, out).build().run();
        lines.set(2, line("q3 changed", "now this answer has enough words to pass the length check", "odd",
                "length_ok"));
        write("in.jsonl", lines);

        BatchSummary s = batch(in, out).build().run();

        assertThat(words.calls.get()).isEqualTo(11);
        assertThat(s.resumed()).isEqualTo(9);
        JsonNode third = records(out).stream().filter(r -> r.path("line").asInt() == 3).findFirst().orElseThrow();
        assertThat(third.path("user_prompt").asText()).isEqualTo("q3 changed");
        assertThat(records(out)).hasSize(10);
    }

    @Test
    void events_left_incomplete_by_a_missing_judge_are_evaluated_again_on_the_next_run() throws IOException {
        List<String> lines = new ArrayList<>(tenLines().subList(0, 3));
        lines.add("{\"model_input\":{\"user_prompt\":\"Who?\",\"ground_truth\":\"Shakespeare\"},\"model_output\":"
                + "\"Shakespeare.\",\"guardrail_metrics\":[\"length_ok\",\"grounded\"]}");
        Path in = write("in.jsonl", lines);
        Path out = dir.resolve("r.jsonl");
        batch(in, out).build().run();

        BatchSummary again = batch(in, out).build().run();

        assertThat(words.calls.get()).isEqualTo(5);
        assertThat(again.resumed()).isEqualTo(3);
        assertThat(again.evaluatedNow()).isEqualTo(1);
        assertThat(records(out)).hasSize(4);
    }

    @Test
    void events_run_concurrently_but_never_more_than_the_window() throws IOException {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        CountDownLatch twoAtOnce = new CountDownLatch(2);
        words.hook = r -> {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            twoAtOnce.countDown();
            try {
                twoAtOnce.await(30, TimeUnit.SECONDS); // the first event waits until a second one runs beside it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
        };
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.addAll(tenLines().subList(i % 10, i % 10 + 1));
        }
        Path in = write("in.jsonl", lines);

        BatchSummary s = batch(in, dir.resolve("r.jsonl")).maxInFlight(3).build().run();

        assertThat(twoAtOnce.getCount()).isZero();
        assertThat(maxRunning.get()).isBetween(2, 3);
        assertThat(s.events()).isEqualTo(40);
    }

    @Test
    void without_a_terminal_progress_is_logged_as_plain_lines() throws IOException {
        Path in = write("in.jsonl", tenLines().subList(0, 4));

        batch(in, dir.resolve("r.jsonl")).logEvery(2).build().run();

        String text = log.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("railguard batch: 4 events in ").contains("railguard batch: 2/4 events (50%)")
                .contains("railguard batch: 4/4 events (100%), 4 with a failing metric in this run")
                .contains("railguard batch: 4 events in " + dir.resolve("r.jsonl") + " (4 evaluated now, 0 from an"
                        + " earlier run), 0 passed");
        assertThat(text.indexOf("2/4 events")).isLessThan(text.indexOf("4/4 events"));
        assertThat(text).doesNotContain("\r");
    }

    private static JsonNode readTree(String s) {
        try {
            return BatchFixtures.JSON.readTree(s);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
