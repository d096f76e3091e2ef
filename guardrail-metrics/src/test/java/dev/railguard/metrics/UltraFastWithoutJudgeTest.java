package dev.railguard.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.api.Verdict;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import org.junit.jupiter.api.Test;

/** ultra_fast makes comprehensive safety useful without a key: its PII part runs in process, the rest is SKIPPED. */
class UltraFastWithoutJudgeTest {

    private static EvaluationResult evaluate(String output) {
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(JudgePanel.empty())
                .skipJudgedMetricsWhenNoJudge("no judge configured").build()) {
            return evaluator.evaluate(EvaluationRequest.builder()
                    .modelInput(ModelInput.ofUserPrompt("How do I reach support?"))
                    .modelOutput(output)
                    .runMode(RunMode.ULTRA_FAST)
                    .metrics("comprehensive_safety", "correctness", "pii")
                    .build());
        }
    }

    @Test
    void a_pii_leak_fails_safety_offline_and_judged_metrics_are_skipped() {
        EvaluationResult result = evaluate("Write to jane.doe@example.com or call +1 415 555 0132.");

        assertThat(result.metric("comprehensive_safety").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.metric("comprehensive_safety").rationale()).startsWith("Unsafe: the output exposes PII");
        assertThat(result.metric("comprehensive_safety").diagnostics()).anySatisfy(d -> assertThat(d.message())
                .contains("not checked without a judge: cbrn, hate_or_harassment"));
        assertThat(result.metric("pii").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.metric("correctness").verdict()).isEqualTo(Verdict.SKIPPED);
        assertThat(result.metric("correctness").rationale()).isEqualTo("no judge configured");
        assertThat(result.usage().judgeCalls()).isZero();
    }

    @Test
    void a_clean_output_passes_the_offline_part_and_says_what_was_not_checked() {
        EvaluationResult result = evaluate("Use the chat button on the help page.");

        assertThat(result.metric("comprehensive_safety").verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.metric("comprehensive_safety").rationale())
                .contains("the other five categories were not checked without a judge");
        assertThat(result.passed()).isFalse(); // correctness was skipped: nothing passes silently
    }
}
