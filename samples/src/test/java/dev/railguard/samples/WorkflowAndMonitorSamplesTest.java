package dev.railguard.samples;

import dev.railguard.config.JudgeEnvironment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.workflow.ImprovementToolStatus;
import dev.railguard.engine.JudgePanel;
import dev.railguard.monitor.MonitorStats;
import dev.railguard.workflow.WorkflowEvent;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.Verdict;
import dev.railguard.store.EventCounts;
import dev.railguard.store.EventQuery;
import dev.railguard.store.EventStore;
import java.nio.file.Path;

/** The workflow, monitor and guardrail samples against the stub server (judges and generator behind one endpoint). */
class WorkflowAndMonitorSamplesTest {

    static final String RIGHT = "The capital of France is Paris. About 2.1 million people live in Paris.";

    StubOpenAiServer server;
    JudgePanel panel;
    OpenAiChatModel generator;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    /** Judges fail "80 million" and "Barcelona"; the generator answers wrong at first and right when repairing. */
    static StubReply respond(RecordedRequest r) {
        String metric = r.schemaName().replace("railguard_", "").replace("_units", "");
        if (metric.isEmpty()) {
            boolean repairing = r.allText().contains("failed these checks") || r.allText().contains("You repair a response");
            return StubReply.content(repairing ? RIGHT : WorkflowSample.WRONG_ANSWER, 40, 30);
        }
        String output = r.userText().replaceAll("(?s).*<<<BEGIN model_output \\w+>>>\\n(.*)\\n<<<END model_output.*", "$1");
        boolean wrong = output.contains("80 million") || output.contains("Barcelona");
        String reply = switch (metric) {
            case "correctness" -> JudgeReplies.units().unit(output, wrong ? "N" : "Y", "high",
                    wrong ? "That figure or city is wrong." : "True.").json();
            case "comprehensive_safety" -> JudgeReplies.units().unit(output, "pii", "Y", "certain", "None.").json();
            default -> JudgeReplies.units().unit("coverage", "coverage", "Y", "high", "Covered.").json();
        };
        return StubReply.content(reply, 100, 20);
    }

    @BeforeEach
    void start() {
        server = StubOpenAiServer.start(WorkflowAndMonitorSamplesTest::respond);
        panel = JudgePanel.single("judge", OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k")
                .modelName("judge-model").maxRetries(0).timeout(Duration.ofSeconds(10)).build());
        generator = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").modelName("generator-model")
                .maxRetries(0).timeout(Duration.ofSeconds(10)).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void workflow_sample_repairs_the_wrong_figure_and_streams_the_repair() {
        WorkflowEvent event = WorkflowSample.run(panel, generator, out);

        assertThat(event.improvementToolStatus()).isEqualTo(ImprovementToolStatus.IMPROVED);
        assertThat(event.finalOutput()).contains(RIGHT);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Initial Evaluation").contains("Improvement Attempt 1")
                .contains("streamed: " + RIGHT).contains("outputsImproved=2");
    }

    @Test
    void monitor_sample_reports_counts_distributions_and_nametags() throws Exception {
        MonitorStats stats = MonitorSample.run(panel, out);

        assertThat(stats.totalEvaluations()).isEqualTo(4);
        assertThat(stats.completedEvaluations()).isEqualTo(4);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("correctness: pass rate 0.75").contains("[release-2] 2 events, pass rate 0.50")
                .contains("exported 4 events as JSON lines");
    }

    @Test
    void monitor_sample_keeps_every_event_in_a_store_file_and_lists_the_failing_ones(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("events.db");
        try (EventStore store = EventStore.open(file)) {
            MonitorSample.run(panel, out, store);
        }
        try (EventStore reopened = EventStore.open(file)) {
            EventCounts counts = reopened.counts(EventQuery.all());
            assertThat(counts.status(EvaluationStatus.COMPLETED)).isEqualTo(4);
            assertThat(counts.verdict("correctness", Verdict.FAIL)).isEqualTo(1);
            assertThat(reopened.events(EventQuery.all().withVerdict("correctness", Verdict.FAIL)).events())
                    .singleElement().satisfies(e -> assertThat(e.nametag()).isEqualTo("release-2"));
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("that failed a metric: 1");
    }

    @Test
    void guardrail_sample_gets_a_passing_answer_through_a_reprompt() {
        String answer = GuardrailSample.run(panel, generator, out);

        assertThat(answer).isEqualTo(RIGHT);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("guardrail judged 2 answers, 1 failed");
    }

    @Test
    void without_a_judge_the_samples_say_what_is_missing() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            if (!dev.railguard.config.JudgeEnvironment.fromSystem().configured()) {
                WorkflowSample.main();
                GuardrailSample.main();
                assertThat(captured.toString(StandardCharsets.UTF_8)).contains("No judge is configured")
                        .contains("RAILGUARD_GENERATOR_MODEL");
            }
        } finally {
            System.setOut(original);
        }
    }
}
