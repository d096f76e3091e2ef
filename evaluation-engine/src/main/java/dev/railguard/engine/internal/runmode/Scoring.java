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

    /**
     * The result of {@code units}. Confidence says how sure the judge is: a LOW unit weighs 0. A LOW "N" is a unit
     * the judge could not decide; a LOW "Y" one the rubric says does not count. Undecided units never pass or fail
     * an output on their own: a weighted share with more undecided units than decided ones is ERROR, and so is an
     * any-failure metric with an undecided unit and no decided failure. Each decided unit weighs its confidence
     * weight times the metric's {@link JudgedMetric#unitWeight unit weight}.
     */
    public static MetricResult score(JudgedMetric metric, double threshold, List<UnitVerdict> units, Usage usage,
            List<Diagnostic> diagnostics) {
        List<Diagnostic> notes = new ArrayList<>(diagnostics);
        String kind = metric.unitKind().name();
        if (units.isEmpty()) {
            return MetricResult.error(metric.name(), threshold, "the judge found no " + kind
                    + " units to score; an empty unit list is not a pass", usage, notes);
        }
        long undecided = units.stream().filter(Scoring::undecided).count();
        long decided = units.stream().filter(u -> u.confidence() != Confidence.LOW).count();
        double score;
        if (metric.aggregation() == Aggregation.ANY_FAILURE_FAILS) {
            boolean failed = units.stream().anyMatch(u -> !u.satisfied() && u.confidence() != Confidence.LOW);
            if (!failed && undecided > 0) {
                return undecidedError(metric, threshold, "the judge could not decide " + undecided + " of "
                        + units.size() + " " + kind + " units (N with low confidence) and found no failure it was"
                        + " sure of; any undecided unit could fail the output: " + undecidedList(units), units, usage,
                        notes);
            }
            score = failed ? 0.0 : 1.0;
        } else if (metric.aggregation() == Aggregation.AVERAGE_PRECISION) {
            score = averagePrecision(units);
        } else {
            if (undecided > decided) {
                return undecidedError(metric, threshold, "the judge could not decide " + undecided + " of "
                        + units.size() + " " + kind + " units (N with low confidence), more than the " + decided
                        + " it decided; a score from those would not be reliable: " + undecidedList(units), units,
                        usage, notes);
            }
            double total = 0;
            double yes = 0;
            for (UnitVerdict u : units) {
                double weight = metric.unitWeight(u, units);
                if (!(weight > 0) || Double.isInfinite(weight)) {
                    return MetricResult.error(metric.name(), threshold, "metric " + metric.name()
                            + " gave unit '" + shorten(u.text()) + "' the weight " + weight + "; a unit weight must be"
                            + " positive and finite", usage, notes);
                }
                total += weight * u.confidence().weight();
                if (u.satisfied()) {
                    yes += weight * u.confidence().weight();
                }
            }
            if (total == 0) {
                return MetricResult.error(metric.name(), threshold, "every " + kind + " unit was judged with low"
                        + " confidence, which weighs 0; no unit counted, so there is no score", usage, notes);
            }
            score = yes / total;
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


    /** An ERROR that keeps the units and their votes, so a reader sees what the judges could not decide. */
    private static MetricResult undecidedError(JudgedMetric metric, double threshold, String reason,
            List<UnitVerdict> units, Usage usage, List<Diagnostic> notes) {
        MetricResult error = MetricResult.error(metric.name(), threshold, reason, usage, notes);
        return new MetricResult(error.metric(), error.score(), error.threshold(), error.verdict(), error.rationale(),
                units, error.usage(), error.diagnostics());
    }

    /** A unit the judge could not decide: N with low confidence (an even split of votes is one too). */
    public static boolean undecided(UnitVerdict unit) {
        return !unit.satisfied() && unit.confidence() == Confidence.LOW;
    }

    private static String undecidedList(List<UnitVerdict> units) {
        List<String> texts = units.stream().filter(Scoring::undecided).limit(RATIONALE_UNITS)
                .map(u -> "'" + shorten(u.text()) + "'" + (u.label().isEmpty() ? "" : " [" + u.label() + "]")).toList();
        long more = units.stream().filter(Scoring::undecided).count() - texts.size();
        return String.join("; ", texts) + (more > 0 ? "; and " + more + " more" : "") + ".";
    }

    /**
     * The rationale of a scored result: the decided N units first (at most five, with confidence and reason), then
     * how many units were left undecided.
     */
    public static String rationale(JudgedMetric metric, List<UnitVerdict> units, double score) {
        String kind = metric.unitKind().name().replace('_', ' ');
        List<UnitVerdict> failing = units.stream().filter(u -> !u.satisfied() && !undecided(u)).toList();
        long undecided = units.stream().filter(Scoring::undecided).count();
        String scoreText = String.format(Locale.ROOT, "%.2f", score);
        String open = undecided == 0 ? "" : " (" + undecided + " undecided, not counted)";
        if (failing.isEmpty() && undecided == 0) {
            return "All " + units.size() + " " + kind + " units were judged Y (score " + scoreText + ").";
        }
        if (failing.isEmpty()) {
            return "All " + (units.size() - undecided) + " decided " + kind + " units of " + units.size()
                    + " were judged Y" + open + " (score " + scoreText + ").";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(failing.size()).append(" of ").append(units.size()).append(' ').append(kind)
                .append(" units were judged N").append(open).append(" (score ").append(scoreText).append("): ");
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
                    + " Y, " + (votes.size() - y) + " N); undecided (N with low confidence)", votes);
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
