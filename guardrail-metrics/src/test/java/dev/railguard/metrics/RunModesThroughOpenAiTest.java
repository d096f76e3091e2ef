package dev.railguard.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.Capability;
import dev.railguard.api.ContextMessage;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.api.UnitVerdict;
import dev.railguard.api.Verdict;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seven run modes through the real OpenAI client against the local stub: for one request with correctness,
 * context adherence and instruction adherence, how many judge calls each mode makes, to which judges, and that the
 * claim partition shared by correctness and context adherence happens once. The panel holds the model that produced
 * the output ("author", model gpt-4o-mini) as the first standard judge: it must never be asked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunModesThroughOpenAiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UNIT_ID = Pattern.compile("(?m)^\\[(\\d+)] ");
    private static final List<String> THREE = List.of("correctness", "context_adherence", "instruction_adherence");

    private StubOpenAiServer server;
    private RailguardEvaluator evaluator;

    @BeforeAll
    void start() {
        server = StubOpenAiServer.start(RunModesThroughOpenAiTest::reply);
        JudgePanel panel = JudgePanel.builder()
                .fast("fast-1", model("fast-1"))
                .standard("author", model("gpt-4o-mini"))
                .standard("std-1", model("std-1"))
                .standard("std-2", model("std-2"))
                .strong("strong-1", model("strong-1"))
                .code("code-1", model("code-1"))
                .build();
        evaluator = RailguardEvaluator.builder().judges(panel).build();
    }

    @BeforeEach
    void clear() {
        server.clear();
    }

    @AfterAll
    void stop() {
        evaluator.close();
        server.close();
    }

    private OpenAiChatModel model(String name) {
        return OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("test-key").modelName(name).maxRetries(0)
                .timeout(Duration.ofSeconds(10)).build();
    }

    /** Routes by schema name; verifier std-1 says Y to claim 2 of correctness, every other verifier N. */
    private static StubReply reply(RecordedRequest r) {
        String schema = r.schemaName();
        String judge = r.model();
        if (schema.equals("railguard_verdicts")) {
            ObjectNode root = JSON.createObjectNode();
            ArrayNode metrics = root.putArray("metrics");
            Map<String, Double> scores = Map.of("correctness", 0.9, "context_adherence", 0.5,
                    "instruction_adherence", 1.0);
            scores.forEach((metric, score) -> {
                if (r.systemText().contains("Metric \"" + metric + "\"")) {
                    metrics.addObject().put("metric", metric).put("score", score).put("reason", "Scored " + score);
                }
            });
            return StubReply.content(root.toString());
        }
        if (schema.equals("railguard_partition_claim")) {
            return StubReply.content(JudgeReplies.units()
                    .unit("Paris is the capital of France.", "", "Y", "certain", "")
                    .unit("Paris has 80 million inhabitants.", "", "Y", "certain", "")
                    .unit("The Seine flows through Paris.", "", "Y", "certain", "").json());
        }
        if (schema.equals("railguard_partition_instruction")) {
            return StubReply.content(JudgeReplies.units()
                    .unit("Answer in English.", "", "Y", "certain", "")
                    .unit("Use at most two sentences.", "", "Y", "certain", "").json());
        }
        if (schema.endsWith("_units") || schema.endsWith("_holistic")) {
            return StubReply.content(JudgeReplies.units()
                    .unit("Paris is the capital of France.", "Y", "certain", "Well known.")
                    .unit("Paris has 80 million inhabitants.", "N", "high", "About 2.1 million.").json());
        }
        if (schema.endsWith("_verify")) {
            ObjectNode root = JSON.createObjectNode();
            ArrayNode verdicts = root.putArray("verdicts");
            boolean arbiterCall = judge.equals("strong-1");
            Matcher m = UNIT_ID.matcher(r.userText());
            while (m.find()) {
                int id = Integer.parseInt(m.group(1));
                boolean disputedClaim = schema.equals("railguard_correctness_verify") && id == 2;
                boolean yes = !disputedClaim || (judge.equals("std-1") && !arbiterCall);
                if (arbiterCall) {
                    yes = false;
                }
                verdicts.addObject().put("id", id).put("verdict", yes ? "Y" : "N")
                        .put("confidence", arbiterCall ? "certain" : disputedClaim ? "high" : "certain")
                        .put("reason", judge + " says " + (yes ? "Y" : "N"));
            }
            return StubReply.content(root.toString());
        }
        return StubReply.status(400);
    }

    private EvaluationResult evaluate(RunMode mode, List<String> metrics, Capability... capabilities) {
        return evaluator.evaluate(EvaluationRequest.builder()
                .modelInput(ModelInput.builder()
                        .systemPrompt("Answer in English, in at most two sentences.")
                        .userPrompt("Tell me about Paris.")
                        .addDocuments("Paris is the capital and largest city of France. The Seine flows through it.")
                        .context(List.of(ContextMessage.of("tutor", "We are revising French geography, unit 4.")))
                        .build())
                .modelOutput("Paris is the capital of France; 80 million people live there by the Seine.")
                .modelUsed("gpt-4o-mini")
                .runMode(mode)
                .metrics(metrics)
                .capabilities(capabilities)
                .build());
    }

    private Map<String, Integer> requestsByJudge() {
        Map<String, Integer> out = new TreeMap<>();
        server.requests().forEach(r -> out.merge(r.model(), 1, Integer::sum));
        return out;
    }

    private long requestsWithSchema(String schema) {
        return server.requests().stream().filter(r -> r.schemaName().equals(schema)).count();
    }

    static Stream<Arguments> plans() {
        return Stream.of(
                Arguments.of(RunMode.ULTRA_FAST, Map.of("fast-1", 1), 1),
                Arguments.of(RunMode.SUPER_FAST, Map.of("fast-1", 3), 1),
                Arguments.of(RunMode.FAST, Map.of("std-1", 3), 1),
                // 2 partitions (claim, instruction) + 3 metrics x 2 verifiers
                Arguments.of(RunMode.PRECISION, Map.of("std-1", 5, "std-2", 3), 3),
                Arguments.of(RunMode.PRECISION_CODEX, Map.of("code-1", 5, "std-1", 3), 3),
                // 2 partitions + 3 metrics x 2 verifiers x 2 passes + 1 arbiter call (correctness has a dispute)
                Arguments.of(RunMode.PRECISION_MAX, Map.of("std-1", 8, "std-2", 6, "strong-1", 1), 6),
                Arguments.of(RunMode.PRECISION_MAX_CODEX, Map.of("code-1", 8, "std-1", 6, "strong-1", 1), 6));
    }

    @ParameterizedTest
    @MethodSource("plans")
    void each_mode_makes_the_planned_calls_to_the_planned_judges_and_never_asks_the_author(RunMode mode,
            Map<String, Integer> expectedByJudge, int callsForOneMetric) {
        EvaluationResult result = evaluate(mode, THREE);

        assertThat(result.metrics().values()).allSatisfy(m -> assertThat(m.verdict())
                .as(m.metric() + ": " + m.rationale()).isIn(Verdict.PASS, Verdict.FAIL));
        assertThat(requestsByJudge()).isEqualTo(expectedByJudge);
        assertThat(result.usage().callsByJudge()).isEqualTo(expectedByJudge);
        int total = expectedByJudge.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(result.usage().judgeCalls()).isEqualTo(total).isEqualTo(server.requests().size());
        assertThat(requestsByJudge()).doesNotContainKey("gpt-4o-mini");
        if (mode.ordinal() >= RunMode.PRECISION.ordinal()) {
            assertThat(requestsWithSchema("railguard_partition_claim")).as("one claim partition for two metrics")
                    .isEqualTo(1);
            assertThat(requestsWithSchema("railguard_partition_instruction")).isEqualTo(1);
        }
        System.out.printf("judge calls %-20s three metrics: %2d%n", mode.wireName(), total);

        server.clear();
        EvaluationResult one = evaluate(mode, List.of("correctness"));
        assertThat(one.usage().judgeCalls()).isEqualTo(callsForOneMetric).isEqualTo(server.requests().size());
        System.out.printf("judge calls %-20s one metric:    %2d%n", mode.wireName(), callsForOneMetric);
    }

    @ParameterizedTest
    @EnumSource(value = RunMode.class, names = {"PRECISION", "PRECISION_MAX", "PRECISION_MAX_CODEX"})
    void precision_modes_keep_every_vote_report_disputes_and_the_max_modes_let_the_strong_judge_decide(RunMode mode) {
        MetricResult correctness = evaluate(mode, THREE).metric("correctness");

        assertThat(correctness.units()).hasSize(3);
        UnitVerdict disputed = correctness.units().get(1);
        assertThat(disputed.disputed()).isTrue();
        assertThat(correctness.units().get(0).disputed()).isFalse();
        assertThat(correctness.units().get(0).judge()).isEqualTo("consensus");
        int passes = mode == RunMode.PRECISION ? 1 : 2;
        if (mode == RunMode.PRECISION) {
            // one Y certain against one N high: an even split, N with low confidence, weight 0
            assertThat(disputed.votes()).hasSize(2);
            assertThat(disputed.satisfied()).isFalse();
            assertThat(disputed.confidence().name()).isEqualTo("LOW");
            assertThat(correctness.score().getAsDouble()).isEqualTo(1.0);
        } else {
            assertThat(disputed.votes()).hasSize(2 * passes + 1);
            assertThat(disputed.judge()).isEqualTo("strong-1");
            assertThat(disputed.satisfied()).isFalse();
            // two true claims against one false claim, which weighs twice: 2 / (2 + 2)
            assertThat(correctness.score().getAsDouble()).isEqualTo(0.5);
        }
        assertThat(correctness.units().get(0).votes()).extracting(v -> v.pass()).contains(passes);
        assertThat(correctness.diagnostics()).anySatisfy(d -> assertThat(d.message())
                .contains("1 of 3 units were disputed"));
        assertThat(evaluate(mode, THREE).metric("context_adherence").diagnostics()).anySatisfy(d -> assertThat(
                d.message()).contains("shared by [correctness, context_adherence]"));
    }

    @org.junit.jupiter.api.Test
    void ultra_fast_scores_every_metric_from_the_one_shared_call_and_reports_its_usage_once() {
        EvaluationResult result = evaluate(RunMode.ULTRA_FAST, THREE);

        assertThat(result.metric("correctness").score().getAsDouble()).isEqualTo(0.9);
        assertThat(result.metric("context_adherence").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.metric("context_adherence").rationale()).isEqualTo("Scored 0.5");
        assertThat(result.metric("instruction_adherence").units()).isEmpty();
        assertThat(result.metric("correctness").usage().judgeCalls()).isEqualTo(1);
        assertThat(result.metric("instruction_adherence").usage().judgeCalls()).isZero();
        assertThat(result.metric("instruction_adherence").diagnostics()).anySatisfy(d -> assertThat(d.message())
                .isEqualTo("scored in the one ultra_fast call shared by [correctness, context_adherence,"
                        + " instruction_adherence]; its usage is reported under 'correctness'"));
        assertThat(server.requests()).singleElement().satisfies(r -> assertThat(r.userText())
                .contains("Paris is the capital and largest city of France.").contains("Tell me about Paris."));
    }

    @ParameterizedTest
    @EnumSource(RunMode.class)
    void context_awareness_puts_the_context_messages_into_every_judge_prompt(RunMode mode) {
        evaluate(mode, THREE, Capability.CONTEXT_AWARENESS);

        assertThat(server.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.userText())
                .as(r.schemaName()).contains("tutor: We are revising French geography, unit 4."));
        server.clear();
        evaluate(mode, List.of("instruction_adherence"));
        assertThat(server.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.userText())
                .doesNotContain("We are revising French geography"));
    }

    @ParameterizedTest
    @EnumSource(value = RunMode.class, names = {"PRECISION_CODEX", "PRECISION_MAX_CODEX"})
    void codex_modes_use_the_code_aware_partition_and_code_rubrics(RunMode mode) {
        evaluate(mode, THREE);

        List<RecordedRequest> partitions = new ArrayList<>(server.requests().stream()
                .filter(r -> r.schemaName().startsWith("railguard_partition_")).toList());
        assertThat(partitions).hasSize(2);
        assertThat(partitions).filteredOn(r -> r.schemaName().endsWith("_claim"))
                .allSatisfy(r -> assertThat(r.systemText()).contains("each code block"));
        assertThat(partitions).filteredOn(r -> r.schemaName().endsWith("_instruction"))
                .allSatisfy(r -> assertThat(r.systemText()).doesNotContain("each code block"));
        CorrectnessMetric correctness = new CorrectnessMetric();
        assertThat(correctness.codeRubric()).isNotEqualTo(correctness.rubric()).contains("code_checks");
        assertThat(new ContextAdherenceMetric().codeRubric()).isEqualTo(new ContextAdherenceMetric().rubric());
        assertThat(server.requests()).filteredOn(r -> r.schemaName().equals("railguard_correctness_verify"))
                .hasSize(mode == RunMode.PRECISION_CODEX ? 2 : 5) // 2 verifiers x passes, + 1 arbiter call
                .allSatisfy(r -> assertThat(r.systemText()).contains(correctness.codeRubric()));
    }
}
