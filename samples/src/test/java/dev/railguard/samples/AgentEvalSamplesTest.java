package dev.railguard.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.config.JudgeEnvironment;
import dev.railguard.evals.AccuracyResult;
import dev.railguard.evals.AgentAsJudgeResult;
import dev.railguard.evals.EvalRun;
import dev.railguard.evals.EvalStatus;
import dev.railguard.evals.PerformanceResult;
import dev.railguard.evals.ReliabilityResult;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four agent-eval samples, judged by the real OpenAI client against the stub server (or offline). */
class AgentEvalSamplesTest {

    private StubOpenAiServer server;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        server = StubOpenAiServer.start(AgentEvalSamplesTest::reply);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Accuracy 9; the judge fails the answers without a next step and the injection. */
    private static StubReply reply(RecordedRequest r) {
        String schema = r.schemaName();
        if (schema.equals("railguard_eval_accuracy")) {
            return StubReply.content("{\"accuracy_score\": 9, \"accuracy_reason\": \"matches 2500\"}");
        }
        if (schema.equals("railguard_eval_judge_numeric")) {
            int score = r.userText().contains("track it") ? 9 : 3;
            return StubReply.content("{\"score\": " + score + ", \"reason\": \"scripted\"}");
        }
        return StubReply.status(400);
    }

    private JudgeEnvironment environment() {
        return JudgeEnvironment.from(Map.of("RAILGUARD_JUDGE_BASE_URL", server.baseUrl(),
                "RAILGUARD_JUDGE_API_KEY", "test-key", "RAILGUARD_JUDGE_MODEL", "stub-judge"), new Properties());
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void accuracy_sample_passes_with_the_stub_judge_and_says_what_is_missing_without_one() {
        EvalRun run = AccuracyEvalSample.run(environment().panel(), out).orElseThrow();
        AccuracyResult r = (AccuracyResult) run.evalData();
        assertThat(r.results()).hasSize(3);
        assertThat(r.avgScore()).isEqualTo(9.0);
        assertThat(run.status()).isEqualTo(EvalStatus.PASSED);
        assertThat(run.judgeModelId()).isEqualTo("stub-judge");
        assertThat(server.requests()).allSatisfy(q -> assertThat(q.model()).isEqualTo("stub-judge"));
        assertThat(printed()).contains("accuracy PASSED: mean 9.0").contains("\"eval_type\":\"accuracy\"");
        assertThat(AccuracyEvalSample.run(Optional.empty(), out)).isEmpty();
        assertThat(printed()).contains("AccuracyEvalSample needs a judge. No judge is configured.");
    }

    @Test
    void agent_as_judge_sample_reports_failures_through_on_fail_and_a_pass_rate() {
        EvalRun run = AgentAsJudgeSample.run(environment().panel(), out).orElseThrow();
        AgentAsJudgeResult r = (AgentAsJudgeResult) run.evalData();
        assertThat(r.results()).extracting(AgentAsJudgeResult.Evaluation::passed).containsExactly(true, false, false);
        assertThat(r.passRate()).isCloseTo(33.3, org.assertj.core.api.Assertions.within(0.1));
        assertThat(run.status()).isEqualTo(EvalStatus.FAILED);
        assertThat(printed()).contains("on_fail: case 1 scored 3").contains("on_fail: case 2 scored 3");
        assertThat(server.requests()).allSatisfy(q -> assertThat(q.systemText()).contains("concrete next step"));
    }

    @Test
    void performance_sample_runs_offline_and_gates_on_its_own_baseline() {
        EvalRun run = PerformanceEvalSample.run(dir, out);
        PerformanceResult r = (PerformanceResult) run.evalData();
        assertThat(r.runTimes()).hasSize(50);
        assertThat(r.baselineP95RunTime()).isNotNull();
        assertThat(r.evalStatus()).isIn(EvalStatus.PASSED, EvalStatus.FAILED);
        assertThat(dir.resolve("perf-baseline.json")).exists();
        assertThat(printed()).contains("performance ");
    }

    @Test
    void reliability_sample_passes_offline_with_the_scripted_model() {
        EvalRun run = ReliabilityEvalSample.run(ReliabilityEvalSample.scriptedModel(), out);
        ReliabilityResult r = (ReliabilityResult) run.evalData();
        r.assertPassed();
        assertThat(r.passedToolCalls()).containsExactly("multiply", "exponentiate");
        assertThat(printed()).contains("\"passed_tool_calls\":[\"multiply\",\"exponentiate\"]");
    }
}
