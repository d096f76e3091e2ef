package dev.railguard.metaeval;

import dev.railguard.api.RunMode;

/**
 * What a run mode buys over the baseline mode ({@code fast} when it was run, else the first mode) with the same panel
 * on one metric: paired differences over the same cases, each with its bootstrap 95% interval.
 *
 * @param panel                the panel's name
 * @param metric               the metric
 * @param baseline             the mode compared against
 * @param mode                 the mode compared
 * @param balancedAccuracyGain the mode's balanced accuracy minus the baseline's
 * @param flipRateChange       the mode's flip rate minus the baseline's (undefined with one repeat)
 * @param callRatio            the mode's judge calls per evaluation over the baseline's
 * @param conclusion           one sentence for a reader: a gain, a loss, or no measurable gain and what that suggests
 */
public record ModeComparison(String panel, String metric, RunMode baseline, RunMode mode,
        Estimate balancedAccuracyGain, Estimate flipRateChange, double callRatio, String conclusion) {

    /** Whether the whole interval of the gain in balanced accuracy lies above 0. */
    public boolean measurableGain() {
        return balancedAccuracyGain.defined() && balancedAccuracyGain.low() > 0;
    }
}
