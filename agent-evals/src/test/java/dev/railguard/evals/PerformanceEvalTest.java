package dev.railguard.evals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.railguard.evals.internal.EvalJson;
import dev.railguard.evals.internal.Stats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Performance statistics (Agno's test_performance_eval) and the JVM measurement, with a scripted clock. */
class PerformanceEvalTest {

    static volatile Object sink;

    @TempDir
    Path dir;

    /** A clock that advances {@code stepNanos} on every read: each run then lasts exactly one step. */
    private static PerformanceEval.Builder scripted(long... stepsNanos) {
        AtomicLong now = new AtomicLong();
        AtomicInteger read = new AtomicInteger();
        return PerformanceEval.builder().clock(() -> {
            int i = read.getAndIncrement();
            // reads come in pairs (start, end); the end read adds the run's duration
            return i % 2 == 0 ? now.get() : now.addAndGet(stepsNanos[(i / 2) % stepsNanos.length]);
        });
    }

    @Test
    void single_sample_p95_matches_sample() {
        Stats s = Stats.of(List.of(1.0));
        assertThat(s.p95()).isEqualTo(1.0);
        assertThat(Stats.of(List.of(10.0)).p95()).isEqualTo(10.0);
        assertThat(s.stdDev()).isEqualTo(0.0);
    }

    @Test
    void small_sample_p95_stays_within_observed_range_with_type_7_interpolation() {
        assertThat(Stats.of(List.of(1.0, 2.0)).p95()).isCloseTo(1.95, within(1e-12));
        assertThat(Stats.of(List.of(10.0, 20.0)).p95()).isCloseTo(19.5, within(1e-12));
        assertThat(Stats.of(List.of(1, 2, 3, 4, 5)).p95()).isCloseTo(4.8, within(1e-12));
    }

    @Test
    void identical_samples_p95_equals_value() {
        assertThat(Stats.of(List.of(5.0, 5.0, 5.0)).p95()).isEqualTo(5.0);
    }

    @Test
    void empty_sample_has_no_statistics_rather_than_zero() {
        assertThat(Stats.of(List.of())).isEqualTo(Stats.EMPTY);
        assertThat(Stats.EMPTY.p95()).isNull();
    }

    @Test
    void median_of_odd_and_even_samples_and_sample_standard_deviation() {
        assertThat(Stats.of(List.of(3, 1, 2)).median()).isEqualTo(2.0);
        assertThat(Stats.of(List.of(4, 1, 3, 2)).median()).isEqualTo(2.5);
        assertThat(Stats.of(List.of(2, 4, 4, 4, 5, 5, 7, 9)).stdDev()).isCloseTo(2.138089935, within(1e-9));
    }

    @Test
    void warmup_runs_are_not_measured_and_each_run_executes_once() {
        AtomicInteger calls = new AtomicInteger();
        EvalRun run = scripted(1_000_000).warmupRuns(3).numIterations(5).build().run("count", calls::incrementAndGet);
        PerformanceResult r = (PerformanceResult) run.evalData();
        assertThat(calls.get()).isEqualTo(8);
        assertThat(r.runTimes()).hasSize(5).allSatisfy(t -> assertThat(t).isEqualTo(0.001));
        assertThat(r.evalStatus()).isEqualTo(EvalStatus.COMPLETED);
        assertThat(run.evaluatedComponentName()).isEqualTo("count");
        assertThat(run.evalInput()).containsEntry("warmup_runs", 3).containsEntry("num_iterations", 5);
    }

    @Test
    void wall_time_statistics_from_the_scripted_clock() {
        // five runs of 1, 2, 3, 4, 5 ms
        PerformanceResult r = (PerformanceResult) scripted(1_000_000, 2_000_000, 3_000_000, 4_000_000, 5_000_000)
                .numIterations(5).build().run("f", () -> { }).evalData();
        assertThat(r.avgRunTime()).isCloseTo(0.003, within(1e-12));
        assertThat(r.medianRunTime()).isCloseTo(0.003, within(1e-12));
        assertThat(r.minRunTime()).isCloseTo(0.001, within(1e-12));
        assertThat(r.maxRunTime()).isCloseTo(0.005, within(1e-12));
        assertThat(r.p95RunTime()).isCloseTo(0.0048, within(1e-12));
        assertThat(r.stdDevRunTime()).isCloseTo(Math.sqrt(2.5) / 1000, within(1e-12));
    }

    @Test
    void allocated_bytes_count_what_the_run_allocates_on_its_thread() {
        PerformanceResult r = (PerformanceResult) PerformanceEval.builder().numIterations(3).build()
                .run("alloc", () -> sink = new byte[4 * 1024 * 1024]).evalData();
        org.junit.jupiter.api.Assumptions.assumeFalse(r.allocatedBytes().isEmpty(), "no allocation counter");
        assertThat(r.allocatedBytes()).hasSize(3).allSatisfy(b -> assertThat(b).isGreaterThanOrEqualTo(4L << 20));
        assertThat(r.minAllocatedBytes()).isGreaterThanOrEqualTo(4.0 * (1 << 20));
    }

    @Test
    void p95_above_baseline_times_factor_fails_and_below_passes() throws Exception {
        Path baseline = dir.resolve("baseline.json");
        Files.writeString(baseline, "{\"p95_run_time\": 0.010}");
        EvalRun slow = scripted(15_000_000).numIterations(4).baseline(baseline).build().run("f", () -> { });
        PerformanceResult r = (PerformanceResult) slow.evalData();
        assertThat(r.evalStatus()).isEqualTo(EvalStatus.FAILED);
        assertThat(r.regressions()).containsExactly("p95_run_time 0.015000 s is above baseline 0.010000 s x 1.2");
        assertThat(r.baselineP95RunTime()).isEqualTo(0.010);
        EvalRun tolerated = scripted(15_000_000).numIterations(4).baseline(baseline).regressionFactor(1.6).build()
                .run("f", () -> { });
        assertThat(tolerated.status()).isEqualTo(EvalStatus.PASSED);
        EvalRun within = scripted(11_000_000).numIterations(4).baseline(baseline).build().run("f", () -> { });
        assertThat(within.status()).isEqualTo(EvalStatus.PASSED);
    }

    @Test
    void a_written_baseline_reads_back_and_passes_the_same_run() throws Exception {
        EvalRun first = scripted(2_000_000).numIterations(3).build().run("f", () -> { });
        Path file = dir.resolve("perf.json");
        PerformanceEval.writeBaseline(first, file);
        JsonNode json = EvalJson.MAPPER.readTree(Files.readString(file));
        assertThat(json.path("p95_run_time").asDouble()).isEqualTo(0.002);
        assertThat(scripted(2_000_000).numIterations(3).baseline(file).build().run("f", () -> { }).passed()).isTrue();
    }

    @Test
    void a_missing_or_malformed_baseline_is_rejected() throws Exception {
        Path missing = dir.resolve("none.json");
        assertThatThrownBy(() -> PerformanceEval.builder().baseline(missing).build().run("f", () -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("baseline file does not exist: " + missing + " (write one with PerformanceEval.writeBaseline)");
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "{}");
        assertThatThrownBy(() -> PerformanceEval.builder().baseline(empty).build().run("f", () -> { }))
                .hasMessage("baseline file " + empty + " must have a number p95_run_time or p95_allocated_bytes,"
                        + " but was: {}");
    }

    @Test
    void a_failing_run_is_an_error_entry_and_the_status_is_error() {
        AtomicInteger calls = new AtomicInteger();
        PerformanceResult r = (PerformanceResult) scripted(1_000_000).warmupRuns(0).numIterations(3).build().run("f", () -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("flaky");
            }
        }).evalData();
        assertThat(r.errors()).containsExactly("run 2: IllegalStateException: flaky");
        assertThat(r.runTimes()).hasSize(2);
        assertThat(r.evalStatus()).isEqualTo(EvalStatus.ERROR);
    }

    @Test
    void a_hanging_run_times_out_and_ends_the_eval() {
        AtomicInteger calls = new AtomicInteger();
        // 2 s bounds the first, empty run too, which a loaded machine could stretch past 200 ms
        PerformanceResult r = (PerformanceResult) PerformanceEval.builder().warmupRuns(0).numIterations(5)
                .timeout(Duration.ofSeconds(2)).build().run("f", () -> {
                    if (calls.incrementAndGet() == 2) {
                        try {
                            Thread.sleep(30_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }).evalData();
        assertThat(r.errors()).containsExactly("run 2: timeout: exceeded 2000 ms; remaining runs skipped");
        assertThat(r.runTimes()).hasSize(1);
        assertThat(calls.get()).isEqualTo(2);
        assertThat(r.evalStatus()).isEqualTo(EvalStatus.ERROR);
    }

    @Test
    void a_subject_is_measured_on_its_input_with_its_model_recorded() {
        AtomicInteger calls = new AtomicInteger();
        EvalRun run = scripted(1_000_000).warmupRuns(0).numIterations(2).build()
                .run(Subject.of("bot", "bot-model", in -> in + calls.incrementAndGet()), "hi");
        assertThat(calls.get()).isEqualTo(2);
        assertThat(run.modelId()).isEqualTo("bot-model");
        assertThat(run.judgeModelId()).isNull();
        assertThat(run.toJson()).contains("\"p95_run_time\":0.001").contains("\"eval_type\":\"performance\"");
    }

    @Test
    void validation_messages() {
        assertThatThrownBy(() -> PerformanceEval.builder().warmupRuns(11)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("warmupRuns must be between 0 and 10, but was: 11");
        assertThatThrownBy(() -> PerformanceEval.builder().numIterations(0))
                .hasMessage("numIterations must be between 1 and 10000, but was: 0");
        assertThatThrownBy(() -> PerformanceEval.builder().regressionFactor(0.9))
                .hasMessage("regressionFactor must be between 1.0 and 100.0, but was: 0.9");
    }
}
