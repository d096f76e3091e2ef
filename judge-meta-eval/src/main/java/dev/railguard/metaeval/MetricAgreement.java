package dev.railguard.metaeval;

import java.util.List;

/**
 * How a judge configuration's verdicts on one metric agree with the human labels, and with themselves across repeats.
 * FAIL is the positive class: a guardrail exists to catch failures. Verdicts that are neither PASS nor FAIL (ERROR,
 * SKIPPED, an evaluation that failed) are counted in {@code unjudged} and left out of the agreement figures, never
 * counted as a PASS.
 *
 * @param metric               the metric
 * @param cases                cases labelled on the metric that were evaluated
 * @param verdicts             PASS or FAIL verdicts over all repeats
 * @param unjudged             verdicts over all repeats that were neither PASS nor FAIL
 * @param humanFail            cases labelled FAIL
 * @param humanPass            cases labelled PASS
 * @param failCaught           verdicts FAIL on a FAIL case (true positives)
 * @param falseAlarms          verdicts FAIL on a PASS case (false positives)
 * @param failMissed           verdicts PASS on a FAIL case (false negatives)
 * @param passAgreed           verdicts PASS on a PASS case (true negatives)
 * @param balancedAccuracy     (recall for FAIL + recall for PASS) / 2
 * @param kappa                Cohen's kappa of judge and human
 * @param mcc                  Matthews correlation of judge and human
 * @param precisionFail        share of FAIL verdicts that are FAIL cases
 * @param recallFail           share of FAIL cases' verdicts that are FAIL
 * @param flipRate             share of pairs of repeats of a case whose verdicts differ (undefined with one repeat)
 * @param unstableShare        share of cases whose verdict changed in at least one repeat ({@code NaN} with one repeat)
 * @param verifierDisagreement share of units with several votes whose votes disagreed ({@code NaN} when no unit had
 *                             several votes, as in the single-call modes)
 * @param errorSamples         up to three distinct reasons of unjudged verdicts
 * @param units                agreement on single units where the data set labels them, else
 *                             {@link UnitAgreement#NONE}
 */
public record MetricAgreement(String metric, int cases, long verdicts, long unjudged, int humanFail, int humanPass,
        long failCaught, long falseAlarms, long failMissed, long passAgreed, Estimate balancedAccuracy,
        Estimate kappa, Estimate mcc, Estimate precisionFail, Estimate recallFail, Estimate flipRate,
        double unstableShare, double verifierDisagreement, List<String> errorSamples, UnitAgreement units) {

    /** Copies. */
    public MetricAgreement {
        errorSamples = List.copyOf(errorSamples);
    }
}
