package dev.railguard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad input gets a specific message at once: which field, what value, what is allowed. */
class RequestValidationTest {

    private static EvaluationRequest.Builder valid() {
        return EvaluationRequest.builder()
                .modelInput(ModelInput.ofUserPrompt("What is the capital of France?"))
                .modelOutput("Paris.")
                .metrics("correctness");
    }

    @Test
    void null_model_output_is_rejected_naming_the_field() {
        assertThatNullPointerException().isThrownBy(() -> valid().modelOutput(null).build())
                .withMessage("modelOutput must not be null");
    }

    @Test
    void an_empty_model_output_is_valid_input() {
        assertThat(valid().modelOutput("").build().modelOutput()).isEmpty();
    }

    @Test
    void neither_system_nor_user_prompt_is_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> ModelInput.builder().systemPrompt("  ").build())
                .withMessage("modelInput must have a systemPrompt or a userPrompt, but both were missing or blank");
    }

    @Test
    void a_system_prompt_alone_is_enough() {
        assertThat(ModelInput.builder().systemPrompt("Be brief.").build().userPrompt()).isNull();
    }

    @Test
    void no_metric_is_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> valid().metrics(List.of()).build())
                .withMessage("metrics must name at least one metric, but was: []");
    }

    @Test
    void a_metric_named_twice_is_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> valid().metrics("correctness", "correctness").build())
                .withMessage("metrics must not name a metric twice, but 'correctness' appears more than once in"
                        + " [correctness, correctness]");
    }

    @Test
    void a_threshold_above_one_is_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> valid().threshold("correctness", 1.5).build())
                .withMessage("thresholds['correctness'] must be between 0.0 and 1.0, but was: 1.5");
    }

    @Test
    void a_negative_threshold_is_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> valid().threshold("correctness", -0.1).build())
                .withMessage("thresholds['correctness'] must be between 0.0 and 1.0, but was: -0.1");
    }

    @Test
    void a_nan_threshold_is_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> valid().threshold("correctness", Double.NaN).build())
                .withMessage("thresholds['correctness'] must be between 0.0 and 1.0, but was: NaN");
    }

    @Test
    void a_threshold_for_a_metric_not_requested_is_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> valid().threshold("completeness", 0.5).build())
                .withMessage("thresholds names 'completeness', which is not among the requested metrics [correctness]");
    }

    @Test
    void an_unknown_run_mode_name_lists_the_valid_names() {
        assertThatIllegalArgumentException().isThrownBy(() -> valid().runMode("turbo"))
                .withMessage("runMode must be one of [ultra_fast, super_fast, fast, precision, precision_codex,"
                        + " precision_max, precision_max_codex], but was: 'turbo'");
    }

    @Test
    void run_modes_are_found_by_wire_name_and_enum_name() {
        assertThat(RunMode.fromWireName("precision_max_codex")).isEqualTo(RunMode.PRECISION_MAX_CODEX);
        assertThat(RunMode.fromWireName(" SUPER_FAST ")).isEqualTo(RunMode.SUPER_FAST);
        assertThat(valid().build().runMode()).isEqualTo(RunMode.FAST);
    }

    @Test
    void web_search_with_super_fast_is_rejected_with_the_reason() {
        assertThatIllegalArgumentException().isThrownBy(() -> valid().runMode(RunMode.SUPER_FAST)
                        .capabilities(Capability.WEB_SEARCH).build())
                .withMessage("capabilities [web_search] are not supported with runMode 'super_fast': ultra_fast and"
                        + " super_fast do not support Web Search or File Search (as in DeepRails); use fast or a"
                        + " precision mode, or drop the capability");
    }

    @Test
    void file_search_with_ultra_fast_is_rejected_with_the_reason() {
        assertThatIllegalArgumentException().isThrownBy(() -> valid().runMode(RunMode.ULTRA_FAST)
                        .capabilities(Capability.FILE_SEARCH, Capability.WEB_SEARCH).build())
                .withMessageStartingWith("capabilities [web_search, file_search] are not supported with runMode"
                        + " 'ultra_fast'");
    }

    @Test
    void search_is_allowed_from_fast_on() {
        assertThat(valid().runMode(RunMode.FAST).capabilities(Capability.WEB_SEARCH, Capability.FILE_SEARCH).build()
                .capabilities()).containsExactlyInAnyOrder(Capability.WEB_SEARCH, Capability.FILE_SEARCH);
    }

    @Test
    void context_awareness_without_context_messages_is_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> valid().capabilities(Capability.CONTEXT_AWARENESS).build())
                .withMessage("capabilities contains context_awareness, but modelInput.context is empty: give the"
                        + " conversation or agent state as context messages, or drop the capability");
    }

    @Test
    void context_awareness_with_context_messages_is_accepted() {
        EvaluationRequest r = valid()
                .modelInput(ModelInput.builder().userPrompt("2+2?").addContext("student", "Keep it short.").build())
                .capabilities(Capability.CONTEXT_AWARENESS).build();
        assertThat(r.has(Capability.CONTEXT_AWARENESS)).isTrue();
    }

    @Test
    void an_unknown_capability_name_lists_the_valid_names() {
        assertThatIllegalArgumentException().isThrownBy(() -> Capability.fromWireName("telepathy"))
                .withMessage("capability must be one of [web_search, file_search, context_awareness], but was:"
                        + " 'telepathy'");
    }

    @Test
    void a_blank_context_role_is_rejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> ContextMessage.of(" ", "hi"))
                .withMessage("context.role must not be blank, but was: ' '");
    }

    @Test
    void collections_are_copied_and_unmodifiable() {
        List<String> docs = new java.util.ArrayList<>(List.of("a"));
        ModelInput input = ModelInput.builder().userPrompt("q").documents(docs).build();
        docs.add("b");
        assertThat(input.documents()).containsExactly("a");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> input.documents().add("c"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
