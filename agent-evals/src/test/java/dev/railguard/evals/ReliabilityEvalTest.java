package dev.railguard.evals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.evals.internal.EvalJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reliability matching (Agno's test_reliability_eval, where LangChain4j has the concept) plus order, counts, matchers. */
class ReliabilityEvalTest {

    private static ToolCall ok(String name, Object... kv) {
        return ToolCall.of(name, args(kv));
    }

    private static ToolCall err(String name, Object... kv) {
        return new ToolCall(name, args(kv), true);
    }

    private static Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static ReliabilityResult check(ReliabilityEval.Builder b, ToolCall... calls) {
        return b.build().check(List.of(calls));
    }

    private static ReliabilityEval.Builder expect(String... tools) {
        return ReliabilityEval.builder().expectedToolCalls(tools);
    }

    @Test
    void exact_match_passes() {
        ReliabilityResult r = check(expect("multiply"), ok("multiply"));
        assertThat(r.evalStatus()).isEqualTo(EvalStatus.PASSED);
        assertThat(r.passedToolCalls()).containsExactly("multiply");
    }

    @Test
    void exact_match_fails_on_unexpected_tool() {
        ReliabilityResult r = check(expect("multiply"), ok("multiply"), ok("exponentiate"));
        assertThat(r.evalStatus()).isEqualTo(EvalStatus.FAILED);
        assertThat(r.failedToolCalls()).containsExactly("exponentiate");
    }

    @Test
    void fails_on_missing_expected_tool_and_when_no_tools_called() {
        assertThat(check(expect("multiply", "exponentiate"), ok("multiply")).missingToolCalls())
                .containsExactly("exponentiate");
        ReliabilityResult none = check(expect("multiply"));
        assertThat(none.evalStatus()).isEqualTo(EvalStatus.FAILED);
        assertThat(none.missingToolCalls()).containsExactly("multiply");
    }

    @Test
    void errored_execution_does_not_pass_and_is_annotated() {
        ReliabilityResult r = check(expect("search"), err("search"));
        assertThat(r.evalStatus()).isEqualTo(EvalStatus.FAILED);
        assertThat(r.passedToolCalls()).isEmpty();
        assertThat(r.missingToolCalls()).containsExactly("search (executed but failed)");
        assertThatThrownBy(r::assertPassed).isInstanceOf(AssertionError.class)
                .hasMessageContaining("missingToolCalls=[search (executed but failed)]");
    }

    @Test
    void retry_that_succeeds_still_passes() {
        ReliabilityResult r = check(expect("search"), err("search"), ok("search"));
        assertThat(r.evalStatus()).isEqualTo(EvalStatus.PASSED);
        assertThat(r.passedToolCalls()).containsExactly("search");
    }

    @Test
    void strict_mode_fails_on_errored_additional_call() {
        ReliabilityResult r = check(expect("multiply"), ok("multiply"), err("exponentiate"));
        assertThat(r.evalStatus()).isEqualTo(EvalStatus.FAILED);
        assertThat(r.failedToolCalls()).containsExactly("exponentiate");
    }

    @Test
    void subset_matching_passes_with_extra_calls_and_still_fails_on_missing() {
        ReliabilityResult extra = check(expect("multiply").allowAdditionalToolCalls(true), ok("multiply"),
                ok("exponentiate"));
        assertThat(extra.evalStatus()).isEqualTo(EvalStatus.PASSED);
        assertThat(extra.additionalToolCalls()).containsExactly("exponentiate");
        assertThat(check(expect("multiply").allowAdditionalToolCalls(true), ok("exponentiate")).evalStatus())
                .isEqualTo(EvalStatus.FAILED);
    }

    @Test
    void empty_expected_list_in_strict_mode_forbids_any_call_and_no_list_checks_only_arguments() {
        assertThat(check(expect(), ok("search")).failedToolCalls()).containsExactly("search");
        assertThat(check(expect()).evalStatus()).isEqualTo(EvalStatus.PASSED);
        ReliabilityResult noList = check(ReliabilityEval.builder(), ok("a"), ok("b"));
        assertThat(noList.evalStatus()).isEqualTo(EvalStatus.PASSED);
        assertThat(noList.passedToolCalls()).containsExactly("a", "b");
    }

    @Test
    void argument_validation_passes_partially_and_with_numeric_normalisation() {
        assertThat(check(expect("multiply").arguments("multiply", Map.of("a", 10, "b", 5)),
                ok("multiply", "a", 10, "b", 5)).evalStatus()).isEqualTo(EvalStatus.PASSED);
        assertThat(check(expect("multiply").arguments("multiply", Map.of("a", 10)),
                ok("multiply", "a", 10, "b", 5, "c", 99)).evalStatus()).isEqualTo(EvalStatus.PASSED);
        ReliabilityResult normalised = check(expect("multiply").arguments("multiply", Map.of("a", 10.0)),
                ok("multiply", "a", 10));
        assertThat(normalised.evalStatus()).isEqualTo(EvalStatus.PASSED);
        assertThat(normalised.passedArgumentChecks()).containsExactly("multiply");
        assertThat(check(expect("f").arguments("f", Map.of("x", "10")), ok("f", "x", 10)).evalStatus())
                .as("no coercion between strings and numbers").isEqualTo(EvalStatus.FAILED);
        assertThat(check(expect("f").arguments("f", Map.of("xs", List.of(1, 2.0), "o", Map.of("k", 3))),
                ok("f", "xs", List.of(1.0, 2), "o", Map.of("k", 3.0))).evalStatus()).isEqualTo(EvalStatus.PASSED);
    }

    @Test
    void argument_validation_fails_on_wrong_args_on_errored_executions_and_on_missing_arguments() {
        ReliabilityResult wrong = check(expect("multiply").arguments("multiply", Map.of("a", 10, "b", 5)),
                ok("multiply", "a", 10, "b", 3));
        assertThat(wrong.evalStatus()).isEqualTo(EvalStatus.FAILED);
        assertThat(wrong.failedArgumentChecks()).singleElement().asString()
                .startsWith("multiply: no successful call matched {").contains("a: 10").contains("b: 5");
        ReliabilityResult onlyErrored = check(expect("multiply").arguments("multiply", Map.of("a", 10, "b", 5)),
                err("multiply", "a", 10, "b", 5), ok("multiply", "a", 1, "b", 1));
        assertThat(onlyErrored.evalStatus()).isEqualTo(EvalStatus.FAILED);
        assertThat(check(expect("multiply").arguments("multiply", Map.of("a", 10)), ok("multiply")).evalStatus())
                .isEqualTo(EvalStatus.FAILED);
    }

    @Test
    void argument_validation_fails_when_tool_not_called_without_expected_list() {
        ReliabilityResult r = check(ReliabilityEval.builder().allowAdditionalToolCalls(true)
                .arguments("multiply", Map.of("a", 10)), ok("add"));
        assertThat(r.evalStatus()).isEqualTo(EvalStatus.FAILED);
        assertThat(r.failedArgumentChecks()).containsExactly("multiply: no successful call to check {a: 10} against");
    }

    @Test
    void multiple_calls_any_match_and_multiple_specs_each_need_a_call() {
        assertThat(check(expect("multiply").arguments("multiply", Map.of("a", 10, "b", 5)),
                ok("multiply", "a", 1, "b", 2), ok("multiply", "a", 10, "b", 5)).evalStatus())
                .isEqualTo(EvalStatus.PASSED);
        ReliabilityEval.Builder twoSpecs = expect("add").arguments("add", Map.of("a", 2, "b", 2))
                .arguments("add", Map.of("a", 3, "b", 3));
        assertThat(check(twoSpecs, ok("add", "a", 2, "b", 2), ok("add", "a", 3, "b", 3)).evalStatus())
                .isEqualTo(EvalStatus.PASSED);
        assertThat(check(twoSpecs, ok("add", "a", 2, "b", 2)).evalStatus()).isEqualTo(EvalStatus.FAILED);
    }

    @Test
    void missing_tool_not_double_counted_in_argument_checks() {
        ReliabilityResult r = check(expect("multiply").allowAdditionalToolCalls(true)
                .arguments("multiply", Map.of("a", 10)), ok("add"));
        assertThat(r.missingToolCalls()).containsExactly("multiply");
        assertThat(r.failedArgumentChecks()).isEmpty();
    }

    @Test
    void collects_all_calls_duplicates_satisfied_once_and_one_passed_entry_per_execution() {
        assertThat(check(expect("add", "subtract", "multiply"), ok("add"), ok("subtract"), ok("multiply"))
                .missingToolCalls()).isEmpty();
        assertThat(check(expect("search", "search"), ok("search")).evalStatus()).isEqualTo(EvalStatus.PASSED);
        assertThat(check(expect("search"), ok("search"), ok("search")).passedToolCalls())
                .containsExactly("search", "search");
    }

    @Test
    void does_not_mutate_the_calls() {
        List<ToolCall> calls = new ArrayList<>(List.of(ok("multiply", "a", 10), ok("add")));
        List<ToolCall> before = List.copyOf(calls);
        expect("multiply").arguments("multiply", Map.of("a", 10)).build().check(calls);
        assertThat(calls).isEqualTo(before);
    }

    @Test
    void exact_order_and_subsequence_order() {
        ReliabilityEval.Builder exact = expect("search", "summarise").order(ReliabilityEval.Order.EXACT);
        assertThat(check(exact, ok("search"), ok("summarise")).evalStatus()).isEqualTo(EvalStatus.PASSED);
        ReliabilityResult swapped = check(exact, ok("summarise"), ok("search"));
        assertThat(swapped.failedConstraints()).containsExactly(
                "order: expected exactly [search, summarise], but the successful calls were [summarise, search]");
        assertThat(check(exact, ok("search"), ok("search"), ok("summarise")).evalStatus())
                .as("exact means no repeats").isEqualTo(EvalStatus.FAILED);
        ReliabilityEval.Builder sub = expect("search", "summarise").allowAdditionalToolCalls(true)
                .order(ReliabilityEval.Order.SUBSEQUENCE);
        assertThat(check(sub, ok("search"), ok("lookup"), ok("search"), ok("summarise")).evalStatus())
                .isEqualTo(EvalStatus.PASSED);
        assertThat(check(sub, ok("summarise"), ok("search")).failedConstraints()).containsExactly(
                "order: expected [search, summarise] in this order, but the successful calls were [summarise, search]");
        assertThatThrownBy(() -> ReliabilityEval.builder().order(ReliabilityEval.Order.EXACT).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order EXACT needs a non-empty expectedToolCalls list");
    }

    @Test
    void count_constraints_count_successful_calls() {
        ReliabilityEval.Builder once = expect("search").count("search", 1, 1);
        assertThat(check(once, err("search"), ok("search")).evalStatus()).isEqualTo(EvalStatus.PASSED);
        assertThat(check(once, ok("search"), ok("search")).failedConstraints())
                .containsExactly("count: search was called successfully 2 times, allowed 1..1");
        assertThat(check(ReliabilityEval.builder().count("delete_db", 0, 0), ok("delete_db")).evalStatus())
                .as("a forbidden tool").isEqualTo(EvalStatus.FAILED);
        assertThatThrownBy(() -> ReliabilityEval.builder().count("x", 2, 1))
                .hasMessage("count for x must satisfy 0 <= min <= max, but was: 2..1");
    }

    @Test
    void regex_and_custom_predicate_matchers() {
        ReliabilityEval.Builder b = expect("search")
                .arguments("search", Map.of("query", ArgumentMatcher.regex("(?i).*refund.*"),
                        "k", ArgumentMatcher.matching("k between 1 and 10",
                                v -> ((Number) v).intValue() >= 1 && ((Number) v).intValue() <= 10)));
        assertThat(check(b, ok("search", "query", "Refund policy", "k", 5)).evalStatus()).isEqualTo(EvalStatus.PASSED);
        ReliabilityResult r = check(b, ok("search", "query", "shipping", "k", 5));
        assertThat(r.failedArgumentChecks()).singleElement().asString()
                .contains("query: matching /(?i).*refund.*/").contains("k: k between 1 and 10");
        assertThat(check(b, ok("search", "query", "refund", "k", "five")).evalStatus())
                .as("a predicate that throws is a mismatch").isEqualTo(EvalStatus.FAILED);
    }

    @Test
    void result_serialises_with_agnos_keys() throws Exception {
        EvalRun run = expect("multiply").name("calc").build().evaluate(List.of(ok("multiply")));
        var json = EvalJson.MAPPER.readTree(run.toJson());
        assertThat(json.path("eval_type").asText()).isEqualTo("reliability");
        assertThat(json.path("eval_data").path("eval_status").asText()).isEqualTo("PASSED");
        assertThat(json.path("eval_data").path("passed_tool_calls").get(0).asText()).isEqualTo("multiply");
        assertThat(json.path("eval_data").path("failed_tool_calls").isArray()).isTrue();
        assertThat(json.path("eval_data").has("missing_tool_calls")).isTrue();
        assertThat(json.path("eval_input").path("expected_tool_calls").get(0).asText()).isEqualTo("multiply");
        assertThat(json.path("eval_input").path("allow_additional_tool_calls").asBoolean()).isFalse();
    }

    @Test
    void an_agent_that_throws_or_hangs_is_an_error_not_a_tool_verdict() {
        EvalRun thrown = expect("search").build().run(Subject.of(in -> {
            throw new IllegalStateException("model down");
        }), "q");
        assertThat(thrown.status()).isEqualTo(EvalStatus.ERROR);
        assertThat(((ReliabilityResult) thrown.evalData()).failedConstraints())
                .containsExactly("agent: IllegalStateException: model down");
        EvalRun hung = expect("search").timeout(java.time.Duration.ofMillis(200)).build().run(Subject.of(in -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "late";
        }), "q");
        assertThat(((ReliabilityResult) hung.evalData()).failedConstraints())
                .containsExactly("timeout: exceeded 200 ms");
    }
}
