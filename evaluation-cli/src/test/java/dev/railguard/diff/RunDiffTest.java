package dev.railguard.diff;

import static dev.railguard.diff.Runs.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDiffTest {

    private static final RunDiff.Settings FAST = new RunDiff.Settings(0.05, 0.0, 0.95, 1000, 11);

    @Test
    void a_run_compared_with_itself_has_no_regression_and_a_zero_interval() {
        List<List<DiffEvent>> runs = Runs.simulate(120, 0.5, 0.1, 0.1, 3);
        DiffResult d = RunDiff.withDefaults().compare(runs.get(0), runs.get(0));
        assertThat(d.hasRegression()).isFalse();
        assertThat(d.paired()).isEqualTo(120);
        assertThat(d.unpaired()).isEmpty();
        DiffResult.MetricDiff m = d.metrics().get(0);
        assertThat(m.delta()).isZero();
        assertThat(m.deltaInterval()).isEqualTo(new DiffResult.Interval(0, 0));
        assertThat(m.mcnemarP()).isEqualTo(1.0);
        assertThat(m.flips()).isEmpty();
        assertThat(m.meanScoreDelta()).isZero();
    }

    @Test
    void a_clear_drop_is_a_regression_and_the_mirror_image_is_not() {
        // 30 pass->fail, 5 fail->pass over 100 pairs: delta -25 points, McNemar p far below 0.05
        List<DiffEvent> base = new ArrayList<>();
        List<DiffEvent> cand = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            boolean b = i < 30 || i >= 60;
            boolean c = i >= 30 && i < 35 || i >= 60;
            base.add(event(i + 1, "e" + i, "q", "old", "m", b ? "pass" : "fail", b ? 0.9 : 0.2));
            cand.add(event(i + 1, "e" + i, "q", "new", "m", c ? "pass" : "fail", c ? 0.9 : 0.2));
        }
        DiffResult d = RunDiff.with(FAST).compare(base, cand);
        DiffResult.MetricDiff m = d.metrics().get(0);
        assertThat(m.passToFail()).isEqualTo(30);
        assertThat(m.failToPass()).isEqualTo(5);
        assertThat(m.basePassRate()).isCloseTo(0.70, within(1e-12));
        assertThat(m.newPassRate()).isCloseTo(0.45, within(1e-12));
        assertThat(m.delta()).isCloseTo(-0.25, within(1e-12));
        assertThat(m.mcnemarP()).isLessThan(1e-4);
        assertThat(m.deltaInterval().high()).isLessThan(0);
        assertThat(m.meanScoreDelta()).isCloseTo(-0.25 * 0.7, within(1e-9));
        assertThat(m.regression()).isTrue();
        assertThat(d.hasRegression()).isTrue();
        assertThat(m.flips()).hasSize(35);
        assertThat(m.flips().get(0).regressed()).isTrue();
        assertThat(m.flips().get(0).baseOutcome().rationale()).isEqualTo("pass because of old");
        assertThat(m.flips().get(0).candidateOutcome().rationale()).isEqualTo("fail because of new");
        assertThat(m.flips().get(34).regressed()).isFalse();

        DiffResult reverse = RunDiff.with(FAST).compare(cand, base);
        assertThat(reverse.hasRegression()).isFalse();
        assertThat(reverse.metrics().get(0).delta()).isCloseTo(0.25, within(1e-12));

        // the same drop does not count when the minimum effect is larger than it
        DiffResult lenient = RunDiff.with(new RunDiff.Settings(0.05, 0.30, 0.95, 1000, 11)).compare(base, cand);
        assertThat(lenient.hasRegression()).isFalse();
    }

    @Test
    void a_drop_that_is_noise_is_not_a_regression() {
        // 3 pass->fail, 1 fail->pass: p = 2 * 5/16 = 0.625
        List<DiffEvent> base = new ArrayList<>();
        List<DiffEvent> cand = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean b = i != 3;
            boolean c = i > 2;
            base.add(event(i + 1, "e" + i, "q", "o", "m", b ? "pass" : "fail", null));
            cand.add(event(i + 1, "e" + i, "q", "o", "m", c ? "pass" : "fail", null));
        }
        DiffResult.MetricDiff m = RunDiff.with(FAST).compare(base, cand).metrics().get(0);
        assertThat(m.delta()).isNegative();
        assertThat(m.mcnemarP()).isCloseTo(0.625, within(1e-12));
        assertThat(m.regression()).isFalse();
        assertThat(m.scoredPairs()).isZero();
        assertThat(m.meanScoreDelta()).isNaN();
    }

    /** The 95% interval covers the true change in about 95% of simulated experiments (percentile bootstrap). */
    @Test
    void bootstrap_intervals_cover_the_known_difference() {
        double pp = 0.55;
        double pf = 0.15;
        double fp = 0.05;
        double truth = fp - pf; // -0.10
        int experiments = 300;
        int covered = 0;
        int detected = 0;
        for (int e = 0; e < experiments; e++) {
            List<List<DiffEvent>> runs = Runs.simulate(200, pp, pf, fp, 1000 + e);
            DiffResult.MetricDiff m = RunDiff.with(new RunDiff.Settings(0.05, 0, 0.95, 1000, e))
                    .compare(runs.get(0), runs.get(1)).metrics().get(0);
            covered += m.deltaInterval().contains(truth) ? 1 : 0;
            detected += m.regression() ? 1 : 0;
        }
        double coverage = (double) covered / experiments;
        // the binomial spread of 300 experiments at 95% is 1.3 points; percentile intervals run slightly narrow
        assertThat(coverage).isBetween(0.90, 0.985);
        // a 10-point drop over 200 pairs with 40 expected flips is found most of the time
        assertThat(detected).isGreaterThan(experiments * 3 / 4);
    }

    @Test
    void with_no_real_difference_the_gate_rarely_fires() {
        int fired = 0;
        for (int e = 0; e < 200; e++) {
            List<List<DiffEvent>> runs = Runs.simulate(150, 0.6, 0.1, 0.1, 5000 + e);
            fired += RunDiff.with(new RunDiff.Settings(0.05, 0, 0.95, 200, e)).compare(runs.get(0), runs.get(1))
                    .hasRegression() ? 1 : 0;
        }
        // a two-sided exact test at 0.05 fires on a drop in at most 2.5% of null experiments (it is conservative)
        assertThat(fired).isLessThanOrEqualTo(10);
    }

    @Test
    void events_pair_by_id_or_by_content_and_the_rest_are_listed() {
        List<DiffEvent> base = List.of(
                event(1, "a", "q1", "x", "m", "pass", 1.0),
                event(2, null, "q2", "x", "m", "pass", 1.0),
                event(3, null, "q3", "x", "m", "fail", 0.0),
                event(4, "only-base", "q4", "x", "m", "pass", 1.0));
        List<DiffEvent> cand = new ArrayList<>(List.of(
                event(7, null, "q3", "y", "m", "pass", 1.0),
                event(8, null, "q2", "y", "m", "fail", 0.0),
                event(9, "a", "other prompt", "y", "m", "pass", 1.0),
                event(10, null, "q5", "y", "m", "pass", 1.0)));
        Collections.shuffle(cand, new java.util.Random(1));
        DiffResult d = RunDiff.with(FAST).compare(base, cand);
        assertThat(d.paired()).isEqualTo(3);
        assertThat(d.unpaired()).extracting(DiffResult.Unpaired::run, DiffResult.Unpaired::line)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("base", 4),
                        org.assertj.core.groups.Tuple.tuple("new", 10));
        DiffResult.MetricDiff m = d.metrics().get(0);
        assertThat(m.flips()).extracting(f -> f.base().line() + "->" + f.candidate().line())
                .containsExactly("2->8", "3->7");
    }

    @Test
    void skipped_results_leave_the_pair_out_and_errors_count_as_not_passed() {
        List<DiffEvent> base = List.of(event(1, "a", "q", "x", "m", "pass", 1.0),
                event(2, "b", "q", "x", "m", "skipped", null));
        List<DiffEvent> cand = List.of(event(1, "a", "q", "y", "m", "error", null),
                event(2, "b", "q", "y", "m", "pass", 1.0));
        DiffResult.MetricDiff m = RunDiff.with(FAST).compare(base, cand).metrics().get(0);
        assertThat(m.pairs()).isEqualTo(1);
        assertThat(m.passToFail()).isEqualTo(1);
        assertThat(m.flips().get(0).candidateOutcome().verdict()).isEqualTo("error");
        assertThat(m.errorPairs()).isEqualTo(1);
    }

    @Test
    void results_files_are_read_and_bad_files_named(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.jsonl");
        Files.writeString(file, """
                {"line":1,"event_id":"e1","status":"completed","id":"a","user_prompt":"q","evaluation_result":{"m":{"score":0.9,"rationale":"ok","threshold":0.5,"verdict":"pass"}}}
                {"line":2,"event_id":"e2","status":"completed","user_prompt":"q2","evaluation_result":{"m":{"score":null,"rationale":"no","threshold":0.5,"verdict":"fail"}}}
                {"line":2,"event_id":"e2b","status":"completed","user_prompt":"q2","evaluation_result":{"m":{"score":null,"rationale":"no","threshold":0.5,"verdict":"pass"}}}
                {"line":3,"event_id":"e3","evalua""");
        List<DiffEvent> events = RunDiff.read(file, "base");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).key()).isEqualTo("id:a");
        assertThat(events.get(1).key()).startsWith("sha256:");
        assertThat(events.get(1).metrics().get("m").verdict()).isEqualTo("pass");
        assertThat(events.get(0).metrics().get("m").score()).isEqualTo(0.9);
        assertThatThrownBy(() -> RunDiff.read(dir.resolve("missing.jsonl"), "new"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("new results file does not exist");
        Path empty = Files.writeString(dir.resolve("e.jsonl"), "{\"not\":\"a record\"}\n");
        assertThatThrownBy(() -> RunDiff.read(empty, "base")).hasMessageContaining("holds no results record");
    }

    @Test
    void settings_out_of_range_name_the_setting() {
        assertThatThrownBy(() -> new RunDiff.Settings(0, 0, 0.95, 1000, 1))
                .hasMessage("alpha must be between 0.0 and 1.0 (exclusive), but was: 0.0");
        assertThatThrownBy(() -> new RunDiff.Settings(0.05, 1.5, 0.95, 1000, 1))
                .hasMessage("minEffect must be between 0.0 and 1.0, but was: 1.5");
        assertThatThrownBy(() -> new RunDiff.Settings(0.05, 0, 1.0, 1000, 1))
                .hasMessage("confidence must be between 0.0 and 1.0 (exclusive), but was: 1.0");
        assertThatThrownBy(() -> new RunDiff.Settings(0.05, 0, 0.95, 5, 1))
                .hasMessage("resamples must be between 100 and 1000000, but was: 5");
    }

    @Test
    void json_carries_every_statistic_and_nan_as_null() throws Exception {
        List<List<DiffEvent>> runs = Runs.simulate(50, 0.5, 0.3, 0.0, 9);
        DiffResult d = RunDiff.with(FAST).compare(runs.get(0), runs.get(1));
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(d.toJson());
        assertThat(json.path("regression").asBoolean()).isTrue();
        var m = json.path("metrics").get(0);
        assertThat(m.path("pass_to_fail").asInt()).isEqualTo(d.metrics().get(0).passToFail());
        assertThat(m.path("delta_ci")).hasSize(2);
        assertThat(m.path("mcnemar_p").asDouble()).isEqualTo(d.metrics().get(0).mcnemarP());
        assertThat(m.path("flips").get(0).path("direction").asText()).isEqualTo("pass_to_fail");
    }
}
