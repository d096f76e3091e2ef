package dev.railguard.batch;

import dev.railguard.format.ResultLine;
import java.nio.file.Files;
import java.util.ArrayList;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a batch run produced, over every event in its results file (those evaluated by this run and those it found
 * done by an earlier run of the same file).
 *
 * <p>Pass rates count PASS over PASS + FAIL + ERROR: an ERROR is not a pass, and a SKIPPED metric (no judge) is left
 * out of the rate rather than counted as a failure; its count is reported on its own.
 *
 * @param resultsFile     the JSON-lines results file
 * @param inputLines      the non-blank lines of the input file
 * @param events          the events in the results file
 * @param evaluatedNow    events this run evaluated
 * @param resumed         events an earlier run had finished, not evaluated again
 * @param passedEvents    events whose every metric is PASS
 * @param failedEvents    events that did not complete (FAILED status)
 * @param failingEvents   events with a FAIL or ERROR metric, or that did not complete: what was decided against
 * @param partlyCheckedEvents events with a SKIPPED metric (no judge): only partly checked, neither passed nor failed
 *                        on that metric
 * @param metrics         per-metric counts, score histogram and pass rate, by metric name (sorted)
 * @param nametags        per-nametag counts, by nametag (sorted; events without one under {@code "(none)"})
 * @param judgeCalls      judge calls of all events
 * @param cacheHits       judge calls answered from the cache
 * @param inputTokens     prompt tokens of all judge calls
 * @param outputTokens    completion tokens of all judge calls
 * @param cost            the cost of all events, where a price table is set
 * @param judgeTime       the summed latency of all judge calls
 * @param callsByJudge    judge calls per judge name
 * @param skippedLines    input lines not evaluated, with their line numbers and reasons
 * @param wallTime        how long this run took
 * @param interrupted     whether this run stopped before the end of its input (it can be resumed)
 * @param cachedInputTokens prompt tokens the providers served from their prompt caches
 * @param synchronousCost what the same judge calls cost through the synchronous APIs at list prices ({@code cost}
 *                        is lower when calls went through a batch API)
 */
public record BatchSummary(
        Path resultsFile,
        int inputLines,
        int events,
        int evaluatedNow,
        int resumed,
        int passedEvents,
        int failedEvents,
        int failingEvents,
        int partlyCheckedEvents,
        Map<String, MetricStats> metrics,
        Map<String, NametagStats> nametags,
        int judgeCalls,
        int cacheHits,
        long inputTokens,
        long outputTokens,
        double cost,
        Duration judgeTime,
        Map<String, Integer> callsByJudge,
        List<SkippedLine> skippedLines,
        Duration wallTime,
        boolean interrupted,
        long cachedInputTokens,
        double synchronousCost) {

    /** Copies. */
    public BatchSummary {
        Objects.requireNonNull(resultsFile, "resultsFile must not be null");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        nametags = Collections.unmodifiableMap(new LinkedHashMap<>(nametags));
        callsByJudge = Collections.unmodifiableMap(new LinkedHashMap<>(callsByJudge));
        skippedLines = List.copyOf(skippedLines);
        Objects.requireNonNull(judgeTime, "judgeTime must not be null");
        Objects.requireNonNull(wallTime, "wallTime must not be null");
    }

    /**
     * The summary of an existing results file, for writing its report again: every valid record counts as resumed;
     * what only the run knew (skipped input lines, wall time) is empty.
     *
     * @throws IllegalArgumentException     if the file does not exist
     * @throws java.io.UncheckedIOException if it cannot be read
     */
    public static BatchSummary fromResults(Path resultsFile) {
        Objects.requireNonNull(resultsFile, "resultsFile must not be null");
        if (!Files.isRegularFile(resultsFile)) {
            throw new IllegalArgumentException("results file does not exist: " + resultsFile);
        }
        List<ResultLine> records = new ArrayList<>(ResultsFile.read(resultsFile).values());
        return BatchLines.summarize(resultsFile, records.size(), records, 0, records.size(), List.of(), Duration.ZERO,
                false);
    }

    /** The number of metric results that are ERROR, over all metrics. */
    public int metricErrors() {
        return metrics.values().stream().mapToInt(MetricStats::error).sum();
    }

    /**
     * The headline of a run, counting what was decided: {@code "54 events: 0 passed every metric, 7 failing (a metric
     * FAIL or ERROR), 54 only partly checked (a metric SKIPPED)"}; the last part only when an event was partly checked.
     */
    public String headline() {
        return events + " events: " + passedEvents + " passed every metric, " + failingEvents + " failing (a metric"
                + " FAIL or ERROR)" + (partlyCheckedEvents == 0 ? "" : ", " + partlyCheckedEvents + " only partly"
                + " checked (a metric SKIPPED)");
    }

    /** Share of events whose every metric passed, in [0, 1]; 0 when there is no event. */
    public double eventPassRate() {
        return events == 0 ? 0.0 : (double) passedEvents / events;
    }

    /**
     * One metric over the run.
     *
     * @param pass      PASS verdicts
     * @param fail      FAIL verdicts
     * @param error     ERROR verdicts
     * @param skipped   SKIPPED verdicts
     * @param meanScore the mean score of the scored (PASS or FAIL) results, or NaN when none was scored
     * @param histogram scored results per tenth of the score range: bin i holds [i/10, (i+1)/10), the last bin 1.0 too
     */
    public record MetricStats(int pass, int fail, int error, int skipped, double meanScore, List<Integer> histogram) {
        /** Copies. */
        public MetricStats {
            histogram = List.copyOf(histogram);
        }

        /** PASS over PASS + FAIL + ERROR, or NaN when the metric was never decided (all SKIPPED). */
        public double passRate() {
            int decided = pass + fail + error;
            return decided == 0 ? Double.NaN : (double) pass / decided;
        }

        /** Every result of this metric. */
        public int total() {
            return pass + fail + error + skipped;
        }
    }

    /**
     * One nametag over the run.
     *
     * @param events  events with this nametag
     * @param passed  of which every metric passed
     * @param pass    PASS verdicts of all metrics of these events
     * @param fail    FAIL verdicts
     * @param error   ERROR verdicts
     * @param skipped SKIPPED verdicts
     */
    public record NametagStats(int events, int passed, int pass, int fail, int error, int skipped) {
        /** PASS over PASS + FAIL + ERROR of the metric verdicts, or NaN when none was decided. */
        public double passRate() {
            int decided = pass + fail + error;
            return decided == 0 ? Double.NaN : (double) pass / decided;
        }
    }

    /**
     * An input line that was not evaluated.
     *
     * @param line   its 1-based line number in the input file
     * @param reason why, for example {@code "not valid JSON: ..."} or the request validation message
     */
    public record SkippedLine(int line, String reason) {}
}
