package dev.railguard.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.RunMode;
import dev.railguard.api.Usage;
import dev.railguard.api.Verdict;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultLineTest {

    /** A line as batch runs wrote it before {@link ResultLine} existed (BatchLines.record of 0.1.0). */
    private static final String OLDER_LINE = "{\"line\":3,\"input_hash\":\"9f2c\",\"id\":\"t-3\",\"event_id\":"
            + "\"evt_abc\",\"status\":\"completed\",\"passed\":false,\"outcome\":\"fail\",\"nametag\":null,"
            + "\"run_mode\":\"fast\",\"model_used\":null,\"evaluation_result\":{\"correctness\":{\"score\":0.4,"
            + "\"rationale\":\"one claim is false\",\"threshold\":0.7,\"verdict\":\"fail\"},\"completeness\":"
            + "{\"score\":null,\"rationale\":\"judge timed out\",\"threshold\":0.6,\"verdict\":\"error\"}},\"units\":"
            + "{\"correctness\":[{\"text\":\"Paris is in Spain\",\"kind\":\"claim\",\"label\":\"\",\"verdict\":\"N\","
            + "\"confidence\":\"high\",\"judge\":\"j1\",\"reason\":\"it is in France\",\"disputed\":true}]},"
            + "\"diagnostics\":{\"completeness\":[{\"severity\":\"error\",\"message\":\"timeout\"}]},\"usage\":"
            + "{\"judge_calls\":2,\"cache_hits\":0,\"input_tokens\":300,\"output_tokens\":40,\"judge_time_ms\":900,"
            + "\"cost\":0.0,\"calls_by_judge\":{\"j1\":2}},\"elapsed_ms\":950,\"user_prompt\":\"Where is Paris?\","
            + "\"model_output\":\"Paris is in Spain.\"}";

    @Test
    void a_line_written_before_this_type_reads_with_every_field() {
        ResultLine r = ResultLine.read(OLDER_LINE);

        assertThat(r.line()).isEqualTo(3);
        assertThat(r.id()).isEqualTo("t-3");
        assertThat(r.status()).isEqualTo(EvaluationStatus.COMPLETED);
        assertThat(r.nametag()).isNull();
        assertThat(r.runMode()).isEqualTo(RunMode.FAST);
        assertThat(r.metrics().keySet()).containsExactly("correctness", "completeness");
        assertThat(r.metrics().get("correctness")).isEqualTo(new ResultLine.MetricLine(0.4, "one claim is false", 0.7,
                Verdict.FAIL));
        assertThat(r.metrics().get("completeness").score()).isNull();
        assertThat(r.units().get("correctness").get(0).disputed()).isTrue();
        assertThat(r.diagnostics().get("completeness")).containsExactly(new ResultLine.DiagnosticLine("error",
                "timeout"));
        assertThat(r.usage()).isEqualTo(new Usage(2, 0, 300, 40, Duration.ofMillis(900), 0.0, Map.of("j1", 2)));
        assertThat(r.groundTruth()).isNull();
        assertThat(r.hasSkippedMetric()).isFalse();
    }

    @Test
    void a_line_written_reads_back_equal_and_keeps_the_older_layout() {
        ResultLine r = ResultLine.read(OLDER_LINE);
        assertThat(ResultLine.read(r.write())).isEqualTo(r);
        assertThat(r.write()).isEqualTo(OLDER_LINE);
    }

    @Test
    void a_line_billed_at_batch_prices_keeps_its_cached_tokens_and_synchronous_cost() {
        ResultLine older = ResultLine.read(OLDER_LINE);
        Usage batch = new Usage(2, 0, 300, 40, Duration.ofMillis(900), 0.0005, Map.of("j1", 2), 120, 0.001);
        ResultLine r = new ResultLine(older.line(), older.inputHash(), older.id(), older.eventId(), older.status(),
                older.passed(), older.outcome(), older.nametag(), older.runMode(), older.modelUsed(),
                older.errorMessage(), older.metrics(), older.units(), older.diagnostics(), batch, older.elapsedMs(),
                older.userPrompt(), older.groundTruth(), older.modelOutput(), older.warnings());

        assertThat(r.write()).contains("\"cost\":5.0E-4,\"cached_input_tokens\":120,\"synchronous_cost\":0.001");
        assertThat(ResultLine.read(r.write()).usage()).isEqualTo(batch);
    }

    @Test
    void texts_are_mapped_and_made_well_formed_when_written() {
        Map<String, ResultLine.MetricLine> metrics = new LinkedHashMap<>();
        metrics.put("m", new ResultLine.MetricLine(null, "key sk-secret", 0.5, Verdict.SKIPPED));
        ResultLine r = new ResultLine(1, "h", null, "evt_1", EvaluationStatus.COMPLETED, false, "incomplete", null,
                RunMode.FAST, null, null, metrics, Map.of(), Map.of(), Usage.NONE, 0, "q\ud800", null, "a", List.of());

        ResultLine w = ResultLine.read(r.withTexts(s -> s.replace("sk-secret", "[redacted]")).write());

        assertThat(w.metrics().get("m").rationale()).isEqualTo("key [redacted]");
        assertThat(w.userPrompt()).isEqualTo("q\uFFFD");
        assertThat(w.hasSkippedMetric()).isTrue();
    }

    @Test
    void a_line_that_is_not_a_results_line_is_refused_saying_what_it_lacks() {
        assertThatThrownBy(() -> ResultLine.read("{\"model_input\":{}}")).hasMessage("unknown field 'model_input';"
                + " the fields allowed here are [diagnostics, elapsed_ms, error_message, evaluation_result, event_id,"
                + " ground_truth, id, input_hash, line, model_output, model_used, nametag, outcome, passed, run_mode,"
                + " status, units, usage, user_prompt, warnings]");
        assertThatThrownBy(() -> ResultLine.read("{\"line\":1}")).hasMessage("a results line must have line and"
                + " event_id, but had: [line]; it is not a line of a results.jsonl file written by a batch run");
        assertThatThrownBy(() -> ResultLine.read(OLDER_LINE.replace("\"verdict\":\"fail\"", "\"verdict\":\"bad\"")))
                .hasMessage("evaluation_result.correctness.verdict must be one of [pass, fail, error, skipped], but"
                        + " was: 'bad'");
    }
}
