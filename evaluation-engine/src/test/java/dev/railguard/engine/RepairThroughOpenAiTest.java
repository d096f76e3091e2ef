package dev.railguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.Diagnostic;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.Verdict;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A reply that breaks the schema gets exactly one repair call; a second bad reply is ERROR, and the other metrics still
 * finish. A reply broken in transport (not JSON at all, cut off before the token cap) gets a fresh attempt instead.
 */
class RepairThroughOpenAiTest {

    private static final String GOOD = JudgeReplies.units()
            .unit("Paris is the capital of France.", "Y", "certain", "Known.")
            .unit("It has 80 million inhabitants.", "N", "high", "About 2 million.").json();

    private StubOpenAiServer server;
    private RailguardEvaluator evaluator;

    @AfterEach
    void stop() {
        if (evaluator != null) {
            evaluator.close();
        }
        server.close();
    }

    /** Starts the stub with, per metric (schema name), a list of replies served in order. */
    private void start(Map<String, List<StubReply>> script) {
        Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
        Function<RecordedRequest, StubReply> responder = request -> {
            String metric = request.schemaName().replace("railguard_", "").replace("_units", "");
            List<StubReply> replies = script.get(metric);
            int i = served.computeIfAbsent(metric, m -> new AtomicInteger()).getAndIncrement();
            return replies.get(Math.min(i, replies.size() - 1));
        };
        server = StubOpenAiServer.start(responder);
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").modelName("judge-1")
                .maxRetries(0).timeout(Duration.ofSeconds(10)).build();
        evaluator = RailguardEvaluator.builder()
                .judges(JudgePanel.single("judge", model))
                .metrics(MetricRegistry.of(TestMetrics.judged("alpha", Set.of()), TestMetrics.judged("beta", Set.of())))
                .build();
    }

    private EvaluationResult evaluate() {
        return evaluator.evaluate(EvaluationRequest.builder()
                .modelInput(ModelInput.ofUserPrompt("Tell me about Paris."))
                .modelOutput("Paris is the capital of France. It has 80 million inhabitants.")
                .metrics("alpha", "beta")
                .build());
    }

    private List<RecordedRequest> requestsFor(String metric) {
        return server.requests().stream().filter(r -> r.schemaName().equals("railguard_" + metric + "_units")).toList();
    }

    @Test
    void a_reply_that_breaks_the_schema_then_a_good_one_gives_a_result_after_one_repair_call() {
        start(Map.of("alpha", List.of(StubReply.content("Sure! {\"units\": 7}"), StubReply.content(GOOD)),
                "beta", List.of(StubReply.content(GOOD))));

        EvaluationResult result = evaluate();

        MetricResult alpha = result.metric("alpha");
        assertThat(alpha.verdict()).isEqualTo(Verdict.PASS);
        assertThat(alpha.score().getAsDouble()).isEqualTo(0.5);
        assertThat(requestsFor("alpha")).hasSize(2);
        // the repair call carries the bad reply and says what was wrong with it
        RecordedRequest repair = requestsFor("alpha").get(1);
        assertThat(repair.messages("assistant")).containsExactly("Sure! {\"units\": 7}");
        assertThat(repair.messages("user").get(1)).startsWith("Your reply could not be used: the JSON does not match"
                + " the schema: $.units must be an array.");
        assertThat(alpha.diagnostics()).anySatisfy(d -> assertThat(d.message()).startsWith(
                "judge 'judge' needed a repair call: the JSON does not match the schema"));
        assertThat(alpha.usage().judgeCalls()).isEqualTo(2);
        assertThat(result.metric("beta").usage().judgeCalls()).isEqualTo(1);
    }

    @Test
    void a_reply_broken_in_transport_gets_a_fresh_attempt_not_a_repair_call() {
        start(Map.of("alpha", List.of(StubReply.content("Sure! {\"units\": [ {\"text\": oops"),
                        StubReply.truncated("{\"units\":[{\"text\":\""), StubReply.content(GOOD)),
                "beta", List.of(StubReply.content(GOOD))));

        MetricResult alpha = evaluate().metric("alpha");

        assertThat(alpha.verdict()).isEqualTo(Verdict.PASS);
        assertThat(requestsFor("alpha")).hasSize(3).allSatisfy(r -> {
            assertThat(r.messages("assistant")).isEmpty();
            assertThat(r.messages("user")).hasSize(1);
        });
        assertThat(alpha.diagnostics()).noneSatisfy(d -> assertThat(d.message()).contains("repair"));
        assertThat(alpha.usage().judgeCalls()).isEqualTo(3);
    }

    @Test
    void replies_that_break_the_schema_twice_give_error_with_the_raw_replies_and_the_other_metric_still_finishes() {
        start(Map.of("alpha", List.of(StubReply.content("not json at all"), StubReply.content("{\"units\": 7}"),
                        StubReply.content("{\"units\": 8}")),
                "beta", List.of(StubReply.content(GOOD))));

        EvaluationResult result = evaluate();

        MetricResult alpha = result.metric("alpha");
        assertThat(alpha.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(alpha.score()).isEmpty();
        assertThat(alpha.rationale()).isEqualTo("judge 'judge' gave no usable reply after one repair call: the JSON"
                + " does not match the schema: $.units must be an array (first problem: the JSON does not match the"
                + " schema: $.units must be an array)");
        assertThat(alpha.diagnostics()).contains(
                Diagnostic.error("raw reply of judge 'judge' (first attempt): {\"units\": 7}"),
                Diagnostic.error("raw reply of judge 'judge' (repair attempt): {\"units\": 8}"));
        // the reply that was not JSON at all was sent again; the schema break got exactly one repair call
        assertThat(requestsFor("alpha")).hasSize(3);
        assertThat(result.metric("beta").verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.passed()).isFalse();
    }

    @Test
    void a_reply_cut_off_at_the_token_cap_is_a_failure_not_a_result() {
        StubReply atTheCap = StubReply.completion(GOOD, "length", 100, 2048);
        start(Map.of("alpha", List.of(atTheCap, atTheCap), "beta", List.of(StubReply.content(GOOD))));

        MetricResult alpha = evaluate().metric("alpha");

        // even though the truncated text happens to parse, finish reason LENGTH is never taken as a result; a reply
        // that filled the cap would fill it again, so it goes to the repair call, not to a fresh attempt
        assertThat(alpha.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(alpha.rationale()).contains("the reply was cut off at the token cap of 2048 (finish reason LENGTH)");
        assertThat(requestsFor("alpha")).hasSize(2);
    }

    @Test
    void an_http_error_is_an_error_verdict_that_names_the_cause() {
        start(Map.of("alpha", List.of(StubReply.status(401)), "beta", List.of(StubReply.content(GOOD))));

        EvaluationResult result = evaluate();

        assertThat(result.metric("alpha").verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.metric("alpha").rationale()).startsWith("judge 'judge' call failed: AuthenticationException");
        assertThat(result.metric("beta").verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void an_empty_unit_list_is_an_error_not_a_pass() {
        start(Map.of("alpha", List.of(StubReply.content("{\"units\":[]}")), "beta", List.of(StubReply.content(GOOD))));

        MetricResult alpha = evaluate().metric("alpha");

        assertThat(alpha.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(alpha.rationale()).isEqualTo("the judge found no claim units to score; an empty unit list is not a pass");
    }
}
