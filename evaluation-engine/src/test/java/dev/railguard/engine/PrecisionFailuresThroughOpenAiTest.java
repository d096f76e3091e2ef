package dev.railguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.api.Verdict;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Judge failures in the precision modes stay inside the metric: ERROR, or a vote less with a warning. */
class PrecisionFailuresThroughOpenAiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private StubOpenAiServer server;
    private RailguardEvaluator evaluator;

    /** Partition: two claims. Verifiers: std-1 Y/Y, std-2 Y/N. Requests matching {@code failing} get a 500. */
    private void start(Predicate<RecordedRequest> failing) {
        server = StubOpenAiServer.start(r -> {
            if (failing.test(r)) {
                return StubReply.status(500);
            }
            if (r.schemaName().startsWith("railguard_partition_")) {
                return StubReply.content(JudgeReplies.units().unit("claim one", "Y", "high", "")
                        .unit("claim two", "Y", "high", "").json());
            }
            ObjectNode root = JSON.createObjectNode();
            boolean arbiter = r.model().equals("strong-1");
            for (int id = 1; id <= (arbiter ? 1 : 2); id++) {
                boolean yes = !arbiter && (id == 1 || r.model().equals("std-1"));
                root.withArray("verdicts").addObject().put("id", id).put("verdict", yes ? "Y" : "N")
                        .put("confidence", "high").put("reason", r.model());
            }
            return StubReply.content(root.toString());
        });
        JudgePanel panel = JudgePanel.builder().standard("std-1", model("std-1")).standard("std-2", model("std-2"))
                .strong("strong-1", model("strong-1")).build();
        evaluator = RailguardEvaluator.builder().judges(panel)
                .metrics(MetricRegistry.of(TestMetrics.claims("facts", false), TestMetrics.claims("support", false)))
                .plan(RunMode.PRECISION_MAX, RunModePlan.defaults(RunMode.PRECISION_MAX).withPasses(1))
                .maxCallAttempts(1) // these tests are about what a failed call means, not about retrying it
                .build();
    }

    private OpenAiChatModel model(String name) {
        return OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").modelName(name).maxRetries(0)
                .timeout(Duration.ofSeconds(10)).build();
    }

    @AfterEach
    void stop() {
        evaluator.close();
        server.close();
    }

    private EvaluationResult evaluate(RunMode mode) {
        return evaluator.evaluate(EvaluationRequest.builder().modelInput(ModelInput.ofUserPrompt("Q"))
                .modelOutput("claim one; claim two").runMode(mode).metrics("facts", "support").build());
    }

    @Test
    void a_failed_partition_is_an_error_for_every_metric_of_its_kind() {
        start(r -> r.schemaName().startsWith("railguard_partition_"));

        EvaluationResult result = evaluate(RunMode.PRECISION);

        assertThat(result.metrics().values()).allSatisfy(m -> {
            assertThat(m.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(m.rationale()).startsWith("the partition call failed: judge 'std-1' call failed");
        });
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void a_failed_verifier_loses_its_votes_with_a_warning_and_the_other_decides() {
        start(r -> r.model().equals("std-2"));

        EvaluationResult result = evaluate(RunMode.PRECISION);

        assertThat(result.metric("facts").verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.metric("facts").units()).allSatisfy(u -> assertThat(u.votes()).hasSize(1));
        assertThat(result.metric("facts").diagnostics()).anySatisfy(d -> assertThat(d.toString())
                .startsWith("WARNING: verifier 'std-2' (pass 1) failed and has no vote: judge 'std-2' call failed"));
    }

    @Test
    void every_verifier_failing_is_an_error() {
        start(r -> r.schemaName().endsWith("_verify"));

        EvaluationResult result = evaluate(RunMode.PRECISION);

        assertThat(result.metric("support").verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.metric("support").rationale()).startsWith("every verify call failed; first: judge");
    }

    @Test
    void the_arbiter_settles_disputes_and_when_it_fails_the_consensus_stands_with_a_warning() {
        start(r -> false);
        EvaluationResult settled = evaluate(RunMode.PRECISION_MAX);
        assertThat(settled.metric("facts").units().get(1).judge()).isEqualTo("strong-1");
        assertThat(settled.metric("facts").units().get(1).votes()).hasSize(3);
        assertThat(settled.metric("facts").score().getAsDouble()).isEqualTo(0.5);
        stop();

        start(r -> r.model().equals("strong-1"));
        EvaluationResult unsettled = evaluate(RunMode.PRECISION_MAX);
        assertThat(unsettled.metric("facts").units().get(1).judge()).isEqualTo("consensus");
        assertThat(unsettled.metric("facts").diagnostics()).anySatisfy(d -> assertThat(d.toString())
                .startsWith("WARNING: arbiter 'strong-1' failed, so the consensus stands for the disputed units"));
        assertThat(unsettled.metric("facts").verdict()).isIn(Verdict.PASS, Verdict.FAIL);
    }
}
