package dev.railguard.diff;

import dev.railguard.api.Checks;
import dev.railguard.batch.ResultsFile;
import dev.railguard.diff.internal.Stats;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two runs of the same events (a base and a candidate, for example before and after a prompt change) and
 * tells, per metric, whether the candidate got worse or the difference is noise.
 *
 * <pre>{@code
 * DiffResult diff = RunDiff.withDefaults().compare(Path.of("base/results.jsonl"), Path.of("new/results.jsonl"));
 * if (diff.hasRegression()) { ... }
 * }</pre>
 *
 * <p><b>Pairing</b>: events are paired by their {@code id}, or by a hash of prompt, ground truth and nametag when
 * they have none ({@link DiffEvent#key()}); the n-th occurrence of a key in one run pairs with the n-th in the other.
 * Events of one run only are listed as unpaired.
 *
 * <p><b>Per metric</b>, over pairs decided in both runs: the pass rates and their difference with a paired
 * percentile bootstrap interval (pairs resampled, seeded: the same files give the same interval), the exact McNemar
 * test on the PASS/not-PASS flips, the mean score change with its bootstrap interval, and the flipped events.
 * A metric <b>regresses</b> when its pass rate fell, the McNemar p-value is below {@code alpha} and the fall is at
 * least {@code minEffect}.
 */
public final class RunDiff {


    private final Settings settings;

    private RunDiff(Settings settings) {
        this.settings = settings;
    }

    /**
     * The settings of a diff.
     *
     * @param alpha      significance level of the McNemar test, in (0, 1); default 0.05
     * @param minEffect  the smallest fall in pass rate that counts as a regression, in [0, 1]; default 0
     * @param confidence the confidence of the bootstrap intervals, in (0, 1); default 0.95
     * @param resamples  bootstrap resamples, 100..1000000; default 2000
     * @param seed       the bootstrap seed; default 20240601
     */
    public record Settings(double alpha, double minEffect, double confidence, int resamples, long seed) {
        /**
         * Validates.
         *
         * @throws IllegalArgumentException naming the setting, the value and what is allowed
         */
        public Settings {
            Checks.exclusiveBetween(alpha, 0, 1, "alpha");
            Checks.between(minEffect, 0, 1, "minEffect");
            Checks.exclusiveBetween(confidence, 0, 1, "confidence");
            Checks.between(resamples, 100, 1_000_000, "resamples");
        }
    }

    /** A diff with alpha 0.05, no minimum effect, 95% intervals, 2000 resamples and a fixed seed. */
    public static RunDiff withDefaults() {
        return new RunDiff(new Settings(0.05, 0.0, 0.95, 2000, 20240601L));
    }

    /** A diff with {@code settings}. */
    public static RunDiff with(Settings settings) {
        return new RunDiff(Objects.requireNonNull(settings, "settings must not be null"));
    }

    /** The settings. */
    public Settings settings() {
        return settings;
    }

    /**
     * Compares two results files (JSON lines written by a batch run or {@code railguard eval}).
     *
     * @throws IllegalArgumentException if a file is missing or holds no results record
     * @throws UncheckedIOException     if a file cannot be read
     */
    public DiffResult compare(Path base, Path candidate) {
        return compare(read(base, "base"), read(candidate, "new"));
    }

    /** Compares two runs given as events. */
    public DiffResult compare(List<DiffEvent> base, List<DiffEvent> candidate) {
        Map<String, DiffEvent> baseByKey = byKey(base);
        Map<String, DiffEvent> newByKey = byKey(candidate);
        List<DiffEvent[]> pairs = new ArrayList<>();
        List<DiffResult.Unpaired> unpaired = new ArrayList<>();
        List<String> pairKeys = new ArrayList<>();
        baseByKey.forEach((key, b) -> {
            DiffEvent c = newByKey.get(key);
            if (c == null) {
                unpaired.add(new DiffResult.Unpaired("base", b.line(), key));
            } else {
                pairs.add(new DiffEvent[] {b, c});
                pairKeys.add(key);
            }
        });
        newByKey.forEach((key, c) -> {
            if (!baseByKey.containsKey(key)) {
                unpaired.add(new DiffResult.Unpaired("new", c.line(), key));
            }
        });
        TreeSet<String> metricNames = new TreeSet<>();
        for (DiffEvent[] p : pairs) {
            metricNames.addAll(p[0].metrics().keySet());
            metricNames.addAll(p[1].metrics().keySet());
        }
        List<DiffResult.MetricDiff> metrics = new ArrayList<>();
        for (String metric : metricNames) {
            metrics.add(metric(metric, pairs, pairKeys));
        }
        metrics.sort(Comparator.comparing((DiffResult.MetricDiff m) -> !m.regression())
                .thenComparing(DiffResult.MetricDiff::metric));
        return new DiffResult(base.size(), candidate.size(), pairs.size(), unpaired, metrics, settings);
    }

    private DiffResult.MetricDiff metric(String metric, List<DiffEvent[]> pairs, List<String> keys) {
        List<Double> diffs = new ArrayList<>();
        List<Double> scoreDiffs = new ArrayList<>();
        List<DiffResult.Flip> regressions = new ArrayList<>();
        List<DiffResult.Flip> improvements = new ArrayList<>();
        int basePass = 0;
        int newPass = 0;
        int errorPairs = 0;
        for (int i = 0; i < pairs.size(); i++) {
            DiffEvent.Outcome b = pairs.get(i)[0].metrics().get(metric);
            DiffEvent.Outcome c = pairs.get(i)[1].metrics().get(metric);
            if (b == null || c == null || !b.decided() || !c.decided()) {
                continue;
            }
            errorPairs += "error".equals(b.verdict()) || "error".equals(c.verdict()) ? 1 : 0;
            int bp = b.passed() ? 1 : 0;
            int cp = c.passed() ? 1 : 0;
            basePass += bp;
            newPass += cp;
            diffs.add((double) (cp - bp));
            if (bp == 1 && cp == 0) {
                regressions.add(new DiffResult.Flip(metric, keys.get(i), true, pairs.get(i)[0], pairs.get(i)[1]));
            } else if (bp == 0 && cp == 1) {
                improvements.add(new DiffResult.Flip(metric, keys.get(i), false, pairs.get(i)[0], pairs.get(i)[1]));
            }
            if (b.score() != null && c.score() != null) {
                scoreDiffs.add(c.score() - b.score());
            }
        }
        int n = diffs.size();
        double baseRate = n == 0 ? Double.NaN : (double) basePass / n;
        double newRate = n == 0 ? Double.NaN : (double) newPass / n;
        double delta = newRate - baseRate;
        long seed = settings.seed() * 31 + metric.hashCode();
        double[] ci = Stats.bootstrapMean(toArray(diffs), settings.confidence(), settings.resamples(), seed);
        double[] scores = toArray(scoreDiffs);
        double[] scoreCi = Stats.bootstrapMean(scores, settings.confidence(), settings.resamples(), seed + 1);
        double p = Stats.mcnemarExactP(regressions.size(), improvements.size());
        boolean regression = n > 0 && delta < 0 && p < settings.alpha() && -delta >= settings.minEffect() - 1e-12;
        List<DiffResult.Flip> flips = new ArrayList<>(regressions);
        flips.addAll(improvements);
        return new DiffResult.MetricDiff(metric, n, baseRate, newRate, delta, new DiffResult.Interval(ci[0], ci[1]),
                regressions.size(), improvements.size(), p, scores.length, Stats.mean(scores),
                new DiffResult.Interval(scoreCi[0], scoreCi[1]), regression, errorPairs, flips);
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Events by key; the n-th repeat of a key gets {@code #n} appended, so that repeats pair in order. */
    private static Map<String, DiffEvent> byKey(List<DiffEvent> events) {
        Map<String, DiffEvent> out = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (DiffEvent e : events) {
            String key = e.key();
            int n = seen.merge(key, 1, Integer::sum);
            out.put(n == 1 ? key : key + "#" + n, e);
        }
        return out;
    }

    /**
     * The events of a results file in line order (the last record of a line wins, as on resume); lines that are not
     * results records are ignored.
     *
     * @param which the file's role, used in messages ({@code base} or {@code new})
     * @throws IllegalArgumentException if the file does not exist or holds no results record
     * @throws UncheckedIOException     if it cannot be read
     */
    public static List<DiffEvent> read(Path file, String which) {
        Objects.requireNonNull(file, "file must not be null");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(which + " results file does not exist: " + file);
        }
        Map<Integer, DiffEvent> byLine = new TreeMap<>();
        ResultsFile.read(file).forEach((line, record) -> byLine.put(line, DiffEvent.fromRecord(record)));
        if (byLine.isEmpty()) {
            throw new IllegalArgumentException(which + " results file holds no results record (lines written by"
                    + " railguard eval or a batch run): " + file);
        }
        return new ArrayList<>(byLine.values());
    }
}
