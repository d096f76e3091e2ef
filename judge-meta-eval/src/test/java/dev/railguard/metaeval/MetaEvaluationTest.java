package dev.railguard.metaeval;

import static dev.railguard.metaeval.SimulatedData.METRIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.railguard.api.RunMode;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.JudgeTier;
import dev.railguard.engine.RunModePlan;
import dev.railguard.testkit.SimulatedJudges;
import org.junit.jupiter.api.Test;

/**
 * The instrument proven on simulated judges whose error rates are known, run through the real engine (prompts,
 * reply parsing, consensus, arbitration, scoring). Every case is one claim, so a case's verdict is its unit's verdict
 * and the consensus theory of the README's "Run modes" table applies to balanced accuracy directly.
 */
class MetaEvaluationTest {

    private static final double P = 0.2;

    @Test
    void a_judge_that_errs_with_p_is_measured_at_one_minus_p_and_every_verdict_is_counted() {
        LabelledDataset data = SimulatedData.claims(600);
        SimulatedJudges judges = SimulatedData.judges(data).errorRate(P).seed(11).build();
        MetaEvaluationReport report = MetaEvaluation.builder().dataset(data)
                .panel("one judge", JudgePanel.single("a", judges.judge("a"))).repeats(1).seed(5).build().run();

        MetricAgreement m = report.configuration("one judge", RunMode.FAST).metric(METRIC);
        System.out.println("recovery: p = " + P + ", balanced accuracy " + m.balancedAccuracy());
        assertThat(m.balancedAccuracy().covers(1 - P)).as("%s covers %s", m.balancedAccuracy(), 1 - P).isTrue();
        assertThat(m.balancedAccuracy().value()).isCloseTo(1 - P, within(0.05));
        assertThat(m.balancedAccuracy().high() - m.balancedAccuracy().low()).isBetween(0.03, 0.15);
        // the report's table is exactly the judge's known mistakes: nothing lost, nothing made up
        long missed = 0;
        long alarms = 0;
        for (LabelledCase c : data.cases()) {
            if (judges.errs("a", METRIC, c.output())) {
                if (c.labels().get(METRIC) == HumanLabel.FAIL) {
                    missed++;
                } else {
                    alarms++;
                }
            }
        }
        assertThat(m.failMissed()).isEqualTo(missed);
        assertThat(m.falseAlarms()).isEqualTo(alarms);
        assertThat(m.failCaught() + m.failMissed()).isEqualTo(300);
        assertThat(m.unjudged()).isZero();
        assertThat(report.configuration("one judge", RunMode.FAST).cost().judgeCalls()).isEqualTo(600);
    }

    @Test
    void under_independent_errors_the_precision_modes_gain_what_the_consensus_theory_predicts() {
        LabelledDataset data = SimulatedData.claims(1000);
        SimulatedJudges judges = SimulatedData.judges(data).errorRate(P).correlation(0).seed(21).build();
        RunModePlan three = RunModePlan.defaults(RunMode.PRECISION)
                .withVerifiers(JudgeTier.STANDARD, JudgeTier.STANDARD, JudgeTier.STANDARD);
        MetaEvaluationReport report = MetaEvaluation.builder().dataset(data)
                .panel("independent", SimulatedData.panel(judges))
                .modes(RunMode.FAST, RunMode.PRECISION, RunMode.PRECISION_MAX).repeats(1).seed(5).build().run();
        MetaEvaluationReport ofThree = MetaEvaluation.builder().dataset(data)
                .panel("three verifiers", SimulatedData.panelOfThree(judges), b -> b.plan(RunMode.PRECISION, three))
                .modes(RunMode.PRECISION).repeats(1).seed(5).build().run();
        System.out.print(report.table());
        System.out.print(ofThree.table());

        double fast = ba(report, "independent", RunMode.FAST);
        double precision = ba(report, "independent", RunMode.PRECISION);
        double max = ba(report, "independent", RunMode.PRECISION_MAX);
        double majority = ba(ofThree, "three verifiers", RunMode.PRECISION);
        // README "Run modes": one judge errs with p; two judges x two passes + arbiter err with p^2 + 2p(1-p)p;
        // a majority of three with 3p^2(1-p) + p^3
        assertThat(fast).isCloseTo(1 - P, within(0.03));
        assertThat(max).isCloseTo(1 - (P * P + 2 * P * (1 - P) * P), within(0.03));
        assertThat(majority).isCloseTo(1 - (3 * P * P * (1 - P) + P * P * P), within(0.03));
        // precision's even splits are undecided: a one-claim case whose two judges split is ERROR (unjudged, left
        // out, never a pass), so precision is scored where both judges agree, and is right there with
        // (1-p)^2 / ((1-p)^2 + p^2); 2p(1-p) of the cases are unjudged
        double agreeing = (1 - P) * (1 - P) / ((1 - P) * (1 - P) + P * P);
        assertThat(precision).isCloseTo(agreeing, within(0.03));
        MetricAgreement p = report.configuration("independent", RunMode.PRECISION).metric(METRIC);
        assertThat(p.recallFail().value()).isCloseTo(agreeing, within(0.03));
        assertThat(p.unjudged() / 1000.0).isCloseTo(2 * P * (1 - P), within(0.04));
        // two independent judges disagree on 2p(1-p) of units
        assertThat(p.verifierDisagreement()).isCloseTo(2 * P * (1 - P), within(0.04));

        ModeComparison gain = report.comparison("independent", RunMode.PRECISION_MAX, METRIC);
        assertThat(gain.measurableGain()).isTrue();
        assertThat(gain.balancedAccuracyGain().value()).isCloseTo(max - fast, within(1e-9));
        assertThat(gain.conclusion()).startsWith("precision_max: agrees more with people than fast");
        assertThat(majority - fast).isGreaterThan(0.05);
    }

