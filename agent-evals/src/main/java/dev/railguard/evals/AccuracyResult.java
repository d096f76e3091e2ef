package dev.railguard.evals;

import dev.railguard.evals.internal.Stats;
import java.util.List;

/**
 * The result of an accuracy eval. The statistics are over the iterations that were judged; the iterations that
 * were not (agent exception, empty output, judge failure, timeout) stay in {@code results} with their error and are
 * counted in {@code numErrors}, and any error makes the status {@link EvalStatus#ERROR}.
 *
 * @param results       every iteration, in order
 * @param numIterations how many iterations were asked for
 * @param numErrors     how many iterations have an error instead of a score
 * @param avgScore      the mean score (Agno's {@code avg_score}), null when no iteration was judged
 * @param meanScore     the same as {@code avgScore} (Agno writes both)
 * @param medianScore   the median score
 * @param minScore      the lowest score
 * @param maxScore      the highest score
 * @param stdDevScore   the sample standard deviation (0 for one score)
 * @param threshold     the mean score needed to pass, or null (then the status is COMPLETED or ERROR)
 * @param evalStatus    PASSED or FAILED against the threshold, COMPLETED without one, ERROR when any iteration failed
 */
public record AccuracyResult(List<Iteration> results, int numIterations, int numErrors, Double avgScore,
        Double meanScore, Double medianScore, Double minScore, Double maxScore, Double stdDevScore, Double threshold,
        EvalStatus evalStatus) implements EvalData {

    /** Copies. */
    public AccuracyResult {
        results = List.copyOf(results);
    }

    /**
     * One iteration.
     *
     * @param iteration       1-based
     * @param input           the input
     * @param output          the agent's answer (or the given output), null when the agent failed
     * @param expectedOutputs the accepted answers
     * @param score           1..10, null when there is an error
     * @param reason          the judge's reason, null when there is an error
     * @param passed          score &gt;= threshold, null without threshold or with an error
     * @param error           what went wrong, prefixed {@code agent:}, {@code judge:} or {@code timeout:}; null if
     *                        judged
     * @param judge           the judge asked, null if the agent failed
     */
    public record Iteration(int iteration, String input, String output, List<String> expectedOutputs, Integer score,
            String reason, Boolean passed, String error, String judge) {

        /** Copies. */
        public Iteration {
            expectedOutputs = List.copyOf(expectedOutputs);
        }
    }

    static AccuracyResult of(List<Iteration> results, Double threshold) {
        List<Integer> scores = results.stream().filter(r -> r.score() != null).map(Iteration::score).toList();
        int errors = (int) results.stream().filter(r -> r.error() != null).count();
        Stats s = Stats.of(scores);
        EvalStatus status;
        if (errors > 0) {
            status = EvalStatus.ERROR;
        } else if (threshold == null) {
            status = EvalStatus.COMPLETED;
        } else {
            status = s.mean() >= threshold ? EvalStatus.PASSED : EvalStatus.FAILED;
        }
        return new AccuracyResult(results, results.size(), errors, s.mean(), s.mean(), s.median(), s.min(), s.max(),
                s.stdDev(), threshold, status);
    }
}
