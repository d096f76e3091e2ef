package dev.railguard.engine;

import dev.railguard.api.Aggregation;
import dev.railguard.api.Diagnostic;
import dev.railguard.api.JudgedMetric;
import dev.railguard.api.MetricResult;
import dev.railguard.api.UnitVerdict;
import dev.railguard.api.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Unit verdicts to a score, a verdict and a rationale: the one aggregation every run mode uses.
 */
final class Scoring {

    private static final int RATIONALE_UNITS = 5;

    private Scoring() {}

    static MetricResult score(JudgedMetric metric, double threshold, List<UnitVerdict> units, Usage usage,
            List<Diagnostic> diagnostics) {
        List<Diagnostic> notes = new ArrayList<>(diagnostics);
        String kind = metric.unitKind().name();
        if (units.isEmpty()) {
            return MetricResult.error(metric.name(), threshold, "the judge found no " + kind
                    + " units to score; an empty unit list is not a pass", usage, notes);
        }
        double score;
        if (metric.aggregation() == Aggregation.ANY_FAILURE_FAILS) {
            score = units.stream().allMatch(UnitVerdict::satisfied) ? 1.0 : 0.0;
        } else {
            double total = 0;
            double yes = 0;
            for (UnitVerdict u : units) {
                total += u.confidence().weight();
                if (u.satisfied()) {
                    yes += u.confidence().weight();
                }
            }
            if (total == 0) {
                long y = units.stream().filter(UnitVerdict::satisfied).count();
                score = (double) y / units.size();
                notes.add(Diagnostic.warning("every " + kind + " unit was judged with low confidence, which weighs 0;"
                        + " the unweighted share of Y units was used"));
            } else {
                score = yes / total;
            }
        }
        return MetricResult.scored(metric.name(), clamp(score), threshold, rationale(metric, units, score), units,
                usage, notes);
    }

    static String rationale(JudgedMetric metric, List<UnitVerdict> units, double score) {
        String kind = metric.unitKind().name().replace('_', ' ');
        List<UnitVerdict> failing = units.stream().filter(u -> !u.satisfied()).toList();
        String scoreText = String.format(Locale.ROOT, "%.2f", score);
        if (failing.isEmpty()) {
            return "All " + units.size() + " " + kind + " units were judged Y (score " + scoreText + ").";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(failing.size()).append(" of ").append(units.size()).append(' ').append(kind)
                .append(" units were judged N (score ").append(scoreText).append("): ");
        for (int i = 0; i < Math.min(RATIONALE_UNITS, failing.size()); i++) {
            UnitVerdict u = failing.get(i);
            if (i > 0) {
                sb.append("; ");
            }
            sb.append('\'').append(shorten(u.text())).append('\'');
            if (!u.label().isEmpty()) {
                sb.append(" [").append(u.label()).append(']');
            }
            sb.append(" (").append(u.confidence().name().toLowerCase(Locale.ROOT));
            if (!u.reason().isEmpty()) {
                sb.append(": ").append(u.reason());
            }
            sb.append(')');
        }
        if (failing.size() > RATIONALE_UNITS) {
            sb.append("; and ").append(failing.size() - RATIONALE_UNITS).append(" more");
        }
        return sb.append('.').toString();
    }

    private static String shorten(String s) {
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }

    private static double clamp(double s) {
        return Math.max(0.0, Math.min(1.0, s));
    }
}
