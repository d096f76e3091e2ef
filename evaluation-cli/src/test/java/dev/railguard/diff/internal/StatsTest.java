package dev.railguard.diff.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatsTest {

    /** Each expected value is 2 * sum_{i<=min(b,c)} C(b+c, i) / 2^(b+c), worked out by hand. */
    @Test
    void exact_mcnemar_matches_hand_computed_binomial_tails() {
        // b=0, c=5: 2 * 1/32
        assertThat(Stats.mcnemarExactP(0, 5)).isCloseTo(0.0625, within(1e-12));
        assertThat(Stats.mcnemarExactP(5, 0)).isCloseTo(0.0625, within(1e-12));
        // b=1, c=9: 2 * (1 + 10) / 1024
        assertThat(Stats.mcnemarExactP(1, 9)).isCloseTo(22.0 / 1024, within(1e-12));
        // b=3, c=10: 2 * (1 + 13 + 78 + 286) / 8192
        assertThat(Stats.mcnemarExactP(3, 10)).isCloseTo(756.0 / 8192, within(1e-12));
        // b=0, c=6: 2 / 64, the smallest table significant at 0.05
        assertThat(Stats.mcnemarExactP(0, 6)).isCloseTo(0.03125, within(1e-12));
        // b=2, c=2: 2 * (1 + 4 + 6) / 16 > 1, capped
        assertThat(Stats.mcnemarExactP(2, 2)).isEqualTo(1.0);
        // b=1, c=1: 2 * (1 + 2) / 4 > 1
        assertThat(Stats.mcnemarExactP(1, 1)).isEqualTo(1.0);
        // no discordant pair: nothing to test
        assertThat(Stats.mcnemarExactP(0, 0)).isEqualTo(1.0);
    }

    @Test
    void exact_mcnemar_stays_finite_for_large_tables() {
        // 1000 vs 1100 flips: normal approximation z = 100 / sqrt(2100) = 2.182, two-sided p about 0.029
        double p = Stats.mcnemarExactP(1000, 1100);
        assertThat(p).isBetween(0.025, 0.036);
        assertThat(Stats.mcnemarExactP(0, 5000)).isGreaterThanOrEqualTo(0).isLessThan(1e-300);
    }

    @Test
    void a_negative_count_is_rejected_by_name() {
        assertThatThrownBy(() -> Stats.mcnemarExactP(-1, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("discordant pair count b must be at least 0, but was: -1");
        assertThatThrownBy(() -> Stats.mcnemarExactP(2, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("discordant pair count c must be at least 0, but was: -1");
    }

    @Test
    void bootstrap_is_reproducible_with_a_seed_and_brackets_the_mean() {
        double[] d = {1, 0, 0, -1, 0, 1, 1, 0, 0, 0, 1, 0, -1, 0, 1};
        double[] a = Stats.bootstrapMean(d, 0.95, 2000, 7);
        double[] b = Stats.bootstrapMean(d, 0.95, 2000, 7);
        assertThat(a).containsExactly(b);
        // on continuous differences another seed gives other resamples, hence other ends
        double[] scores = {0.12, -0.31, 0.05, 0.44, -0.02, 0.27, 0.09, -0.15, 0.33, 0.01};
        assertThat(Stats.bootstrapMean(scores, 0.95, 2000, 7)).isNotEqualTo(Stats.bootstrapMean(scores, 0.95, 2000, 8))
                .isEqualTo(Stats.bootstrapMean(scores, 0.95, 2000, 7));
        double mean = Stats.mean(d);
        assertThat(a[0]).isLessThan(mean);
        assertThat(a[1]).isGreaterThan(mean);
        assertThat(Stats.bootstrapMean(new double[] {0, 0, 0}, 0.95, 500, 1)).containsExactly(0.0, 0.0);
        assertThat(Stats.bootstrapMean(new double[0], 0.95, 500, 1)[0]).isNaN();
    }

    @Test
    void bootstrap_settings_out_of_range_are_rejected() {
        assertThatThrownBy(() -> Stats.bootstrapMean(new double[] {1}, 1.0, 500, 1))
                .hasMessage("confidence must be between 0.0 and 1.0 (exclusive), but was: 1.0");
        assertThatThrownBy(() -> Stats.bootstrapMean(new double[] {1}, 0.95, 10, 1))
                .hasMessage("resamples must be at least 100, but was: 10");
    }
}
