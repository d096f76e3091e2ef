package dev.railguard.api;

/** How unit verdicts become a score in [0, 1]. */
public enum Aggregation {
    /**
     * Sum of the confidence weights of Y units over the sum of the weights of all units ({@link Confidence#weight()}).
     * When every unit is LOW (total weight 0) the unweighted share is used, with a diagnostic.
     */
    WEIGHTED_SHARE,
    /** 1.0 when every unit is Y; 0.0 as soon as any unit is N (no partial credit; comprehensive safety). */
    ANY_FAILURE_FAILS,
    /**
     * Average precision over the units in their order (a ranking, for example retrieved documents): the mean, over
     * the Y units, of the share of Y units among the units up to and including it. 1.0 when every Y unit ranks above
     * every N unit; 0.0 when no unit is Y. Confidence does not weigh in: a unit is relevant or not.
     */
    AVERAGE_PRECISION
}
