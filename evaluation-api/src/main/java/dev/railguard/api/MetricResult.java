package dev.railguard.api;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The result of one metric on one output.
 *
 * <p>A {@link Verdict#PASS} or {@link Verdict#FAIL} always has a score in [0, 1] and is decided by
 * {@code score >= threshold}. An {@link Verdict#ERROR} or {@link Verdict#SKIPPED} has no score; its rationale and
 * diagnostics say why.
 *
 * @param metric      the metric's name, for example {@code "correctness"}
 * @param score       the score in [0, 1]; empty on ERROR and SKIPPED
 * @param threshold   the threshold the score was held against, in [0, 1]
 * @param verdict     PASS, FAIL, ERROR or SKIPPED
 * @param rationale   a human-readable summary: the failing units for FAIL, the cause for ERROR
 * @param units       the unit verdicts the score came from; empty for holistic judging and errors
 * @param usage       what judging this metric cost
 * @param diagnostics notes: default rules applied, raw judge replies that could not be parsed, searches made
 */
public record MetricResult(
        String metric,
        OptionalDouble score,
        double threshold,
        Verdict verdict,
        String rationale,
        List<UnitVerdict> units,
        Usage usage,
        List<Diagnostic> diagnostics) {

    /** Validates and copies; checks that the verdict agrees with the score and threshold. */
    public MetricResult {
        Checks.nonBlank(metric, "metric");
        Checks.notNull(score, "score");
        Thresholds.check(threshold, "threshold");
        Checks.notNull(verdict, "verdict");
        rationale = rationale == null ? "" : rationale;
        units = Checks.copy(units == null ? List.of() : units, "units");
        usage = usage == null ? Usage.NONE : usage;
        diagnostics = Checks.copy(diagnostics == null ? List.of() : diagnostics, "diagnostics");
        boolean scored = verdict == Verdict.PASS || verdict == Verdict.FAIL;
        if (scored != score.isPresent()) {
            throw new IllegalArgumentException("score must be present exactly when the verdict is pass or fail, but "
                    + "verdict was " + verdict + " and score " + score);
        }
        if (scored) {
            double s = Thresholds.check(score.getAsDouble(), "score");
            Verdict expected = s >= threshold ? Verdict.PASS : Verdict.FAIL;
            if (verdict != expected) {
                throw new IllegalArgumentException("verdict must be " + expected + " for score " + s
                        + " and threshold " + threshold + ", but was: " + verdict);
            }
        }
    }

    /** A scored result; the verdict is PASS when {@code score >= threshold}, else FAIL. */
    public static MetricResult scored(String metric, double score, double threshold, String rationale,
            List<UnitVerdict> units, Usage usage, List<Diagnostic> diagnostics) {
        return new MetricResult(metric, OptionalDouble.of(score), threshold,
                score >= threshold ? Verdict.PASS : Verdict.FAIL, rationale, units, usage, diagnostics);
    }

    /**
     * A result that could not be evaluated. {@code reason} becomes the rationale and the first ERROR diagnostic.
     */
    public static MetricResult error(String metric, double threshold, String reason, Usage usage,
            List<Diagnostic> diagnostics) {
        List<Diagnostic> all = new ArrayList<>();
        all.add(Diagnostic.error(reason));
        all.addAll(diagnostics == null ? List.of() : diagnostics);
        return new MetricResult(metric, OptionalDouble.empty(), threshold, Verdict.ERROR, reason, List.of(), usage, all);
    }

    /** A result that was deliberately not evaluated, with the reason (for example how to configure a judge). */
    public static MetricResult skipped(String metric, double threshold, String reason) {
        return new MetricResult(metric, OptionalDouble.empty(), threshold, Verdict.SKIPPED, reason, List.of(),
                Usage.NONE, List.of(Diagnostic.info(reason)));
    }

    /** Whether the verdict is PASS. */
    public boolean passed() {
        return verdict == Verdict.PASS;
    }

    /**
     * The units whose final verdict is N with at least medium confidence. An N with low confidence is a unit the
     * judge could not decide (or an even split of votes): it weighs nothing and is not listed as failing.
     */
    public List<UnitVerdict> failingUnits() {
        return units.stream().filter(u -> !u.satisfied() && u.confidence() != Confidence.LOW).toList();
    }

    /** A copy with {@code more} diagnostics appended. */
    public MetricResult withDiagnostics(List<Diagnostic> more) {
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        all.addAll(more);
        return new MetricResult(metric, score, threshold, verdict, rationale, units, usage, all);
    }

    /** A copy whose usage is {@code usage}. */
    public MetricResult withUsage(Usage usage) {
        return new MetricResult(metric, score, threshold, verdict, rationale, units, usage, diagnostics);
    }
}
