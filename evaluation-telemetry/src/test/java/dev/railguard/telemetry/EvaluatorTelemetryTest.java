package dev.railguard.telemetry;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.Verdict;
import dev.railguard.engine.EvaluationObservation;
import dev.railguard.engine.EvaluationObserver;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.RailguardHttp;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The engine's calls into the observers, end to end through the real OpenAI client against the stub server. */
class EvaluatorTelemetryTest {

    @RegisterExtension
    static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

    static final String PROMPT = "What is the capital of France?";
    static final String OUTPUT = "Paris is the capital of France.";
    static final String API_KEY = "sk-telemetry-test-0123456789abcdef";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private StubOpenAiServer server;
    private RailguardEvaluator evaluator;

    @AfterEach
    void close() {
        if (evaluator != null) {
            evaluator.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static String good(RecordedRequest r) {
        return JudgeReplies.units().unit("Paris is the capital of France.", "Y", "high", "True.").json();
    }

    private RailguardEvaluator evaluator(Function<RecordedRequest, StubReply> responder, boolean cache,
            EvaluationObserver... extra) {
        server = StubOpenAiServer.start(responder);
        OpenAiChatModel model = OpenAiChatModel.builder().httpClientBuilder(RailguardHttp.retryAfterAware())
                .baseUrl(server.baseUrl()).apiKey(API_KEY).modelName("judge-model").maxRetries(0)
                .timeout(Duration.ofSeconds(10)).build();
        RailguardEvaluator.Builder b = RailguardEvaluator.builder().judges(JudgePanel.single("judge", model))
                .cache(cache).retryBackoff(Duration.ofMillis(5), Duration.ofMillis(20))
                .observer(OpenTelemetryObserver.create(OTEL.getOpenTelemetry()), MicrometerObserver.create(meters));
        for (EvaluationObserver o : extra) {
            b.observer(o);
        }
        evaluator = b.build();
        return evaluator;
    }

    static EvaluationRequest request() {
        return EvaluationRequest.builder()
                .modelInput(ModelInput.builder().userPrompt(PROMPT).extra("gen_ai.response.id", "chatcmpl-7").build())
                .modelOutput(OUTPUT).metrics("correctness").build();
    }

    private List<SpanData> spans(String prefix) {
        return OTEL.getSpans().stream().filter(s -> s.getName().startsWith(prefix)).toList();
    }

    private double count(String name, String... tags) {
        return meters.find(name).tags(tags).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void an_evaluation_is_a_span_under_the_applications_span_with_a_client_span_per_judge_call_and_an_event() {
        evaluator(r -> StubReply.content(good(r), 300, 40), false);
        Span app = OTEL.getOpenTelemetry().getTracer("app").spanBuilder("app llm call").startSpan();
        EvaluationResult result;
        try (Scope ignored = app.makeCurrent()) {
            result = evaluator.submit(request()).result().join();
        } finally {
            app.end();
        }
        assertThat(result.metric("correctness").verdict()).isEqualTo(Verdict.PASS);

        SpanData appSpan = spans("app").get(0);
        SpanData evaluation = spans("railguard.evaluate").get(0);
        SpanData judge = spans("chat ").get(0);
        assertThat(evaluation.getParentSpanId()).isEqualTo(appSpan.getSpanId());
        assertThat(evaluation.getAttributes().get(stringKey("railguard.event.id"))).isEqualTo(result.eventId());
        assertThat(judge.getName()).isEqualTo("chat judge-model");
        assertThat(judge.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(judge.getParentSpanId()).isEqualTo(evaluation.getSpanId());
        assertThat(judge.getAttributes().get(stringKey("gen_ai.operation.name"))).isEqualTo("chat");
        assertThat(judge.getAttributes().get(stringKey("gen_ai.provider.name"))).isEqualTo("openai");
        assertThat(judge.getAttributes().get(stringKey("gen_ai.request.model"))).isEqualTo("judge-model");
        assertThat(judge.getAttributes().get(longKey("gen_ai.usage.input_tokens"))).isEqualTo(300L);
        assertThat(judge.getAttributes().get(longKey("gen_ai.usage.output_tokens"))).isEqualTo(40L);
        assertThat(judge.getAttributes().get(stringArrayKey("gen_ai.response.finish_reasons"))).containsExactly("stop");
        assertThat(judge.getAttributes().get(stringKey("railguard.judge.outcome"))).isEqualTo("ok");
        assertThat(judge.getAttributes().get(longKey("railguard.judge.model_requests"))).isEqualTo(1L);
        assertThat(judge.getAttributes().get(stringKey("railguard.judge.template"))).isNotBlank();

        LogRecordData event = OTEL.getLogRecords().get(0);
        assertThat(OTEL.getLogRecords()).hasSize(1);
        assertThat(event.getEventName()).isEqualTo("gen_ai.evaluation.result");
        assertThat(event.getSpanContext().getSpanId()).isEqualTo(appSpan.getSpanId());
        assertThat(event.getAttributes().get(stringKey("gen_ai.evaluation.name"))).isEqualTo("correctness");
        assertThat(event.getAttributes().get(doubleKey("gen_ai.evaluation.score.value"))).isEqualTo(1.0);
        assertThat(event.getAttributes().get(stringKey("gen_ai.evaluation.score.label"))).isEqualTo("pass");
        assertThat(event.getAttributes().get(stringKey("gen_ai.response.id"))).isEqualTo("chatcmpl-7");

        assertThat(count("railguard.evaluations", "metric", "correctness", "verdict", "pass", "judge", "judge"))
                .isEqualTo(1);
        assertThat(count("railguard.judge.calls", "judge", "judge", "outcome", "ok")).isEqualTo(1);
        assertThat(count("railguard.judge.tokens", "judge", "judge", "type", "input")).isEqualTo(300);
        assertThat(meters.get("railguard.judge.latency").tag("judge", "judge").timer().count()).isEqualTo(1);
        assertThat(meters.get("railguard.judge.in_flight").gauge().value()).isEqualTo(0);
        assertThat(meters.get("railguard.judge.queued").gauge().value()).isEqualTo(0);
    }

    @Test
    void a_monitor_event_is_evaluated_under_the_span_that_was_current_when_the_monitor_took_it() throws Exception {
        OpenTelemetryObserver otel = OpenTelemetryObserver.create(OTEL.getOpenTelemetry());
        evaluator(r -> StubReply.content(good(r), 300, 40), false);
        Span app = OTEL.getOpenTelemetry().getTracer("app").spanBuilder("app llm call").startSpan();
        try (dev.railguard.monitor.Monitor monitor = dev.railguard.monitor.Monitor.builder().name("bot")
                .evaluator(evaluator).metrics("correctness").observer(otel).build()) {
            try (Scope ignored = app.makeCurrent()) {
                monitor.submit(dev.railguard.event.EventInput.of(ModelInput.ofUserPrompt(PROMPT), OUTPUT));
            }
            app.end();
            assertThat(monitor.awaitIdle(Duration.ofSeconds(30))).isTrue();
        }
        SpanData appSpan = spans("app").get(0);
        SpanData evaluation = spans("railguard.evaluate").get(0);
        assertThat(evaluation.getParentSpanId()).isEqualTo(appSpan.getSpanId());
        assertThat(OTEL.getLogRecords()).singleElement()
                .satisfies(e -> assertThat(e.getSpanContext().getSpanId()).isEqualTo(appSpan.getSpanId()));
    }

    @Test
    void a_workflows_repair_is_judged_under_the_span_that_was_current_when_the_event_was_submitted() throws Exception {
        OpenTelemetryObserver otel = OpenTelemetryObserver.create(OTEL.getOpenTelemetry());
        evaluator(MonitorAndWorkflowMetersTest::respond, false);
        Span app = OTEL.getOpenTelemetry().getTracer("app").spanBuilder("app llm call").startSpan();
        try (dev.railguard.workflow.Workflow workflow = dev.railguard.workflow.Workflow.builder().name("answers")
                .evaluator(evaluator).metric("correctness", 0.9)
                .improvementAction(dev.railguard.workflow.ImprovementAction.FIXIT)
                .generator(OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").modelName("generator")
                        .maxRetries(0).build())
                .observer(otel).build()) {
            dev.railguard.workflow.WorkflowEvent event;
            try (Scope ignored = app.makeCurrent()) {
                event = workflow.submit(dev.railguard.event.EventInput.of(ModelInput.ofUserPrompt("Capital of Spain?"),
                        "Barcelona.").withModelUsed("gpt-x"));
            }
            app.end();
            workflow.completion(event.eventId()).get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        SpanData appSpan = spans("app").get(0);
        // the first evaluation and the one of the repaired output
        assertThat(spans("railguard.evaluate")).hasSize(2)
                .allSatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(appSpan.getSpanId()));
        assertThat(OTEL.getLogRecords()).hasSize(2).extracting(e -> e.getAttributes().get(
                stringKey("gen_ai.evaluation.score.label"))).containsExactly("fail", "pass");
    }

    @Test
    void a_cache_hit_is_a_cached_call_on_the_span_and_in_the_meters() {
        evaluator(r -> StubReply.content(good(r), 300, 40), true);
        evaluator.evaluate(request());
        OTEL.clearSpans();
        evaluator.evaluate(request());

        assertThat(server.requestCount()).isEqualTo(1);
        SpanData judge = spans("chat ").get(0);
        assertThat(judge.getAttributes().get(booleanKey("railguard.cache.hit"))).isTrue();
        assertThat(judge.getAttributes().get(stringKey("railguard.judge.outcome"))).isEqualTo("cached");
        assertThat(count("railguard.judge.calls", "outcome", "cached")).isEqualTo(1);
        assertThat(count("railguard.judge.calls", "outcome", "ok")).isEqualTo(1);
        assertThat(meters.get("railguard.judge.cache").tag("result", "hit").functionCounter().count()).isEqualTo(1);
        assertThat(meters.get("railguard.judge.cache").tag("result", "miss").functionCounter().count()).isEqualTo(1);
    }

    @Test
    void a_repair_call_and_a_retry_are_visible_on_the_judge_span() {
        AtomicInteger n = new AtomicInteger();
        evaluator(r -> switch (n.getAndIncrement()) {
            case 0 -> StubReply.status(500);
            // JSON that breaks the schema gets the repair call (a reply not JSON at all would get a fresh attempt)
            case 1 -> StubReply.content("{\"units\": 7}", 100, 10);
            default -> StubReply.content(good(r), 300, 40);
        }, false);
        EvaluationResult result = evaluator.evaluate(request());
        assertThat(result.metric("correctness").verdict()).isEqualTo(Verdict.PASS);

        SpanData judge = spans("chat ").get(0);
        assertThat(spans("chat ")).hasSize(1);
        assertThat(judge.getAttributes().get(stringKey("railguard.judge.outcome"))).isEqualTo("retried");
        assertThat(judge.getAttributes().get(longKey("railguard.judge.retries"))).isEqualTo(1L);
        assertThat(judge.getAttributes().get(booleanKey("railguard.judge.repaired"))).isTrue();
        assertThat(judge.getAttributes().get(longKey("railguard.judge.model_requests"))).isEqualTo(3L);
        assertThat(judge.getAttributes().get(longKey("gen_ai.usage.input_tokens"))).isEqualTo(400L);
        assertThat(judge.getEvents()).extracting(e -> e.getName()).containsExactly("railguard.judge.repair");
        assertThat(count("railguard.judge.calls", "outcome", "retried")).isEqualTo(1);
    }

    @Test
    void a_judge_that_refuses_makes_an_error_event_and_a_failed_span() {
        evaluator(r -> StubReply.status(400), false);
        EvaluationResult result = evaluator.evaluate(request());
        assertThat(result.metric("correctness").verdict()).isEqualTo(Verdict.ERROR);

        SpanData judge = spans("chat ").get(0);
        assertThat(judge.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(judge.getAttributes().get(stringKey("error.type"))).isNotBlank();
        assertThat(judge.getAttributes().get(stringKey("railguard.judge.outcome"))).isEqualTo("failed");
        LogRecordData event = OTEL.getLogRecords().get(0);
        assertThat(event.getAttributes().get(stringKey("gen_ai.evaluation.score.label"))).isEqualTo("error");
        assertThat(event.getAttributes().get(stringKey("error.type"))).isEqualTo("judge_error");
        assertThat(event.getAttributes().get(doubleKey("gen_ai.evaluation.score.value"))).isNull();
        assertThat(count("railguard.evaluations", "verdict", "error")).isEqualTo(1);
        assertThat(count("railguard.judge.calls", "outcome", "failed")).isEqualTo(1);
    }

    @Test
    void no_prompt_output_reply_or_key_is_recorded_by_default() {
        evaluator(r -> StubReply.content(good(r), 300, 40), false);
        evaluator.evaluate(request());
        String everything = OTEL.getSpans().toString() + OTEL.getLogRecords().toString();
        assertThat(everything).contains("gen_ai.evaluation.result")
                .doesNotContain(PROMPT).doesNotContain(OUTPUT).doesNotContain("True.").doesNotContain(API_KEY)
                .doesNotContain("gen_ai.input.messages").doesNotContain("gen_ai.output.messages");
    }

    @Test
    void with_content_opted_in_the_judge_span_carries_the_prompt_and_the_reply() {
        server = null;
        StubOpenAiServer s = StubOpenAiServer.start(r -> StubReply.content(good(r), 300, 40));
        server = s;
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(s.baseUrl()).apiKey(API_KEY)
                .modelName("judge-model").maxRetries(0).build();
        evaluator = RailguardEvaluator.builder().judges(JudgePanel.single("judge", model))
                .observer(OpenTelemetryObserver.builder(OTEL.getOpenTelemetry()).captureContent(true).build()).build();
        evaluator.evaluate(request());
        SpanData judge = spans("chat ").get(0);
        assertThat(judge.getAttributes().get(stringKey("gen_ai.input.messages"))).contains(OUTPUT);
        assertThat(judge.getAttributes().get(stringKey("gen_ai.output.messages"))).contains("True.");
    }

    @Test
    void an_observer_that_throws_never_breaks_an_evaluation() {
        Map<String, Integer> finished = new ConcurrentHashMap<>();
        EvaluationObserver broken = new EvaluationObserver() {
            @Override
            public EvaluationObservation evaluationStarted(EvaluationStart start) {
                return new EvaluationObservation() {
                    @Override
                    public void judgeCallFinished(dev.railguard.engine.JudgeCallRecord call) {
                        throw new IllegalStateException("exporter down");
                    }

                    @Override
                    public void finished(EvaluationResult result) {
                        finished.merge("broken", 1, Integer::sum);
                        throw new IllegalStateException("exporter down");
                    }
                };
            }

            @Override
            public void judgeCallFinished(dev.railguard.engine.JudgeCallRecord call) {
                throw new NoClassDefFoundError("io/opentelemetry/api/OpenTelemetry");
            }
        };
        evaluator(r -> StubReply.content(good(r), 300, 40), false, broken);
        EvaluationResult result = evaluator.evaluate(request());
        assertThat(result.passed()).isTrue();
        assertThat(finished).containsEntry("broken", 1);
        // the observers registered before it still heard everything
        assertThat(OTEL.getLogRecords()).hasSize(1);
        assertThat(count("railguard.judge.calls", "outcome", "ok")).isEqualTo(1);
    }
}
