package dev.railguard.metaeval.internal;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.MetricResult;
import dev.railguard.api.RunMode;
import dev.railguard.api.UnitVerdict;
import dev.railguard.api.Usage;
import dev.railguard.api.Verdict;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.metaeval.Disagreement;
import dev.railguard.metaeval.HumanLabel;
import dev.railguard.metaeval.LabelledCase;
import dev.railguard.metaeval.LabelledDataset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Evaluates every case of a data set {@code repeats} times in one run mode with one evaluator, and keeps what the
 * figures need: per metric the human labels and the verdict of every repeat, why verdicts were not judged, how often
 * the votes on a unit disagreed, and per evaluation the usage and wall time. A case the evaluator refuses (unknown
 * metric, missing input, a panel that cannot serve the mode) is skipped with the reason; the others go on.
 */
public final class ConfigurationRun {

    /** What one metric collected. */
    public static final class MetricData {
        final String metric;
        final List<Integer> caseIndex = new ArrayList<>();
        final List<Boolean> humanFail = new ArrayList<>();
        int[][] verdicts;
        final Set<String> errorSamples = new LinkedHashSet<>();
        long multiVoteUnits;
        long disputedUnits;
        /** Per case row, unit verdicts against unit labels summed over repeats: tp, fp, fn, tn (FAIL positive). */
        final List<int[]> unitCounts = new ArrayList<>();
        long labelledUnits;
        long matchedUnits;
        /** Where the judge and the people disagree: the first disagreeing repeat of each case. */
        final List<Disagreement> disagreements = new ArrayList<>();

        MetricData(String metric) {
            this.metric = metric;
        }

        /** The verdicts as the statistics read them. */
        public CaseVerdicts verdicts() {
            return verdicts(caseIndex);
        }

        /** The verdicts on the cases of {@code cases} (data set positions), in that order; each must be here. */
        CaseVerdicts verdicts(List<Integer> cases) {
            Map<Integer, Integer> rowOf = new HashMap<>();
            for (int r = 0; r < caseIndex.size(); r++) {
                rowOf.put(caseIndex.get(r), r);
            }
            boolean[] fail = new boolean[cases.size()];
            int[][] rows = new int[cases.size()][];
            for (int k = 0; k < cases.size(); k++) {
                int row = rowOf.get(cases.get(k));
                fail[k] = humanFail.get(row);
                rows[k] = verdicts[row];
            }
            return new CaseVerdicts(fail, rows);
        }

