package dev.railguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.InProcessMetric;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.Usage;
import dev.railguard.api.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine, not the metric, decides PASS or FAIL, and a result that breaks the metric contract is ERROR. */
class VerdictContractTest {

    private static InProcessMetric metric(String name, InProcessMetric.Evaluation body) {
        return TestMetrics.inProcess(name, 0.5, body);
    }

    private static MetricResult evaluate(InProcessMetric m, double threshold) {
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder().metrics(MetricRegistry.of(m)).build()) {
            return evaluator.evaluate(EvaluationRequest.builder().modelInput(ModelInput.ofUserPrompt("q"))
                    .modelOutput("o").metrics(m.name()).threshold(m.name(), threshold).build()).metric(m.name());
        }
    }

    @Test
    void a_metric_that_passes_itself_with_its_own_threshold_fails_against_the_requested_one() {
        MetricResult r = evaluate(metric("lenient", (req, t) -> MetricResult.scored("lenient", 0.1, 0.0, "fine",
                List.of(), Usage.NONE, List.of())), 0.9);

        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.threshold()).isEqualTo(0.9);
        assertThat(r.score()).hasValue(0.1);
        assertThat(r.diagnostics()).anySatisfy(d -> assertThat(d.message()).isEqualTo("the engine decided FAIL from"
                + " score 0.1 and the requested threshold 0.9; metric 'lenient' had reported PASS against threshold"
                + " 0.0"));
    }

    @Test
    void a_result_under_another_name_is_an_error_naming_the_rule() {
        MetricResult r = evaluate(metric("mine", (req, t) -> MetricResult.scored("theirs", 1.0, t, "ok", List.of(),
                Usage.NONE, List.of())), 0.5);

        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.metric()).isEqualTo("mine");
        assertThat(r.rationale()).isEqualTo("metric 'mine' broke the metric contract: its result is named 'theirs',"
                + " but a result must carry its metric's own name");
    }

    @Test
    void a_score_outside_zero_to_one_or_nan_is_an_error_naming_the_rule() {
        MetricResult nan = evaluate(metric("nan", (req, t) -> MetricResult.scored("nan", Double.NaN, t, "?",
                List.of(), Usage.NONE, List.of())), 0.5);
        MetricResult big = evaluate(metric("big", (req, t) -> MetricResult.scored("big", 7, t, "?", List.of(),
                Usage.NONE, List.of())), 0.5);

        assertThat(nan.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(nan.rationale()).isEqualTo("metric 'nan' failed: IllegalArgumentException: score must be between"
                + " 0.0 and 1.0, but was: NaN");
        assertThat(big.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(big.rationale()).endsWith("score must be between 0.0 and 1.0, but was: 7.0");
    }
}
