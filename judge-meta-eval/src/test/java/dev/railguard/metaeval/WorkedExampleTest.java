package dev.railguard.metaeval;

import static dev.railguard.metaeval.SimulatedData.METRIC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.api.RunMode;
import dev.railguard.testkit.SimulatedJudges;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The README's worked example ("How far can you trust a judge?"): 300 labelled one-claim cases, two panels of three
 * simulated judges that each err on 15% of units and flip 5% of their verdicts from run to run, one panel with
 * independent errors, one whose judges share 80% of their mistakes (correlation 0.8, as judges of one model family
 * might), in fast, precision and precision_max, three repeats. Writes the report to
 * {@code judge-meta-eval/target/meta-eval-example/} and prints the table. Tagged {@code worked-example}: the module's
 * build leaves it out unless {@code -Dmetaeval.excludedGroups=none} (the README's command).
 */
@Tag("worked-example")
class WorkedExampleTest {

    @Test
    void the_worked_example_of_the_readme() {
        LabelledDataset data = SimulatedData.claims(300);
        SimulatedJudges independent = SimulatedData.judges(data).errorRate(0.15).flipRate(0.05).seed(1).build();
        SimulatedJudges family = SimulatedData.judges(data).errorRate(0.15).correlation(0.8).flipRate(0.05).seed(1)
                .build();
        MetaEvaluationReport report = MetaEvaluation.builder().dataset(data)
                .panel("independent", SimulatedData.panel(independent))
                .panel("one family", SimulatedData.panel(family))
                .modes(RunMode.FAST, RunMode.PRECISION, RunMode.PRECISION_MAX).repeats(3).seed(42).build().run();
        System.out.print(report.table());
        report.write(Path.of("target", "meta-eval-example"));

        assertThat(report.comparison("independent", RunMode.PRECISION_MAX, METRIC).measurableGain()).isTrue();
        double independentGain = report.comparison("independent", RunMode.PRECISION_MAX, METRIC)
                .balancedAccuracyGain().value();
        double familyGain = report.comparison("one family", RunMode.PRECISION_MAX, METRIC).balancedAccuracyGain()
                .value();
        assertThat(familyGain).isLessThan(independentGain / 2);
        assertThat(Path.of("target", "meta-eval-example", MetaEvaluationReport.HTML_FILE)).exists();
    }
}
