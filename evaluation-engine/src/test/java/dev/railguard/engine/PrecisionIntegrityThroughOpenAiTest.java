package dev.railguard.engine;

import dev.railguard.engine.internal.runmode.PrecisionStrategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.api.Verdict;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A precision score is never computed over part of the units, and every pass is a call of its own. */
class PrecisionIntegrityThroughOpenAiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private StubOpenAiServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private static StubReply partition(int units) {
        JudgeReplies reply = JudgeReplies.units();
        for (int i = 1; i <= units; i++) {
            reply.unit("claim " + i, "Y", "high", "");
        }
        return StubReply.content(reply.json());
    }

    /** Verdicts Y/high for ids 1..{@code upTo}. */
    private static StubReply verdicts(int upTo) {
        ObjectNode root = JSON.createObjectNode();
        for (int id = 1; id <= upTo; id++) {
            root.withArray("verdicts").addObject().put("id", id).put("verdict", "Y").put("confidence", "high")
                    .put("reason", "ok");
        }
        return StubReply.content(root.toString());
    }

    private RailguardEvaluator evaluator(Function<RecordedRequest, StubReply> responder,
            java.util.function.UnaryOperator<RailguardEvaluator.Builder> more) {
        server = StubOpenAiServer.start(responder);
        JudgePanel panel = JudgePanel.builder().standard("std-1", model("std-1")).standard("std-2", model("std-2"))
                .strong("strong-1", model("strong-1")).build();
        return more.apply(RailguardEvaluator.builder().judges(panel).maxCallAttempts(1)
                .metrics(MetricRegistry.of(TestMetrics.claims("facts", false)))).build();
    }

    private OpenAiChatModel model(String name) {
        return OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").modelName(name).maxRetries(0)
                .timeout(Duration.ofSeconds(10)).build();
    }

    private static EvaluationResult evaluate(RailguardEvaluator evaluator, RunMode mode) {
        return evaluator.evaluate(EvaluationRequest.builder().modelInput(ModelInput.ofUserPrompt("Q"))
                .modelOutput("claim one. claim two. claim three.").runMode(mode).metrics("facts").build());
    }

    @Test
    void verifiers_that_leave_a_unit_without_a_verdict_get_a_repair_call_and_then_error_not_a_partial_pass() {
        // three units; every verifier judges only the first two, all Y: a score over those two would be a PASS
        try (RailguardEvaluator evaluator = evaluator(r -> r.schemaName().startsWith("railguard_partition_")
                ? partition(3) : verdicts(2), b -> b)) {

            MetricResult facts = evaluate(evaluator, RunMode.PRECISION).metric("facts");

            assertThat(facts.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(facts.rationale()).isEqualTo("every verify call failed; first: judge 'std-1' gave no usable reply"
                    + " after one repair call: verdicts must give a verdict for every unit id from 1 to 3, but ids [3]"
                    + " have none (first problem: verdicts must give a verdict for every unit id from 1 to 3, but ids"
                    + " [3] have none)");
            // partition + 2 verifiers x (call + one repair call quoting the missing id)
            assertThat(server.requestCount()).isEqualTo(5);
            assertThat(server.requests()).filteredOn(r -> r.schemaName().endsWith("_verify"))
                    .filteredOn(r -> r.userText().contains("Your reply could not be used: verdicts must give a verdict"
                            + " for every unit id from 1 to 3, but ids [3] have none"))
                    .hasSize(2);
        }
    }

    @Test
    void a_verifier_that_answers_the_missing_unit_on_repair_is_counted() {
        java.util.concurrent.atomic.AtomicInteger verifyCalls = new java.util.concurrent.atomic.AtomicInteger();
        try (RailguardEvaluator evaluator = evaluator(r -> r.schemaName().startsWith("railguard_partition_")
                ? partition(3) : verifyCalls.incrementAndGet() <= 2 ? verdicts(2) : verdicts(3), b -> b)) {

            MetricResult facts = evaluate(evaluator, RunMode.PRECISION).metric("facts");

            assertThat(facts.verdict()).isEqualTo(Verdict.PASS);
            assertThat(facts.units()).hasSize(3);
        }
    }

    @Test
    void an_output_with_more_units_than_can_be_judged_cannot_pass_on_the_judged_part() {
        int units = PrecisionStrategy.MAX_UNITS + 1;
        try (RailguardEvaluator evaluator = evaluator(r -> r.schemaName().startsWith("railguard_partition_")
                ? partition(units) : verdicts(PrecisionStrategy.MAX_UNITS), b -> b)) {

            MetricResult facts = evaluate(evaluator, RunMode.PRECISION).metric("facts");

            assertThat(facts.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(facts.rationale()).isEqualTo("the partition found 61 units and only the first 60 were judged,"
                    + " all passing; an output whose other units were not judged cannot pass");
        }
    }

    @Test
    void every_pass_of_precision_max_is_its_own_call_even_with_the_cache_on() {
        try (RailguardEvaluator evaluator = evaluator(r -> r.schemaName().startsWith("railguard_partition_")
                ? partition(1) : verdicts(1), b -> b.cache(true).plan(RunMode.PRECISION_MAX,
                        RunModePlan.defaults(RunMode.PRECISION_MAX).withPasses(3)))) {

            EvaluationResult result = evaluate(evaluator, RunMode.PRECISION_MAX);

            // one unit, so every pass lists it the same way: still 2 verifiers x 3 passes model calls, no cache hit
            assertThat(server.requests()).filteredOn(r -> r.schemaName().endsWith("_verify")).hasSize(6);
            assertThat(result.usage().cacheHits()).isZero();
            assertThat(result.metric("facts").units().get(0).votes()).hasSize(6);
        }
    }

    @Test
    void an_executor_that_refuses_work_with_a_cache_directory_ends_every_identical_call_instead_of_hanging(
            @TempDir Path cache) throws Exception {
        ExecutorService refusing = Executors.newSingleThreadExecutor();
        refusing.shutdown();
        try (RailguardEvaluator evaluator = evaluator(r -> partition(1), b -> b.executor(refusing)
                .cacheDirectory(cache))) {
            for (int i = 0; i < 2; i++) {
                EvaluationResult r = evaluator.submit(EvaluationRequest.builder()
                                .modelInput(ModelInput.ofUserPrompt("Q")).modelOutput("o").metrics("facts").build())
                        .result().get(10, TimeUnit.SECONDS);
                assertThat(r.metric("facts").verdict()).isEqualTo(Verdict.ERROR);
            }
        }
    }
}
