package dev.railguard.workflow;

import dev.railguard.api.MetricResult;
import dev.railguard.api.UnitVerdict;
import dev.railguard.api.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code analysis_of_failures} and {@code key_improvements} of a workflow attempt, derived deterministically from the
 * metrics that did not pass, their rationales and their failing units (no judge call, so the same results give the
 * same summary). The FIXIT repair prompt, the guardrail's reprompt and the Spring AI evaluators' feedback quote the same
 * findings.
 */
public final class FailureSummaries {

    private static final int MAX_UNITS_PER_METRIC = 10;

    private FailureSummaries() {}

    /** One line per metric that did not pass; empty when all passed. */
    static String analysis(Map<String, MetricResult> metrics) {
        List<String> lines = new ArrayList<>();
        for (MetricResult m : metrics.values()) {
            if (m.passed()) {
                continue;
            }
            lines.add(headline(m) + ": " + m.rationale());
        }
        return String.join("\n", lines);
    }

    /** What the next attempt must change: each failing unit, or the rationale of a metric without failing units. */
    static List<String> keyImprovements(Map<String, MetricResult> metrics) {
        List<String> out = new ArrayList<>();
        for (MetricResult m : metrics.values()) {
            if (m.passed()) {
                continue;
            }
            List<UnitVerdict> failing = m.failingUnits();
            if (failing.isEmpty()) {
                out.add(m.metric() + ": " + m.rationale());
                continue;
            }
            for (UnitVerdict u : failing.subList(0, Math.min(MAX_UNITS_PER_METRIC, failing.size()))) {
                out.add(m.metric() + ": fix '" + u.text() + "'" + (u.label().isEmpty() ? "" : " [" + u.label() + "]")
                        + (u.reason().isEmpty() ? "" : " (" + u.reason() + ")"));
            }
            if (failing.size() > MAX_UNITS_PER_METRIC) {
                out.add(m.metric() + ": and " + (failing.size() - MAX_UNITS_PER_METRIC) + " more failing units");
            }
        }
        return out;
    }

    /**
     * The findings section of a repair prompt: each failed metric with its failing units, or its rationale when it
     * has none to list (the rationale quotes the same units, so it is not repeated above them). A metric that could
     * not be evaluated (ERROR, SKIPPED) is no finding: there is nothing in the response to fix for it.
     */
    public static String findings(Map<String, MetricResult> metrics) {
        StringBuilder sb = new StringBuilder();
        for (MetricResult m : metrics.values()) {
            if (m.verdict() == Verdict.FAIL) {
                finding(sb, m);
            }
        }
        return sb.toString().stripTrailing();
    }

    /**
     * Every metric that did not pass, for a reader rather than a repair: the {@link #findings} of each failed metric,
     * and each metric that could not be evaluated with why ({@code - correctness could not be evaluated (error): ...}),
     * so a judge error is never silent. Empty when all passed.
     */
    public static String feedback(Map<String, MetricResult> metrics) {
        StringBuilder sb = new StringBuilder();
        for (MetricResult m : metrics.values()) {
            if (m.verdict() == Verdict.FAIL) {
                finding(sb, m);
            } else if (!m.passed()) {
                sb.append("- ").append(headline(m)).append(": ").append(m.rationale()).append('\n');
            }
        }
        return sb.toString().stripTrailing();
    }

    private static void finding(StringBuilder sb, MetricResult m) {
        List<UnitVerdict> failing = m.failingUnits();
        sb.append("- ").append(headline(m));
        if (failing.isEmpty()) {
            sb.append(": ").append(m.rationale());
        }
        sb.append('\n');
        for (UnitVerdict u : failing.subList(0, Math.min(MAX_UNITS_PER_METRIC, failing.size()))) {
            sb.append("  * failing item: '").append(u.text()).append('\'');
            if (!u.label().isEmpty()) {
                sb.append(" [").append(u.label()).append(']');
            }
            if (!u.reason().isEmpty()) {
                sb.append(": ").append(u.reason());
            }
            sb.append('\n');
        }
    }

    static String headline(MetricResult m) {
        if (m.verdict() == Verdict.FAIL) {
            return String.format(Locale.ROOT, "%s failed (score %.2f, threshold %.2f)", m.metric(),
                    m.score().getAsDouble(), m.threshold());
        }
        return m.metric() + " could not be evaluated (" + m.verdict().wireName() + ")";
    }
}
