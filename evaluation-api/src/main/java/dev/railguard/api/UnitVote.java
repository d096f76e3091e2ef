package dev.railguard.api;

/**
 * One judge's verdict on one unit in one pass. A unit verified by several judges or passes keeps every vote.
 *
 * @param judge      the judge's name
 * @param pass       the pass number, from 1
 * @param satisfied  {@code true} for Y (the unit meets the metric's criterion), {@code false} for N
 * @param confidence how sure the judge was
 * @param reason     the judge's short reason; never {@code null}, may be empty
 */
public record UnitVote(String judge, int pass, boolean satisfied, Confidence confidence, String reason) {
    /** Validates. */
    public UnitVote {
        Checks.nonBlank(judge, "vote.judge");
        Checks.atLeast(pass, 1, "vote.pass");
        Checks.notNull(confidence, "vote.confidence");
        reason = reason == null ? "" : reason;
    }
}
