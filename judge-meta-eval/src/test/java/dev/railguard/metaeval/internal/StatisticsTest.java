package dev.railguard.metaeval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.railguard.metaeval.Estimate;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    private static final double EPS = 1e-9;

    @Test
    void a_table_computed_by_hand() {
        // tp 20, fp 10, fn 5, tn 65 (100 verdicts, FAIL positive)
        assertThat(Statistics.balancedAccuracy(20, 10, 5, 65)).isCloseTo((20.0 / 25 + 65.0 / 75) / 2, within(EPS));
        // observed 0.85; chance (30*25 + 70*75) / 100^2 = 0.6; kappa = 0.25 / 0.4
        assertThat(Statistics.kappa(20, 10, 5, 65)).isCloseTo(0.625, within(EPS));
        // (20*65 - 10*5) / sqrt(30*25*75*70) = 1250 / 1984.3135...
        assertThat(Statistics.mcc(20, 10, 5, 65)).isCloseTo(1250 / Math.sqrt(3_937_500.0), within(EPS));
        assertThat(Statistics.mcc(20, 10, 5, 65)).isCloseTo(0.62994, within(1e-5));
        assertThat(Statistics.precision(20, 10)).isCloseTo(2.0 / 3, within(EPS));
        assertThat(Statistics.recall(20, 5)).isCloseTo(0.8, within(EPS));
    }

    @Test
    void a_second_table_with_more_false_alarms_than_misses() {
        // tp 9, fp 6, fn 1, tn 4: observed 0.65, chance (15*10 + 5*10)/400 = 0.5, kappa 0.3
        assertThat(Statistics.kappa(9, 6, 1, 4)).isCloseTo(0.3, within(EPS));
        // (36 - 6) / sqrt(15*10*10*5) = 30 / sqrt(7500)
        assertThat(Statistics.mcc(9, 6, 1, 4)).isCloseTo(30 / Math.sqrt(7500), within(EPS));
        assertThat(Statistics.balancedAccuracy(9, 6, 1, 4)).isCloseTo((0.9 + 0.4) / 2, within(EPS));
        assertThat(Statistics.precision(9, 6)).isCloseTo(0.6, within(EPS));
    }

    @Test
    void perfect_and_inverted_judges() {
        assertThat(Statistics.balancedAccuracy(10, 0, 0, 10)).isEqualTo(1.0);
        assertThat(Statistics.kappa(10, 0, 0, 10)).isEqualTo(1.0);
        assertThat(Statistics.mcc(10, 0, 0, 10)).isEqualTo(1.0);
        assertThat(Statistics.balancedAccuracy(0, 10, 10, 0)).isEqualTo(0.0);
        assertThat(Statistics.kappa(0, 10, 10, 0)).isEqualTo(-1.0);
        assertThat(Statistics.mcc(0, 10, 10, 0)).isEqualTo(-1.0);
    }

    @Test
    void a_judge_that_always_says_fail_has_no_correlation_and_an_undefined_mcc() {
        assertThat(Statistics.balancedAccuracy(10, 10, 0, 0)).isEqualTo(0.5);
        assertThat(Statistics.kappa(10, 10, 0, 0)).isEqualTo(0.0);
        assertThat(Statistics.mcc(10, 10, 0, 0)).isNaN();
        assertThat(Statistics.recall(10, 0)).isEqualTo(1.0);
        assertThat(Statistics.precision(10, 10)).isEqualTo(0.5);
    }

    @Test
    void figures_without_a_fail_case_are_undefined_not_zero() {
        assertThat(Statistics.recall(0, 0)).isNaN();
        assertThat(Statistics.balancedAccuracy(0, 3, 0, 7)).isNaN();
        assertThat(Statistics.kappa(0, 0, 0, 0)).isNaN();
    }

    @Test
    void quantiles_interpolate_between_order_statistics() {
        assertThat(Statistics.quantile(new double[] {4, 1, 3, 2}, 0.5)).isEqualTo(2.5);
        assertThat(Statistics.quantile(new double[] {4, 1, 3, 2}, 0.95)).isCloseTo(3.85, within(EPS));
        assertThat(Statistics.quantile(new double[] {7}, 0.95)).isEqualTo(7.0);
        assertThat(Statistics.quantile(new double[0], 0.5)).isNaN();
    }

    @Test
    void flips_are_counted_over_pairs_of_repeats_and_unjudged_verdicts_are_left_out() {
        int f = CaseVerdicts.FAIL;
        int p = CaseVerdicts.PASS;
        int u = CaseVerdicts.UNJUDGED;
        CaseVerdicts v = new CaseVerdicts(new boolean[] {true, false, true},
                new int[][] {{f, p, f}, {p, p, p}, {u, f, p}});
        CaseVerdicts.Counts c = v.total();
        // case 1: 3 pairs, 2 disagree; case 2: 3 pairs, 0; case 3: one judged pair, it disagrees
        assertThat(c.pairs()).isEqualTo(7);
        assertThat(c.flips()).isEqualTo(3);
        assertThat(c.tp()).isEqualTo(3);
        assertThat(c.fn()).isEqualTo(2);
        assertThat(c.tn()).isEqualTo(3);
        assertThat(c.fp()).isEqualTo(0);
        assertThat(v.unjudged()).isEqualTo(1);
        assertThat(v.unstableShare()).isCloseTo(2.0 / 3, within(EPS));
    }

    @Test
    void the_same_seed_gives_the_same_interval_and_a_paired_difference_with_itself_is_zero() {
        CaseVerdicts v = sample(new Random(3), 200, 0.2);
        Estimate a = v.estimate(CaseVerdicts.Counts::balancedAccuracy, v.replicates(500, 9));
        Estimate b = v.estimate(CaseVerdicts.Counts::balancedAccuracy, v.replicates(500, 9));
        assertThat(a).isEqualTo(b);
        assertThat(a.low()).isLessThan(a.value());
        assertThat(a.high()).isGreaterThan(a.value());
        Estimate d = v.difference(v, CaseVerdicts.Counts::balancedAccuracy, 500, 9);
        assertThat(d.value()).isZero();
        assertThat(d.low()).isZero();
        assertThat(d.high()).isZero();
    }

    /**
     * The interval's promise: a judge that errs with p = 0.2 on 200 cases has balanced accuracy 0.8, and over 500
     * seeded repetitions (fresh verdicts each) the 95% interval covers 0.8 about 95% of the time. With 500
     * repetitions the share has a standard error of about 0.01.
     */
    @Test
    void the_bootstrap_interval_covers_the_true_balanced_accuracy_in_about_95_percent_of_repetitions() {
        Random random = new Random(20261130L);
        int repetitions = 500;
        int covered = 0;
        for (int r = 0; r < repetitions; r++) {
            CaseVerdicts v = sample(random, 200, 0.2);
            Estimate ba = v.estimate(CaseVerdicts.Counts::balancedAccuracy, v.replicates(1000, r));
            covered += ba.covers(0.8) ? 1 : 0;
        }
        double coverage = (double) covered / repetitions;
        System.out.printf("bootstrap coverage of the true balanced accuracy: %.3f over %d repetitions%n", coverage,
                repetitions);
        assertThat(coverage).isBetween(0.92, 0.975);
    }

    /** {@code n} cases, half FAIL, one verdict each, wrong with probability {@code p}. */
    static CaseVerdicts sample(Random random, int n, double p) {
        boolean[] fail = new boolean[n];
        int[][] verdicts = new int[n][1];
        for (int i = 0; i < n; i++) {
            fail[i] = i % 2 == 0;
            boolean saysFail = random.nextDouble() < p != fail[i];
            verdicts[i][0] = saysFail ? CaseVerdicts.FAIL : CaseVerdicts.PASS;
        }
        return new CaseVerdicts(fail, verdicts);
    }
}
