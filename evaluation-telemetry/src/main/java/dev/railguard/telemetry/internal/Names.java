package dev.railguard.telemetry.internal;

import dev.railguard.api.EvaluationResult;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.MetricResult;
import dev.railguard.api.Verdict;
import java.util.Locale;

/** Attribute, event and meter names in one place (the README's table is this file), and the label rules. */
public final class Names {

    private Names() {
    }

    // OpenTelemetry GenAI semantic conventions
    public static final String EVALUATION_EVENT = "gen_ai.evaluation.result";
    public static final String EVALUATION_NAME = "gen_ai.evaluation.name";
    public static final String SCORE_VALUE = "gen_ai.evaluation.score.value";
    public static final String SCORE_LABEL = "gen_ai.evaluation.score.label";
    public static final String EXPLANATION = "gen_ai.evaluation.explanation";
    public static final String RESPONSE_ID = "gen_ai.response.id";
    public static final String ERROR_TYPE = "error.type";
    public static final String OPERATION_NAME = "gen_ai.operation.name";
    public static final String PROVIDER_NAME = "gen_ai.provider.name";
    public static final String REQUEST_MODEL = "gen_ai.request.model";
    public static final String RESPONSE_MODEL = "gen_ai.response.model";
    public static final String INPUT_TOKENS = "gen_ai.usage.input_tokens";
    public static final String OUTPUT_TOKENS = "gen_ai.usage.output_tokens";
    public static final String FINISH_REASONS = "gen_ai.response.finish_reasons";
    public static final String INPUT_MESSAGES = "gen_ai.input.messages";
    public static final String OUTPUT_MESSAGES = "gen_ai.output.messages";
    public static final String SYSTEM_INSTRUCTIONS = "gen_ai.system_instructions";

    // Railguard's own
    public static final String EVALUATION_SPAN = "railguard.evaluate";
    public static final String EVENT_ID = "railguard.event.id";
    public static final String RUN_MODE = "railguard.run_mode";
    public static final String METRICS = "railguard.metrics";
    public static final String STATUS = "railguard.status";
    public static final String PASSED = "railguard.passed";
    public static final String THRESHOLD = "railguard.threshold";
    public static final String NAMETAG = "railguard.nametag";
    public static final String JUDGE = "railguard.judge.name";
    public static final String JUDGE_OUTCOME = "railguard.judge.outcome";
    public static final String JUDGE_TEMPLATE = "railguard.judge.template";
    public static final String JUDGE_REQUESTS = "railguard.judge.model_requests";
    public static final String JUDGE_RETRIES = "railguard.judge.retries";
    public static final String JUDGE_RATE_LIMITED = "railguard.judge.rate_limited";
    public static final String JUDGE_REPAIRED = "railguard.judge.repaired";
    public static final String CACHE_HIT = "railguard.cache.hit";
    public static final String COST = "railguard.judge.cost";
    public static final String REPAIR_EVENT = "railguard.judge.repair";

    // Micrometer meters (Prometheus: dots become underscores, counters get _total)
    public static final String METER_EVALUATIONS = "railguard.evaluations";
    public static final String METER_JUDGE_CALLS = "railguard.judge.calls";
    public static final String METER_JUDGE_LATENCY = "railguard.judge.latency";
    public static final String METER_JUDGE_TOKENS = "railguard.judge.tokens";
    public static final String METER_JUDGE_COST = "railguard.judge.cost";
    public static final String METER_CACHE = "railguard.judge.cache";
    public static final String METER_QUEUED = "railguard.judge.queued";
    public static final String METER_IN_FLIGHT = "railguard.judge.in_flight";
    public static final String METER_MONITOR_INTAKE = "railguard.monitor.intake";
    public static final String METER_MONITOR_EVENTS = "railguard.monitor.events";
    public static final String METER_MONITOR_PASS_RATE = "railguard.monitor.pass_rate";
    public static final String METER_WORKFLOW_EVENTS = "railguard.workflow.events";

    /** {@code pass}, {@code fail}, {@code error} or {@code skipped}. */
    public static String label(Verdict verdict) {
        return verdict.name().toLowerCase(Locale.ROOT);
    }

    /** {@code completed}, {@code failed}, {@code canceled}, ... */
    public static String label(EvaluationStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The {@code error.type} of an ERROR metric: {@code judge_error} when a judge failed it, else {@code
     * metric_error}. A metric missing from a FAILED or CANCELED evaluation: {@code timeout}, {@code canceled} or
     * {@code failed}.
     */
    public static String errorType(MetricResult r) {
        return r.rationale().contains("judge '") ? "judge_error" : "metric_error";
    }

    /** The {@code error.type} of a metric that never finished because its evaluation ended early. */
    public static String unfinishedErrorType(EvaluationResult result) {
        if (result.status() == EvaluationStatus.CANCELED) {
            return "canceled";
        }
        String failure = result.failure() == null ? "" : result.failure();
        return failure.contains("timed out") ? "timeout" : "failed";
    }
}
