package dev.railguard.metaeval.internal;

import dev.railguard.metaeval.ConfigurationResult;
import dev.railguard.metaeval.Estimate;
import dev.railguard.metaeval.LabelledDataset;
import dev.railguard.metaeval.MetaEvaluationReport;
import dev.railguard.metaeval.MetricAgreement;
import dev.railguard.metaeval.ModeComparison;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The console table of a meta-evaluation report. */
public final class ReportTable {

    private static final String ROW = "%-28s %-20s %5s %-22s %6s %6s %6s %6s %-22s %5s %8s %9s %9s %8s %8s%n";

    private ReportTable() {}

    /** The table, then the comparisons and what was skipped. */
    public static String render(MetaEvaluationReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Meta-evaluation of %s: %d cases, %d repeat(s), 95%% intervals from %d"
                + " bootstrap samples (seed %d); FAIL is the positive class%n%n", report.dataset(), report.cases(),
                report.repeats(), report.bootstrapSamples(), report.seed()));
        out.append(String.format(Locale.ROOT, ROW, "panel / mode", "metric", "n", "balanced acc. [95%]", "kappa",
                "mcc", "P(fail)", "R(fail)", "flip rate [95%]", "unj.", "calls/ev", "tokens/ev", "cost/ev", "p50 ms",
                "p95 ms"));
        for (ConfigurationResult c : report.configurations()) {
            for (MetricAgreement m : c.metrics()) {
                out.append(String.format(Locale.ROOT, ROW, c.label(), m.metric(), m.cases(),
                        m.balancedAccuracy(), point(m.kappa()), point(m.mcc()), point(m.precisionFail()),
                        point(m.recallFail()), m.flipRate(), m.unjudged(),
                        num(c.cost().callsPerEvaluation(), 2), num(c.cost().tokensPerEvaluation(), 0),
                        num(c.cost().costPerEvaluation(), 5), num(c.cost().p50Millis(), 1),
                        num(c.cost().p95Millis(), 1)));
            }
            if (c.metrics().isEmpty() || c.cost().evaluations() == 0) {
                out.append(String.format(Locale.ROOT, "%-28s nothing was evaluated%n", c.label()));
            }
        }
        if (!report.comparisons().isEmpty()) {
            out.append(String.format("%nWhat each mode buys over the baseline (paired over the same cases):%n"));
            for (ModeComparison m : report.comparisons()) {
                out.append("  ").append(m.panel()).append(", ").append(m.metric()).append(": ").append(m.conclusion())
                        .append(System.lineSeparator());
            }
        }
        for (ConfigurationResult c : report.configurations()) {
            for (MetricAgreement m : c.metrics()) {
                if (m.units().present()) {
                    out.append(String.format(Locale.ROOT, "%n%s, %s, single units: %d of %d labelled units matched a"
                            + " judged unit; balanced accuracy %s, kappa %s%n", c.label(), m.metric(),
                            m.units().matched(), m.units().labelled(), m.units().balancedAccuracy(),
                            point(m.units().kappa())));
                }
            }
        }
        for (ConfigurationResult c : report.configurations()) {
            for (MetricAgreement m : c.metrics()) {
                if (m.unjudged() > 0) {
                    out.append(String.format(Locale.ROOT, "%n%s, %s: %d verdict(s) neither PASS nor FAIL, left out of"
                            + " the figures; for example: %s%n", c.label(), m.metric(), m.unjudged(),
                            String.join(" | ", m.errorSamples())));
                }
            }
            skipped(out, c.label() + ": cases not evaluated", c.skippedCases());
        }
        skipped(out, "records of the data set that could not be read", report.skippedRecords());
        return out.toString();
    }

    /** Skipped entries grouped by reason, with a count and the first positions. */
    static void skipped(StringBuilder out, String title, List<LabelledDataset.Skipped> skipped) {
        if (skipped.isEmpty()) {
            return;
        }
        out.append(String.format("%n%s (%d):%n", title, skipped.size()));
        Map<String, StringBuilder> byReason = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (LabelledDataset.Skipped s : skipped) {
            int n = counts.merge(s.reason(), 1, Integer::sum);
            StringBuilder positions = byReason.computeIfAbsent(s.reason(), r -> new StringBuilder());
            if (n <= 3) {
                positions.append(n == 1 ? "" : ", ").append(s.position());
            }
        }
        byReason.forEach((reason, positions) -> out.append(String.format("  %d x %s (%s%s)%n", counts.get(reason),
                reason, positions, counts.get(reason) > 3 ? ", ..." : "")));
    }

    static String point(Estimate e) {
        return e.defined() ? String.format(Locale.ROOT, "%.3f", e.value()) : "n/a";
    }

    static String num(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