        /** Unit verdicts against the unit labels, clustered by case. */
        public CaseVerdicts unitVerdicts() {
            int n = unitCounts.size();
            int[][] c = new int[4][n];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 4; k++) {
                    c[k][i] = unitCounts.get(i)[k];
                }
            }
            return CaseVerdicts.ofCounts(c[0], c[1], c[2], c[3]);
        }

        /** The data set positions of the cases judged on this metric, in order. */
        List<Integer> cases() {
            return caseIndex;
        }
    }

    final Map<String, MetricData> metrics = new LinkedHashMap<>();
    final List<LabelledDataset.Skipped> skipped = new ArrayList<>();
    long evaluations;
    Usage usage = Usage.NONE;
    final List<Double> latencies = new ArrayList<>();

    private ConfigurationRun() {}

    /**
     * Runs {@code dataset} in {@code mode}, {@code repeats} times, at most {@code maxInFlight} evaluations at once.
     * Repeats run one after the other, so a repeat never shares a judge call with another (the cache must be off for
     * repeats to be independent).
     */
    public static ConfigurationRun run(RailguardEvaluator evaluator, LabelledDataset dataset, RunMode mode,
            int repeats, int maxInFlight) throws InterruptedException {
        ConfigurationRun run = new ConfigurationRun();
        List<LabelledCase> cases = dataset.cases();
        List<EvaluationRequest> requests = new ArrayList<>();
        for (String metric : dataset.metrics()) {
            run.metrics.put(metric, new MetricData(metric));
        }
        for (int i = 0; i < cases.size(); i++) {
            LabelledCase c = cases.get(i);
            try {
                requests.add(EvaluationRequest.builder().modelInput(c.input()).modelOutput(c.output()).runMode(mode)
                        .metrics(List.copyOf(c.labels().keySet())).nametag(c.source()).modelUsed(c.modelUsed()).build());
            } catch (IllegalArgumentException | NullPointerException e) {
                requests.add(null);
                run.skipped.add(new LabelledDataset.Skipped("case " + c.id(), String.valueOf(e.getMessage())));
            }
        }
        EvaluationResult[][] results = new EvaluationResult[cases.size()][repeats];
        String[][] failures = new String[cases.size()][repeats];
        boolean[] refused = new boolean[cases.size()];
        for (int r = 0; r < repeats; r++) {
            Semaphore window = new Semaphore(maxInFlight);
            List<CompletableFuture<?>> pending = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                if (requests.get(i) == null || refused[i]) {
                    continue;
                }
                window.acquire();
                int caseIndex = i;
                int repeat = r;
                CompletableFuture<EvaluationResult> future;
                try {
                    future = evaluator.submit(requests.get(i)).result();
                } catch (IllegalArgumentException | IllegalStateException e) {
                    window.release();
                    refused[i] = true;
                    run.skipped.add(new LabelledDataset.Skipped("case " + cases.get(i).id(),
                            String.valueOf(e.getMessage())));
                    continue;
                }
                pending.add(future.handle((result, failure) -> {
                    results[caseIndex][repeat] = result;
                    failures[caseIndex][repeat] = failure == null ? null : String.valueOf(failure.getMessage());
                    window.release();
                    return null;
                }));
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        }
        run.collect(cases, results, failures, refused, requests, repeats);
        return run;
    }

    private void collect(List<LabelledCase> cases, EvaluationResult[][] results, String[][] failures,
            boolean[] refused, List<EvaluationRequest> requests, int repeats) {
        for (MetricData data : metrics.values()) {
            List<int[]> rows = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                HumanLabel label = cases.get(i).labels().get(data.metric);
                if (label == null || requests.get(i) == null || refused[i]) {
                    continue;
                }
                int[] row = new int[repeats];
                Map<String, HumanLabel> unitLabels = unitLabels(cases.get(i), data.metric);
                int[] units = new int[4];
                for (int r = 0; r < repeats; r++) {
                    row[r] = verdict(data, results[i][r], failures[i][r]);
                    if (disagrees(row[r], label) && row.length > 0 && firstDisagreement(row, r, label)) {
                        data.disagreements.add(new Disagreement(cases.get(i).id(), data.metric, label, r + 1,
                                cases.get(i).output(), results[i][r].metrics().get(data.metric).rationale()));
                    }
                    if (!unitLabels.isEmpty()) {
                        data.labelledUnits += unitLabels.size();
                        matchUnits(data, results[i][r], unitLabels, units);
                    }
                }
                if (!unitLabels.isEmpty()) {
                    data.unitCounts.add(units);
                }
                data.caseIndex.add(i);
                data.humanFail.add(label == HumanLabel.FAIL);
                rows.add(row);
            }
            data.verdicts = rows.toArray(int[][]::new);
        }
        for (int i = 0; i < cases.size(); i++) {
            for (EvaluationResult result : results[i]) {
                if (result != null && result.status() == EvaluationStatus.COMPLETED) {
                    evaluations++;
                    usage = usage.plus(result.usage());
                    latencies.add(result.elapsed().toNanos() / 1e6);
                }
            }
        }
    }

    private static boolean disagrees(int verdict, HumanLabel label) {
        return verdict == CaseVerdicts.FAIL && label == HumanLabel.PASS
                || verdict == CaseVerdicts.PASS && label == HumanLabel.FAIL;
    }

    /** Whether repeat {@code r} is the first of {@code row} that disagrees with {@code label}. */
    private static boolean firstDisagreement(int[] row, int r, HumanLabel label) {
        for (int k = 0; k < r; k++) {
            if (disagrees(row[k], label)) {
                return false;
            }
        }
        return true;
    }

    /** The case's unit labels of {@code metric} by normalized text. */
    private static Map<String, HumanLabel> unitLabels(LabelledCase c, String metric) {
        Map<String, HumanLabel> labels = new HashMap<>();
        c.unitLabels().getOrDefault(metric, List.of()).forEach(u -> labels.put(normalize(u.text()), u.label()));
        return labels;
    }

    /**
     * Counts the units of the judged result whose text matches a labelled unit (case, white space and a trailing
     * full stop ignored) into {@code counts} (tp, fp, fn, tn); each labelled unit counts once per result.
     */
    private static void matchUnits(MetricData data, EvaluationResult result, Map<String, HumanLabel> labels,
            int[] counts) {
        MetricResult m = result == null ? null : result.metrics().get(data.metric);
        if (m == null || (m.verdict() != Verdict.PASS && m.verdict() != Verdict.FAIL)) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (UnitVerdict u : m.units()) {
            String text = normalize(u.text());
            HumanLabel label = labels.get(text);
            if (label == null || !seen.add(text)) {
                continue;
            }
            data.matchedUnits++;
            boolean humanFail = label == HumanLabel.FAIL;
            boolean judgeFail = !u.satisfied();
            counts[humanFail ? (judgeFail ? 0 : 2) : (judgeFail ? 1 : 3)]++;
        }
    }

    static String normalize(String text) {
        String t = text.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private static int verdict(MetricData data, EvaluationResult result, String failure) {
        if (result == null || result.metrics().get(data.metric) == null) {
            sample(data, result == null ? "the evaluation failed: " + failure
                    : "the evaluation ended " + result.status() + ": " + result.failure());
            return CaseVerdicts.UNJUDGED;
        }
        MetricResult m = result.metrics().get(data.metric);
        for (UnitVerdict u : m.units()) {
            if (u.votes().size() > 1) {
                data.multiVoteUnits++;
                data.disputedUnits += u.disputed() ? 1 : 0;
            }
        }
        if (m.verdict() == Verdict.PASS) {
            return CaseVerdicts.PASS;
        }
        if (m.verdict() == Verdict.FAIL) {
            return CaseVerdicts.FAIL;
        }
        sample(data, m.verdict() + ": " + m.rationale());
        return CaseVerdicts.UNJUDGED;
    }

    private static void sample(MetricData data, String reason) {
        if (data.errorSamples.size() < 3) {
            data.errorSamples.add(reason);
        }
    }

    /** Latencies of the completed evaluations, in milliseconds. */
    double[] latencies() {
        return latencies.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
