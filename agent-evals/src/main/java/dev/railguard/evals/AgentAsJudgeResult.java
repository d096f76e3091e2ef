package dev.railguard.evals;

import dev.railguard.evals.internal.Stats;
import java.util.List;

/**
 * The result of an agent-as-judge eval. The pass rate is over all cases: a case the judge could not evaluate counts
 * as not passed and is reported with its error; any error makes the status {@link EvalStatus#ERROR}. Score
 * statistics exist in numeric mode only (null in binary mode) and are over the judged cases.
 *
 * @param results         every case, in order
 * @param scoringStrategy binary or numeric
 * @param threshold       the passing score in numeric mode, null in binary mode
 * @param numErrors       how many cases have an error instead of a verdict
 * @param passRate        passed cases / all cases * 100
 * @param passRateCiLow   lower bound of the 95% Wilson score interval of the pass rate, in percent
 * @param passRateCiHigh  upper bound of that interval, in percent (with few cases the interval is wide: 3 of 4
 *                        passed is 30.1% to 95.4%)
 * @param avgScore        mean score (numeric mode)
 * @param medianScore     median score (numeric mode)
 * @param minScore        lowest score (numeric mode)
 * @param maxScore        highest score (numeric mode)
 * @param stdDevScore     sample standard deviation (numeric mode)
 * @param evalStatus      PASSED when every case passed, FAILED when one failed, ERROR when one could not be judged
 */
public record AgentAsJudgeResult(List<Evaluation> results, ScoringStrategy scoringStrategy, Integer threshold,
        int numErrors, double passRate, double passRateCiLow, double passRateCiHigh, Double avgScore, Double medianScore, Double minScore, Double maxScore,
        Double stdDevScore, EvalStatus evalStatus) implements EvalData {

    /** Copies. */
    public AgentAsJudgeResult {
        results = List.copyOf(results);
    }

    /**
     * One judged case.
     *
     * @param index          0-based position of the case
     * @param input          the case's input
     * @param output         the case's output
     * @param expectedOutput the reference answer, or null
     * @param criteria       the criteria
     * @param score          1..10 in numeric mode, null in binary mode or with an error
     * @param reason         the judge's reason, null with an error
     * @param passed         whether the case passed (false with an error)
     * @param error          why the case could not be judged ({@code judge:} or {@code timeout:}), or null
     * @param onFailError    what the on-fail callback threw for this case, or null
     * @param judge          the judge asked
     */
    public record Evaluation(int index, String input, String output, String expectedOutput, String criteria,
            Integer score, String reason, boolean passed, String error, String onFailError, String judge) {

        Evaluation withOnFailError(String e) {
            return new Evaluation(index, input, output, expectedOutput, criteria, score, reason, passed, error, e,
                    judge);
        }
    }

    static AgentAsJudgeResult of(List<Evaluation> results, ScoringStrategy strategy, int threshold) {
        int errors = (int) results.stream().filter(r -> r.error() != null).count();
        long passed = results.stream().filter(Evaluation::passed).count();
        double passRate = results.isEmpty() ? 0.0 : passed * 100.0 / results.size();
        Stats s = strategy == ScoringStrategy.NUMERIC
                ? Stats.of(results.stream().filter(r -> r.score() != null).map(Evaluation::score).toList())
                : Stats.EMPTY;
        EvalStatus status = errors > 0 ? EvalStatus.ERROR
                : passed == results.size() ? EvalStatus.PASSED : EvalStatus.FAILED;
        double[] ci = wilson(passed, results.size());
        return new AgentAsJudgeResult(results, strategy, strategy == ScoringStrategy.NUMERIC ? threshold : null,
                errors, passRate, ci[0], ci[1], s.mean(), s.median(), s.min(), s.max(), s.stdDev(), status);
    }

    /** The 95% Wilson score interval of {@code passed} out of {@code n}, in percent; [0, 0] when n is 0. */
    static double[] wilson(long passed, int n) {
        if (n == 0) {
            return new double[] {0.0, 0.0};
        }
        double z = 1.959963984540054;
        double p = (double) passed / n;
        double z2n = z * z / n;
        double center = (p + z2n / 2) / (1 + z2n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2n / (4.0 * n)) / (1 + z2n);
        double low = passed == 0 ? 0.0 : Math.max(0.0, center - half) * 100;
        double high = passed == n ? 100.0 : Math.min(1.0, center + half) * 100;
        return new double[] {low, high};
    }
}
