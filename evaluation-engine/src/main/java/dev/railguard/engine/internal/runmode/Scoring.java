package dev.railguard.engine.internal.runmode;

import dev.railguard.api.Aggregation;
import dev.railguard.api.Confidence;
import dev.railguard.api.Diagnostic;
import dev.railguard.api.JudgedMetric;
import dev.railguard.api.MetricResult;
import dev.railguard.api.UnitVerdict;
import dev.railguard.api.UnitVote;
import dev.railguard.api.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Unit verdicts to a score, a verdict and a rationale: the one aggregation every run mode uses.
 */
public final class Scoring {

    private static final int RATIONALE_UNITS = 5;

    private Scoring() {}

    public static MetricResult score(JudgedMetric metric, double threshold, List<UnitVerdict> units, Usage usage,
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
        } else if (metric.aggregation() == Aggregation.AVERAGE_PRECISION) {
            score = averagePrecision(units);
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

    /**
     * Average precision of {@code units} in their order: the mean over Y units of the share of Y units at or above
     * that rank; 0 when no unit is Y.
     */
    public static double averagePrecision(List<UnitVerdict> units) {
        int relevant = 0;
        double sum = 0;
        for (int k = 0; k < units.size(); k++) {
            if (units.get(k).satisfied()) {
                relevant++;
                sum += (double) relevant / (k + 1);
            }
        }
        return relevant == 0 ? 0.0 : sum / relevant;
    }

    public static String rationale(JudgedMetric metric, List<UnitVerdict> units, double score) {
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

    /** The judge name of a verdict combined from several votes. */
    public static final String CONSENSUS = "consensus";

    /**
     * The confidence-weighted consensus of the votes on one unit. Y wins when the confidence weights of its votes
     * ({@link Confidence#weight()}) outweigh those of N (votes are counted instead when every vote is LOW). A
     * unanimous verdict keeps the lowest confidence among its votes; a split one is MEDIUM; an even split is N with
     * LOW confidence (weight 0: the unit does not count in a weighted score, and never passes on its own). A single
     * vote is returned as it is, under its judge's name.
     *
     * @throws IllegalArgumentException if {@code votes} is empty
     */
    public static UnitVerdict consensus(String text, String kind, String label, List<UnitVote> votes) {
        if (votes.isEmpty()) {
            throw new IllegalArgumentException("votes must not be empty for unit '" + text + "'");
        }
        if (votes.size() == 1) {
            UnitVote v = votes.get(0);
            return new UnitVerdict(text, kind, label, v.satisfied(), v.confidence(), v.judge(), v.reason(), votes);
        }
        double yes = 0;
        double no = 0;
        for (UnitVote v : votes) {
            if (v.satisfied()) {
                yes += v.confidence().weight();
            } else {
                no += v.confidence().weight();
            }
        }
        if (yes + no == 0) {
            yes = votes.stream().filter(UnitVote::satisfied).count();
            no = votes.size() - yes;
        }
        if (yes == no) {
            long y = votes.stream().filter(UnitVote::satisfied).count();
            return new UnitVerdict(text, kind, label, false, Confidence.LOW, CONSENSUS, "the votes split evenly (" + y
                    + " Y, " + (votes.size() - y) + " N); counted as N with low confidence", votes);
        }
        boolean satisfied = yes > no;
        List<UnitVote> winners = votes.stream().filter(v -> v.satisfied() == satisfied).toList();
        boolean unanimous = winners.size() == votes.size();
        Confidence confidence = unanimous
                ? winners.stream().map(UnitVote::confidence).min(Enum::compareTo).orElseThrow()
                : Confidence.MEDIUM;
        UnitVote best = winners.stream().max((a, b) -> a.confidence().compareTo(b.confidence())).orElseThrow();
        String reason = unanimous ? best.reason() : best.reason() + " (" + winners.size() + " of " + votes.size()
                + " votes)";
        return new UnitVerdict(text, kind, label, satisfied, confidence, CONSENSUS, reason, votes);
    }

    /** Whether a unit's votes disagree, so that a plan's arbiter gives the final verdict. */
    public static boolean needsArbiter(UnitVerdict unit) {
        return unit.disputed();
    }

    /** The arbiter's vote as the final verdict of a disputed unit; every earlier vote is kept. */
    public static UnitVerdict arbitrated(UnitVerdict unit, UnitVote arbiter) {
        List<UnitVote> votes = new ArrayList<>(unit.votes());
        votes.add(arbiter);
        return new UnitVerdict(unit.text(), unit.kind(), unit.label(), arbiter.satisfied(), arbiter.confidence(),
                arbiter.judge(), arbiter.reason(), votes);
    }

    /**
     * A holistic result: a score a judge gave directly, without units ({@code ultra_fast}).
     */
    public static MetricResult holistic(JudgedMetric metric, double threshold, double score, String reason, Usage usage,
            List<Diagnostic> diagnostics) {
        if (Double.isNaN(score) || score < 0 || score > 1) {
            return MetricResult.error(metric.name(), threshold, "the judge gave a score outside [0, 1]: " + score,
                    usage, diagnostics);
        }
        return MetricResult.scored(metric.name(), score, threshold, reason, List.of(), usage, diagnostics);
    }

    private static String shorten(String s) {
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }

    private static double clamp(double s) {
        return Math.max(0.0, Math.min(1.0, s));
    }
}
