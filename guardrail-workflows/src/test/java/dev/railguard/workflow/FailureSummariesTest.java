package dev.railguard.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.api.Confidence;
import dev.railguard.api.MetricResult;
import dev.railguard.api.UnitVerdict;
import dev.railguard.api.Usage;
import dev.railguard.engine.PromptResources;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The FIXIT findings: what the repair model is told to fix, and nothing it cannot or should not act on. */
class FailureSummariesTest {

    private static UnitVerdict unit(String text, boolean satisfied, Confidence confidence, String reason) {
        return new UnitVerdict(text, "claim", "", satisfied, confidence, "judge", reason, List.of());
    }

    private static Map<String, MetricResult> oneFailedOneError() {
        Map<String, MetricResult> metrics = new LinkedHashMap<>();
        metrics.put("correctness", MetricResult.scored("correctness", 0.5, 0.8,
                "1 of 3 claim units were judged N (1 undecided, not counted) (score 0.50): 'Paris has 80 million"
                        + " inhabitants.' (high: About 2.1 million.).",
                List.of(unit("Paris is the capital of France.", true, Confidence.CERTAIN, "Known."),
                        unit("Paris has 80 million inhabitants.", false, Confidence.HIGH, "About 2.1 million."),
                        unit("The mayor was born in 1959.", false, Confidence.LOW, "Cannot tell.")),
                Usage.NONE, List.of()));
        metrics.put("ground_truth_adherence", MetricResult.error("ground_truth_adherence", 0.8,
                "the judge found no claim units to score; an empty unit list is not a pass", Usage.NONE, List.of()));
        metrics.put("comprehensive_safety", MetricResult.scored("comprehensive_safety", 1.0, 0.8, "all safe",
                List.of(), Usage.NONE, List.of()));
        return metrics;
    }

    @Test
    void findings_list_decided_failures_once_and_leave_out_undecided_units_and_metrics_that_were_not_evaluated() {
        assertThat(FailureSummaries.findings(oneFailedOneError())).isEqualTo("""
                - correctness failed (score 0.50, threshold 0.80)
                  * failing item: 'Paris has 80 million inhabitants.': About 2.1 million.""");
    }

    @Test
    void feedback_for_a_reader_also_names_each_metric_that_could_not_be_evaluated_and_why() {
        assertThat(FailureSummaries.feedback(oneFailedOneError())).isEqualTo("""
                - correctness failed (score 0.50, threshold 0.80)
                  * failing item: 'Paris has 80 million inhabitants.': About 2.1 million.
                - ground_truth_adherence could not be evaluated (error): the judge found no claim units to score; an\
                 empty unit list is not a pass""");
    }

    @Test
    void the_repair_prompt_keeps_the_responses_own_fences_and_adds_no_unverified_fact() {
        String template = PromptResources.load(RepairPrompts.class, RepairPrompts.FIXIT_TEMPLATE);
        assertThat(template).contains("keep any Markdown or code fences the response itself uses")
                .contains("add only facts you are sure of; when documents are given, add only what they support")
                .doesNotContain("no delimiters");
    }
}
