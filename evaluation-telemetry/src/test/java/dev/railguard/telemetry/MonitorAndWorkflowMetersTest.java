package dev.railguard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.ModelInput;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.event.EventInput;
import dev.railguard.monitor.Monitor;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import dev.railguard.workflow.ImprovementAction;
import dev.railguard.workflow.Workflow;
import dev.railguard.workflow.WorkflowEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The monitor's and the workflow's builder call, end to end: a real monitor and workflow report to Micrometer. */
class MonitorAndWorkflowMetersTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** Correctness fails any output that names Barcelona as a capital; the generator repairs to Madrid. */
    static StubReply respond(RecordedRequest r) {
        if (r.schemaName().isEmpty()) {
            return StubReply.content("The capital of Spain is Madrid.", 20, 10);
        }
        boolean wrong = r.userText().contains("Barcelona");
        return StubReply.content(JudgeReplies.units().unit("the capital claim", wrong ? "N" : "Y", "high",
                wrong ? "Wrong city." : "True.").json(), 100, 20);
    }

    private double count(String name, String... tags) {
        return meters.find(name).tags(tags).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void a_monitor_reports_intake_events_and_its_pass_rate_per_metric() throws Exception {
        MicrometerObserver micrometer = MicrometerObserver.create(meters);
        try (StubOpenAiServer server = StubOpenAiServer.start(MonitorAndWorkflowMetersTest::respond);
                RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(JudgePanel.single("judge",
                        model(server))).observer(micrometer).build();
                Monitor monitor = Monitor.builder().name("capitals").evaluator(evaluator).metrics("correctness")
                        .observer(micrometer).build()) {
            String[][] events = {
                {"Capital of France?", "Paris."}, {"Capital of Italy?", "Rome."},
                {"Capital of Spain?", "Barcelona."}, {"Capital of Germany?", "Berlin."}};
            for (String[] e : events) {
                monitor.submit(EventInput.of(ModelInput.ofUserPrompt(e[0]), e[1]));
            }
            assertThat(monitor.awaitIdle(Duration.ofSeconds(30))).isTrue();
        }
        assertThat(count("railguard.monitor.intake", "monitor", "capitals", "result", "accepted")).isEqualTo(4);
        assertThat(count("railguard.monitor.events", "monitor", "capitals", "status", "completed")).isEqualTo(4);
        assertThat(meters.get("railguard.monitor.pass_rate").tags("monitor", "capitals", "metric", "correctness")
                .gauge().value()).isEqualTo(0.75);
        assertThat(count("railguard.evaluations", "metric", "correctness", "verdict", "fail")).isEqualTo(1);
    }

    @Test
    void a_workflow_reports_its_events_and_whether_they_improved() throws Exception {
        MicrometerObserver micrometer = MicrometerObserver.create(meters);
        try (StubOpenAiServer server = StubOpenAiServer.start(MonitorAndWorkflowMetersTest::respond);
                RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(JudgePanel.single("judge",
                        model(server))).build();
                Workflow workflow = Workflow.builder().name("answers").evaluator(evaluator)
                        .metric("correctness", 0.9).improvementAction(ImprovementAction.FIXIT)
                        .generator(OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k")
                                .modelName("generator").maxRetries(0).build())
                        .observer(micrometer).build()) {
            WorkflowEvent wrong = workflow.submit(EventInput.of(ModelInput.ofUserPrompt("Capital of Spain?"),
                    "Barcelona.").withModelUsed("gpt-x"));
            WorkflowEvent right = workflow.submit(EventInput.of(ModelInput.ofUserPrompt("Capital of France?"),
                    "Paris.").withModelUsed("gpt-x"));
            assertThat(workflow.completion(wrong.eventId()).get(30, TimeUnit.SECONDS).status())
                    .isEqualTo(EvaluationStatus.COMPLETED);
            workflow.completion(right.eventId()).get(30, TimeUnit.SECONDS);
        }
        assertThat(count("railguard.workflow.events", "workflow", "answers", "status", "completed", "improved",
                "true")).isEqualTo(1);
        assertThat(count("railguard.workflow.events", "workflow", "answers", "status", "completed", "improved",
                "false")).isEqualTo(1);
    }

    static OpenAiChatModel model(StubOpenAiServer server) {
        return OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").modelName("judge-model")
                .maxRetries(0).timeout(Duration.ofSeconds(10)).build();
    }
}