    @Test
    void with_unit_labels_the_unit_verdicts_are_scored_and_follow_the_unit_level_theory() {
        LabelledDataset data = SimulatedData.claimsWithUnitLabels(300, 3);
        SimulatedJudges judges = SimulatedData.judges(data).errorRate(P).seed(8).build();
        MetaEvaluationReport report = MetaEvaluation.builder().dataset(data)
                .panel("independent", SimulatedData.panel(judges))
                .modes(RunMode.FAST, RunMode.PRECISION_MAX).repeats(1).seed(5).build().run();

        UnitAgreement fast = report.configuration("independent", RunMode.FAST).metric(METRIC).units();
        UnitAgreement max = report.configuration("independent", RunMode.PRECISION_MAX).metric(METRIC).units();
        System.out.println("units: fast " + fast.balancedAccuracy() + ", precision_max " + max.balancedAccuracy());
        assertThat(fast.labelled()).isEqualTo(900);
        assertThat(fast.matched()).isEqualTo(900);
        assertThat(max.matched()).isEqualTo(900);
        assertThat(fast.balancedAccuracy().value()).isCloseTo(1 - P, within(0.04));
        assertThat(max.balancedAccuracy().value()).isCloseTo(1 - (P * P + 2 * P * (1 - P) * P), within(0.04));
        // exactly the simulated judge's mistakes on FAIL units, in fast mode
        long missed = 0;
        for (LabelledCase c : data.cases()) {
            for (LabelledCase.UnitLabel u : c.unitLabels().get(METRIC)) {
                missed += u.label() == HumanLabel.FAIL && judges.errs("a", METRIC, u.text()) ? 1 : 0;
            }
        }
        assertThat(fast.failMissed()).isEqualTo(missed);
        assertThat(report.table()).contains("900 of 900 labelled units matched");
        assertThat(report.json()).contains("\"matched\" : 900");
    }

    @Test
    void under_fully_correlated_errors_the_gain_vanishes_and_the_report_says_so() {
        LabelledDataset data = SimulatedData.claims(300);
        SimulatedJudges judges = SimulatedData.judges(data).errorRate(P).correlation(1).seed(21).build();
        MetaEvaluationReport report = MetaEvaluation.builder().dataset(data)
                .panel("one family", SimulatedData.panel(judges))
                .modes(RunMode.FAST, RunMode.PRECISION_MAX).repeats(1).seed(5).build().run();

        double fast = ba(report, "one family", RunMode.FAST);
        assertThat(fast).isCloseTo(1 - P, within(0.05));
        assertThat(ba(report, "one family", RunMode.PRECISION_MAX)).isEqualTo(fast);
        ModeComparison c = report.comparison("one family", RunMode.PRECISION_MAX, METRIC);
        System.out.println("fully correlated: " + c.conclusion());
        assertThat(c.measurableGain()).isFalse();
        assertThat(c.balancedAccuracyGain().value()).isZero();
        assertThat(c.callRatio()).isGreaterThanOrEqualTo(5.0);
        assertThat(c.conclusion()).contains("no measurable gain over fast")
                .contains("its judges disagreed on only 0.0% of units, so their errors coincide");
        assertThat(report.table()).contains(c.conclusion());
        assertThat(report.html()).contains("no measurable gain over fast");
    }

