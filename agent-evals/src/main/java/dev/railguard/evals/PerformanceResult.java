package dev.railguard.evals;

import java.util.List;

/**
 * The result of a performance eval: wall time (seconds) and bytes allocated by the measuring thread, per measured
 * run, with their statistics (over the runs that completed), and the regression verdict against a baseline.
 *
 * @param runTimes                 seconds per measured run
 * @param allocatedBytes           bytes allocated on the measuring thread per run (empty when the JVM cannot count)
 * @param avgRunTime               mean seconds
 * @param minRunTime               fewest seconds
 * @param maxRunTime               most seconds
 * @param stdDevRunTime            sample standard deviation of the seconds
 * @param medianRunTime            median seconds
 * @param p95RunTime               95th percentile seconds (type-7 interpolation)
 * @param avgAllocatedBytes        mean bytes
 * @param minAllocatedBytes        fewest bytes
 * @param maxAllocatedBytes        most bytes
 * @param stdDevAllocatedBytes     sample standard deviation of the bytes
 * @param medianAllocatedBytes     median bytes
 * @param p95AllocatedBytes        95th percentile bytes
 * @param warmupRuns               unmeasured runs before the measured ones
 * @param numIterations            measured runs asked for
 * @param errors                   runs that threw or timed out ("run 3: ..."); a timeout ends the eval
 * @param baselineP95RunTime       the baseline's p95 seconds, or null
 * @param baselineP95AllocatedBytes the baseline's p95 bytes, or null
 * @param regressionFactor         how much above the baseline fails, e.g. 1.2
 * @param regressions              what exceeded baseline x factor
 * @param evalStatus               ERROR on any error, else PASSED/FAILED against a baseline, COMPLETED without one
 */
public record PerformanceResult(List<Double> runTimes, List<Long> allocatedBytes, Double avgRunTime,
        Double minRunTime, Double maxRunTime, Double stdDevRunTime, Double medianRunTime, Double p95RunTime,
        Double avgAllocatedBytes, Double minAllocatedBytes, Double maxAllocatedBytes, Double stdDevAllocatedBytes,
        Double medianAllocatedBytes, Double p95AllocatedBytes, int warmupRuns, int numIterations, List<String> errors,
        Double baselineP95RunTime, Double baselineP95AllocatedBytes, double regressionFactor, List<String> regressions,
        EvalStatus evalStatus) implements EvalData {

    /** Copies. */
    public PerformanceResult {
        runTimes = List.copyOf(runTimes);
        allocatedBytes = List.copyOf(allocatedBytes);
        errors = List.copyOf(errors);
        regressions = List.copyOf(regressions);
    }

    /** The baseline this result would be as a file: {@code {"p95_run_time": s, "p95_allocated_bytes": b}}. */
    public String baselineJson() {
        return "{\"p95_run_time\": " + p95RunTime + ", \"p95_allocated_bytes\": " + p95AllocatedBytes + "}";
    }
}
