package dev.railguard.junit;

import static dev.railguard.junit.RailguardAssertions.assertThat;
import static dev.railguard.junit.RailguardAssertions.assertThatThrownBy;
import static dev.railguard.junit.RailguardAssertions.catchThrowableOfType;

import dev.railguard.api.Confidence;
import dev.railguard.api.Diagnostic;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.MetricResult;
import dev.railguard.api.RunMode;
import dev.railguard.api.UnitVerdict;
import dev.railguard.api.UnitVote;
import dev.railguard.api.Usage;
import dev.railguard.api.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Failure texts for cases a stub judge does not produce: skipped metrics, failed events, long unit lists. */
class RailguardMessagesTest {

    private static EvaluationResult result(EvaluationStatus status, String failure, MetricResult... metrics) {
        Map<String, MetricResult> map = new LinkedHashMap<>();
        for (MetricResult m : metrics) {
            map.put(m.metric(), m);
        }
        return new EvaluationResult("evt_test", status, map, Usage.NONE, RunMode.FAST, null, Instant.EPOCH,
                Instant.EPOCH, failure);
    }

    private static UnitVerdict unit(String text, boolean y) {
        return new UnitVerdict(text, "claim", "", y, Confidence.HIGH, "judge", "reason " + text, List.of());
    }

    @Test
    void a_skipped_metric_fails_passes_with_its_reason_printed_once() {
        MetricResult skipped = MetricResult.skipped("correctness", 0.8, "No judge is configured.");

        AssertionError error = catchThrowableOfType(AssertionError.class, () -> assertThat(skipped).passes());

        assertThat(error).hasMessage("Expecting metric 'correctness' to pass, but it did not:\n\n"
                + "correctness: SKIPPED, the metric was not evaluated, and a skipped metric never counts as a pass\n"
                + "  reason: No judge is configured.");
    }

    @Test
    void a_failed_event_fails_passes_with_its_status_and_cause() {
        EvaluationResult failed = result(EvaluationStatus.FAILED, "the evaluation timed out after PT5S");

        AssertionError error = catchThrowableOfType(AssertionError.class, () -> assertThat(failed).passes());

        assertThat(error).hasMessage("Expecting evaluation evt_test to pass, but it ended FAILED: the evaluation timed"
                + " out after PT5S");
    }

    @Test
    void at_most_ten_failing_units_are_listed_and_disputed_ones_say_so() {
        List<UnitVerdict> units = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            units.add(unit("claim " + i, false));
        }
        units.set(0, new UnitVerdict("claim 1", "claim", "", false, Confidence.MEDIUM, "consensus", "split",
                List.of(new UnitVote("a", 1, true, Confidence.HIGH, "yes"), new UnitVote("b", 1, false, Confidence.HIGH, "no"))));
        units.add(unit("true claim", true));
        MetricResult m = MetricResult.scored("correctness", 0.0, 0.8, "12 of 13 claims were judged N.", units,
                Usage.NONE, List.of(Diagnostic.warning("judge 'judge' needed a repair call")));

        String details = RailguardMessages.details(m);

        assertThat(details).startsWith("correctness: FAIL, score 0 is below the threshold 0.8\n"
                + "  rationale: 12 of 13 claims were judged N.\n"
                + "  failing units (12 of 13):\n"
                + "    - 'claim 1' judged N with medium confidence by consensus (judges disagreed): split\n"
                + "    - 'claim 2' judged N with high confidence by judge: reason claim 2\n");
        assertThat(details).contains("    - 'claim 10' judged N").doesNotContain("'claim 11'")
                .endsWith("    - and 2 more\n  diagnostics:\n    - WARNING: judge 'judge' needed a repair call");
    }

    @Test
    void diagnostics_at_or_above_a_severity_are_listed() {
        MetricResult m = MetricResult.scored("correctness", 1.0, 0.8, "ok", List.of(unit("a", true)), Usage.NONE,
                List.of(Diagnostic.info("searched"), Diagnostic.warning("low confidence everywhere")));

        assertThat(m).hasNoDiagnosticsAtOrAbove(Diagnostic.Severity.ERROR);
        AssertionError error = catchThrowableOfType(AssertionError.class,
                () -> assertThat(m).hasNoDiagnosticsAtOrAbove(Diagnostic.Severity.WARNING));

        assertThat(error).hasMessage("Expecting metric 'correctness' to have no diagnostic at or above WARNING, but"
                + " it has 1:\n  - WARNING: low confidence everywhere");
    }

    @Test
    void verdict_assertion_names_both_verdicts() {
        MetricResult m = MetricResult.scored("completeness", 0.5, 0.7, "thin", List.of(), Usage.NONE, List.of());

        AssertionError error = catchThrowableOfType(AssertionError.class,
                () -> assertThat(m).hasVerdict(Verdict.PASS));

        assertThat(error).hasMessage("Expecting metric 'completeness' to have the verdict:\n  PASS\nbut was:\n  FAIL\n\n"
                + "completeness: FAIL, score 0.5 is below the threshold 0.7\n  rationale: thin");
    }

    @Test
    void numbers_have_at_most_four_decimals_without_trailing_zeros() {
        assertThat(RailguardMessages.number(1.6 / 2.6)).isEqualTo("0.6154");
        assertThat(RailguardMessages.number(0.8)).isEqualTo("0.8");
        assertThat(RailguardMessages.number(1.0)).isEqualTo("1");
        assertThat(RailguardMessages.number(0.0)).isEqualTo("0");
    }

    @Test
    void misuse_throws_rather_than_failing_an_assertion() {
        assertThatThrownBy(() -> assertThat(MetricResult.skipped("x", 0.5, "r")).hasScoreAtLeast(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("minimum must be between 0.0 and 1.0, but was: 1.5");
        assertThatThrownBy(() -> RailguardAssertions.assertThatOutput("a").forPrompt("q").passes("correctness"))
                .isInstanceOf(IllegalStateException.class).hasMessage("no evaluator to judge the output with: call"
                        + " withEvaluator(evaluator) first, for example with the Evaluator that RailguardExtension injects");
        assertThatThrownBy(() -> assertThat((EvaluationResult) null).passes())
                .isInstanceOf(AssertionError.class).hasMessageContaining("Expecting actual not to be null");
    }
}
