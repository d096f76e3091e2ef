package dev.railguard.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.api.Capability;
import dev.railguard.api.ContextMessage;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.RunMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Input lines shaped like DeepRails events, to requests; and the reasons a line cannot be one. */
class BatchLinesTest {

    private static EvaluationRequest parse(String line) {
        return BatchLines.parse(line, List.of(), RunMode.FAST).request();
    }

    @Test
    void a_full_event_becomes_a_request_with_every_field() {
        BatchLines.Input in = BatchLines.parse("""
                {"id": "t-1", "model_input": {"system_prompt": "Be brief.", "user_prompt": "Who wrote Hamlet?",
                  "ground_truth": "Shakespeare", "context": [{"role": "user", "content": "We study 1600."}, {"role": "assistant", "content": "x"}],
                  "documents": ["Doc one.", {"content": "Doc two."}]},
                 "model_output": "Shakespeare.", "model_used": "gpt-4o", "run_mode": "PRECISION",
                 "nametag": "lit", "guardrail_metrics": {"correctness": 0.9, "completeness": null},
                 "capabilities": ["context_awareness"], "web_search": true}""".replace("\n", " "),
                List.of(), RunMode.FAST);
        EvaluationRequest r = in.request();

        assertThat(in.inputId()).isEqualTo("t-1");
        assertThat(r.modelInput().systemPrompt()).isEqualTo("Be brief.");
        assertThat(r.modelInput().groundTruth()).isEqualTo("Shakespeare");
        assertThat(r.modelInput().context()).containsExactly(ContextMessage.of("user", "We study 1600."),
                ContextMessage.of("assistant", "x"));
        assertThat(r.modelInput().documents()).containsExactly("Doc one.", "Doc two.");
        assertThat(r.runMode()).isEqualTo(RunMode.PRECISION);
        assertThat(r.metrics()).containsExactly("correctness", "completeness");
        assertThat(r.thresholds()).isEqualTo(Map.of("correctness", 0.9));
        assertThat(r.capabilities()).containsExactlyInAnyOrder(Capability.CONTEXT_AWARENESS, Capability.WEB_SEARCH);
        assertThat(r.modelUsed()).isEqualTo("gpt-4o");
        assertThat(r.nametag()).isEqualTo("lit");
    }

    @Test
    void defaults_apply_when_the_line_has_no_metrics_or_run_mode() {
        EvaluationRequest r = BatchLines.parse("{\"model_input\":{\"user_prompt\":\"q\"},\"model_output\":\"a\"}",
                List.of("pii"), RunMode.SUPER_FAST).request();

        assertThat(r.metrics()).containsExactly("pii");
        assertThat(r.runMode()).isEqualTo(RunMode.SUPER_FAST);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[1, 2]| a line must be a JSON object, but was: array",
        "{\"model_output\":\"a\",\"guardrail_metrics\":[\"x\"]}| model_input is required (an object with a system_prompt or a user_prompt), but was missing",
        "{\"model_input\":\"hi\",\"model_output\":\"a\"}| model_input must be an object, but was: string \"hi\"",
        "{\"model_input\":{\"user_prompt\":5},\"model_output\":\"a\"}| model_input.user_prompt must be a string, but was: number 5",
        "{\"model_input\":{},\"model_output\":\"a\",\"guardrail_metrics\":[\"x\"]}| model_input must have a system_prompt or a user_prompt that is not blank, but had: []",
        "{\"model_input\":{\"user_prompt\":\"q\"},\"model_output\":\"a\"}| guardrail_metrics names no metric and there are no default metrics",
        "{\"model_input\":{\"user_prompt\":\"q\"},\"model_output\":\"a\",\"guardrail_metrics\":[]}| guardrail_metrics names no metric and there are no default metrics",
        "{\"model_input\":{\"user_prompt\":\"q\"},\"model_output\":\"a\",\"guardrail_metrics\":\"pii\"}| guardrail_metrics must be an array of metric names or an object of names to thresholds, but was: string \"pii\"",
        "{\"model_input\":{\"user_prompt\":\"q\",\"documents\":\"d\"},\"model_output\":\"a\",\"guardrail_metrics\":[\"x\"]}| model_input.documents must be an array of strings or {content}, but was: string \"d\"",
        "{\"model_input\":{\"user_prompt\":\"q\"},\"model_output\":\"a\",\"run_mode\":\"turbo\",\"guardrail_metrics\":[\"x\"]}| run_mode must be one of [ultra_fast, super_fast, fast, precision, precision_codex, precision_max, precision_max_codex], but was: 'turbo'",
        "{\"model_input\":{\"user_prompt\":\"q\"},\"model_output\":\"a\",\"guardrail_metrics\":{\"x\":2}}| thresholds['x'] must be between 0.0 and 1.0, but was: 2.0",
    })
    void a_line_that_cannot_be_a_request_says_why(String line, String reason) {
        assertThatThrownBy(() -> parse(line)).isInstanceOf(IllegalArgumentException.class).hasMessage(reason);
    }

    @Test
    void the_content_hash_ignores_surrounding_white_space_only() {
        assertThat(BatchLines.hash("{\"a\":1}")).isEqualTo(BatchLines.hash("  {\"a\":1}\t")).hasSize(32);
        assertThat(BatchLines.hash("{\"a\":1}")).isNotEqualTo(BatchLines.hash("{\"a\":2}"));
    }

    @Test
    void every_deeprails_event_field_is_honoured_file_search_as_a_list_of_ids_included() {
        BatchLines.Input in = BatchLines.parse("""
                {"model_input": {"user_prompt": "q", "system_prompt": "s", "ground_truth": "g",
                  "context": [{"role": "user", "content": "earlier"}]},
                 "model_output": "a", "model_used": "gpt-4o", "run_mode": "precision", "nametag": "t",
                 "guardrail_metrics": ["x"], "web_search": false, "context_awareness": true,
                 "file_search": ["file_a", "file_b"]}""".replace("\n", " "), List.of(), RunMode.FAST);
        EvaluationRequest r = in.request();

        assertThat(r.capabilities()).containsExactlyInAnyOrder(Capability.FILE_SEARCH, Capability.CONTEXT_AWARENESS);
        assertThat(r.modelInput().extras()).containsEntry("file_search", "file_a,file_b");
        assertThat(r.modelUsed()).isEqualTo("gpt-4o");
        assertThat(r.runMode()).isEqualTo(RunMode.PRECISION);
        assertThat(r.modelInput().systemPrompt()).isEqualTo("s");
        assertThat(r.modelInput().groundTruth()).isEqualTo("g");
        assertThat(r.modelInput().context()).containsExactly(new ContextMessage("user", "earlier"));
        assertThat(in.warnings()).isEmpty();
    }
}
