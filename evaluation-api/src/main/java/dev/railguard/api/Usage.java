package dev.railguard.api;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * What judging cost: judge calls, tokens, time spent waiting for judges, and money where a price table is set.
 * Usages add up: a metric's usage is the sum of its calls, a result's usage the sum of its metrics.
 *
 * @param judgeCalls    calls that reached a judge model (cache hits excluded)
 * @param cacheHits     calls answered from the cache
 * @param inputTokens   prompt tokens reported by the judges
 * @param outputTokens  completion tokens reported by the judges
 * @param judgeTime     the sum of the latencies of the judge calls (not wall time: calls may overlap)
 * @param cost          the cost of the tokens in the price table's currency, {@code 0} without a price table
 * @param callsByJudge  judge calls per judge name, sorted by name
 */
public record Usage(
        int judgeCalls,
        int cacheHits,
        long inputTokens,
        long outputTokens,
        Duration judgeTime,
        double cost,
        Map<String, Integer> callsByJudge) {

    /** No judge was asked. */
    public static final Usage NONE = new Usage(0, 0, 0, 0, Duration.ZERO, 0.0, Map.of());

    /** Validates and copies. */
    public Usage {
        if (judgeCalls < 0 || cacheHits < 0 || inputTokens < 0 || outputTokens < 0 || cost < 0 || Double.isNaN(cost)) {
            throw new IllegalArgumentException("usage counts must not be negative, but were: calls=" + judgeCalls
                    + ", cacheHits=" + cacheHits + ", inputTokens=" + inputTokens + ", outputTokens=" + outputTokens
                    + ", cost=" + cost);
        }
        Checks.notNull(judgeTime, "usage.judgeTime");
        callsByJudge = Map.copyOf(Checks.notNull(callsByJudge, "usage.callsByJudge"));
    }

    /** The usage of one call that reached judge {@code judge}. */
    public static Usage ofCall(String judge, long inputTokens, long outputTokens, Duration latency, double cost) {
        return new Usage(1, 0, inputTokens, outputTokens, latency, cost, Map.of(judge, 1));
    }

    /** The usage of one call answered from the cache. */
    public static Usage ofCacheHit() {
        return new Usage(0, 1, 0, 0, Duration.ZERO, 0.0, Map.of());
    }

    /** The sum of this usage and {@code other}. */
    public Usage plus(Usage other) {
        Map<String, Integer> calls = new TreeMap<>(callsByJudge);
        other.callsByJudge.forEach((k, v) -> calls.merge(k, v, Integer::sum));
        return new Usage(judgeCalls + other.judgeCalls, cacheHits + other.cacheHits, inputTokens + other.inputTokens,
                outputTokens + other.outputTokens, judgeTime.plus(other.judgeTime), cost + other.cost, calls);
    }

    /** Input plus output tokens. */
    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
