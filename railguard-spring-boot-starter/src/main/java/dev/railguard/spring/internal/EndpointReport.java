package dev.railguard.spring.internal;

import dev.railguard.api.EvaluationResult;
import dev.railguard.api.MetricResult;
import dev.railguard.engine.JudgeStats;
import dev.railguard.engine.Redaction;
import dev.railguard.monitor.MetricDistribution;
import dev.railguard.monitor.Monitor;
import dev.railguard.monitor.MonitorEvent;
import dev.railguard.monitor.MonitorStats;
import dev.railguard.workflow.Workflow;
import dev.railguard.workflow.WorkflowEvent;
import dev.railguard.workflow.WorkflowStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the {@code railguard} Actuator endpoint shows: per monitor and workflow its counts, pass rates per metric and
 * its recent failures (ids, metrics, reasons: never prompts or outputs), and the judges' traffic.
 */
public final class EndpointReport {

    /** Recent failures listed per monitor or workflow. */
    static final int FAILURES = 10;
    /** Recent workflow events the pass rates are computed over (a workflow keeps no all-time histogram). */
    static final int WINDOW = 100;

    private EndpointReport() {}

    public static Map<String, Object> monitor(Monitor m) {
        MonitorStats s = m.stats();
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("total", s.totalEvaluations());
        counts.put("completed", s.completedEvaluations());
        counts.put("failed", s.failedEvaluations());
        counts.put("queued", s.queuedEvaluations());
        counts.put("inProgress", s.inProgressEvaluations());
        counts.put("canceled", s.canceledEvaluations());
        counts.put("rejected", s.rejectedEvaluations());
        Map<String, Object> passRates = new LinkedHashMap<>();
        for (MetricDistribution d : m.distributions().values()) {
            passRates.put(d.metric(), d.evaluated() == 0 ? null : d.passRate());
        }
        List<Map<String, Object>> failures = new ArrayList<>();
        for (MonitorEvent e : m.recentEvents(WINDOW)) {
            if (failures.size() < FAILURES && e.status().isTerminal() && !passed(e.evaluationResult())) {
                failures.add(failure(e.eventId(), e.status().name(), e.evaluationResult(), e.errorMessage(),
                        e.completedAt()));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metrics", m.metrics());
        out.put("counts", counts);
        out.put("passRates", passRates);
        out.put("recentFailures", failures);
        return out;
    }

    public static Map<String, Object> workflow(Workflow w) {
        WorkflowStats s = w.stats();
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("processed", s.outputsProcessed());
        counts.put("belowThreshold", s.outputsBelowThreshold());
        counts.put("improved", s.outputsImproved());
        counts.put("failed", s.failed());
        counts.put("canceled", s.canceled());
        counts.put("inProgress", s.inProgress());
        Map<String, long[]> tally = new LinkedHashMap<>();
        List<Map<String, Object>> failures = new ArrayList<>();
        for (WorkflowEvent e : w.recentEvents(WINDOW)) {
            if (e.evaluationResult() != null) {
                for (MetricResult r : e.evaluationResult().metrics().values()) {
                    long[] t = tally.computeIfAbsent(r.metric(), k -> new long[2]);
                    t[0] += r.passed() ? 1 : 0;
                    t[1]++;
                }
            }
            if (failures.size() < FAILURES && !e.passed()) {
                failures.add(failure(e.eventId(), e.status().name(), e.evaluationResult(), e.errorMessage(),
                        e.completedAt()));
            }
        }
        Map<String, Object> passRates = new LinkedHashMap<>();
        tally.forEach((metric, t) -> passRates.put(metric, (double) t[0] / t[1]));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metrics", metricsOf(w));
        out.put("counts", counts);
        out.put("passRatesOfRecentEvents", passRates);
        out.put("recentFailures", failures);
        return out;
    }

    private static List<String> metricsOf(Workflow w) {
        List<String> metrics = new ArrayList<>(w.settings().thresholds().keySet());
        w.settings().tolerances().keySet().stream().filter(m -> !metrics.contains(m)).forEach(metrics::add);
        return metrics;
    }

    public static Map<String, Object> judges(JudgeStats s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("attempts", s.attempts());
        out.put("retries", s.retries());
        out.put("rateLimited", s.rateLimited());
        out.put("timeouts", s.timeouts());
        out.put("failedCalls", s.failedCalls());
        out.put("cacheHits", s.cacheHits());
        out.put("cacheMisses", s.cacheMisses());
        return out;
    }

    private static boolean passed(EvaluationResult r) {
        return r != null && r.passed();
    }

    private static Map<String, Object> failure(String eventId, String status, EvaluationResult r, String error,
            Object completedAt) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("eventId", eventId);
        f.put("status", status.toLowerCase(Locale.ROOT));
        if (r != null) {
            Map<String, Object> metrics = new LinkedHashMap<>();
            for (MetricResult m : r.notPassed()) {
                metrics.put(m.metric(), m.verdict().wireName()
                        + (m.score().isPresent() ? String.format(Locale.ROOT, " %.2f < %.2f",
                                m.score().getAsDouble(), m.threshold()) : ""));
            }
            f.put("failingMetrics", metrics);
        }
        if (error != null) {
            f.put("error", Redaction.redact(error));
        }
        if (completedAt != null) {
            f.put("completedAt", completedAt.toString());
        }
        return f;
    }
}
