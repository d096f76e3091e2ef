package dev.railguard.telemetry;

import static dev.railguard.telemetry.Records.*;
import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.api.EvaluationStatus;
import dev.railguard.engine.EvaluationObservation;
import dev.railguard.engine.JudgeCallRecord;
import dev.railguard.engine.JudgeCallRecord.Outcome;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The OpenTelemetry mapping, driven by hand (the engine end to end is in {@code EvaluatorTelemetryTest}). */
class OpenTelemetryObserverTest {

    @RegisterExtension
    static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

    private SpanData span(String name) {
        return OTEL.getSpans().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no span '" + name + "' among " + OTEL.getSpans()));
    }

    private LogRecordData event(String metric) {
        return OTEL.getLogRecords().stream()
                .filter(l -> metric.equals(l.getAttributes().get(stringKey("gen_ai.evaluation.name"))))
                .findFirst().orElseThrow(() -> new AssertionError("no event for " + metric));
    }

    @Test
    void events_and_spans_hang_under_the_span_current_at_submit_time() {
        OpenTelemetryObserver observer = OpenTelemetryObserver.create(OTEL.getOpenTelemetry());
        Span app = OTEL.getOpenTelemetry().getTracer("app").spanBuilder("app llm call").startSpan();
        EvaluationObservation observation;
        try (Scope ignored = app.makeCurrent()) {
            observation = observer.evaluationStarted(start("evt_1", request("chatcmpl-42", "correctness",
                    "completeness")));
        }
        // the engine reports from its own threads, where the application's span is not current
        observation.judgeCallFinished(call("evt_1", Outcome.OK, false, 0, null));
        observation.finished(result("evt_1", EvaluationStatus.COMPLETED, null, pass("correctness", 0.9),
                fail("completeness", 0.4, "coverage: the second question was not answered")));
        app.end();

        SpanData evaluation = span("railguard.evaluate");
        SpanData judge = span("chat gpt-4o-mini");
        SpanData appSpan = span("app llm call");
        assertThat(evaluation.getParentSpanId()).isEqualTo(appSpan.getSpanId());
        assertThat(evaluation.getTraceId()).isEqualTo(appSpan.getTraceId());
        assertThat(judge.getParentSpanId()).isEqualTo(evaluation.getSpanId());
        assertThat(evaluation.getAttributes().get(stringKey("railguard.event.id"))).isEqualTo("evt_1");
        assertThat(evaluation.getAttributes().get(stringKey("railguard.run_mode"))).isEqualTo("fast");
        assertThat(evaluation.getAttributes().get(stringArrayKey("railguard.metrics")))
                .containsExactly("correctness", "completeness");
        assertThat(evaluation.getAttributes().get(stringKey("railguard.status"))).isEqualTo("completed");
        assertThat(evaluation.getAttributes().get(booleanKey("railguard.passed"))).isFalse();
        assertThat(evaluation.getEndEpochNanos() - evaluation.getStartEpochNanos()).isEqualTo(900_000_000L);

        assertThat(judge.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(judge.getAttributes().get(stringKey("gen_ai.operation.name"))).isEqualTo("chat");
        assertThat(judge.getAttributes().get(stringKey("gen_ai.provider.name"))).isEqualTo("openai");
        assertThat(judge.getAttributes().get(stringKey("gen_ai.request.model"))).isEqualTo("gpt-4o-mini");
        assertThat(judge.getAttributes().get(stringKey("gen_ai.response.model"))).isEqualTo("gpt-4o-mini-2024");
        assertThat(judge.getAttributes().get(longKey("gen_ai.usage.input_tokens"))).isEqualTo(1200L);
        assertThat(judge.getAttributes().get(longKey("gen_ai.usage.output_tokens"))).isEqualTo(80L);
        assertThat(judge.getAttributes().get(stringArrayKey("gen_ai.response.finish_reasons")))
                .containsExactly("stop");
        assertThat(judge.getAttributes().get(stringKey("railguard.judge.name"))).isEqualTo("standard");
        assertThat(judge.getAttributes().get(stringKey("railguard.judge.outcome"))).isEqualTo("ok");
        assertThat(judge.getAttributes().get(booleanKey("railguard.cache.hit"))).isFalse();
        assertThat(judge.getEndEpochNanos() - judge.getStartEpochNanos()).isEqualTo(400_000_000L);

        assertThat(OTEL.getLogRecords()).hasSize(2);
        LogRecordData passed = event("correctness");
        assertThat(passed.getEventName()).isEqualTo("gen_ai.evaluation.result");
        assertThat(passed.getSpanContext().getSpanId()).isEqualTo(appSpan.getSpanId());
        assertThat(passed.getAttributes().get(doubleKey("gen_ai.evaluation.score.value"))).isEqualTo(0.9);
        assertThat(passed.getAttributes().get(stringKey("gen_ai.evaluation.score.label"))).isEqualTo("pass");
        assertThat(passed.getAttributes().get(stringKey("gen_ai.evaluation.explanation")))
                .isEqualTo("all claims are supported");
        assertThat(passed.getAttributes().get(stringKey("gen_ai.response.id"))).isEqualTo("chatcmpl-42");
        assertThat(passed.getAttributes().get(stringKey("error.type"))).isNull();
        LogRecordData failed = event("completeness");
        assertThat(failed.getAttributes().get(stringKey("gen_ai.evaluation.score.label"))).isEqualTo("fail");
        assertThat(failed.getAttributes().get(doubleKey("gen_ai.evaluation.score.value"))).isEqualTo(0.4);
    }

    @Test
    void without_a_current_span_events_hang_under_the_evaluation_span_and_have_no_response_id_unless_given() {
        OpenTelemetryObserver observer = OpenTelemetryObserver.create(OTEL.getOpenTelemetry());
        EvaluationObservation observation = observer.evaluationStarted(start("evt_2", request(null, "correctness")));
        observation.finished(result("evt_2", EvaluationStatus.COMPLETED, null, pass("correctness", 1.0)));

        SpanData evaluation = span("railguard.evaluate");
        assertThat(evaluation.getParentSpanContext().isValid()).isFalse();
        LogRecordData event = event("correctness");
        assertThat(event.getSpanContext().getSpanId()).isEqualTo(evaluation.getSpanId());
        assertThat(event.getAttributes().get(stringKey("gen_ai.response.id"))).isNull();
    }

    @Test
    void an_error_metric_has_error_type_no_score_and_a_redacted_trimmed_explanation() {
        OpenTelemetryObserver observer = OpenTelemetryObserver.builder(OTEL.getOpenTelemetry())
                .maxExplanationLength(120).build();
        EvaluationObservation observation = observer.evaluationStarted(start("evt_3", request(null, "correctness")));
        String reason = "judge 'standard' call failed: 401 Unauthorized, Authorization: Bearer sk-proj-abcdefghijklmnopqrstuvwx"
                + " was rejected; " + "details ".repeat(40);
        observation.finished(result("evt_3", EvaluationStatus.COMPLETED, null, error("correctness", reason)));

        LogRecordData event = event("correctness");
        assertThat(event.getAttributes().get(stringKey("gen_ai.evaluation.score.label"))).isEqualTo("error");
        assertThat(event.getAttributes().get(doubleKey("gen_ai.evaluation.score.value"))).isNull();
        assertThat(event.getAttributes().get(stringKey("error.type"))).isEqualTo("judge_error");
        String explanation = event.getAttributes().get(stringKey("gen_ai.evaluation.explanation"));
        assertThat(explanation).startsWith("judge 'standard' call failed: 401 Unauthorized")
                .contains("[REDACTED]").doesNotContain("sk-proj").doesNotContain("abcdefghijklmnop")
                .contains("more characters)");
        assertThat(explanation.length()).isLessThan(160);
    }

    @Test
    void an_evaluation_that_timed_out_reports_its_unfinished_metrics_as_errors_and_its_span_as_error() {
        OpenTelemetryObserver observer = OpenTelemetryObserver.create(OTEL.getOpenTelemetry());
        EvaluationObservation observation = observer.evaluationStarted(start("evt_4",
                request(null, "correctness", "completeness")));
        observation.finished(result("evt_4", EvaluationStatus.FAILED,
                "the evaluation timed out after 500 ms (1 of 2 metrics had finished)", pass("correctness", 0.8)));

        SpanData evaluation = span("railguard.evaluate");
        assertThat(evaluation.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(evaluation.getAttributes().get(stringKey("error.type"))).isEqualTo("timeout");
        LogRecordData missing = event("completeness");
        assertThat(missing.getAttributes().get(stringKey("gen_ai.evaluation.score.label"))).isEqualTo("error");
        assertThat(missing.getAttributes().get(stringKey("error.type"))).isEqualTo("timeout");
        assertThat(event("correctness").getAttributes().get(stringKey("gen_ai.evaluation.score.label")))
                .isEqualTo("pass");
    }

    @Test
    void a_cache_hit_a_repair_retries_and_a_failed_call_are_visible_on_the_judge_spans() {
        OpenTelemetryObserver observer = OpenTelemetryObserver.create(OTEL.getOpenTelemetry());
        EvaluationObservation observation = observer.evaluationStarted(start("evt_5", request(null, "correctness")));
        observation.judgeCallFinished(call("evt_5", Outcome.CACHED, false, 0, null));
        observation.judgeCallFinished(call("evt_5", Outcome.RETRIED, true, 2, null));
        observation.judgeCallFinished(call("evt_5", Outcome.FAILED, true, 0, null));

        List<SpanData> judges = OTEL.getSpans().stream().filter(s -> s.getName().startsWith("chat ")).toList();
        assertThat(judges).hasSize(3);
        SpanData cached = judges.get(0);
        assertThat(cached.getAttributes().get(booleanKey("railguard.cache.hit"))).isTrue();
        assertThat(cached.getAttributes().get(stringKey("railguard.judge.outcome"))).isEqualTo("cached");
        assertThat(cached.getKind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(cached.getAttributes().get(longKey("gen_ai.usage.input_tokens"))).isNull();
        SpanData retried = judges.get(1);
        assertThat(retried.getAttributes().get(stringKey("railguard.judge.outcome"))).isEqualTo("retried");
        assertThat(retried.getAttributes().get(longKey("railguard.judge.retries"))).isEqualTo(2L);
        assertThat(retried.getAttributes().get(longKey("railguard.judge.model_requests"))).isEqualTo(4L);
        assertThat(retried.getAttributes().get(booleanKey("railguard.judge.repaired"))).isTrue();
        assertThat(retried.getEvents()).extracting(e -> e.getName()).containsExactly("railguard.judge.repair");
        assertThat(retried.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        SpanData failed = judges.get(2);
        assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(failed.getAttributes().get(stringKey("error.type"))).isEqualTo("invalid_reply");
        assertThat(failed.getAttributes().get(stringArrayKey("gen_ai.response.finish_reasons")))
                .containsExactly("length");
    }

    @Test
    void prompts_and_replies_are_not_recorded_unless_the_user_opts_in_and_then_without_secrets() {
        JudgeCallRecord.Content content = new JudgeCallRecord.Content("You are a strict judge.",
                "Claim: Paris is the capital. api_key=abcd1234secret", "{\"units\": []}");
        OpenTelemetryObserver quiet = OpenTelemetryObserver.create(OTEL.getOpenTelemetry());
        quiet.evaluationStarted(start("evt_6", request(null, "correctness")))
                .judgeCallFinished(call("evt_6", Outcome.OK, false, 0, content));
        SpanData plain = span("chat gpt-4o-mini");
        assertThat(plain.getAttributes().asMap().keySet()).extracting(k -> k.getKey())
                .doesNotContain("gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.system_instructions");
        assertThat(plain.getAttributes().toString()).doesNotContain("Paris").doesNotContain("strict judge");
        OTEL.clearSpans();

        OpenTelemetryObserver verbose = OpenTelemetryObserver.builder(OTEL.getOpenTelemetry()).captureContent(true)
                .build();
        verbose.evaluationStarted(start("evt_7", request(null, "correctness")))
                .judgeCallFinished(call("evt_7", Outcome.OK, false, 0, content));
        SpanData rich = span("chat gpt-4o-mini");
        assertThat(rich.getAttributes().get(stringKey("gen_ai.system_instructions")))
                .isEqualTo("You are a strict judge.");
        assertThat(rich.getAttributes().get(stringKey("gen_ai.input.messages")))
                .isEqualTo("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":"
                        + "\"Claim: Paris is the capital. api_key=[REDACTED]\"}]}]");
        assertThat(rich.getAttributes().get(stringKey("gen_ai.output.messages"))).contains("\"role\":\"assistant\"");
    }

    @Test
    void a_judge_call_outside_an_evaluation_is_a_span_of_its_own_and_calls_inside_one_are_not_doubled() {
        OpenTelemetryObserver observer = OpenTelemetryObserver.create(OTEL.getOpenTelemetry());
        observer.judgeCallFinished(call(null, Outcome.OK, false, 0, null));
        observer.judgeCallFinished(call("evt_8", Outcome.OK, false, 0, null));
        assertThat(OTEL.getSpans()).hasSize(1);
        assertThat(OTEL.getSpans().get(0).getAttributes().get(stringKey("railguard.event.id"))).isNull();
    }

    @Test
    void bad_options_name_the_option_and_the_value() {
        assertThatThrownBy(() -> OpenTelemetryObserver.builder(OTEL.getOpenTelemetry()).maxExplanationLength(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxExplanationLength must be at least 16, but was: 3");
    }
}