    @Test
    void a_judge_that_inverts_with_q_on_each_run_disagrees_with_itself_at_2q_one_minus_q() {
        double q = 0.25;
        LabelledDataset data = SimulatedData.claims(600);
        SimulatedJudges judges = SimulatedData.judges(data).flipRate(q).seed(3).build();
        for (int repeats : new int[] {2, 3}) {
            MetaEvaluationReport report = MetaEvaluation.builder().dataset(data)
                    .panel("noisy", JudgePanel.single("a", judges.judge("a"))).repeats(repeats).seed(5).build().run();
            MetricAgreement m = report.configuration("noisy", RunMode.FAST).metric(METRIC);
            System.out.println("flips: q = " + q + ", " + repeats + " repeats, flip rate " + m.flipRate());
            assertThat(m.flipRate().value()).as("flip rate over %d repeats", repeats)
                    .isCloseTo(2 * q * (1 - q), within(0.04));
            assertThat(m.flipRate().covers(2 * q * (1 - q))).as("%s", m.flipRate()).isTrue();
            assertThat(m.balancedAccuracy().value()).isCloseTo(1 - q, within(0.04));
        }
    }

    @Test
    void the_simulated_judge_serves_every_run_mode_family_and_a_faultless_one_agrees_fully() {
        LabelledDataset data = SimulatedData.claims(20);
        SimulatedJudges judges = SimulatedData.judges(data).build();
        JudgePanel panel = JudgePanel.builder().fast("f", judges.judge("f")).standard("a", judges.judge("a"))
                .standard("b", judges.judge("b")).strong("c", judges.judge("c")).build();
        MetaEvaluationReport report = MetaEvaluation.builder().dataset(data).panel("all tiers", panel)
                .modes(RunMode.ULTRA_FAST, RunMode.SUPER_FAST, RunMode.FAST, RunMode.PRECISION, RunMode.PRECISION_MAX)
                .repeats(2).build().run();
        for (ConfigurationResult c : report.configurations()) {
            MetricAgreement m = c.metric(METRIC);
            assertThat(m.unjudged()).as(c.label()).isZero();
            assertThat(m.balancedAccuracy().value()).as(c.label()).isEqualTo(1.0);
            assertThat(m.kappa().value()).as(c.label()).isEqualTo(1.0);
            assertThat(m.flipRate().value()).as(c.label()).isZero();
        }
    }

    @Test
    void verdicts_that_are_not_pass_or_fail_are_counted_apart_never_as_agreement() {
        LabelledDataset data = SimulatedData.claims(20);
        // the judge knows the truth of only half of the units: the others fail the call, so the metric is ERROR
        SimulatedJudges judges = SimulatedJudges.builder().truth((metric, unit) -> unit.contains("green") ? false
                : null).build();
        MetaEvaluationReport report = MetaEvaluation.builder().dataset(data)
                .panel("half", JudgePanel.single("a", judges.judge("a"))).repeats(1).build().run();
        MetricAgreement m = report.configuration("half", RunMode.FAST).metric(METRIC);
        assertThat(m.unjudged()).isEqualTo(10);
        assertThat(m.verdicts()).isEqualTo(10);
        assertThat(m.failCaught()).isEqualTo(10);
        assertThat(m.passAgreed()).isZero();
        assertThat(m.balancedAccuracy().defined()).isFalse();   // no PASS case was judged
        assertThat(m.errorSamples()).isNotEmpty().allMatch(s -> s.startsWith("ERROR"));
        assertThat(report.table()).contains("10 verdict(s) neither PASS nor FAIL");
    }

    @Test
    void a_panel_that_cannot_serve_a_mode_skips_its_cases_with_the_reason_and_the_other_modes_still_run() {
        LabelledDataset data = SimulatedData.claims(10);
        SimulatedJudges judges = SimulatedData.judges(data).build();
        MetaEvaluationReport report = MetaEvaluation.builder().dataset(data)
                .panel("single", JudgePanel.single("a", judges.judge("a")))
                .modes(RunMode.FAST, RunMode.PRECISION).repeats(1).build().run();
        ConfigurationResult precision = report.configuration("single", RunMode.PRECISION);
        assertThat(precision.skippedCases()).hasSize(10);
        assertThat(precision.skippedCases().get(0).reason()).contains("precision");
        assertThat(precision.cost().evaluations()).isZero();
        assertThat(report.configuration("single", RunMode.FAST).metric(METRIC).balancedAccuracy().value())
                .isEqualTo(1.0);
        assertThat(report.comparison("single", RunMode.PRECISION, METRIC).conclusion()).contains("no comparison");
    }

    private static double ba(MetaEvaluationReport report, String panel, RunMode mode) {
        return report.configuration(panel, mode).metric(METRIC).balancedAccuracy().value();
    }
}
