package dev.railguard.metaeval.internal;

import dev.railguard.api.RunMode;
import dev.railguard.metaeval.ConfigurationResult;
import dev.railguard.metaeval.Disagreement;
import dev.railguard.metaeval.Estimate;
import dev.railguard.metaeval.MetricAgreement;
import dev.railguard.metaeval.ModeComparison;
import dev.railguard.metaeval.RunCost;
import dev.railguard.metaeval.UnitAgreement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * Turns collected verdicts into the report's figures: agreement per metric with seeded bootstrap intervals, cost and
 * latency per configuration, and paired comparisons of each mode with the baseline mode of the same panel.
 */
public final class Figures {

    /** Below this share of disputed units, a mode's judges are said to err together. */
    static final double COINCIDING = 0.01;

    private Figures() {}

    /** The figures of one configuration. */
    public static ConfigurationResult configuration(String panel, RunMode mode, int repeats, ConfigurationRun run,
            int samples, long seed) {
        List<MetricAgreement> metrics = new ArrayList<>();
        for (ConfigurationRun.MetricData data : run.metrics.values()) {
            CaseVerdicts v = data.verdicts();
            CaseVerdicts.Counts total = v.total();
            CaseVerdicts.Counts[] replicates = v.replicates(samples, seed(seed, data.metric));
            int fails = (int) data.humanFail.stream().filter(b -> b).count();
            metrics.add(new MetricAgreement(data.metric, v.size(), total.tp() + total.fp() + total.fn() + total.tn(),
                    v.unjudged(), fails, v.size() - fails, total.tp(), total.fp(), total.fn(), total.tn(),
                    v.estimate(CaseVerdicts.Counts::balancedAccuracy, replicates),
                    v.estimate(CaseVerdicts.Counts::kappa, replicates),
                    v.estimate(CaseVerdicts.Counts::mcc, replicates),
                    v.estimate(CaseVerdicts.Counts::precisionFail, replicates),
                    v.estimate(CaseVerdicts.Counts::recallFail, replicates),
                    v.estimate(CaseVerdicts.Counts::flipRate, replicates),
                    v.unstableShare(),
                    Statistics.ratio(data.disputedUnits, data.multiVoteUnits),
                    List.copyOf(data.errorSamples), units(data, samples, seed)));
        }
        double[] latencies = run.latencies();
        RunCost cost = new RunCost(run.evaluations, run.usage.judgeCalls(), run.usage.inputTokens(),
                run.usage.outputTokens(), run.usage.cost(), Statistics.quantile(latencies, 0.5),
                Statistics.quantile(latencies, 0.95));
        List<Disagreement> disagreements = new ArrayList<>();
        run.metrics.values().forEach(d -> disagreements.addAll(d.disagreements));
        return new ConfigurationResult(panel, mode, repeats, metrics, cost, run.skipped, disagreements);
    }

    private static UnitAgreement units(ConfigurationRun.MetricData data, int samples, long seed) {
        if (data.labelledUnits == 0) {
            return UnitAgreement.NONE;
        }
        CaseVerdicts u = data.unitVerdicts();
        CaseVerdicts.Counts total = u.total();
        CaseVerdicts.Counts[] replicates = u.replicates(samples, seed(seed, "units/" + data.metric));
        return new UnitAgreement(data.labelledUnits, data.matchedUnits, total.tp(), total.fp(), total.fn(),
                total.tn(), u.estimate(CaseVerdicts.Counts::balancedAccuracy, replicates),
                u.estimate(CaseVerdicts.Counts::kappa, replicates));
    }

    /**
     * The comparison of {@code mode} with {@code baseline} on one metric: paired over the cases both judged (all
     * cases unless one configuration skipped some).
     */
    public static ModeComparison compare(String panel, String metric, RunMode baselineMode, ConfigurationRun baseline,
            ConfigurationResult baselineResult, RunMode mode, ConfigurationRun other, ConfigurationResult otherResult,
            int samples, long seed) {
        ConfigurationRun.MetricData a = baseline.metrics.get(metric);
        ConfigurationRun.MetricData b = other.metrics.get(metric);
        Estimate gain = Estimate.UNDEFINED;
        Estimate flips = Estimate.UNDEFINED;
        if (a != null && b != null) {
            // paired over the cases both configurations judged (all of them unless one skipped some)
            List<Integer> common = new ArrayList<>(a.cases());
            common.retainAll(new HashSet<>(b.cases()));
            if (!common.isEmpty()) {
                long s = seed(seed, "compare/" + metric);
                CaseVerdicts va = a.verdicts(common);
                CaseVerdicts vb = b.verdicts(common);
                gain = va.difference(vb, CaseVerdicts.Counts::balancedAccuracy, samples, s);
                flips = va.difference(vb, CaseVerdicts.Counts::flipRate, samples, s);
            }
        }
        double ratio = otherResult.cost().callsPerEvaluation() / baselineResult.cost().callsPerEvaluation();
        double disputed = b == null ? Double.NaN : Statistics.ratio(b.disputedUnits, b.multiVoteUnits);
        return new ModeComparison(panel, metric, baselineMode, mode, gain, flips, ratio,
                conclusion(baselineMode, mode, gain, flips, ratio, disputed));
    }

    static String conclusion(RunMode baseline, RunMode mode, Estimate gain, Estimate flips, double ratio,
            double disputed) {
        String base = baseline.wireName();
        StringBuilder s = new StringBuilder(mode.wireName()).append(": ");
        String calls = Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, " for %.1fx the judge calls", ratio);
        if (!gain.defined()) {
            return s.append("no comparison with ").append(base)
                    .append(" (the two judged no case in common, or a class of labels is missing)").toString();
        }
        String figures = String.format(Locale.ROOT, "%+.3f balanced accuracy (95%% interval %+.3f to %+.3f)",
                gain.value(), gain.low(), gain.high());
        if (gain.low() > 0) {
            s.append("agrees more with people than ").append(base).append(", ").append(figures).append(calls);
        } else if (gain.high() < 0) {
            s.append("agrees less with people than ").append(base).append(", ").append(figures).append(calls);
        } else {
            s.append("no measurable gain over ").append(base).append(", ").append(figures).append(calls);
            if (!Double.isNaN(disputed) && disputed < COINCIDING) {
                s.append(String.format(Locale.ROOT, "; its judges disagreed on only %.1f%% of units, so their errors"
                        + " coincide and consensus cannot correct them (judges of different model families may)",
                        100 * disputed));
            }
        }
        if (flips.defined()) {
            if (flips.high() < 0) {
                s.append(String.format(Locale.ROOT, "; flips less than %s (%+.3f, 95%% interval %+.3f to %+.3f)", base,
                        flips.value(), flips.low(), flips.high()));
            } else {
                s.append(String.format(Locale.ROOT, "; flips no less than %s (%+.3f, 95%% interval %+.3f to %+.3f)",
                        base, flips.value(), flips.low(), flips.high()));
            }
        }
        return s.append('.').toString();
    }

    /** A seed per figure, so adding a metric does not change another metric's intervals. */
    static long seed(long seed, String figure) {
        long h = seed;
        for (char c : figure.toCharArray()) {
            h = h * 31 + c;
        }
        return h ^ (h >>> 29);
    }
}
