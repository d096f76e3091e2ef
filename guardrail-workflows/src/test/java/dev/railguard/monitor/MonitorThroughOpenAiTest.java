package dev.railguard.monitor;

import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.TestMetrics;
import dev.railguard.event.EventInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.ModelInput;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Monitor statistics with judges behind the real OpenAI client and the stub server. */
class MonitorThroughOpenAiTest {

    static final ModelInput INPUT = ModelInput.ofUserPrompt("Tell me about Paris.");

    StubOpenAiServer server;
    RailguardEvaluator evaluator;

    /** correctness: the output names its own score as "score=0.x" (one Y and N units in that ratio); tone: always Y. */
    static String judge(String metric, String output) {
        if (metric.equals("tone")) {
            return JudgeReplies.units().unit("calm", "Y", "high", "Polite.").json();
        }
        int yes = Integer.parseInt(output.replaceAll(".*score=(\\d+)/10.*", "$1"));
        JudgeReplies r = JudgeReplies.units();
        for (int i = 0; i < 10; i++) {
            r.unit("claim " + i, i < yes ? "Y" : "N", "high", i < yes ? "True." : "False.");
        }
        return r.json();
    }

    @BeforeEach
    void start() {
        server = StubOpenAiServer.start(request -> StubReply.content(
                judge(TestMetrics.metricOf(request), TestMetrics.outputOf(request)), 100, 20));
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").modelName("judge-model")
                .maxRetries(0).timeout(Duration.ofSeconds(10)).build();
        evaluator = RailguardEvaluator.builder().judges(JudgePanel.single("judge", model))
                .metrics(MetricRegistry.of(TestMetrics.judged("correctness", 0.8), TestMetrics.judged("tone", 0.7)))
                .build();
    }

    @AfterEach
    void stop() {
        evaluator.close();
        server.close();
    }

    @Test
    void statistics_distributions_nametags_recent_events_and_export() throws Exception {
        List<MonitorEvent> heard = new CopyOnWriteArrayList<>();
        try (Monitor monitor = Monitor.builder().name("paris bot").evaluator(evaluator)
                .metrics("correctness", "tone").maxInFlight(4).build()) {
            monitor.addListener(heard::add);
            int[] scores = {10, 10, 9, 8, 5, 2};
            String[] tags = {"staging", "staging", "prod", "prod", "prod", null};
            for (int i = 0; i < scores.length; i++) {
                MonitorEvent queued = monitor.submit(EventInput.of(INPUT, "Paris... score=" + scores[i] + "/10")
                        .withNametag(tags[i]).withModelUsed("gpt-x"));
                assertThat(queued.eventId()).matches("evt_[a-z0-9]{16}");
                assertThat(queued.monitorId()).isEqualTo(monitor.id()).matches("mon_[a-z0-9]{16}");
                assertThat(queued.status()).isIn(EvaluationStatus.QUEUED, EvaluationStatus.IN_PROGRESS);
            }
            assertThat(monitor.awaitIdle(Duration.ofSeconds(20))).isTrue();

            assertThat(monitor.stats()).isEqualTo(new MonitorStats(6, 6, 0, 0, 0, 0, 0));
            MetricDistribution correctness = monitor.distribution("correctness");
            assertThat(correctness.evaluated()).isEqualTo(6);
            assertThat(correctness.passed()).isEqualTo(4); // 1.0, 1.0, 0.9, 0.8 pass at 0.8
            assertThat(correctness.failed()).isEqualTo(2);
            assertThat(correctness.passRate()).isCloseTo(4 / 6.0, within(1e-9));
            assertThat(correctness.meanScore()).isCloseTo((1 + 1 + 0.9 + 0.8 + 0.5 + 0.2) / 6, within(1e-9));
            assertThat(correctness.histogram()).containsExactly(0L, 0L, 1L, 0L, 0L, 1L, 0L, 0L, 1L, 3L);
            assertThat(monitor.distribution("tone").passRate()).isEqualTo(1.0);
            assertThatThrownBy(() -> monitor.distribution("fluency"))
                    .hasMessage("metric 'fluency' is not evaluated by monitor " + monitor.id()
                            + "; its metrics are [correctness, tone]");

            Map<String, NametagStats> tagsSeen = monitor.nametags();
            assertThat(tagsSeen.keySet()).containsExactly("(none)", "prod", "staging");
            assertThat(tagsSeen.get("staging")).isEqualTo(new NametagStats("staging", 2, 2, 2, 0, 0));
            assertThat(tagsSeen.get("prod").passed()).isEqualTo(2);
            assertThat(tagsSeen.get("prod").passRate()).isCloseTo(2 / 3.0, within(1e-9));
            assertThat(tagsSeen.get("(none)").passed()).isZero();

            assertThat(monitor.recentEvents()).hasSize(6);
            assertThat(monitor.recentEvents(2)).hasSize(2);
            MonitorEvent one = monitor.recentEvents(1).get(0);
            assertThat(monitor.event(one.eventId())).contains(one);
            assertThat(one.progress()).isEqualTo(100);
            assertThat(one.evalTime()).isPresent();
            assertThat(one.usage().judgeCalls()).isEqualTo(2);
            assertThat(heard).hasSize(6);

            StringWriter out = new StringWriter();
            assertThat(monitor.exportJsonLines(out)).isEqualTo(6);
            String[] lines = out.toString().split("\n");
            assertThat(lines).hasSize(6);
            JsonNode first = new ObjectMapper().readTree(lines[0]);
            assertThat(first.path("monitor_id").asText()).isEqualTo(monitor.id());
            assertThat(first.path("status").asText()).isEqualTo("completed");
            assertThat(first.path("model_input").path("user_prompt").asText()).isEqualTo(INPUT.userPrompt());
            assertThat(first.path("evaluation_result").path("correctness").has("score")).isTrue();
            assertThat(first.path("evaluation_result").path("correctness").path("threshold").asDouble()).isEqualTo(0.8);
            assertThat(first.path("usage").path("input_tokens").asLong()).isEqualTo(200);
            assertThat(first.has("eval_time")).isTrue();
        }
    }

    @Test
    void an_inactive_monitor_refuses_events_and_an_unknown_metric_is_refused_at_build() {
        try (Monitor monitor = Monitor.builder().name("m").evaluator(evaluator).metrics("tone").active(false).build()) {
            assertThatThrownBy(() -> monitor.submit(EventInput.of(INPUT, "x")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("monitor " + monitor.id() + " ('m') is inactive and no longer records events; activate"
                            + " it with active(true)");
            monitor.active(true);
            assertThat(monitor.submit(EventInput.of(INPUT, "x")).status())
                    .isIn(EvaluationStatus.QUEUED, EvaluationStatus.IN_PROGRESS);
        }
        assertThatThrownBy(() -> Monitor.builder().name("m").evaluator(evaluator).metrics("fluency").build())
                .hasMessage("metrics contains unknown metric 'fluency'; known metrics are [correctness, tone]");
        assertThatThrownBy(() -> Monitor.builder().name("m").evaluator(evaluator).build())
                .hasMessage("metrics must name at least one metric, but was: []");
    }
}
