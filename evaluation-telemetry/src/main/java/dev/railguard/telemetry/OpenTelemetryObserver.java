package dev.railguard.telemetry;

import static dev.railguard.telemetry.internal.Names.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.railguard.api.Checks;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.MetricResult;
import dev.railguard.api.Verdict;
import dev.railguard.engine.EvaluationObservation;
import dev.railguard.engine.EvaluationObserver;
import dev.railguard.event.EventObserver;
import dev.railguard.engine.JudgeCallRecord;
import dev.railguard.telemetry.internal.Texts;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Evaluations as OpenTelemetry traces and events, after the GenAI semantic conventions.
 *
 * <ul>
 *   <li>Each evaluation is an internal span {@code railguard.evaluate}, a child of the span that was current on the
 *       thread that submitted it.</li>
 *   <li>Each judge call is a client span {@code chat <model>} under it, with {@code gen_ai.operation.name},
 *       {@code gen_ai.provider.name}, {@code gen_ai.request.model}, {@code gen_ai.response.model},
 *       {@code gen_ai.usage.input_tokens}/{@code output_tokens} and {@code gen_ai.response.finish_reasons}; retries,
 *       a cache hit and a repair call are {@code railguard.*} attributes (a repair also a span event); a failed call
 *       has status ERROR and {@code error.type}.</li>
 *   <li>Each metric result is a {@code gen_ai.evaluation.result} event through the Logs API, parented to the span
 *       that was current at submit time (the application's own LLM call), else to the evaluation span; with
 *       {@code gen_ai.evaluation.name}, {@code .score.value}, {@code .score.label} ({@code pass}, {@code fail},
 *       {@code error}, {@code skipped}), {@code .explanation} (trimmed, secrets redacted), {@code gen_ai.response.id}
 *       when the request's extras carry {@value EvaluationObserver#RESPONSE_ID_EXTRA}, and {@code error.type} on
 *       ERROR.</li>
 * </ul>
 *
 * <p>Prompts and replies are never recorded unless {@link Builder#captureContent(boolean)} is set; even then secrets
 * are redacted. Needs {@code io.opentelemetry:opentelemetry-api} on
 * the class path; nothing else in Railguard does.
 *
 * <pre>{@code
 * RailguardEvaluator evaluator = RailguardEvaluator.builder()
 *     .judges(panel)
 *     .observer(OpenTelemetryObserver.create(GlobalOpenTelemetry.get()))
 *     .build();
 * }</pre>
 */
public final class OpenTelemetryObserver implements EvaluationObserver, EventObserver {

    /** The instrumentation scope name of spans and events. */
    public static final String SCOPE = "dev.railguard";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Tracer tracer;
    private final Logger logger;
    private final boolean captureContent;
    private final int maxExplanation;

    private OpenTelemetryObserver(Builder b) {
        this.tracer = b.openTelemetry.getTracer(SCOPE);
        this.logger = b.openTelemetry.getLogsBridge().loggerBuilder(SCOPE).build();
        this.captureContent = b.captureContent;
        this.maxExplanation = b.maxExplanationLength;
    }

    /** An observer with the defaults: no content, explanations cut at 1,000 characters. */
    public static OpenTelemetryObserver create(OpenTelemetry openTelemetry) {
        return builder(openTelemetry).build();
    }

    /** A builder over {@code openTelemetry} (for example {@code GlobalOpenTelemetry.get()}). */
    public static Builder builder(OpenTelemetry openTelemetry) {
        return new Builder(openTelemetry);
    }

    @Override
    public EvaluationObservation evaluationStarted(EvaluationStart start) {
        Context parent = Context.current();
        Span span = tracer.spanBuilder(EVALUATION_SPAN)
                .setParent(parent)
                .setSpanKind(SpanKind.INTERNAL)
                .setStartTimestamp(start.startedAt())
                .setAttribute(EVENT_ID, start.eventId())
                .setAttribute(RUN_MODE, start.request().runMode().wireName())
                .setAttribute(AttributeKey.stringArrayKey(METRICS), start.request().metrics())
                .startSpan();
        if (start.request().nametag() != null) {
            span.setAttribute(NAMETAG, start.request().nametag());
        }
        String responseId = start.responseId();
        if (responseId != null) {
            span.setAttribute(RESPONSE_ID, responseId);
        }
        Context own = parent.with(span);
        Context events = Span.fromContext(parent).getSpanContext().isValid() ? parent : own;
        return new Observation(start, span, own, events, responseId);
    }

    /** Work handed to a monitor now runs, later and on its thread, in the context current now. */
    @Override
    public Executor captureContext() {
        Context context = Context.current();
        return task -> {
            try (Scope ignored = context.makeCurrent()) {
                task.run();
            }
        };
    }

    @Override
    public void judgeCallFinished(JudgeCallRecord call) {
        if (call.eventId() == null) {
            judgeSpan(Context.current(), call);
        }
    }

    /** The observation of one evaluation: its span, and the contexts its calls and events hang from. */
    private final class Observation implements EvaluationObservation {
        private final EvaluationStart start;
        private final Span span;
        private final Context own;
        private final Context events;
        private final String responseId;

        Observation(EvaluationStart start, Span span, Context own, Context events, String responseId) {
            this.start = start;
            this.span = span;
            this.own = own;
            this.events = events;
            this.responseId = responseId;
        }

        @Override
        public void judgeCallFinished(JudgeCallRecord call) {
            judgeSpan(own, call);
        }

        @Override
        public void finished(EvaluationResult result) {
            for (String metric : start.request().metrics()) {
                MetricResult r = result.metrics().get(metric);
                emit(metric, r, result);
            }
            span.setAttribute(STATUS, label(result.status()));
            span.setAttribute(PASSED, result.passed());
            if (result.status() != EvaluationStatus.COMPLETED) {
                span.setStatus(StatusCode.ERROR, Texts.trimmed(result.failure(), maxExplanation));
                span.setAttribute(ERROR_TYPE, unfinishedErrorType(result));
            }
            span.end(result.completedAt());
        }

        private void emit(String metric, MetricResult r, EvaluationResult result) {
            LogRecordBuilder event = logger.logRecordBuilder()
                    .setEventName(EVALUATION_EVENT)
                    .setContext(events)
                    .setTimestamp(result.completedAt())
                    .setSeverity(Severity.INFO)
                    .setAttribute(EVALUATION_NAME, metric)
                    .setAttribute(EVENT_ID, result.eventId())
                    .setAttribute(RUN_MODE, result.runMode().wireName());
            if (responseId != null) {
                event.setAttribute(RESPONSE_ID, responseId);
            }
            if (r == null) {
                event.setAttribute(SCORE_LABEL, label(Verdict.ERROR))
                        .setAttribute(ERROR_TYPE, unfinishedErrorType(result))
                        .setAttribute(EXPLANATION, Texts.trimmed(result.failure() == null
                                ? "the evaluation ended " + label(result.status()) + " before this metric finished"
                                : result.failure(), maxExplanation));
            } else {
                event.setAttribute(SCORE_LABEL, label(r.verdict()))
                        .setAttribute(THRESHOLD, r.threshold())
                        .setAttribute(EXPLANATION, Texts.trimmed(r.rationale(), maxExplanation));
                if (r.score().isPresent()) {
                    event.setAttribute(SCORE_VALUE, r.score().getAsDouble());
                }
                if (r.verdict() == Verdict.ERROR) {
                    event.setAttribute(ERROR_TYPE, errorType(r));
                }
            }
            event.emit();
        }
    }

    private void judgeSpan(Context parent, JudgeCallRecord call) {
        boolean cached = call.outcome() == JudgeCallRecord.Outcome.CACHED;
        SpanBuilder b = tracer.spanBuilder("chat " + call.requestModel())
                .setParent(parent)
                .setSpanKind(cached ? SpanKind.INTERNAL : SpanKind.CLIENT)
                .setStartTimestamp(call.startedAt())
                .setAttribute(OPERATION_NAME, "chat")
                .setAttribute(PROVIDER_NAME, call.provider())
                .setAttribute(REQUEST_MODEL, call.requestModel())
                .setAttribute(JUDGE, call.judge())
                .setAttribute(JUDGE_OUTCOME, call.outcome().tag())
                .setAttribute(JUDGE_TEMPLATE, call.template())
                .setAttribute(CACHE_HIT, cached);
        if (call.eventId() != null) {
            b.setAttribute(EVENT_ID, call.eventId());
        }
        Span span = b.startSpan();
        if (!cached) {
            span.setAttribute(INPUT_TOKENS, call.inputTokens());
            span.setAttribute(OUTPUT_TOKENS, call.outputTokens());
            span.setAttribute(JUDGE_REQUESTS, call.modelRequests());
            span.setAttribute(JUDGE_RETRIES, call.retries());
            span.setAttribute(JUDGE_RATE_LIMITED, call.rateLimited());
            span.setAttribute(JUDGE_REPAIRED, call.repaired());
            if (call.cost() > 0) {
                span.setAttribute(COST, call.cost());
            }
        }
        if (call.responseModel() != null) {
            span.setAttribute(RESPONSE_MODEL, call.responseModel());
        }
        if (call.finishReason() != null) {
            span.setAttribute(AttributeKey.stringArrayKey(FINISH_REASONS), List.of(call.finishReason()));
        }
        if (call.repaired()) {
            span.addEvent(REPAIR_EVENT, Attributes.of(AttributeKey.stringKey(JUDGE), call.judge()), call.startedAt());
        }
        if (call.outcome() == JudgeCallRecord.Outcome.FAILED) {
            String type = call.errorType() == null ? "_OTHER" : call.errorType();
            span.setAttribute(ERROR_TYPE, type);
            span.setStatus(StatusCode.ERROR, type);
        }
        if (captureContent && call.content() != null) {
            JudgeCallRecord.Content c = call.content();
            span.setAttribute(SYSTEM_INSTRUCTIONS, Texts.redact(c.systemPrompt()));
            span.setAttribute(INPUT_MESSAGES, messages("user", c.userPrompt()));
            if (c.reply() != null) {
                span.setAttribute(OUTPUT_MESSAGES, messages("assistant", c.reply()));
            }
        }
        Instant end = call.startedAt().plus(call.duration());
        span.end(end);
    }

    /** One message in the conventions' JSON shape: {@code [{"role": ..., "parts": [{"type": "text", ...}]}]}. */
    private static String messages(String role, String text) {
        ArrayNode all = JSON.createArrayNode();
        ObjectNode message = all.addObject().put("role", role);
        message.putArray("parts").addObject().put("type", "text").put("content", Texts.redact(text));
        return all.toString();
    }

    /** Options of an {@link OpenTelemetryObserver}. */
    public static final class Builder {
        private final OpenTelemetry openTelemetry;
        private boolean captureContent;
        private int maxExplanationLength = 1000;

        private Builder(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry must not be null");
        }

        /**
         * Whether judge spans carry the prompts and the reply ({@code gen_ai.system_instructions},
         * {@code gen_ai.input.messages}, {@code gen_ai.output.messages}); default false, as the conventions advise.
         * Secrets are redacted from them even then.
         */
        public Builder captureContent(boolean capture) {
            this.captureContent = capture;
            return this;
        }

        /** Explanations longer than this are cut (after redaction); default 1,000, at least 16. */
        public Builder maxExplanationLength(int max) {
            Checks.atLeast(max, 16, "maxExplanationLength");
            this.maxExplanationLength = max;
            return this;
        }

        /** The observer. */
        public OpenTelemetryObserver build() {
            return new OpenTelemetryObserver(this);
        }
    }
}
