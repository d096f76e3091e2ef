package dev.railguard.batch;

import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.JudgeLimits;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.api.Capability;
import dev.railguard.api.ContextMessage;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input across the public API and the batch line format: each case fails at once with an
 * {@link IllegalArgumentException} whose message names the field, the value and what is allowed. The expected texts
 * are whole messages, so a vaguer message fails the case.
 */
class BadInputSuiteTest {

    private static final String OK_INPUT = "\"model_input\":{\"user_prompt\":\"q\"},\"model_output\":\"a\"";

    private static ThrowingCallable line(String json) {
        return () -> BatchLines.parse(json, List.of(), RunMode.FAST);
    }

    private static ThrowingCallable event(String fields) {
        return line("{" + OK_INPUT + ",\"guardrail_metrics\":[\"x\"]," + fields + "}");
    }

    private static EvaluationRequest.Builder request() {
        return EvaluationRequest.builder().modelInput(ModelInput.ofUserPrompt("q")).modelOutput("a").metrics("x");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
            // --- batch lines: shape and types ---
            Arguments.of("line not an object", line("[1]"), "a line must be a JSON object, but was: array"),
            Arguments.of("line is a string", line("\"hi\""), "a line must be a JSON object, but was: string"),
            Arguments.of("model_input missing", line("{\"model_output\":\"a\"}"),
                    "model_input is required (an object with a system_prompt or a user_prompt), but was missing"),
            Arguments.of("model_input not object", line("{\"model_input\":[1],\"model_output\":\"a\"}"),
                    "model_input must be an object, but was: array [1]"),
            Arguments.of("user_prompt number", line("{\"model_input\":{\"user_prompt\":7},\"model_output\":\"a\"}"),
                    "model_input.user_prompt must be a string, but was: number 7"),
            Arguments.of("system_prompt bool", line("{\"model_input\":{\"system_prompt\":true},\"model_output\":\"a\"}"),
                    "model_input.system_prompt must be a string, but was: boolean true"),
            Arguments.of("ground_truth object", line("{\"model_input\":{\"user_prompt\":\"q\",\"ground_truth\":{}},"
                    + "\"model_output\":\"a\"}"), "model_input.ground_truth must be a string, but was: object {}"),
            Arguments.of("model_output missing", line("{\"model_input\":{\"user_prompt\":\"q\"},"
                    + "\"guardrail_metrics\":[\"x\"]}"),
                    "model_output is required (the output to evaluate, a string), but was missing"),
            Arguments.of("model_output number", line("{\"model_input\":{\"user_prompt\":\"q\"},\"model_output\":1}"),
                    "model_output must be a string, but was: number 1"),
            Arguments.of("model_used array", event("\"model_used\":[\"gpt\"]"),
                    "model_used must be a string, but was: array [\"gpt\"]"),
            Arguments.of("nametag number", event("\"nametag\":3"), "nametag must be a string, but was: number 3"),
            Arguments.of("run_mode unknown", event("\"run_mode\":\"turbo\""), "run_mode must be one of [ultra_fast,"
                    + " super_fast, fast, precision, precision_codex, precision_max, precision_max_codex], but was:"
                    + " 'turbo'"),
            Arguments.of("run_mode number", event("\"run_mode\":2"), "run_mode must be a string, but was: number 2"),
            Arguments.of("misspelt run_mod", event("\"run_mod\":\"fast\""), "unknown field 'run_mod'; the fields"
                    + " allowed here are [capabilities, context_awareness, file_search, guardrail_metrics, id,"
                    + " model_input, model_output, model_used, nametag, run_mode, web_search]"),
            Arguments.of("unknown model_input field", line("{\"model_input\":{\"user_prompt\":\"q\",\"prompt\":\"p\"},"
                    + "\"model_output\":\"a\"}"), "unknown field 'model_input.prompt'; the fields allowed here are"
                    + " [context, documents, extras, ground_truth, system_prompt, tool_calls, user_prompt]"),
            Arguments.of("duplicate key", line("{" + OK_INPUT + ",\"nametag\":\"a\",\"nametag\":\"b\"}"),
                    "duplicate field 'nametag'; each field may appear once"),
            Arguments.of("web_search string", event("\"web_search\":\"yes\""),
                    "web_search must be a boolean (true or false), but was: string \"yes\""),
            Arguments.of("context_awareness number", event("\"context_awareness\":1"),
                    "context_awareness must be a boolean (true or false), but was: number 1"),
            Arguments.of("file_search string", event("\"file_search\":\"doc_1\""),
                    "file_search must be a list of file ids or a boolean, but was: string \"doc_1\""),
            Arguments.of("file_search id number", event("\"file_search\":[\"doc_1\",5]"),
                    "file_search[1] must be a file id (a non-blank string without commas), but was: number 5"),
            Arguments.of("file_search blank id", event("\"file_search\":[\" \"]"),
                    "file_search[0] must be a file id (a non-blank string without commas), but was: string \" \""),
            Arguments.of("capabilities string", event("\"capabilities\":\"web_search\""),
                    "capabilities must be an array of capability names, but was: string \"web_search\""),
            Arguments.of("capabilities entry number", event("\"capabilities\":[3]"), "capabilities[0] must be a"
                    + " capability name or {\"capability\": name}, one of [web_search, file_search,"
                    + " context_awareness], but was: number 3"),
            Arguments.of("capability unknown", event("\"capabilities\":[\"telepathy\"]"),
                    "capability must be one of [web_search, file_search, context_awareness], but was: 'telepathy'"),
            Arguments.of("id object", event("\"id\":{}"), "id must be a string or an integer, but was: object {}"),
            Arguments.of("context not array", line("{\"model_input\":{\"user_prompt\":\"q\",\"context\":\"c\"},"
                    + "\"model_output\":\"a\"}"), "model_input.context must be an array of {role, content}, but was:"
                    + " string \"c\""),
            Arguments.of("context entry string", line("{\"model_input\":{\"user_prompt\":\"q\",\"context\":"
                    + "[{\"role\":\"user\",\"content\":\"c\"},\"hi\"]},\"model_output\":\"a\"}"),
                    "model_input.context[1] must be an object {role, content}, but was: string \"hi\""),
            Arguments.of("context content number", line("{\"model_input\":{\"user_prompt\":\"q\",\"context\":"
                    + "[{\"role\":\"user\",\"content\":5}]},\"model_output\":\"a\"}"),
                    "model_input.context[0].content must be a string, but was: number 5"),
            Arguments.of("context unknown field", line("{\"model_input\":{\"user_prompt\":\"q\",\"context\":"
                    + "[{\"role\":\"user\",\"text\":\"c\"}]},\"model_output\":\"a\"}"), "unknown field"
                    + " 'model_input.context[0].text'; the fields allowed here are [content, role]"),
            Arguments.of("documents entry number", line("{\"model_input\":{\"user_prompt\":\"q\",\"documents\":[1]},"
                    + "\"model_output\":\"a\"}"), "model_input.documents[0] must be a string or {content}, but was:"
                    + " number 1"),
            Arguments.of("metrics entry number", line("{" + OK_INPUT + ",\"guardrail_metrics\":[\"x\",2]}"),
                    "guardrail_metrics[1] must be a metric name (a string), but was: number 2"),
            Arguments.of("metrics threshold string", line("{" + OK_INPUT + ",\"guardrail_metrics\":{\"x\":\"high\"}}"),
                    "guardrail_metrics['x'] must be a threshold number or null, but was: string \"high\""),
            Arguments.of("metrics threshold out of range", line("{" + OK_INPUT + ",\"guardrail_metrics\":{\"x\":1.5}}"),
                    "thresholds['x'] must be between 0.0 and 1.0, but was: 1.5"),
            Arguments.of("metrics number", line("{" + OK_INPUT + ",\"guardrail_metrics\":5}"),
                    "guardrail_metrics must be an array of metric names or an object of names to thresholds, but was:"
                    + " number 5"),
            Arguments.of("lone surrogate", line("{\"model_input\":{\"user_prompt\":\"q\\udc00\"},\"model_output\":\"a\"}"),
                    "model_input.user_prompt holds a lone surrogate (\\udc00) at index 1; text must be valid Unicode"
                    + " (surrogates only in pairs)"),
            Arguments.of("escaped NUL", line("{\"model_input\":{\"user_prompt\":\"q\"},\"model_output\":\"a\\u0000\"}"),
                    "model_output holds a NUL character at index 1; text may not contain \\u0000"),
            Arguments.of("web search in super_fast", event("\"run_mode\":\"super_fast\",\"web_search\":true"),
                    "capabilities [web_search] are not supported with runMode 'super_fast': ultra_fast and super_fast"
                    + " do not support Web Search or File Search (as in DeepRails); use fast or a precision mode, or"
                    + " drop the capability"),

            // --- public API ---
            Arguments.of("runMode name", (ThrowingCallable) () -> RunMode.fromWireName("fastest"), "runMode must be"
                    + " one of [ultra_fast, super_fast, fast, precision, precision_codex, precision_max,"
                    + " precision_max_codex], but was: 'fastest'"),
            Arguments.of("capability name", (ThrowingCallable) () -> Capability.fromWireName("web"),
                    "capability must be one of [web_search, file_search, context_awareness], but was: 'web'"),
            Arguments.of("threshold above 1", (ThrowingCallable) () -> request().threshold("x", 1.2).build(),
                    "thresholds['x'] must be between 0.0 and 1.0, but was: 1.2"),
            Arguments.of("threshold NaN", (ThrowingCallable) () -> request().threshold("x", Double.NaN).build(),
                    "thresholds['x'] must be between 0.0 and 1.0, but was: NaN"),
            Arguments.of("threshold for a metric not requested", (ThrowingCallable) () -> request()
                    .threshold("y", 0.5).build(), "thresholds names 'y', which is not among the requested metrics [x]"),
            Arguments.of("metric twice", (ThrowingCallable) () -> EvaluationRequest.builder()
                    .modelInput(ModelInput.ofUserPrompt("q")).modelOutput("a").metrics("x", "x").build(),
                    "metrics must not name a metric twice, but 'x' appears more than once in [x, x]"),
            Arguments.of("no metric", (ThrowingCallable) () -> EvaluationRequest.builder()
                    .modelInput(ModelInput.ofUserPrompt("q")).modelOutput("a").metrics(List.of()).build(),
                    "metrics must name at least one metric, but was: []"),
            Arguments.of("no prompt", (ThrowingCallable) () -> ModelInput.builder().groundTruth("g").build(),
                    "modelInput must have a systemPrompt or a userPrompt, but both were missing or blank"),
            Arguments.of("context awareness without context", (ThrowingCallable) () -> request()
                    .capabilities(Capability.CONTEXT_AWARENESS).build(), "capabilities contains context_awareness,"
                    + " but modelInput.context is empty: give the conversation or agent state as context messages, or"
                    + " drop the capability"),
            Arguments.of("blank context role", (ThrowingCallable) () -> new ContextMessage(" ", "c"),
                    "context.role must not be blank, but was: ' '"),
            Arguments.of("maxCallAttempts 0", (ThrowingCallable) () -> RailguardEvaluator.builder().maxCallAttempts(0),
                    "maxCallAttempts must be between 1 and 20, but was: 0"),
            Arguments.of("maxCallAttempts 21", (ThrowingCallable) () -> RailguardEvaluator.builder()
                    .maxCallAttempts(21), "maxCallAttempts must be between 1 and 20, but was: 21"),
            Arguments.of("negative backoff", (ThrowingCallable) () -> RailguardEvaluator.builder()
                    .retryBackoff(Duration.ofMillis(-1), Duration.ofSeconds(1)),
                    "retryBackoff initial must be positive, but was: PT-0.001S"),
            Arguments.of("backoff max below initial", (ThrowingCallable) () -> RailguardEvaluator.builder()
                    .retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)),
                    "retryBackoff max must be at least PT2S, but was: PT1S"),
            Arguments.of("judge output tokens 15", (ThrowingCallable) () -> RailguardEvaluator.builder()
                    .maxJudgeOutputTokens(15), "maxJudgeOutputTokens must be at least 16, but was: 15"),
            Arguments.of("judge calls 0", (ThrowingCallable) () -> RailguardEvaluator.builder()
                    .maxConcurrentJudgeCalls(0), "maxConcurrentJudgeCalls must be at least 1, but was: 0"),
            Arguments.of("calls per judge 0", (ThrowingCallable) () -> RailguardEvaluator.builder()
                    .maxConcurrentCallsPerJudge(0), "maxConcurrentCallsPerJudge must be at least 1, but was: 0"),
            Arguments.of("evaluations in flight 0", (ThrowingCallable) () -> RailguardEvaluator.builder()
                    .maxInFlightEvaluations(0), "maxInFlightEvaluations must be at least 1, but was: 0"),
            Arguments.of("tool round trips 11", (ThrowingCallable) () -> RailguardEvaluator.builder()
                    .maxToolRoundTrips(11), "maxToolRoundTrips must be between 1 and 10, but was: 11"),
            Arguments.of("negative request budget", (ThrowingCallable) () -> new JudgeLimits(1, -1, 0),
                    "requestsPerMinute (0: no budget) must be at least 0, but was: -1"),
            Arguments.of("negative token budget", (ThrowingCallable) () -> new JudgeLimits(1, 0, -1),
                    "tokensPerMinute (0: no budget) must be at least 0, but was: -1"),
            Arguments.of("cacheMaximumSize 0", (ThrowingCallable) () -> RailguardEvaluator.builder()
                    .cacheMaximumSize(0), "cacheMaximumSize must be at least 1, but was: 0"),
            Arguments.of("zero cache expiry", (ThrowingCallable) () -> RailguardEvaluator.builder()
                    .cacheExpiry(Duration.ZERO), "cacheExpiry must be positive, but was: PT0S"),
            Arguments.of("judge concurrency 0", (ThrowingCallable) () -> JudgeLimits.ofConcurrency(0),
                    "maxConcurrency must be at least 1, but was: 0"),
            Arguments.of("batch maxInFlight 0", (ThrowingCallable) () -> BatchEvaluator.builder().maxInFlight(0),
                    "maxInFlight must be between 1 and 10000, but was: 0"),
            Arguments.of("batch logEvery 0", (ThrowingCallable) () -> BatchEvaluator.builder().logEvery(0),
                    "logEvery must be at least 1, but was: 0"),
            Arguments.of("batch maxLineBytes", (ThrowingCallable) () -> BatchEvaluator.builder().maxLineBytes(100),
                    "maxLineBytes must be between 1024 and 67108864, but was: 100"),
            Arguments.of("batch output is input", (ThrowingCallable) () -> BatchEvaluator.builder()
                    .evaluator(RailguardEvaluator.builder().build()).input(Path.of("/tmp/x/in.jsonl"))
                    .output(Path.of("/tmp/x/./in.jsonl")).build(), "output must be another file than input, but"
                    + " both are: '/tmp/x/in.jsonl'; the run would overwrite what it reads"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bad_input_fails_at_once_naming_field_value_and_what_is_allowed(String name, ThrowingCallable call,
            String message) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
