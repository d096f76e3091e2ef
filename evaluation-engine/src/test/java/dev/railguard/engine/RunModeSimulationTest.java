package dev.railguard.engine;

import dev.railguard.engine.internal.runmode.Scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.railguard.api.Confidence;
import dev.railguard.api.RunMode;
import dev.railguard.api.UnitVerdict;
import dev.railguard.api.UnitVote;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What the aggregation buys: judges that err independently on each unit with probability p = 0.2, over 20,000 units
 * with a fixed seed, run through the engine's own consensus and arbitration ({@link Scoring#consensus},
 * {@link Scoring#needsArbiter}, {@link Scoring#arbitrated}) with the default plans of the modes. Every vote has the
 * same confidence (HIGH), so the gain comes from the votes alone, not from calibrated confidences.
 *
 * <p>Theory: one judge errs with p = 0.2; a majority of three independent judges errs with 3p^2(1-p) + p^3 = 0.104;
 * two judges with an arbiter on disagreement err with p^2 + 2p(1-p)p = 0.104 as well.
 */
class RunModeSimulationTest {

    private static final double P = 0.2;
    private static final int UNITS = 20_000;
    private static final long SEED = 20261123L;

    /** How a judge's k passes relate: identical (temperature 0, same material) or drawn independently. */
    enum Passes { IDENTICAL, INDEPENDENT }

    /** The unit-verdict error, and the error among units that carry weight in a score. */
    record Figures(double unitError, double weightedError, double weightedShare) {}

    static Figures simulate(RunModePlan plan, Passes passes, long seed) {
        Random random = new Random(seed);
        int errors = 0;
        int weighted = 0;
        int weightedErrors = 0;
        for (int u = 0; u < UNITS; u++) {
            boolean truth = random.nextBoolean();
            List<UnitVote> votes = new ArrayList<>();
            for (int j = 0; j < plan.verifiers().size(); j++) {
                boolean judgeErrs = random.nextDouble() < P;
                for (int pass = 1; pass <= plan.passes(); pass++) {
                    boolean errs = passes == Passes.IDENTICAL || pass == 1 ? judgeErrs : random.nextDouble() < P;
                    votes.add(new UnitVote("judge-" + j, pass, truth != errs, Confidence.HIGH, ""));
                }
            }
            UnitVerdict verdict = Scoring.consensus("unit " + u, "claim", "", votes);
            if (plan.arbiter().isPresent() && Scoring.needsArbiter(verdict)) {
                boolean arbiterErrs = random.nextDouble() < P;
                verdict = Scoring.arbitrated(verdict, new UnitVote("arbiter", 1, truth != arbiterErrs,
                        Confidence.HIGH, ""));
            }
            boolean wrong = verdict.satisfied() != truth;
            errors += wrong ? 1 : 0;
            if (verdict.confidence().weight() > 0) {
                weighted++;
                weightedErrors += wrong ? 1 : 0;
            }
        }
        return new Figures((double) errors / UNITS, (double) weightedErrors / weighted, (double) weighted / UNITS);
    }

    private static Figures report(String name, RunModePlan plan, Passes passes) {
        Figures f = simulate(plan, passes, SEED);
        System.out.printf(Locale.ROOT, "simulation %-48s unit error %.4f | error of weighted units %.4f (%.0f%% of"
                + " units weigh)%n", name, f.unitError(), f.weightedError(), 100 * f.weightedShare());
        return f;
    }

    @Test
    void fast_errs_as_often_as_one_judge() {
        Figures fast = report("fast (1 judge)", RunModePlan.defaults(RunMode.FAST), Passes.IDENTICAL);
        assertThat(fast.unitError()).isCloseTo(P, within(0.01));
    }

    @Test
    void precision_leaves_split_units_out_of_the_score_and_errs_less_on_the_units_that_count() {
        Figures precision = report("precision (2 judges, consensus)", RunModePlan.defaults(RunMode.PRECISION),
                Passes.IDENTICAL);
        // an even split is N with weight 0: the unit verdicts are no better than one judge's ...
        assertThat(precision.unitError()).isCloseTo(P * P + P * (1 - P), within(0.01));
        // ... but the units that carry weight are the agreed ones: p^2 / (p^2 + (1-p)^2) = 0.0588 of them are wrong
        assertThat(precision.weightedShare()).isCloseTo(P * P + (1 - P) * (1 - P), within(0.01));
        assertThat(precision.weightedError()).isCloseTo(P * P / (P * P + (1 - P) * (1 - P)), within(0.01));
    }

    @Test
    void precision_max_matches_a_majority_of_three_when_passes_repeat_a_judge() {
        Figures max = report("precision_max (2 judges x 2 passes + arbiter)",
                RunModePlan.defaults(RunMode.PRECISION_MAX), Passes.IDENTICAL);
        assertThat(max.unitError()).isCloseTo(0.104, within(0.01));
        Figures independent = report("precision_max, passes drawn independently",
                RunModePlan.defaults(RunMode.PRECISION_MAX), Passes.INDEPENDENT);
        // four independent votes disagree more often, and every disagreement goes to an arbiter that errs with p:
        // p^4 + (1 - p^4 - (1-p)^4) p = 0.1194
        double q = 1 - Math.pow(P, 4) - Math.pow(1 - P, 4);
        assertThat(independent.unitError()).isCloseTo(Math.pow(P, 4) + q * P, within(0.01));
    }

    @Test
    void a_plan_of_three_verifiers_is_a_majority_of_three() {
        RunModePlan three = RunModePlan.defaults(RunMode.PRECISION)
                .withVerifiers(JudgeTier.STANDARD, JudgeTier.STANDARD, JudgeTier.STANDARD);
        Figures majority = report("precision, plan of 3 verifiers (majority of three)", three, Passes.IDENTICAL);
        assertThat(majority.unitError()).isCloseTo(3 * P * P * (1 - P) + P * P * P, within(0.01));
        assertThat(majority.unitError()).isLessThan(simulate(RunModePlan.defaults(RunMode.FAST), Passes.IDENTICAL,
                SEED).unitError() - 0.08);
    }
}
