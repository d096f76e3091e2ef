package dev.railguard.batch;

import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.Verdict;
import org.junit.jupiter.api.Test;

/** The evaluator option that turns judged metrics into SKIPPED when no judge can serve them. */
class SkipJudgedMetricsTest {

    private final MetricRegistry metrics = MetricRegistry.of(new BatchFixtures.WordCountMetric(),
            new BatchFixtures.GroundedMetric());

    private static EvaluationRequest request(String groundTruth) {
        return EvaluationRequest.builder()
                .modelInput(ModelInput.builder().userPrompt("Who wrote Hamlet?").groundTruth(groundTruth).build())
                .modelOutput("Shakespeare wrote Hamlet around 1600, probably.").metrics("length_ok", "grounded").build();
    }

    @Test
    void without_the_option_a_request_needing_a_judge_is_rejected() {
        try (RailguardEvaluator e = RailguardEvaluator.builder().metrics(metrics).build()) {
            assertThatThrownBy(() -> e.submit(request("Shakespeare"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("runMode 'fast' needs a judge in tier standard, but the judge panel has none");
        }
    }

    @Test
    void with_the_option_judged_metrics_are_skipped_with_the_reason_and_in_process_metrics_run() {
        try (RailguardEvaluator e = RailguardEvaluator.builder().metrics(metrics)
                .skipJudgedMetricsWhenNoJudge(BatchFixtures.HOW_TO).build()) {
            EvaluationResult r = e.evaluate(request("Shakespeare"));

            assertThat(r.metric("grounded").verdict()).isEqualTo(Verdict.SKIPPED);
            assertThat(r.metric("grounded").rationale()).isEqualTo(BatchFixtures.HOW_TO);
            assertThat(r.metric("grounded").threshold()).isEqualTo(0.8);
            assertThat(r.metric("length_ok").verdict()).isEqualTo(Verdict.PASS);
            assertThat(r.passed()).isFalse();
            // a missing input is still a bad request, judge or not
            assertThatThrownBy(() -> e.submit(request(null))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("metric 'grounded' requires modelInput.groundTruth, but it was missing or blank");
        }
    }

    @Test
    void the_reason_must_say_something() {
        assertThatThrownBy(() -> RailguardEvaluator.builder().skipJudgedMetricsWhenNoJudge(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("reason must not be blank, but was: ' '");
    }
}
