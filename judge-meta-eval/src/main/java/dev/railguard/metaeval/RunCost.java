package dev.railguard.metaeval;

/**
 * What a judge configuration cost over every evaluation of a run (all cases, all repeats).
 *
 * @param evaluations  evaluations that completed
 * @param judgeCalls   judge calls
 * @param inputTokens  prompt tokens
 * @param outputTokens completion tokens
 * @param cost         money, in the price table's currency; 0 without prices
 * @param p50Millis    median wall time of one evaluation, in milliseconds
 * @param p95Millis    95th percentile of the same
 */
public record RunCost(long evaluations, long judgeCalls, long inputTokens, long outputTokens, double cost,
        double p50Millis, double p95Millis) {

    /** Judge calls per evaluation ({@code NaN} without evaluations). */
    public double callsPerEvaluation() {
        return evaluations == 0 ? Double.NaN : (double) judgeCalls / evaluations;
    }

    /** Prompt and completion tokens per evaluation ({@code NaN} without evaluations). */
    public double tokensPerEvaluation() {
        return evaluations == 0 ? Double.NaN : (double) (inputTokens + outputTokens) / evaluations;
    }

    /** Money per evaluation ({@code NaN} without evaluations). */
    public double costPerEvaluation() {
        return evaluations == 0 ? Double.NaN : cost / evaluations;
    }
}
