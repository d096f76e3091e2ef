package dev.railguard.metaeval;

import dev.railguard.api.RunMode;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The figures of one run mode with one judge panel.
 *
 * @param panel        the panel's name
 * @param mode         the run mode
 * @param repeats      how often each case was evaluated
 * @param metrics      agreement per labelled metric, in the data set's order
 * @param cost         calls, tokens, money and latency
 * @param skippedCases cases that could not be evaluated in this configuration, with the reason (a metric the
 *                     evaluator does not know, an input a metric requires, a panel that cannot serve the mode)
 * @param disagreements the cases where the judge and the people disagree, per metric in case order
 */
public record ConfigurationResult(String panel, RunMode mode, int repeats, List<MetricAgreement> metrics,
        RunCost cost, List<LabelledDataset.Skipped> skippedCases, List<Disagreement> disagreements) {

    /** Copies. */
    public ConfigurationResult {
        metrics = List.copyOf(metrics);
        skippedCases = List.copyOf(skippedCases);
        disagreements = List.copyOf(disagreements);
    }

    /** A result without the disagreeing cases. */
    public ConfigurationResult(String panel, RunMode mode, int repeats, List<MetricAgreement> metrics, RunCost cost,
            List<LabelledDataset.Skipped> skippedCases) {
        this(panel, mode, repeats, metrics, cost, skippedCases, List.of());
    }

    /** {@code panel / mode}. */
    public String label() {
        return panel + " / " + mode.wireName();
    }

    /**
     * The agreement on {@code metric}.
     *
     * @throws NoSuchElementException naming the metrics there are
     */
    public MetricAgreement metric(String metric) {
        return metrics.stream().filter(m -> m.metric().equals(metric)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no figures for metric '" + metric + "' in " + label()
                        + "; there are: " + metrics.stream().map(MetricAgreement::metric).toList()));
    }
}
