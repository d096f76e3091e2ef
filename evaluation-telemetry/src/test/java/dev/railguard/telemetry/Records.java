package dev.railguard.telemetry;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.api.Usage;
import dev.railguard.engine.EvaluationObserver.EvaluationStart;
import dev.railguard.engine.JudgeCallRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made observer inputs, for tests of the mapping without an evaluator. */
final class Records {

    static final Instant T0 = Instant.parse("2026-11-30T14:00:00Z");

    private Records() {
    }

    static EvaluationRequest request(String responseId, String... metrics) {
        ModelInput.Builder input = ModelInput.builder().userPrompt("What is the capital of France?");
        if (responseId != null) {
            input.extra("gen_ai.response.id", responseId);
        }
        return EvaluationRequest.builder().modelInput(input.build()).modelOutput("Paris.").runMode(RunMode.FAST)
                .metrics(metrics).nametag("checkout").build();
    }

    static EvaluationStart start(String eventId, EvaluationRequest request) {
        return new EvaluationStart(eventId, request, T0);
    }

    static EvaluationResult result(String eventId, EvaluationStatus status, String failure, MetricResult... metrics) {
        Map<String, MetricResult> map = new LinkedHashMap<>();
        for (MetricResult m : metrics) {
            map.put(m.metric(), m);
        }
        return new EvaluationResult(eventId, status, map, Usage.NONE, RunMode.FAST, "checkout", T0,
                T0.plusMillis(900), failure);
    }

    static MetricResult pass(String metric, double score) {
        return MetricResult.scored(metric, score, 0.7, "all claims are supported", List.of(), Usage.NONE, List.of());
    }

    static MetricResult fail(String metric, double score, String rationale) {
        return MetricResult.scored(metric, score, 0.7, rationale, List.of(), Usage.NONE, List.of());
    }

    static MetricResult error(String metric, String reason) {
        return MetricResult.error(metric, 0.7, reason, Usage.NONE, List.of());
    }

    static JudgeCallRecord call(String eventId, JudgeCallRecord.Outcome outcome, boolean repaired, int retries,
            JudgeCallRecord.Content content) {
        boolean cached = outcome == JudgeCallRecord.Outcome.CACHED;
        return new JudgeCallRecord(eventId, "standard", "openai", "gpt-4o-mini", cached ? null : "gpt-4o-mini-2024",
                "units.v2", T0.plusMillis(10), cached ? Duration.ZERO : Duration.ofMillis(400),
                cached ? 0 : 1200, cached ? 0 : 80, cached ? 0 : 0.0012, outcome, cached ? 0 : 1 + retries
                + (repaired ? 1 : 0), retries, retries, repaired,
                cached ? null : (outcome == JudgeCallRecord.Outcome.FAILED ? "length" : "stop"),
                outcome == JudgeCallRecord.Outcome.FAILED ? "invalid_reply" : null, content);
    }
}
