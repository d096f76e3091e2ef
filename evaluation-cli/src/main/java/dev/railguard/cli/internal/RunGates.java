package dev.railguard.cli.internal;

import dev.railguard.batch.BatchSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The gates of one {@code railguard eval} run: pass rates per metric ({@code --fail-under}, {@code fail_under}) and
 * how many input lines may be skipped ({@code --max-skipped}, {@code max_skipped}; without either, any skipped line
 * fails the run with exit code 3, and a run that evaluated nothing with exit code 1). Options win over the project file.
 */
public final class RunGates {

    private final Map<String, Double> failUnder;
    private final OptionalInt maxSkipped;

    /** The file's gates with the options' over them. */
    public RunGates(Map<String, Double> fileFailUnder, OptionalInt fileMaxSkipped, Map<String, Double> failUnder,
            Integer maxSkipped) {
        Map<String, Double> all = new LinkedHashMap<>(fileFailUnder);
        all.putAll(failUnder);
        this.failUnder = all;
        this.maxSkipped = maxSkipped != null ? OptionalInt.of(maxSkipped) : fileMaxSkipped;
    }

    /** The most skipped lines allowed, when the options or the file set it (else any skipped line exits 3). */
    public OptionalInt maxSkipped() {
        return maxSkipped;
    }

    /** The pass-rate gates, by metric. */
    public Map<String, Double> failUnder() {
        return failUnder;
    }

    /**
     * Why the run's input fails: it evaluated no event, or skipped more lines than allowed; empty when it does not.
     * Names the first skipped line and its reason.
     */
    public Optional<String> inputFailure(BatchSummary s) {
        List<BatchSummary.SkippedLine> skipped = s.skippedLines();
        String first = skipped.isEmpty() ? "" : "; first: line " + skipped.get(0).line() + ": " + skipped.get(0).reason();
        if (s.events() == 0) {
            return Optional.of("evaluated no event: " + (skipped.isEmpty() ? "the input has no line"
                    : "all " + skipped.size() + " input lines were skipped" + first
                    + " (another shape than DeepRails events? map its columns under datasets in railguard.yaml)"));
        }
        if (maxSkipped.isPresent() && skipped.size() > maxSkipped.getAsInt()) {
            return Optional.of(skipped.size() + " input lines were skipped, more than max_skipped "
                    + maxSkipped.getAsInt() + first);
        }
        return Optional.empty();
    }

    /** The pass-rate gates that failed, one text each. */
    public List<String> rateFailures(BatchSummary s) {
        List<String> failures = new ArrayList<>();
        failUnder.forEach((metric, min) -> {
            BatchSummary.MetricStats m = s.metrics().get(metric);
            if (m == null || Double.isNaN(m.passRate())) {
                failures.add(metric + " has no decided result (needed pass rate >= " + min + ")");
            } else if (m.passRate() < min) {
                failures.add(String.format(Locale.ROOT, "%s pass rate %.3f < %s (%d pass, %d fail, %d error)", metric,
                        m.passRate(), min, m.pass(), m.fail(), m.error()));
            }
        });
        return failures;
    }
}
