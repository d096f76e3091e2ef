package dev.railguard.api;

import java.util.List;

/**
 * The verdict on one unit of an output: a factual claim, an instruction, a completeness dimension, a safety chunk
 * in one category. The score of a metric is computed from its units.
 *
 * @param text       the unit as the judge stated it (the claim, the instruction, ...)
 * @param kind       the unit kind, for example {@code "claim"} or {@code "safety_chunk"}
 * @param label      a sub-kind where the metric has one (completeness dimension, safety category), else empty
 * @param satisfied  the final verdict: {@code true} for Y, {@code false} for N
 * @param confidence the final confidence, which weighs the unit in the score
 * @param judge      who decided: a judge's name, or {@code "consensus"} when several votes were combined
 * @param reason     the short reason for the final verdict
 * @param votes      every vote that went into the verdict; one for single-judge modes
 */
public record UnitVerdict(
        String text,
        String kind,
        String label,
        boolean satisfied,
        Confidence confidence,
        String judge,
        String reason,
        List<UnitVote> votes) {

    /** Validates and copies. */
    public UnitVerdict {
        Checks.notNull(text, "unit.text");
        Checks.nonBlank(kind, "unit.kind");
        label = label == null ? "" : label;
        Checks.notNull(confidence, "unit.confidence");
        Checks.nonBlank(judge, "unit.judge");
        reason = reason == null ? "" : reason;
        votes = Checks.copy(votes == null ? List.of() : votes, "unit.votes");
    }

    /** Whether the votes behind this verdict disagree on Y/N. */
    public boolean disputed() {
        return votes.stream().map(UnitVote::satisfied).distinct().count() > 1;
    }

    /** {@code "Y"} or {@code "N"}. */
    public String verdictLetter() {
        return satisfied ? "Y" : "N";
    }
}
